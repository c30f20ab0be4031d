"""What a request meets before any view: HTTPS behind the proxy, the CSP header.

The suite's settings are the production ones with the HTTPS redirect off (the test client
speaks plain http); the redirect tests switch it back on.
"""

from django.test import TestCase, override_settings

KEBIJAKAN = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


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


class ContentSecurityPolicyTests(TestCase):
    def kebijakan(self, respons) -> dict[str, str]:
        bagian = (b.strip().split(" ", 1) for b in respons["Content-Security-Policy"].split(";"))
        return {nama: nilai for nama, nilai in bagian}

    def test_pages_and_errors_carry_the_policy(self):
        self.assertEqual(self.kebijakan(self.client.get("/masuk/")), KEBIJAKAN)
        self.assertEqual(self.kebijakan(self.client.get("/tidak-ada/")), KEBIJAKAN)
