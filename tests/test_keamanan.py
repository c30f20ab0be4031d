"""What a request meets before any view: HTTPS behind the proxy, the CSP header, the size limit.

The suite's settings are the production ones with the HTTPS redirect off (the test client
speaks plain http); the redirect tests switch it back on.
"""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, FakePayload, encode_multipart
from django.urls import reverse

from sakip.excel.aman import UKURAN_MAKS
from sakip.models import UnggahanExcel
from tests.factories import buat_instansi, buat_pemeran

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
        return dict(bagian.strip().split(" ", 1) for bagian in respons["Content-Security-Policy"].split(";"))

    def test_pages_and_errors_carry_the_policy(self):
        self.assertEqual(self.kebijakan(self.client.get("/masuk/")), KEBIJAKAN)
        self.assertEqual(self.kebijakan(self.client.get("/tidak-ada/")), KEBIJAKAN)


class UkuranPermintaanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()
        cls.perencana, _, _ = buat_pemeran(cls.instansi, buat_instansi("dinas-lain"))
        cls.url = reverse("excel-unggah", args=[cls.instansi.slug, 2022])

    def setUp(self):
        self.client.force_login(self.perencana)

    def unggah(self, ukuran: int):
        """POST a workbook of `ukuran` bytes; return the response and the body as the server saw it."""
        isi = FakePayload(
            encode_multipart(
                BOUNDARY,
                {
                    "jenis": "realisasi",
                    "triwulan": "",
                    "berkas": SimpleUploadedFile("isian.xlsx", b"\0" * ukuran),
                },
            )
        )
        # The body goes in as the WSGI server would hand it over, so that the test can see
        # whether anything started reading it.
        respons = self.client.generic(
            "POST",
            self.url,
            CONTENT_TYPE=MULTIPART_CONTENT,
            CONTENT_LENGTH=str(len(isi)),
            **{"wsgi.input": isi},
        )
        return respons, isi

    def test_a_50_mb_upload_is_refused_before_its_body_is_read(self):
        respons, isi = self.unggah(50 * 1024 * 1024)
        self.assertEqual(respons.status_code, 413)
        self.assertIn("terlalu besar", respons.content.decode())
        self.assertFalse(isi.read_started)
        self.assertEqual(UnggahanExcel.objects.count(), 0)

    def test_a_workbook_just_over_the_upload_limit_reaches_the_form_and_gets_its_message(self):
        self.assertGreater(settings.UKURAN_PERMINTAAN_MAKS, UKURAN_MAKS + 64 * 1024)
        respons, isi = self.unggah(UKURAN_MAKS + 1)
        self.assertEqual(respons.status_code, 200)
        self.assertContains(respons, "Berkas terlalu besar; batasnya 5 MB.")
        self.assertTrue(isi.read_started)
        self.assertEqual(UnggahanExcel.objects.count(), 0)
