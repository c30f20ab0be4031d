"""The review's pages gather and assemble a report once per request, and take the same
number of queries at one and at ten times the data: the review page had assembled the
report a second time for the narratives' findings (issue 13), and the submission's page,
refused for want of a reason, had gathered it twice."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from instansi.models import Keanggotaan
from sakip.demo import gandakan
from sakip.lkjip import susun
from tests.factories import buat_instansi

TAHUN = 2022


class ReviuQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.kecil = buat_instansi("kecil", ukuran=2)
        cls.besar = buat_instansi("besar", ukuran=2)
        gandakan(cls.besar, 10)
        User = get_user_model()
        cls.admin = User.objects.create_superuser("admin", password="rahasia-admin-1")
        cls.perencana = User.objects.create_user("perencana", password="rahasia-p-1")
        for instansi in (cls.kecil, cls.besar):
            Keanggotaan.objects.create(user=cls.perencana, instansi=instansi)

    def kueri(self, minta, status: int) -> list[int]:
        """Queries of `minta(instansi)` for the small and the ten-times agency, each request
        assembling the report exactly once."""
        jumlah = []
        for instansi in (self.kecil, self.besar):
            with (
                CaptureQueriesContext(connection) as kueri,
                mock.patch.object(susun, "_tempatkan", wraps=susun._tempatkan) as tempatkan,
            ):
                r = minta(instansi)
            self.assertEqual(r.status_code, status)
            self.assertEqual(tempatkan.call_count, 1, "the report assembled more than once")
            jumlah.append(len(kueri))
        return jumlah

    def test_the_review_page(self):
        self.client.force_login(self.admin)
        jumlah = self.kueri(lambda i: self.client.get(reverse("reviu-laporan", args=[i.slug, TAHUN])), 200)
        self.assertEqual(jumlah, [50, 50])

    def test_the_submission_page_and_a_submission_refused_for_want_of_a_reason(self):
        self.client.force_login(self.perencana)

        def alamat(i):
            return reverse("reviu-transisi", args=[i.slug, TAHUN, "sampaikan"])

        with self.subTest("halaman"):
            jumlah = self.kueri(lambda i: self.client.get(alamat(i)), 200)
            self.assertEqual(jumlah, [44, 44])
        with self.subTest("tanpa alasan"):
            jumlah = self.kueri(lambda i: self.client.post(alamat(i), {"catatan": "", "versi": 0}), 200)
            self.assertEqual(jumlah, [50, 50])
