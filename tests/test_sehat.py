"""The load balancer's probes and the structured logs: `/sehat` without the database, `/siap`
with it (and Redis when configured), both before the host check and the HTTPS redirect,
saying nothing of why a check failed; every request logged once as a JSON line with its id."""

import io
import json
import logging

from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse

from sakip.log import FormatJson


class ProbeTests(TestCase):
    def test_liveness_answers_without_the_database(self):
        with self.assertNumQueries(0):
            r = self.client.get(reverse("sehat"))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.json(), {"status": "sehat"})
        self.assertIn("no-store", r["Cache-Control"])

    def test_readiness_asks_the_database(self):
        with self.assertNumQueries(1):
            r = self.client.get(reverse("siap"))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.json(), {"status": "siap", "periksa": {"basis_data": "ok"}})

    @override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["sakip.example.go.id"])
    def test_a_probe_by_address_over_http_is_answered_not_redirected_or_refused(self):
        for nama in ("sehat", "siap"):
            r = self.client.get(reverse(nama), HTTP_HOST="10.0.0.7:8000")
            self.assertEqual(r.status_code, 200, nama)
        # Any other page keeps both rules.
        self.assertEqual(self.client.get(reverse("masuk"), HTTP_HOST="10.0.0.7:8000").status_code, 400)

    def test_a_database_that_does_not_answer_makes_503_and_the_reason_stays_in_the_log(self):
        def gagal(*args, **kwargs):
            raise RuntimeError("connection to server at 10.0.0.9 (secret-host) failed")

        with self.assertLogs("sakip.sehat", "ERROR") as log, connection.execute_wrapper(gagal):
            r = self.client.get(reverse("siap"))
        self.assertEqual(r.status_code, 503)
        self.assertEqual(r.json(), {"status": "tidak siap", "periksa": {"basis_data": "gagal"}})
        self.assertNotIn(b"secret-host", r.content)
        self.assertIn("secret-host", "\n".join(log.output))

    @override_settings(REDIS_URL="redis://127.0.0.1:1/0")
    def test_a_configured_redis_that_does_not_answer_makes_503(self):
        with self.assertLogs("sakip.sehat", "ERROR"):
            r = self.client.get(reverse("siap"))
        self.assertEqual(r.status_code, 503)
        self.assertEqual(r.json()["periksa"], {"basis_data": "ok", "redis": "gagal"})


class LogTests(TestCase):
    def tangkap(self):
        keluaran = io.StringIO()
        penangan = logging.StreamHandler(keluaran)
        penangan.setFormatter(FormatJson())
        logger = logging.getLogger("sakip.permintaan")
        logger.addHandler(penangan)
        self.addCleanup(logger.removeHandler, penangan)
        return keluaran

    def test_every_request_is_one_json_line_with_its_id(self):
        keluaran = self.tangkap()
        r = self.client.get(reverse("masuk"), HTTP_X_REQUEST_ID="dari-proxy-1234")
        self.assertEqual(r["X-Request-ID"], "dari-proxy-1234")
        (baris,) = keluaran.getvalue().splitlines()
        isi = json.loads(baris)
        self.assertEqual(isi["id_permintaan"], "dari-proxy-1234")
        self.assertEqual((isi["metode"], isi["jalur"], isi["status"]), ("GET", "/masuk/", 200))
        self.assertEqual(isi["level"], "INFO")
        self.assertIsInstance(isi["durasi_ms"], float)

    def test_an_id_that_does_not_look_like_one_is_replaced(self):
        keluaran = self.tangkap()
        r = self.client.get(reverse("masuk"), HTTP_X_REQUEST_ID='"}\n{"palsu": 1')
        self.assertRegex(r["X-Request-ID"], r"^[0-9a-f]{32}$")
        self.assertEqual(json.loads(keluaran.getvalue())["id_permintaan"], r["X-Request-ID"])

    def test_probes_are_not_logged(self):
        keluaran = self.tangkap()
        self.client.get(reverse("sehat"))
        self.assertEqual(keluaran.getvalue(), "")
