"""The evaluation's conclusions and follow-up: the evaluator writes strengths, weaknesses and
recommendations while evaluating, which the agency sees once final; the agency records each
recommendation's follow-up (what was done, the action plan, a due date, its state) once
final, versioned; open ones are listed for the agency and for the region's reviewers; the
LKjIP's chapter on evaluations shows them from the LKE, the recorded years before it."""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import reverse

from evaluasi import alur
from evaluasi.models import RekomendasiLke, SimpulanLhe, StatusLke, TindakLanjutLke
from evaluasi.tindak_lanjut.views import terbuka
from instansi.models import Pemeriksa
from sakip.lkjip import tabel_profil
from sakip.lkjip.data import kumpulkan
from tests.kasus import KasusInstansi, utama
from tests.test_lhe import instrumen, jalankan, jawab, teratas

TAHUN = 2022


class TindakLanjutTests(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pengendali = get_user_model().objects.create_user("pengendali", password="rahasia-pt-1")
        Pemeriksa.objects.create(user=cls.pengendali, pemda=cls.a.pemda)
        cls.pemeriksa_b = get_user_model().objects.create_user("pemeriksa-b", password="rahasia-pb-1")
        Pemeriksa.objects.create(user=cls.pemeriksa_b, pemda=cls.b.pemda)

    def url(self, nama, *args, tahun=TAHUN):
        return reverse(nama, args=[self.a.slug, tahun, *args])

    def dinilai(self):
        e = alur.mulai(self.perencana, self.a, TAHUN, instrumen("12/2015"))
        return alur.terapkan(self.perencana, e, "serahkan", "", e.versi)

    def test_the_evaluator_writes_conclusions_while_evaluating_the_agency_reads_them_once_final(self):
        e = self.dinilai()
        self.assertEqual(self.client.get(self.url("rekomendasi-lke")).status_code, 404)
        self.masuk(self.pemeriksa)
        respons = self.client.post(
            self.url("rekomendasi-lke"),
            {"aksi": "simpulan", "s-versi": "0", "s-kekuatan": "IKU jelas.", "s-kelemahan": ""},
        )
        self.assertRedirects(respons, self.url("rekomendasi-lke"))
        # The same recommendation sent twice (a double click) is added once.
        for _ in range(2):
            respons = self.client.post(
                self.url("rekomendasi-lke"),
                {"aksi": "baru", "r-versi": "0", "r-teks": "Reviu IKU.", "r-urutan": "1"},
            )
            self.assertRedirects(respons, self.url("rekomendasi-lke"))
        self.assertEqual(SimpulanLhe.objects.get(evaluasi=e).kekuatan, "IKU jelas.")
        rekomendasi = RekomendasiLke.objects.get(evaluasi=e)
        # Two reviewers' pages saving the same conclusions: the later one meets a conflict.
        respons = self.client.post(
            self.url("rekomendasi-lke"),
            {"aksi": "simpulan", "s-versi": "0", "s-kekuatan": "Lain.", "s-kelemahan": ""},
        )
        self.assertEqual(respons.status_code, 409)
        # The planner cannot write them, nor follow them up before final.
        self.masuk(self.perencana)
        self.assertEqual(self.client.post(self.url("rekomendasi-lke"), {"aksi": "baru"}).status_code, 404)
        self.assertEqual(self.client.get(self.url("tindak-lanjut-ubah", rekomendasi.pk)).status_code, 404)
        e.refresh_from_db()
        jawab(self.pemeriksa, e, "evaluator", teratas)
        e = alur.terapkan(self.pengendali, e, "setujui", "", e.versi)
        e = alur.terapkan(self.pengendali, e, "finalkan", "", e.versi)
        halaman = utama(self.client.get(self.url("rekomendasi-lke")))
        self.assertIn("Reviu IKU.", halaman)
        self.assertNotIn("form-rekomendasi", halaman)
        # Once final, nobody changes them.
        self.masuk(self.pemeriksa)
        respons = self.client.post(
            self.url("rekomendasi-ubah", rekomendasi.pk), {"versi": "1", "teks": "X", "urutan": "1"}
        )
        self.assertEqual(respons.status_code, 403)

    def test_the_agency_records_a_follow_up_once_final_versioned_and_listed_until_done(self):
        e = jalankan(self.perencana, self.pemeriksa, self.pengendali, self.a, TAHUN)
        self.assertEqual(e.status, StatusLke.FINAL)
        rekomendasi = RekomendasiLke.objects.create(evaluasi=e, urutan=1, teks="Publikasikan Renstra.")
        url = self.url("tindak-lanjut-ubah", rekomendasi.pk)
        isian = {
            "versi": "0",
            "tindak_lanjut": "",
            "rencana_aksi": "Unggah ke situs dinas",
            "batas_waktu": "2023-03-31",
            "status": "proses",
        }
        self.masuk(self.pemeriksa)
        self.assertEqual(self.client.post(url, isian).status_code, 403)
        self.masuk(self.pemeriksa_b)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.masuk(self.perencana)
        self.assertRedirects(self.client.post(url, isian), self.url("tindak-lanjut-lke"))
        tindak = TindakLanjutLke.objects.get(rekomendasi=rekomendasi)
        self.assertEqual((tindak.batas_waktu, tindak.status), (date(2023, 3, 31), "proses"))
        # Done needs what was done; the history keeps every version.
        respons = self.client.post(url, isian | {"versi": str(tindak.versi), "status": "selesai"})
        self.assertContains(respons, "sebelum menandainya selesai")
        for daftar, user in (
            (self.url("tindak-lanjut-lke"), self.perencana),
            (reverse("tindak-lanjut-pemeriksa"), self.pemeriksa),
        ):
            self.masuk(user)
            self.assertIn("Publikasikan Renstra.", utama(self.client.get(daftar)))
        self.masuk(self.pemeriksa_b)
        self.assertNotIn("Publikasikan Renstra.", utama(self.client.get(reverse("tindak-lanjut-pemeriksa"))))
        self.assertEqual([b.rekomendasi for b in terbuka(self.a, TAHUN)], [rekomendasi])
        self.masuk(self.perencana)
        selesai = isian | {
            "versi": str(tindak.versi),
            "status": "selesai",
            "tindak_lanjut": "Renstra dipublikasikan.",
        }
        self.assertRedirects(self.client.post(url, selesai), self.url("tindak-lanjut-lke"))
        self.assertEqual(tindak.history.count(), 2)
        self.masuk(self.pemeriksa)
        self.assertNotIn("Publikasikan Renstra.", utama(self.client.get(reverse("tindak-lanjut-pemeriksa"))))
        self.assertEqual(terbuka(self.a, TAHUN), [])
        # A page opened before the first save cannot save over it.
        self.masuk(self.perencana)
        self.assertEqual(self.client.post(url, isian).status_code, 409)

    def test_a_second_creation_of_a_follow_up_is_a_conflict_never_a_second_row(self):
        e = jalankan(self.perencana, self.pemeriksa, self.pengendali, self.a, TAHUN)
        rekomendasi = RekomendasiLke.objects.create(evaluasi=e, urutan=1, teks="Publikasikan Renstra.")
        url = self.url("tindak-lanjut-ubah", rekomendasi.pk)
        isian = {"versi": "0", "tindak_lanjut": "", "rencana_aksi": "Unggah", "batas_waktu": ""}
        isian["status"] = "proses"
        self.masuk(self.perencana)
        self.assertRedirects(self.client.post(url, isian), self.url("tindak-lanjut-lke"))
        # The same form sent again (a double click) and another planner's page opened before
        # the first save: each is told what is stored now, and nothing is added or changed.
        for kedua, sekarang in (
            (isian, "sama dengan isian Anda"),
            (isian | {"rencana_aksi": "Rapat"}, "Rencana aksi: «Unggah»"),
        ):
            with self.subTest(kedua["rencana_aksi"]):
                respons = self.client.post(url, kedua)
                self.assertContains(respons, sekarang, status_code=409)
        tindak = TindakLanjutLke.objects.get(rekomendasi=rekomendasi)
        self.assertEqual((tindak.rencana_aksi, tindak.versi), ("Unggah", 1))

    def test_the_lkjip_shows_the_lkes_follow_up_and_the_recorded_years_before_it(self):
        # buat_instansi recorded 2021 as scores with one follow-up; 2022's LKE is final.
        e = jalankan(self.perencana, self.pemeriksa, self.pengendali, self.a, TAHUN)
        r = RekomendasiLke.objects.create(evaluasi=e, urutan=1, teks="Publikasikan Renstra.")
        TindakLanjutLke.objects.create(
            rekomendasi=r,
            tindak_lanjut="Sudah",
            rencana_aksi="Unggah",
            batas_waktu=date(2023, 3, 31),
            status="selesai",
        )
        data = kumpulkan(self.a, TAHUN)
        self.assertEqual(
            [(x.evaluasi.tahun, x.nilai) for x in data.evaluasi], [(2021, Decimal("80.37")), (2022, 100)]
        )
        nilai, tindak = tabel_profil.evaluasi(data)
        self.assertEqual([s.nilai for s in tindak.kepala[0]][-2:], ["Batas Waktu", "Status"])
        baris = [[s.nilai for s in b] for b in tindak.baris]
        self.assertEqual(baris[0][1:4], ["Dokumentasikan pengukuran kinerja", "–", "–"])
        self.assertEqual(
            baris[1][1:], ["Publikasikan Renstra.", "Sudah", "Unggah", "31 Maret 2023", "Selesai"]
        )
        self.assertIn("Perencanaan", " ".join(str(s.nilai) for b in nilai.baris for s in b))
        # Before the LKE (the report of 2021) the table keeps the document's four columns.
        [_, tindak] = tabel_profil.evaluasi(kumpulkan(self.a, 2021))
        self.assertEqual(len(tindak.kepala[0]), 4)
