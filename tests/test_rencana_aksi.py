"""The action plan (rencana aksi): per indicator and quarter, the quarter's target and what will
be done, on the planners' screen and in the LKjIP's lampiran «Rencana Aksi Kinerja»."""

from decimal import Decimal as D

from django.urls import reverse

from kinerja.models import Indikator, RencanaAksi, Target
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.kasus import KasusInstansi, isian, utama

TAHUN = 2022
MURNI = Target.Sumber.PK_MURNI


def sel(indikator, triwulan, awal="nilai") -> str:
    return f"{awal}_{indikator.pk}_{TAHUN}_{MURNI}_tw{triwulan}"


class RencanaAksiTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)
        cls.url = reverse("rencana-aksi", args=[cls.a.slug, TAHUN])

    def aksi(self, tw, uraian):
        return RencanaAksi.objects.create(indikator=self.iku, tahun=TAHUN, triwulan=tw, uraian=uraian)


class RencanaAksiScreenTests(RencanaAksiTestCase):
    def test_planner_saves_a_quarters_target_and_its_action_together(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Perjanjian Kinerja (murni)")
        data = isian(r) | {sel(self.iku, 2): "9,5", sel(self.iku, 2, "uraian"): "Pembinaan 20 koperasi"}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "2 isian rencana aksi diubah.")
        self.assertEqual(
            RencanaAksi.objects.get(indikator=self.iku, triwulan=2).uraian, "Pembinaan 20 koperasi"
        )
        # The quarter's target is the quarterly targets screen's own row, not a copy of it.
        target = Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber=MURNI, triwulan=2)
        self.assertEqual(target.nilai, D("9.5"))
        triwulan = self.client.get(reverse("target-triwulan", args=[self.a.slug, TAHUN]))
        self.assertEqual(triwulan.context["form"][sel(self.iku, 2)].value(), "9,5")
        self.assertEqual(RencanaAksi.history.get().history_user, self.perencana)

    def test_an_action_is_shown_in_its_textarea_as_written_escaped_with_its_version(self):
        aksi = self.aksi(1, "\n<b>Sosialisasi</b>")
        halaman = utama(self.client.get(self.url))
        self.assertIn(
            f'<textarea name="{sel(self.iku, 1, "uraian")}" id="id_{sel(self.iku, 1, "uraian")}" rows="2"'
            f' cols="40" maxlength="2000" aria-label="Rencana aksi TW I {TAHUN} «{self.iku.nama}»">'
            f'\n\n&lt;b&gt;Sosialisasi&lt;/b&gt;</textarea><input type="hidden"'
            f' name="{sel(self.iku, 1, "versi_aksi")}" value="{aksi.versi}"',
            halaman,
        )

    def test_an_emptied_action_is_removed(self):
        self.aksi(1, "Sosialisasi")
        data = isian(self.client.get(self.url)) | {sel(self.iku, 1, "uraian"): "  "}
        self.assertEqual(self.client.post(self.url, data).status_code, 302)
        self.assertFalse(RencanaAksi.objects.exists())

    def test_a_bad_number_names_the_field_and_the_value_and_saves_nothing(self):
        data = isian(self.client.get(self.url)) | {
            sel(self.iku, 1, "uraian"): "Sosialisasi",
            sel(self.iku, 3): "12,5,1",
        }
        r = self.client.post(self.url, data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, f"Target TW III {TAHUN} «{self.iku.nama}»: «12,5,1» bukan angka yang sah")
        self.assertFalse(RencanaAksi.objects.exists())
        self.assertFalse(Target.objects.filter(triwulan__isnull=False).exists())

    def test_an_action_too_long_is_refused_before_the_database_sees_it(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku, 4, "uraian"): "x" * 2001}
        r = self.client.post(self.url, data)
        self.assertContains(r, "paling banyak 2000 karakter")
        self.assertFalse(RencanaAksi.objects.exists())

    def test_a_stale_action_gets_409_and_nothing_is_written(self):
        aksi = self.aksi(2, "Rapat koordinasi")
        data = isian(self.client.get(self.url)) | {
            sel(self.iku, 1): "4",
            sel(self.iku, 2, "uraian"): "Rapat koordinasi dan monitoring",
        }
        aksi.uraian = "Monitoring lapangan"
        aksi.save()
        r = self.client.post(self.url, data)
        self.assertContains(r, "Monitoring lapangan", status_code=409)
        self.assertEqual(RencanaAksi.objects.get().uraian, "Monitoring lapangan")
        self.assertFalse(Target.objects.filter(triwulan=1).exists())

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {sel(self.iku, 1, "uraian"): "x"}).status_code, 404)
        self.assertFalse(RencanaAksi.objects.exists())

    def test_reviewer_reads_the_plan_without_inputs_and_cannot_post(self):
        self.aksi(3, "Pendampingan koperasi")
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url)
        self.assertContains(r, "Pendampingan koperasi")
        self.assertNotIn("<input", utama(r))
        self.assertNotIn("<textarea", utama(r))
        self.assertEqual(self.client.post(self.url, {sel(self.iku, 3, "uraian"): "x"}).status_code, 403)


class RencanaAksiLampiranTests(RencanaAksiTestCase):
    def test_the_lampiran_shows_each_quarters_target_and_action(self):
        Target.objects.create(indikator=self.iku, tahun=TAHUN, sumber=MURNI, triwulan=2, nilai=D("9.5"))
        self.aksi(2, "Pembinaan 20 koperasi")
        dokumen = susun(kumpulkan(self.a, TAHUN))
        [bagian] = [b for b in dokumen.lampiran if b.judul == "Rencana Aksi Kinerja"]
        [tabel] = bagian.isi
        self.assertEqual(tabel.judul, f"Rencana Aksi Kinerja Tahun {TAHUN}")
        html = html_laporan(dokumen)
        lampiran = html.split('<h1 class="bab">LAMPIRAN</h1>', 1)[1]
        self.assertIn("Pembinaan 20 koperasi", lampiran)
        baris = lampiran.split("Pembinaan 20 koperasi")[0].rsplit("<tr>", 1)[1]
        self.assertIn("TW II", baris)
        self.assertIn("9,5", baris)

    def test_without_actions_the_lampiran_is_left_out(self):
        dokumen = susun(kumpulkan(self.a, TAHUN))
        self.assertNotIn("Rencana Aksi Kinerja", [b.judul for b in dokumen.lampiran])
