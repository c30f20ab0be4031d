"""A report's life: every transition, every refusal, and the year's data locked and unlocked
with them (`reviu.alur`, through its confirmation pages as people use them).

The agency of `buat_instansi` has real findings (its PK target 18,11 is not the Renstra's
18,00: `reviu.temuan`'s «pk-beda-renstra»), so its planner submits only with a reason.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from instansi.models import KunciTahun, Pemeriksa
from publikasi.models import Terbitan
from reviu import alur
from reviu.models import CatatanReviu, PeristiwaLaporan, Status, StatusLaporan
from tests.kasus import KasusInstansi

TAHUN = 2022
ALASAN = "Target PK memang berbeda dari Renstra: ditetapkan ulang pada perubahan anggaran."


class KasusReviu(KasusInstansi):
    """The screen tests' cast, with a reviewer of b's region (a stranger to a) and names."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pemeriksa_b = get_user_model().objects.create_user("pemeriksa-b", password="rahasia-p-2")
        Pemeriksa.objects.create(user=cls.pemeriksa_b, pemda=cls.b.pemda)
        cls.pemeriksa.first_name, cls.pemeriksa.last_name = "Rina", "Inspektur"
        cls.pemeriksa.save()

    def url(self, kode: str, instansi=None) -> str:
        return reverse("reviu-transisi", args=[(instansi or self.a).slug, TAHUN, kode])

    def status(self) -> StatusLaporan:
        return alur.status_kini(self.a, TAHUN)

    def langkah(self, user, kode: str, catatan: str = "", versi: int | None = None):
        """`user` confirms `kode` on a's report as last seen (or at `versi`)."""
        self.masuk(user)
        versi = self.status().versi if versi is None else versi
        return self.client.post(self.url(kode), {"catatan": catatan, "versi": versi})

    def catat(self, teks="Lengkapi sumber data indikator program.", tempat="laporan:"):
        """The region's reviewer writes a note on the report."""
        self.masuk(self.pemeriksa)
        r = self.client.post(
            reverse("reviu-laporan", args=[self.a.slug, TAHUN]), {"tempat": tempat, "teks": teks}
        )
        self.assertEqual(r.status_code, 302)
        return CatatanReviu.objects.latest("pk")

    def terkunci(self) -> bool:
        return KunciTahun.objects.filter(instansi=self.a, tahun=TAHUN).exists()

    def tulis_data(self):
        """A planner's write to the year's data: the report's title."""
        self.masuk(self.perencana)
        url = reverse("naskah-lkjip", args=[self.a.slug, TAHUN])
        return self.client.post(url, {"judul": "LKjIP", "tempat_tanggal": "Kota, 2023", "versi": 0})


class SubmissionTests(KasusReviu):
    def test_the_confirmation_spells_out_the_consequences_and_lists_the_findings(self):
        r = self.client.get(self.url("sampaikan"))
        self.assertContains(r, "<h1>Sampaikan laporan 2022?</h1>", html=True)
        self.assertContains(r, "Data tahun 2022 dikunci: perencana tidak dapat mengubahnya lagi")
        self.assertContains(r, f"Pemeriksa Inspektorat {self.a.pemda.nama} melihat laporan ini")
        temuan = alur.temuan_laporan(self.a, TAHUN)
        self.assertGreater(len(temuan), 0)
        self.assertContains(r, f"Temuan otomatis ({len(temuan)})")
        for t in temuan:
            self.assertContains(r, t.pesan)

    def test_submitting_with_open_findings_without_a_reason_is_refused(self):
        r = self.langkah(self.perencana, "sampaikan")
        self.assertContains(r, "temuan otomatis: perbaiki, atau tuliskan mengapa")
        self.assertEqual(self.status().status, Status.DRAF)
        self.assertFalse(self.terkunci())
        self.assertFalse(PeristiwaLaporan.objects.exists())

    def test_submitting_with_a_reason_locks_the_year_and_records_the_findings(self):
        temuan = alur.temuan_laporan(self.a, TAHUN)
        r = self.langkah(self.perencana, "sampaikan", ALASAN)
        self.assertRedirects(r, reverse("reviu-laporan", args=[self.a.slug, TAHUN]))
        status = self.status()
        self.assertEqual((status.status, status.jumlah_temuan), (Status.DISAMPAIKAN, len(temuan)))
        self.assertTrue(self.terkunci())
        p = PeristiwaLaporan.objects.get()
        self.assertEqual(
            (p.transisi, p.dari, p.ke, p.oleh, p.catatan),
            ("sampaikan", "draf", "disampaikan", self.perencana, ALASAN),
        )
        self.assertEqual([x["kode"] for x in p.temuan], [t.kode for t in temuan])
        self.assertIn("pk-beda-renstra", [x["kode"] for x in p.temuan])
        self.assertEqual([x["pesan"] for x in p.temuan], [t.pesan for t in temuan])
        self.assertEqual(self.tulis_data().status_code, 403)

    def test_the_agency_year_shows_the_state_and_the_next_step_of_each_role(self):
        halaman = reverse("instansi-tahun", args=[self.a.slug, TAHUN])
        r = self.client.get(halaman)
        self.assertContains(r, "LKjIP 2022: <span")
        self.assertContains(r, f'href="{self.url("sampaikan")}"')
        self.assertNotContains(r, "Kunci tahun")
        self.masuk(self.pemeriksa)
        r = self.client.get(halaman)
        self.assertNotContains(r, 'href="/instansi/dinas-a/2022/reviu/sampaikan/"')
        self.assertContains(r, alur.GILIRAN[Status.DRAF])
        self.langkah(self.perencana, "sampaikan", ALASAN)
        self.masuk(self.pemeriksa)
        r = self.client.get(halaman)
        self.assertContains(r, f'href="{self.url("kembalikan")}"')
        self.assertContains(r, f'href="{self.url("terima")}"')
        self.assertContains(r, "Data tahun ini terkunci bagi perencana")
        self.masuk(self.perencana)
        self.assertContains(self.client.get(halaman), alur.GILIRAN[Status.DISAMPAIKAN])


class ReturnTests(KasusReviu):
    def setUp(self):
        super().setUp()
        self.langkah(self.perencana, "sampaikan", ALASAN)

    def test_returning_needs_an_open_note(self):
        r = self.langkah(self.pemeriksa, "kembalikan")
        self.assertContains(r, "sedikitnya satu catatan reviu terbuka")
        self.assertEqual(self.status().status, Status.DISAMPAIKAN)
        self.assertTrue(self.terkunci())

    def test_a_returned_report_unlocks_the_year_for_its_planners(self):
        self.catat()
        self.assertContains(
            self.client.get(self.url("kembalikan")), "Lengkapi sumber data indikator program."
        )
        r = self.langkah(self.pemeriksa, "kembalikan", "Lihat catatan.")
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.status().status, Status.DIKEMBALIKAN)
        self.assertFalse(self.terkunci())
        dibuka = KunciTahun.history.filter(instansi_id=self.a.pk, tahun=TAHUN, history_type="-").get()
        self.assertEqual(dibuka.history_user, self.pemeriksa)
        self.assertEqual(self.tulis_data().status_code, 302)
        # Resubmitted, the year is locked again.
        self.assertEqual(self.langkah(self.perencana, "sampaikan", ALASAN).status_code, 302)
        self.assertEqual(self.status().status, Status.DISAMPAIKAN)
        self.assertTrue(self.terkunci())

    def test_an_admin_returns_too(self):
        self.catat()
        self.assertEqual(self.langkah(self.admin, "kembalikan").status_code, 302)
        self.assertEqual(self.status().status, Status.DIKEMBALIKAN)


class PublicationTests(KasusReviu):
    def test_accepted_published_corrected_and_published_again_as_version_2(self):
        self.langkah(self.perencana, "sampaikan", ALASAN)
        self.assertEqual(self.langkah(self.pemeriksa, "terima").status_code, 302)
        self.assertEqual(self.status().status, Status.DITERIMA)
        self.assertTrue(self.terkunci())
        self.assertEqual(self.tulis_data().status_code, 403)

        self.masuk(self.admin)
        self.assertContains(self.client.get(self.url("terbitkan")), "tidak dapat diubah lagi")
        self.assertEqual(self.langkah(self.admin, "terbitkan").status_code, 302)
        self.assertEqual(self.status().status, Status.DITERBITKAN)
        v1 = Terbitan.objects.get(instansi=self.a, tahun=TAHUN)
        diterima = PeristiwaLaporan.objects.get(transisi="terima")
        self.assertEqual((v1.versi, v1.diterbitkan_oleh), (1, self.admin))
        self.assertEqual((v1.direviu_oleh, v1.direviu_pada), ("Rina Inspektur", diterima.pada))

        # A correction needs its reason, reopens the year as a draft, and keeps version 1.
        r = self.langkah(self.pemeriksa, "koreksi")
        self.assertContains(r, "Tuliskan alasan «Koreksi» laporan ini.")
        self.assertEqual(
            self.langkah(self.pemeriksa, "koreksi", "Realisasi TW IV salah ketik.").status_code, 302
        )
        self.assertEqual(self.status().status, Status.DRAF)
        self.assertFalse(self.terkunci())
        self.assertEqual(self.tulis_data().status_code, 302)
        self.langkah(self.perencana, "sampaikan", ALASAN)
        self.langkah(self.pemeriksa, "terima")
        self.langkah(self.pemeriksa, "terbitkan")
        self.assertEqual(
            list(Terbitan.objects.filter(instansi=self.a).values_list("versi", flat=True)), [1, 2]
        )
        self.assertEqual(Terbitan.objects.get(versi=1).sha256_pdf, v1.sha256_pdf)
        self.assertEqual(
            list(PeristiwaLaporan.objects.values_list("transisi", flat=True)),
            ["sampaikan", "terima", "terbitkan", "koreksi", "sampaikan", "terima", "terbitkan"],
        )


class RefusalTests(KasusReviu):
    def test_a_role_that_may_not_make_a_transition_gets_403_and_nothing_changes(self):
        for user, kode in ((self.pemeriksa, "sampaikan"), (self.admin, "sampaikan")):
            with self.subTest(user=user.username, kode=kode):
                self.masuk(user)
                self.assertEqual(self.client.get(self.url(kode)).status_code, 403)
                self.assertEqual(self.langkah(user, kode, ALASAN).status_code, 403)
        self.langkah(self.perencana, "sampaikan", ALASAN)
        self.catat()
        for kode in ("kembalikan", "terima"):
            with self.subTest(user="perencana", kode=kode):
                self.assertEqual(self.langkah(self.perencana, kode, "x").status_code, 403)
        self.assertEqual(self.status().status, Status.DISAMPAIKAN)
        self.assertEqual(PeristiwaLaporan.objects.count(), 1)

    def test_a_transition_the_state_does_not_allow_answers_409(self):
        for user, kode in (
            (self.pemeriksa, "terima"),
            (self.pemeriksa, "kembalikan"),
            (self.admin, "terbitkan"),
            (self.admin, "koreksi"),
        ):
            with self.subTest(kode=kode):
                r = self.langkah(user, kode, "x")
                self.assertContains(r, "tidak berlaku dari status itu", status_code=409)
        self.langkah(self.perencana, "sampaikan", ALASAN)
        self.assertContains(
            self.langkah(self.perencana, "sampaikan", ALASAN), "«Disampaikan»", status_code=409
        )
        self.assertEqual(PeristiwaLaporan.objects.count(), 1)

    def test_another_regions_reviewer_and_another_agencys_planner_get_404(self):
        self.langkah(self.perencana, "sampaikan", ALASAN)
        for user in (self.pemeriksa_b, self.perencana_b):
            for kode in ("terima", "kembalikan", "sampaikan"):
                with self.subTest(user=user.username, kode=kode):
                    self.masuk(user)
                    self.assertEqual(self.client.get(self.url(kode)).status_code, 404)
                    self.assertEqual(self.langkah(user, kode, "x").status_code, 404)
        self.assertEqual(self.status().status, Status.DISAMPAIKAN)

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        self.client.logout()
        for metode in ("get", "post"):
            r = getattr(self.client, metode)(self.url("sampaikan"))
            self.assertEqual(r.status_code, 302)
            self.assertTrue(r["Location"].startswith(reverse("masuk")))

    def test_an_unknown_transition_is_404(self):
        self.assertEqual(self.client.get(self.url("hapus")).status_code, 404)

    def test_a_transition_confirmed_on_a_stale_page_is_a_conflict(self):
        self.langkah(self.perencana, "sampaikan", ALASAN)
        dilihat = self.status().versi  # the reviewer opens «Terima»…
        self.catat()
        self.langkah(self.admin, "kembalikan")  # …meanwhile it is returned and submitted again
        self.langkah(self.perencana, "sampaikan", ALASAN)
        r = self.langkah(self.pemeriksa, "terima", versi=dilihat)
        self.assertContains(r, 'id="konflik"', status_code=409)
        self.assertContains(r, "Status LKjIP", status_code=409)
        self.assertEqual(self.status().status, Status.DISAMPAIKAN)
        self.assertEqual(PeristiwaLaporan.objects.filter(transisi="terima").count(), 0)


class TransitionDataTests(KasusReviu):
    def test_every_state_is_reached_and_left_by_some_transition(self):
        dari = {s for t in alur.TRANSISI.values() for s in t.dari}
        ke = {t.ke for t in alur.TRANSISI.values()}
        self.assertEqual(dari, set(Status.values))
        self.assertEqual(ke, set(Status.values))

    def test_terapkan_refuses_without_a_view(self):
        with self.assertRaises(alur.TidakBoleh):
            alur.terapkan(self.pemeriksa, self.a, TAHUN, "sampaikan", ALASAN, 0)
        with self.assertRaises(alur.TahapSalah):
            alur.terapkan(self.pemeriksa, self.a, TAHUN, "terima", "", 0)
        baru = alur.terapkan(self.perencana, self.a, TAHUN, "sampaikan", ALASAN, 0)
        self.assertEqual((baru.status, baru.versi), (Status.DISAMPAIKAN, 1))
