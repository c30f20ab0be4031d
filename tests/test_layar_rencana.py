"""The planners' plan screens: the Renstra tree and its nodes, indicators, the Renstra
target grid, the Perjanjian Kinerja and the indicator list."""

import csv
import io
from decimal import Decimal as D

from django.urls import reverse

from instansi.models import Keanggotaan, KunciTahun
from kinerja.hitung import Polaritas
from kinerja.models import Indikator, Kegiatan, Program, Renstra, Sasaran, SubKegiatan, Target, Tujuan
from tests.factories import buat_instansi
from tests.kasus import KasusInstansi, isian, utama

TAHUN = 2022


def sel(indikator, tahun, sumber=Target.Sumber.RENSTRA) -> str:
    return f"nilai_{indikator.pk}_{tahun}_{sumber}"


class RencanaTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.renstra = Renstra.objects.get(instansi=cls.a)
        cls.sasaran = Sasaran.objects.get(renstra=cls.renstra)
        cls.iku = Indikator.objects.get(sasaran=cls.sasaran)
        cls.program = Program.objects.get(renstra=cls.renstra)
        cls.kegiatan = Kegiatan.objects.filter(program=cls.program).first()


class PohonTests(RencanaTestCase):
    def test_planner_sees_every_level_of_the_plan_with_its_indicators(self):
        r = self.client.get(reverse("rencana", args=[self.a.slug]))
        self.assertEqual(r.status_code, 200)
        for teks in [
            "Sasaran 0",
            "Program 0",
            "Kegiatan 0.1",
            "Sub kegiatan 0.1",
            self.iku.nama,
            "Indikator program 0",
        ]:
            self.assertContains(r, teks)
        self.assertContains(r, reverse("target-renstra", args=[self.a.slug, self.renstra.pk]))
        self.assertContains(r, reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN]))

    def test_the_tree_takes_the_same_number_of_queries_whatever_the_size_of_the_plan(self):
        besar = buat_instansi("dinas-besar", ukuran=4)
        Keanggotaan.objects.create(user=self.perencana, instansi=besar)
        with self.assertNumQueries(15):
            self.client.get(reverse("rencana", args=[self.a.slug]))
        with self.assertNumQueries(15):
            self.client.get(reverse("rencana", args=[besar.slug]))

    def test_reviewer_sees_the_tree_without_links_to_change_it(self):
        self.masuk(self.pemeriksa)
        r = self.client.get(reverse("rencana", args=[self.a.slug]))
        self.assertContains(r, "Sasaran 0")
        self.assertNotContains(r, "hapus")
        self.assertNotContains(r, "+ indikator")

    def test_another_agencys_planner_gets_404(self):
        self.masuk(self.perencana_b)
        self.assertEqual(self.client.get(reverse("rencana", args=[self.a.slug])).status_code, 404)


class NodeTests(RencanaTestCase):
    def test_planner_adds_a_tujuan_to_the_renstra(self):
        url = reverse("node-tambah", args=[self.a.slug, "tujuan", self.renstra.pk])
        r = self.client.post(url, {"kode": "T1", "uraian": "Meningkatkan daya saing koperasi", "urutan": "1"})
        tujuan = Tujuan.objects.get(renstra=self.renstra)
        self.assertRedirects(r, reverse("rencana", args=[self.a.slug]) + f"#tujuan-{tujuan.pk}")
        self.assertEqual(tujuan.uraian, "Meningkatkan daya saing koperasi")

    def test_planner_adds_a_sub_kegiatan_under_a_kegiatan(self):
        url = reverse("node-tambah", args=[self.a.slug, "sub-kegiatan", self.kegiatan.pk])
        self.client.post(url, {"nama": "Pelatihan pengelola koperasi", "urutan": "3"})
        self.assertTrue(
            SubKegiatan.objects.filter(kegiatan=self.kegiatan, nama="Pelatihan pengelola koperasi").exists()
        )

    def test_planner_adds_a_renstra_whose_period_must_run_forward_and_not_repeat(self):
        url = reverse("renstra-tambah", args=[self.a.slug])
        r = self.client.post(url, {"nama": "Renstra baru", "tahun_awal": "2027", "tahun_akhir": "2025"})
        self.assertContains(r, "Tahun akhir tidak boleh sebelum tahun awal.")
        r = self.client.post(url, {"nama": "Renstra lama", "tahun_awal": "2021", "tahun_akhir": "2026"})
        self.assertContains(r, "sudah memiliki Renstra yang mulai tahun 2021")
        self.client.post(url, {"nama": "Renstra baru", "tahun_awal": "2027", "tahun_akhir": "2031"})
        self.assertEqual(Renstra.objects.filter(instansi=self.a).count(), 2)

    def test_a_sasaran_may_only_be_placed_under_a_tujuan_of_its_own_renstra(self):
        lain = Tujuan.objects.create(renstra=Renstra.objects.get(instansi=self.b), uraian="Tujuan B")
        url = reverse("node-ubah", args=[self.a.slug, "sasaran", self.sasaran.pk])
        r = self.client.post(url, {"tujuan": lain.pk, "uraian": "Sasaran 0", "urutan": "0"})
        self.assertEqual(r.status_code, 200)
        self.assertIn("tujuan", r.context["form"].errors)
        self.sasaran.refresh_from_db()
        self.assertIsNone(self.sasaran.tujuan)

    def test_a_program_of_another_agency_cannot_hold_a_new_kegiatan(self):
        program_b = Program.objects.get(renstra__instansi=self.b)
        r = self.client.post(
            reverse("node-tambah", args=[self.a.slug, "kegiatan", program_b.pk]), {"nama": "X"}
        )
        self.assertEqual(r.status_code, 404)

    def test_another_agencys_planner_gets_404_for_a_node(self):
        self.masuk(self.perencana_b)
        url = reverse("node-ubah", args=[self.a.slug, "program", self.program.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(url, {"nama": "Diambil alih"}).status_code, 404)

    def test_reviewer_sees_a_node_without_inputs_and_may_not_change_it(self):
        self.masuk(self.pemeriksa)
        url = reverse("node-ubah", args=[self.a.slug, "program", self.program.pk])
        r = self.client.get(url)
        self.assertContains(r, "Program 0")
        self.assertContains(r, "Sasaran 0")  # the chosen sasaran by its name, not its number
        self.assertNotIn("<input", utama(r))
        self.assertNotContains(r, '<button class="utama"')
        self.assertEqual(self.client.post(url, {"nama": "Diubah"}).status_code, 403)
        self.program.refresh_from_db()
        self.assertEqual(self.program.nama, "Program 0")


class HapusTests(RencanaTestCase):
    def test_a_node_with_budget_is_not_deleted_and_the_page_says_why(self):
        url = reverse("node-hapus", args=[self.a.slug, "kegiatan", self.kegiatan.pk])
        r = self.client.get(url)
        self.assertContains(r, "Tidak dapat dihapus")
        self.assertContains(r, "1 pagu")
        self.assertContains(r, "1 realisasi anggaran")
        self.assertNotContains(r, "Ya, hapus")
        self.assertEqual(self.client.post(url).status_code, 409)
        self.assertTrue(Kegiatan.objects.filter(pk=self.kegiatan.pk).exists())

    def test_a_sasaran_whose_indicator_has_realisations_is_not_deleted(self):
        r = self.client.post(reverse("node-hapus", args=[self.a.slug, "sasaran", self.sasaran.pk]))
        self.assertContains(r, "realisasi", status_code=409)
        self.assertTrue(Sasaran.objects.filter(pk=self.sasaran.pk).exists())

    def test_a_node_without_budget_is_deleted_after_confirmation_with_its_indicators(self):
        program = Program.objects.create(renstra=self.renstra, nama="Program baru")
        indikator = Indikator.objects.create(program=program, nama="Cakupan", satuan="%")
        Target.objects.create(indikator=indikator, tahun=2024, sumber=Target.Sumber.RENSTRA, nilai=D(5))
        url = reverse("node-hapus", args=[self.a.slug, "program", program.pk])
        r = self.client.get(url)
        self.assertContains(r, "1 indikator")
        self.assertContains(r, "1 target")
        self.assertTrue(Program.objects.filter(pk=program.pk).exists())  # GET only asks
        self.assertRedirects(self.client.post(url, {"versi": 1}), reverse("rencana", args=[self.a.slug]))
        self.assertFalse(Program.objects.filter(pk=program.pk).exists())
        self.assertFalse(Indikator.objects.filter(pk=indikator.pk).exists())

    def test_a_planner_cannot_take_a_locked_years_targets_along(self):
        program = Program.objects.create(renstra=self.renstra, nama="Program baru")
        indikator = Indikator.objects.create(program=program, nama="Cakupan", satuan="%")
        Target.objects.create(indikator=indikator, tahun=TAHUN, sumber=Target.Sumber.PK_MURNI, nilai=D(5))
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        r = self.client.post(reverse("node-hapus", args=[self.a.slug, "program", program.pk]))
        self.assertEqual(r.status_code, 403)
        self.assertTrue(Program.objects.filter(pk=program.pk).exists())

    def test_reviewer_may_read_the_confirmation_but_not_delete(self):
        tujuan = Tujuan.objects.create(renstra=self.renstra, uraian="Tujuan lama")
        self.masuk(self.pemeriksa)
        url = reverse("node-hapus", args=[self.a.slug, "tujuan", tujuan.pk])
        self.assertNotContains(self.client.get(url), "Ya, hapus")
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertTrue(Tujuan.objects.filter(pk=tujuan.pk).exists())


class IndikatorTests(RencanaTestCase):
    ISIAN = {
        "kode": "P.1",
        "nama": "Persentase UMKM naik kelas",
        "satuan": "%",
        "polaritas": Polaritas.NAIK,
        "rumus_polaritas_turun": "",
        "jenis_rumus": "rasio",
        "formulasi": "UMKM naik kelas ÷ UMKM binaan × 100",
        "label_komponen_a": "UMKM naik kelas",
        "label_komponen_b": "UMKM binaan",
        "sumber_data": "Bidang UMKM",
        "penanggung_jawab": "Kepala Bidang UMKM",
        "iku": "",
        "urutan": "1",
        "versi": "0",
    }

    def url(self, indikator):
        return reverse("indikator-ubah", args=[self.a.slug, indikator.pk])

    def test_planner_adds_an_indicator_to_a_program(self):
        r = self.client.post(
            reverse("indikator-tambah", args=[self.a.slug, "program", self.program.pk]), self.ISIAN
        )
        indikator = Indikator.objects.get(nama="Persentase UMKM naik kelas")
        self.assertRedirects(r, self.url(indikator))
        self.assertEqual((indikator.program, indikator.renstra), (self.program, self.renstra))
        self.assertEqual(indikator.label_komponen_b, "UMKM binaan")

    def test_components_are_refused_on_a_directly_measured_indicator(self):
        isian = self.ISIAN | {"jenis_rumus": "langsung"}
        r = self.client.post(
            reverse("indikator-tambah", args=[self.a.slug, "program", self.program.pk]), isian
        )
        self.assertContains(r, "Komponen A/B hanya untuk rumus rasio atau pertumbuhan.")
        self.assertFalse(Indikator.objects.filter(nama=isian["nama"]).exists())

    def test_planner_changes_an_indicator_and_its_history_shows_who_and_what(self):
        data = isian(self.client.get(self.url(self.iku)))
        data.update(satuan="persen", polaritas=Polaritas.TURUN)
        self.assertRedirects(self.client.post(self.url(self.iku), data), self.url(self.iku))
        self.iku.refresh_from_db()
        self.assertEqual((self.iku.satuan, self.iku.versi), ("persen", 2))
        self.assertEqual(self.iku.history.first().history_user, self.perencana)
        r = self.client.get(self.url(self.iku))
        riwayat = r.content.decode().split('id="riwayat"')[1]
        self.assertIn("perencana-a", riwayat)
        self.assertIn("«%» → «persen»", riwayat)
        self.assertIn("«Semakin tinggi semakin baik» → «Semakin rendah semakin baik»", riwayat)

    def test_a_stale_version_gets_409_and_overwrites_nothing(self):
        data = isian(self.client.get(self.url(self.iku)))
        Indikator.objects.filter(pk=self.iku.pk).update(versi=2, satuan="orang")  # saved by someone else
        r = self.client.post(self.url(self.iku), data | {"satuan": "unit"})
        self.assertEqual(r.status_code, 409)
        self.assertContains(r, "Satuan: «orang»", status_code=409)
        self.iku.refresh_from_db()
        self.assertEqual(self.iku.satuan, "orang")

    def test_reviewer_sees_an_indicator_without_inputs_and_may_not_change_it(self):
        self.masuk(self.pemeriksa)
        r = self.client.get(self.url(self.iku))
        self.assertContains(r, self.iku.nama)
        self.assertContains(r, "Rasio: A ÷ B × 100")
        self.assertNotIn("<input", utama(r))
        self.assertEqual(self.client.post(self.url(self.iku), self.ISIAN).status_code, 403)

    def test_another_agencys_indicator_answers_404(self):
        iku_b = Indikator.objects.get(renstra__instansi=self.b, iku=True)
        self.assertEqual(self.client.get(self.url(iku_b)).status_code, 404)
        self.assertEqual(self.client.post(self.url(iku_b), self.ISIAN).status_code, 404)
        r = self.client.post(
            reverse("indikator-tambah", args=[self.a.slug, "sasaran", iku_b.sasaran_id]), self.ISIAN
        )
        self.assertEqual(r.status_code, 404)

    def test_an_indicator_cannot_be_attached_to_a_renstra_directly(self):
        url = reverse("indikator-tambah", args=[self.a.slug, "renstra", self.renstra.pk])
        self.assertEqual(self.client.get(url).status_code, 404)


class TargetRenstraTests(RencanaTestCase):
    def url(self):
        return reverse("target-renstra", args=[self.a.slug, self.renstra.pk])

    def test_planner_fills_the_grid_of_years_in_one_post(self):
        data = isian(self.client.get(self.url()))
        data[sel(self.iku, 2021)] = "17,5"
        data[sel(self.iku, 2026)] = "21,53%"
        self.assertRedirects(self.client.post(self.url(), data), self.url())
        target = dict(
            Target.objects.filter(indikator=self.iku, sumber=Target.Sumber.RENSTRA).values_list(
                "tahun", "nilai"
            )
        )
        self.assertEqual(target, {2021: D("17.5"), 2022: D("18.00"), 2026: D("21.53")})
        r = self.client.get(self.url())
        self.assertContains(r, "21,53")
        self.assertIn("perencana-a", r.content.decode().split('id="riwayat"')[1])

    def test_a_bad_cell_shows_its_message_and_nothing_is_saved(self):
        data = isian(self.client.get(self.url()))
        data[sel(self.iku, 2021)] = "17,5"
        data[sel(self.iku, 2023)] = "18.83.1"
        r = self.client.post(self.url(), data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Tidak ada yang disimpan")
        self.assertContains(r, f"Target 2023 (Renstra) «{self.iku.nama}»")
        self.assertContains(r, "18.83.1")
        self.assertFalse(Target.objects.filter(indikator=self.iku, tahun__in=[2021, 2023]).exists())

    def test_an_emptied_cell_removes_the_target_and_the_history_keeps_it(self):
        data = isian(self.client.get(self.url()))
        data[sel(self.iku, TAHUN)] = ""
        self.client.post(self.url(), data)
        self.assertFalse(Target.objects.filter(indikator=self.iku, tahun=TAHUN, sumber="renstra").exists())
        terhapus = Target.history.filter(indikator_id=self.iku.pk, tahun=TAHUN, history_type="-").get()
        self.assertEqual(terhapus.history_user, self.perencana)

    def test_a_stale_cell_gets_409_and_no_cell_is_saved(self):
        data = isian(self.client.get(self.url()))
        Target.objects.filter(indikator=self.iku, tahun=TAHUN, sumber="renstra").update(nilai=D(19), versi=2)
        data[sel(self.iku, 2021)] = "17"
        data[sel(self.iku, TAHUN)] = "20"
        r = self.client.post(self.url(), data)
        self.assertContains(r, "telah berubah sejak halaman ini Anda buka", status_code=409)
        self.assertContains(r, "tersimpan sekarang: <strong>19</strong>", status_code=409)
        self.assertFalse(Target.objects.filter(indikator=self.iku, tahun=2021).exists())
        self.assertEqual(Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber="renstra").nilai, D(19))

    def test_a_locked_year_is_shown_but_a_planner_may_not_change_it(self):
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        r = self.client.get(self.url())
        self.assertContains(r, "(terkunci)")
        data = isian(r)
        data[sel(self.iku, 2021)] = "17"  # an open year beside the locked one still saves
        self.assertRedirects(self.client.post(self.url(), data), self.url())
        data[sel(self.iku, TAHUN)] = "25"
        self.assertEqual(self.client.post(self.url(), data).status_code, 403)
        self.assertEqual(Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber="renstra").nilai, D(18))

    def test_reviewer_sees_the_grid_without_inputs_and_may_not_post(self):
        self.masuk(self.pemeriksa)
        r = self.client.get(self.url())
        self.assertContains(r, "18")
        self.assertNotIn("<input", utama(r))
        self.assertNotContains(r, '<form method="post">')
        self.assertEqual(self.client.post(self.url(), {sel(self.iku, 2021): "1"}).status_code, 403)

    def test_another_agencys_renstra_answers_404(self):
        renstra_b = Renstra.objects.get(instansi=self.b)
        r = self.client.get(reverse("target-renstra", args=[self.a.slug, renstra_b.pk]))
        self.assertEqual(r.status_code, 404)


class PerjanjianKinerjaTests(RencanaTestCase):
    def url(self, nama="perjanjian-kinerja"):
        return reverse(nama, args=[self.a.slug, TAHUN])

    def test_planner_enters_the_pk_perubahan_beside_the_pk_murni_and_the_renstra(self):
        r = self.client.get(self.url())
        self.assertContains(r, "Target Renstra 2022")
        self.assertContains(r, "18,11")  # PK murni
        self.assertContains(r, "Indikator program 0")  # every level, not only sasaran
        data = isian(r)
        data[sel(self.iku, TAHUN, Target.Sumber.PK_PERUBAHAN)] = "19,2"
        self.assertRedirects(self.client.post(self.url(), data), self.url())
        baru = Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber=Target.Sumber.PK_PERUBAHAN)
        self.assertEqual(baru.nilai, D("19.2"))
        self.assertEqual(baru.history.get().history_user, self.perencana)

    def test_the_changes_page_lists_targets_that_differ_old_to_new(self):
        Target.objects.create(
            indikator=self.iku, tahun=TAHUN, sumber=Target.Sumber.PK_PERUBAHAN, nilai=D("19.2")
        )
        program = Indikator.objects.get(program=self.program)
        for sumber in Target.Sumber.PK_MURNI, Target.Sumber.PK_PERUBAHAN:  # unchanged: not listed
            Target.objects.create(indikator=program, tahun=TAHUN, sumber=sumber, nilai=D(60))
        r = self.client.get(self.url("perjanjian-kinerja-perubahan"))
        tabel = r.content.decode().split('id="perubahan"')[1]
        self.assertIn("18,11", tabel)
        self.assertIn("→ 19,2", tabel)
        self.assertNotIn(program.nama, tabel)

    def test_the_changes_page_lists_a_target_the_pk_murni_did_not_have(self):
        program = Indikator.objects.get(program=self.program)
        Target.objects.create(indikator=program, tahun=TAHUN, sumber=Target.Sumber.PK_PERUBAHAN, nilai=D(60))
        r = self.client.get(self.url("perjanjian-kinerja-perubahan"))
        baris = r.content.decode().split('id="perubahan"')[1].split("</tr>")[1]
        self.assertIn(program.nama, baris)
        self.assertIn('<td class="angka">–</td><td class="angka">→ 60</td>', baris)

    def test_a_bad_number_is_refused_with_its_cell_named(self):
        data = isian(self.client.get(self.url()))
        data[sel(self.iku, TAHUN, Target.Sumber.PK_PERUBAHAN)] = "18.83.1"
        r = self.client.post(self.url(), data)
        self.assertContains(r, f"Target 2022 (Perjanjian Kinerja perubahan) «{self.iku.nama}»")
        self.assertFalse(Target.objects.filter(sumber=Target.Sumber.PK_PERUBAHAN).exists())

    def test_a_locked_year_refuses_the_planners_writes(self):
        data = isian(self.client.get(self.url()))
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        data[sel(self.iku, TAHUN, Target.Sumber.PK_PERUBAHAN)] = "19"
        self.assertEqual(self.client.post(self.url(), data).status_code, 403)
        self.assertFalse(Target.objects.filter(sumber=Target.Sumber.PK_PERUBAHAN).exists())
        self.assertNotContains(self.client.get(self.url()), "Simpan sasaran ini")

    def test_a_stale_pk_cell_gets_409(self):
        data = isian(self.client.get(self.url()))
        Target.objects.filter(indikator=self.iku, sumber=Target.Sumber.PK_MURNI).update(nilai=D(18), versi=5)
        data[sel(self.iku, TAHUN, Target.Sumber.PK_MURNI)] = "20"
        self.assertEqual(self.client.post(self.url(), data).status_code, 409)
        self.assertEqual(Target.objects.get(indikator=self.iku, sumber=Target.Sumber.PK_MURNI).nilai, D(18))

    def test_reviewer_reads_the_pk_and_may_not_post(self):
        self.masuk(self.pemeriksa)
        r = self.client.get(self.url())
        self.assertContains(r, "18,11")
        self.assertNotIn("<input", utama(r))
        self.assertEqual(self.client.post(self.url(), {}).status_code, 403)

    def test_a_year_outside_every_renstra_answers_404(self):
        r = self.client.get(reverse("perjanjian-kinerja", args=[self.a.slug, 2030]))
        self.assertEqual(r.status_code, 404)


class DaftarIndikatorTests(RencanaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.turun = Indikator.objects.create(
            kegiatan=cls.kegiatan,
            nama="Rata-rata perubahan harga bahan pokok",
            satuan="%",
            polaritas=Polaritas.TURUN,
            penanggung_jawab="Bidang Perdagangan",
        )

    def daftar(self, **saring):
        return self.client.get(reverse("indikator-daftar", args=[self.a.slug]), saring)

    def nama(self, response) -> list[str]:
        return [row.record.nama for row in response.context["tabel"].rows]

    def test_lists_every_indicator_of_the_agency_only(self):
        self.assertEqual(
            sorted(self.nama(self.daftar())),
            sorted(Indikator.objects.filter(renstra__instansi=self.a).values_list("nama", flat=True)),
        )

    def test_filters_by_level_iku_polarity_and_text(self):
        self.assertEqual(self.nama(self.daftar(tingkat="kegiatan")), [self.turun.nama])
        self.assertEqual(self.nama(self.daftar(iku="true")), [self.iku.nama])
        self.assertEqual(self.nama(self.daftar(polaritas="turun")), [self.turun.nama])
        self.assertEqual(self.nama(self.daftar(q="perdagangan")), [self.turun.nama])

    def test_sorts_by_a_column(self):
        nama = self.nama(self.daftar(sort="-nama"))
        self.assertEqual(nama, sorted(nama, reverse=True))
        self.assertEqual(self.nama(self.daftar(sort="tingkat"))[0], self.iku.nama)  # sasaran before program

    def test_exports_what_is_shown_as_csv(self):
        r = self.daftar(polaritas="turun", ekspor="csv")
        self.assertEqual(r["Content-Type"], "text/csv; charset=utf-8")
        baris = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(baris[0][:4], ["Kode", "Indikator", "Tingkat", "Mengukur"])
        self.assertEqual(len(baris), 2)
        self.assertEqual(baris[1][1:4], [self.turun.nama, "Kegiatan", "Kegiatan 0.0"])
        self.assertIn("Semakin rendah semakin baik", baris[1])

    def test_links_each_indicator_to_its_page(self):
        self.assertContains(self.daftar(), reverse("indikator-ubah", args=[self.a.slug, self.iku.pk]))
