"""The year's quarterly targets (TW I–IV of the PK in force) and the Perjanjian Kinerja's record."""

from decimal import Decimal as D

from django.urls import reverse

from instansi.models import KunciTahun
from kinerja.models import Indikator, PerjanjianKinerja, Sasaran, Target, Tujuan
from tests.kasus import KasusInstansi, isian, utama

TAHUN = 2022
MURNI = Target.Sumber.PK_MURNI
PERUBAHAN = Target.Sumber.PK_PERUBAHAN


def sel(indikator, triwulan, sumber=MURNI, awal="nilai") -> str:
    return f"{awal}_{indikator.pk}_{TAHUN}_{sumber}_tw{triwulan}"


class TriwulanTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)
        cls.url = reverse("target-triwulan", args=[cls.a.slug, TAHUN])

    def triwulan(self, tw, nilai, sumber=MURNI):
        return Target.objects.create(indikator=self.iku, tahun=TAHUN, sumber=sumber, triwulan=tw, nilai=nilai)


class TargetTriwulanTests(TriwulanTestCase):
    def test_planner_enters_the_quarters_of_the_pk_murni_beside_its_yearly_target(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Perjanjian Kinerja (murni)")
        self.assertContains(r, "18,11")
        data = isian(r) | {sel(self.iku, 1): "4,5", sel(self.iku, 4): "18,11"}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "2 target triwulan diubah.")
        tersimpan = Target.objects.filter(indikator=self.iku, triwulan__isnull=False)
        self.assertEqual(
            sorted(tersimpan.values_list("sumber", "triwulan", "nilai")),
            [(MURNI, 1, D("4.5")), (MURNI, 4, D("18.11"))],
        )
        # The yearly PK target is untouched.
        self.assertEqual(
            Target.objects.get(indikator=self.iku, sumber=MURNI, triwulan=None).nilai, D("18.11")
        )

    def test_once_the_year_has_a_pk_perubahan_its_quarters_are_the_ones_edited(self):
        Target.objects.create(indikator=self.iku, tahun=TAHUN, sumber=PERUBAHAN, nilai=D("20"))
        self.triwulan(2, D("9"))
        r = self.client.get(self.url)
        self.assertContains(r, "Perjanjian Kinerja perubahan")
        self.assertNotIn(sel(self.iku, 2), r.context["form"].fields)
        data = isian(r) | {sel(self.iku, 2, PERUBAHAN): "10"}
        self.assertEqual(self.client.post(self.url, data).status_code, 302)
        self.assertEqual(Target.objects.get(sumber=PERUBAHAN, triwulan=2).nilai, D("10"))
        self.assertEqual(Target.objects.get(sumber=MURNI, triwulan=2).nilai, D("9"))

    def test_a_bad_number_reshows_the_grid_with_the_cells_message_and_saves_nothing(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku, 1): "5", sel(self.iku, 2): "18.83.1"}
        r = self.client.post(self.url, data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, f"Target TW II {TAHUN} «{self.iku.nama}»: «18.83.1» bukan angka yang sah")
        self.assertFalse(Target.objects.filter(triwulan__isnull=False).exists())

    def test_an_emptied_cell_removes_the_quarters_target_and_the_history_says_who(self):
        target = self.triwulan(3, D("12"))
        data = isian(self.client.get(self.url)) | {sel(self.iku, 3): ""}
        r = self.client.post(self.url, data, follow=True)
        self.assertFalse(Target.objects.filter(pk=target.pk).exists())
        riwayat = r.content.decode().split('id="riwayat"', 1)[1]
        self.assertIn("perencana-a", riwayat)
        self.assertIn("dihapus", riwayat)

    def test_a_change_appears_in_the_history_with_the_user_and_the_quarter(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku, 2): "7,25"}
        r = self.client.post(self.url, data, follow=True)
        baris = r.content.decode().split('id="riwayat"', 1)[1].split("</tr>")[1]
        for teks in ("perencana-a", "TW II", "7,25"):
            self.assertIn(teks, baris)
        self.assertEqual(Target.history.get(triwulan=2).history_user, self.perencana)

    def test_a_stale_version_gets_409_and_nothing_is_overwritten(self):
        target = self.triwulan(3, D("4"))
        # TW II comes before TW III in the grid: written, then rolled back with the conflict.
        data = isian(self.client.get(self.url)) | {sel(self.iku, 2): "9", sel(self.iku, 3): "5"}
        target.nilai = D("4.4")
        target.versi += 1
        target.save()
        r = self.client.post(self.url, data)
        self.assertContains(r, "tersimpan sekarang: <strong>4,4</strong>", status_code=409)
        self.assertEqual(Target.objects.get(pk=target.pk).nilai, D("4.4"))
        self.assertFalse(Target.objects.filter(triwulan=2).exists())

    def test_a_quarter_created_by_someone_else_meanwhile_is_a_conflict(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku, 1): "5"}
        self.triwulan(1, D("6"))
        r = self.client.post(self.url, data)
        self.assertEqual(r.status_code, 409)
        self.assertEqual(Target.objects.get(triwulan=1).nilai, D("6"))

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {sel(self.iku, 1): "1"}).status_code, 404)
        self.assertFalse(Target.objects.filter(triwulan__isnull=False).exists())

    def test_a_year_outside_every_renstra_is_404_with_the_reason(self):
        for nama in ("target-triwulan", "rencana-aksi", "perjanjian-kinerja"):
            with self.subTest(nama):
                r = self.client.get(reverse(nama, args=[self.a.slug, 2030]))
                self.assertEqual(r.status_code, 404)
                self.assertEqual(r.context["exception"], "Tidak ada Renstra yang mencakup tahun 2030.")

    def test_reviewer_reads_the_grid_without_inputs_and_cannot_post(self):
        self.triwulan(1, D("4.5"))
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url)
        self.assertContains(r, "4,5")
        self.assertNotIn("<input", utama(r))
        self.assertEqual(self.client.post(self.url, {sel(self.iku, 1): "1"}).status_code, 403)

    def test_a_locked_year_refuses_the_planners_changes(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku, 1): "5"}
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        self.assertEqual(self.client.post(self.url, data).status_code, 403)
        self.assertFalse(Target.objects.filter(triwulan__isnull=False).exists())
        self.assertNotIn("<input", utama(self.client.get(self.url)))


class NaskahPerjanjianTests(TriwulanTestCase):
    def url_naskah(self, jenis="murni"):
        return reverse("perjanjian-kinerja-naskah", args=[self.a.slug, TAHUN, jenis])

    def test_a_new_record_starts_from_the_agency_and_region_heads_and_is_saved(self):
        self.a.kepala_nama = "Drs. Kepala Dinas"
        self.a.save()
        r = self.client.get(self.url_naskah())
        self.assertEqual(r.context["form"]["pihak_pertama_nama"].value(), "Drs. Kepala Dinas")
        data = isian(r) | {"tempat_tanggal": "Liwa, Januari 2022", "pihak_kedua_nama": "Parosil Mabsus"}
        r = self.client.post(self.url_naskah(), data, follow=True)
        self.assertContains(r, "tersimpan")
        pk = PerjanjianKinerja.objects.get(instansi=self.a, tahun=TAHUN, jenis="murni")
        self.assertEqual(
            (pk.tempat_tanggal, pk.pihak_pertama_nama, pk.pihak_kedua_nama),
            ("Liwa, Januari 2022", "Drs. Kepala Dinas", "Parosil Mabsus"),
        )

    def test_planner_edits_the_pk_perubahan_record_apart_from_the_murni(self):
        PerjanjianKinerja.objects.create(
            instansi=self.a, tahun=TAHUN, jenis="murni", tempat_tanggal="Liwa, Januari"
        )
        data = isian(self.client.get(self.url_naskah("perubahan"))) | {"tempat_tanggal": "Liwa, Oktober"}
        self.assertEqual(self.client.post(self.url_naskah("perubahan"), data).status_code, 302)
        self.assertEqual(
            dict(PerjanjianKinerja.objects.values_list("jenis", "tempat_tanggal")),
            {"murni": "Liwa, Januari", "perubahan": "Liwa, Oktober"},
        )

    def test_an_unknown_kind_of_agreement_is_404(self):
        self.assertEqual(self.client.get(self.url_naskah("lain")).status_code, 404)

    def test_reviewer_reads_the_record_and_gets_403_on_post(self):
        PerjanjianKinerja.objects.create(instansi=self.a, tahun=TAHUN, tempat_tanggal="Liwa, Januari 2022")
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url_naskah())
        self.assertContains(r, "Liwa, Januari 2022")
        self.assertNotIn("<input", utama(r))
        self.assertEqual(self.client.post(self.url_naskah(), {"tempat_tanggal": "X"}).status_code, 403)

    def test_another_agencys_planner_gets_404_and_a_locked_year_403(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_naskah()).status_code, 404)
        self.client.force_login(self.perencana)
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        self.assertEqual(self.client.post(self.url_naskah(), {"tempat_tanggal": "X"}).status_code, 403)
        self.assertFalse(PerjanjianKinerja.objects.exists())


class HalamanSasaranTests(KasusInstansi):
    """The quarterly grid (and every target grid, which share the paging) shows one sasaran's
    indicators at every level per page, so its size does not grow with the agency."""

    ukuran_a = 2

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sasaran = list(Sasaran.objects.filter(renstra__instansi=cls.a).order_by("urutan"))
        cls.iku = [Indikator.objects.get(sasaran=s) for s in cls.sasaran]
        tujuan = Tujuan.objects.create(renstra=cls.sasaran[0].renstra, uraian="Tujuan 0")
        cls.indikator_tujuan = Indikator.objects.create(tujuan=tujuan, nama="Indikator tujuan 0", satuan="%")
        cls.url = reverse("target-triwulan", args=[cls.a.slug, TAHUN])

    def test_the_grid_opens_on_the_first_sasaran_and_links_every_page_with_its_count(self):
        r = self.client.get(self.url)
        self.assertEqual(
            [(h.kunci, h.judul, h.jumlah) for h in r.context["halaman"]],
            [
                (str(self.sasaran[0].pk), "Sasaran 0", 2),  # its IKU and its program's indicator
                (str(self.sasaran[1].pk), "Sasaran 1", 2),
                ("lain", "Di luar sasaran (tujuan, program tanpa sasaran)", 1),
            ],
        )
        halaman = utama(r)
        self.assertIn(f'<a href="?sasaran={self.sasaran[0].pk}" aria-current="page">Sasaran 0</a>', halaman)
        self.assertIn(f'<a href="?sasaran={self.sasaran[1].pk}">Sasaran 1</a>', halaman)
        self.assertIn("Persentase koperasi sehat 0", halaman)
        self.assertIn("Indikator program 0", halaman)
        self.assertNotIn("Persentase koperasi sehat 1", halaman)
        self.assertNotIn(sel(self.iku[1], 1), r.context["form"].fields)

    def test_a_page_saves_its_own_cells_and_comes_back_to_itself(self):
        alamat = f"{self.url}?sasaran={self.sasaran[1].pk}"
        r = self.client.get(alamat)
        self.assertNotContains(r, "Persentase koperasi sehat 0")
        data = isian(r) | {sel(self.iku[1], 1): "4,5"}
        self.assertRedirects(self.client.post(alamat, data), alamat)
        self.assertEqual(Target.objects.get(indikator=self.iku[1], triwulan=1).nilai, D("4.5"))

    def test_the_indicators_under_no_sasaran_have_a_page_of_their_own(self):
        r = self.client.get(self.url, {"sasaran": "lain"})
        self.assertEqual([b.indikator for b in r.context["baris"]], [self.indikator_tujuan])

    def test_an_indicators_own_page_links_to_the_grid_page_it_is_on(self):
        for indikator, kunci in ((self.iku[1], str(self.sasaran[1].pk)), (self.indikator_tujuan, "lain")):
            with self.subTest(indikator.nama):
                r = self.client.get(self.url, {"indikator": indikator.pk})
                self.assertEqual(r.context["halaman_aktif"].kunci, kunci)
                self.assertContains(r, f'<tr id="indikator-{indikator.pk}">')
        r = self.client.get(reverse("indikator-ubah", args=[self.a.slug, self.iku[1].pk]))
        alamat = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        self.assertContains(r, f'href="{alamat}?indikator={self.iku[1].pk}#indikator-{self.iku[1].pk}"')

    def test_a_sasaran_not_in_the_grid_is_404(self):
        sasaran_b = Sasaran.objects.filter(renstra__instansi=self.b).first()
        for diminta in (str(sasaran_b.pk), "abc", "999999"):
            with self.subTest(diminta):
                self.assertEqual(self.client.get(self.url, {"sasaran": diminta}).status_code, 404)
        iku_b = Indikator.objects.filter(renstra__instansi=self.b).first()
        for diminta in (str(iku_b.pk), "abc", "9" * 30):
            with self.subTest(indikator=diminta):
                self.assertEqual(self.client.get(self.url, {"indikator": diminta}).status_code, 404)

    def test_cells_of_another_page_posted_here_save_nothing(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku[0], 1): "1", sel(self.iku[1], 1): "2"}
        r = self.client.post(self.url, data)
        self.assertContains(r, "Susunan tabel", status_code=409)
        self.assertFalse(Target.objects.filter(triwulan__isnull=False).exists())


class SelKisiTests(TriwulanTestCase):
    """A cell is written without Django's widget templates, and says the same."""

    def test_a_cell_is_an_input_named_for_the_reader_with_its_figure_and_version(self):
        target = Target.objects.create(
            indikator=self.iku, tahun=TAHUN, sumber=MURNI, triwulan=1, nilai=D("1200.5")
        )
        halaman = utama(self.client.get(self.url))
        self.assertIn(
            f'<input type="text" name="{sel(self.iku, 1)}" value="1.200,5" id="id_{sel(self.iku, 1)}"'
            f' aria-label="Target TW I {TAHUN} «{self.iku.nama}»" inputmode="decimal" autocomplete="off">'
            f'<input type="hidden" name="{sel(self.iku, 1, awal="versi")}" value="{target.versi}"',
            halaman,
        )

    def test_a_refused_cell_keeps_what_was_typed_and_points_to_its_message(self):
        data = isian(self.client.get(self.url)) | {sel(self.iku, 2): "<b>18.83.1"}
        halaman = utama(self.client.post(self.url, data))
        galat = f"id_{sel(self.iku, 2)}_galat"
        self.assertIn(f'value="&lt;b&gt;18.83.1" id="id_{sel(self.iku, 2)}"', halaman)
        self.assertIn(f'aria-invalid="true" aria-describedby="{galat}"', halaman)
        self.assertIn(
            f'<div class="galat" id="{galat}">Target TW II {TAHUN} «{self.iku.nama}»: «&lt;b&gt;18.83.1»',
            halaman,
        )

    def test_a_locked_cell_posts_its_figure_back_hidden(self):
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        renstra = self.iku.renstra
        halaman = utama(self.client.get(reverse("target-renstra", args=[self.a.slug, renstra.pk])))
        nama = f"{self.iku.pk}_{TAHUN}_{Target.Sumber.RENSTRA}"
        self.assertIn(
            f'<input type="hidden" name="nilai_{nama}" value="18" id="id_nilai_{nama}">'
            f'<input type="hidden" name="versi_{nama}" value="1" id="id_versi_{nama}">'
            '18 <span class="ringkas" title="Tahun terkunci">(terkunci)</span>',
            halaman,
        )
