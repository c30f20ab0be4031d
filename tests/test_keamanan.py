"""What a request meets before any view: HTTPS behind the proxy.

The suite's settings are the production ones with the HTTPS redirect off (the test client
speaks plain http); the redirect tests switch it back on.
"""

from django.test import TestCase, override_settings


@override_settings(SECURE_SSL_REDIRECT=True)
class HttpsTests(TestCase):
    def test_plain_http_is_redirected_to_https(self):
        respons = self.client.get("/masuk/")
        self.assertEqual(respons.status_code, 301)
        self.assertEqual(respons["Location"], "https://testserver/masuk/")

    def test_https_ended_at_the_proxy_is_served_and_told_to_stay_on_https(self):
        respons = self.client.get("/masuk/", headers={"X-Forwarded-Proto": "https"})
        self.assertEqual(respons.status_code, 200)
        self.assertTrue(respons.wsgi_request.is_secure())
        self.assertEqual(respons["Strict-Transport-Security"], "max-age=31536000; includeSubDomains; preload")

    def test_the_proxy_header_saying_http_is_still_redirected(self):
        respons = self.client.get("/masuk/", headers={"X-Forwarded-Proto": "http"})
        self.assertEqual(respons.status_code, 301)
