"""Reviewer notes: written by the region's reviewer on the report or a part of it, answered by
the planner, closed or reopened by the reviewer; shown on the review page, beside the object
on the planner's screens and in a panel of the report's web page, never in its print."""

from django.urls import reverse

from kinerja.models import Indikator, Sasaran
from reviu.models import CatatanReviu, Objek, StatusCatatan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.test_alur import TAHUN, KasusReviu


class KasusCatatan(KasusReviu):
    ukuran_a = 2

    def setUp(self):
        super().setUp()
        self.iku, self.iku_lain = Indikator.objects.filter(sasaran__renstra__instansi=self.a).order_by("pk")
        self.sasaran, self.sasaran_lain = Sasaran.objects.filter(renstra__instansi=self.a).order_by("pk")

    def halaman(self, pk: int) -> str:
        return reverse("reviu-catatan", args=[self.a.slug, TAHUN, pk])

    def aksi(self, user, c: CatatanReviu, aksi: str, jawaban: str = "", versi: int | None = None):
        self.masuk(user)
        versi = c.versi if versi is None else versi
        return self.client.post(self.halaman(c.pk), {"aksi": aksi, "jawaban": jawaban, "versi": versi})


class WritingNotesTests(KasusCatatan):
    def test_the_reviewer_chooses_among_what_the_report_shows(self):
        self.masuk(self.pemeriksa)
        r = self.client.get(reverse("reviu-laporan", args=[self.a.slug, TAHUN]))
        for nilai, label in (
            ("laporan:", "Laporan secara keseluruhan"),
            ("bab:bab-3", "Bab III Akuntabilitas Kinerja"),
            (f"sasaran:{self.sasaran.pk}", "Sasaran 0"),
            (f"indikator:{self.iku.pk}", self.iku.nama),
        ):
            self.assertContains(r, f'<option value="{nilai}">{label}</option>', html=True)
        self.assertContains(r, '<option value="tabel:Tabel 3.1">Tabel 3.1 ')

    def test_the_same_note_sent_twice_is_written_once(self):
        c = self.catat("Lengkapi sumber data.")
        self.assertEqual(self.catat("Lengkapi sumber data."), c)  # a double click
        self.assertEqual(CatatanReviu.objects.filter(instansi=self.a).count(), 1)
        # Another text, or the same once the first is closed, is another note.
        self.catat("Lengkapi definisi operasional.")
        self.aksi(self.pemeriksa, c, "tutup")
        self.catat("Lengkapi sumber data.")
        self.assertEqual(CatatanReviu.objects.filter(instansi=self.a).count(), 3)

    def test_a_note_on_an_indicator_shows_beside_it_on_the_realisation_screen_only(self):
        c = self.catat("Realisasi 74 dari 393 perlu bukti.", f"indikator:{self.iku.pk}")
        self.assertEqual(
            (c.objek, c.kunci, c.label, c.status),
            (Objek.INDIKATOR, str(self.iku.pk), self.iku.nama, "terbuka"),
        )
        self.assertEqual(c.dibuat_oleh, self.pemeriksa)
        self.masuk(self.perencana)
        realisasi = reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk])
        r = self.client.get(realisasi)
        self.assertContains(r, 'id="catatan-reviu"')
        self.assertContains(r, "Realisasi 74 dari 393 perlu bukti.")
        self.assertContains(r, f'href="{self.halaman(c.pk)}"')
        lain = self.client.get(reverse("realisasi", args=[self.a.slug, TAHUN, self.iku_lain.pk]))
        self.assertNotContains(lain, "Realisasi 74 dari 393 perlu bukti.")

    def test_a_note_on_a_sasaran_shows_on_its_analysis_screen(self):
        self.catat("Analisis belum menjelaskan penyebab.", f"sasaran:{self.sasaran.pk}")
        self.masuk(self.perencana)
        url = reverse("analisis-sasaran", args=[self.a.slug, TAHUN, self.sasaran.pk])
        self.assertContains(self.client.get(url), "Analisis belum menjelaskan penyebab.")
        lain = reverse("analisis-sasaran", args=[self.a.slug, TAHUN, self.sasaran_lain.pk])
        self.assertNotContains(self.client.get(lain), "Analisis belum menjelaskan penyebab.")

    def test_the_report_web_page_lists_the_notes_and_its_print_does_not(self):
        self.catat("Bab III terlalu ringkas.", "bab:bab-3")
        for user in (self.perencana, self.pemeriksa):
            self.masuk(user)
            r = self.client.get(reverse("lkjip-html", args=[self.a.slug, TAHUN]))
            self.assertContains(r, 'id="panel-web"')
            self.assertContains(r, "Bab III terlalu ringkas.")
            self.assertContains(r, f'href="{reverse("reviu-laporan", args=[self.a.slug, TAHUN])}"')
        cetak = html_laporan(susun(kumpulkan(self.a, TAHUN)))
        self.assertNotIn("Bab III terlalu ringkas.", cetak)
        self.assertNotIn("panel-web", cetak)

    def test_only_the_regions_reviewer_and_admins_write_notes(self):
        url = reverse("reviu-laporan", args=[self.a.slug, TAHUN])
        data = {"tempat": "laporan:", "teks": "Catatan."}
        for user, kode in (
            (self.perencana, 403),
            (self.perencana_b, 404),
            (self.pemeriksa_b, 404),
            (self.admin, 302),
        ):
            with self.subTest(user.username):
                self.masuk(user)
                self.assertEqual(self.client.post(url, data).status_code, kode)
        self.assertEqual(CatatanReviu.objects.get().dibuat_oleh, self.admin)
        self.masuk(self.perencana)
        self.assertNotContains(self.client.get(url), 'id="catatan-baru"')

    def test_a_place_the_report_does_not_show_is_refused(self):
        self.masuk(self.pemeriksa)
        url = reverse("reviu-laporan", args=[self.a.slug, TAHUN])
        r = self.client.post(url, {"tempat": f"indikator:{self.iku.pk + 1000}", "teks": "Catatan."})
        self.assertContains(r, "Masukkan pilihan yang valid.")
        self.assertFalse(CatatanReviu.objects.exists())


class NoteLifeTests(KasusCatatan):
    def test_the_planner_answers_and_the_reviewer_closes_or_reopens(self):
        c = self.catat()
        self.assertContains(self.aksi(self.perencana, c, "jawab"), "Tuliskan jawaban Anda.")
        r = self.aksi(self.perencana, c, "jawab", "Sumber data: laporan RAT koperasi.")
        self.assertEqual(r.status_code, 302)
        c.refresh_from_db()
        self.assertEqual(
            (c.status, c.jawaban, c.dijawab_oleh),
            (StatusCatatan.DIJAWAB, "Sumber data: laporan RAT koperasi.", self.perencana),
        )
        self.assertEqual(self.aksi(self.pemeriksa, c, "buka").status_code, 302)
        c.refresh_from_db()
        self.assertEqual(c.status, StatusCatatan.TERBUKA)
        self.assertEqual(self.aksi(self.pemeriksa, c, "tutup").status_code, 302)
        c.refresh_from_db()
        self.assertEqual((c.status, c.ditutup_oleh), (StatusCatatan.DITUTUP, self.pemeriksa))
        self.assertEqual(c.history.count(), 4)

    def test_each_role_gets_only_its_steps(self):
        c = self.catat()
        self.assertEqual(self.aksi(self.perencana, c, "tutup").status_code, 403)
        self.assertEqual(self.aksi(self.pemeriksa, c, "jawab", "Saya menjawab sendiri.").status_code, 403)
        self.masuk(self.perencana)
        r = self.client.get(self.halaman(c.pk))
        self.assertContains(r, 'value="jawab"')
        self.assertNotContains(r, 'value="tutup"')
        self.masuk(self.pemeriksa)
        r = self.client.get(self.halaman(c.pk))
        self.assertContains(r, 'value="tutup"')
        self.assertNotContains(r, 'value="jawab"')
        c.refresh_from_db()
        self.assertEqual(c.status, StatusCatatan.TERBUKA)

    def test_a_step_the_notes_state_does_not_allow_answers_409(self):
        c = self.catat()
        self.aksi(self.pemeriksa, c, "tutup")
        c.refresh_from_db()
        self.assertContains(
            self.aksi(self.perencana, c, "jawab", "Terlambat."), "berstatus «Ditutup»", status_code=409
        )

    def test_others_get_404_for_the_note_and_for_its_id_under_their_own_agency(self):
        c = self.catat()
        for user in (self.perencana_b, self.pemeriksa_b):
            with self.subTest(user.username):
                self.masuk(user)
                self.assertEqual(self.client.get(self.halaman(c.pk)).status_code, 404)
                self.assertEqual(self.aksi(user, c, "tutup").status_code, 404)
        self.masuk(self.perencana_b)
        dipinjam = reverse("reviu-catatan", args=[self.b.slug, TAHUN, c.pk])
        self.assertEqual(self.client.get(dipinjam).status_code, 404)
        self.client.logout()
        self.assertEqual(self.client.get(self.halaman(c.pk)).status_code, 302)

    def test_a_step_on_a_stale_page_is_a_conflict(self):
        c = self.catat()
        dilihat = c.versi
        self.aksi(self.perencana, c, "jawab", "Jawaban pertama.")
        r = self.aksi(self.pemeriksa, c, "tutup", versi=dilihat)
        self.assertContains(r, 'id="konflik"', status_code=409)
        c.refresh_from_db()
        self.assertEqual(c.status, StatusCatatan.DIJAWAB)

    def test_answering_stays_open_while_the_report_is_submitted(self):
        c = self.catat()
        self.langkah(self.perencana, "sampaikan", "Alasan temuan.")
        self.assertEqual(
            self.aksi(self.perencana, c, "jawab", "Sudah diperbaiki di narasi.").status_code, 302
        )
