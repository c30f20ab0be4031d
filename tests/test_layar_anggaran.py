"""Planners enter budgets on screens: a program's grid of pagu and realisasi, belanja per
jenis, and a year's overview; all or nothing, never over someone else's save."""

import csv
import io
from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran.hitung import Tahap
from anggaran.models import BelanjaJenis, Pagu, RealisasiAnggaran
from instansi.models import KunciTahun
from kinerja.models import Kegiatan, Program, Sasaran, SubKegiatan
from tests.kasus import KasusInstansi, isian_forms

User = get_user_model()
TAHUN = 2022
BERISIAN = 'inputmode="decimal"'  # an input for a number: absent from a read-only page


class AnggaranTestCase(KasusInstansi):
    ukuran_a = 2

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.program = Program.objects.filter(renstra__instansi=cls.a).order_by("urutan").first()
        cls.sub = (
            SubKegiatan.objects.filter(kegiatan__program=cls.program).order_by("kegiatan__urutan").first()
        )
        cls.url = reverse("anggaran-program", args=[cls.a.slug, TAHUN, cls.program.pk])

    def grid(self, **ubah) -> dict:
        """The grid as served, with the cells `ubah` (name → text) changed."""
        respons = self.client.get(self.url)
        return isian_forms(respons.context["grid"].forms()) | ubah

    def sel(self, kolom: str, node=None) -> str:
        node = node or self.sub
        tingkat = "sub_kegiatan" if isinstance(node, SubKegiatan) else "program"
        return f"{tingkat}-{node.pk}-{kolom}-jumlah"

    def pagu(self, tahap, sub=None):
        return Pagu.objects.filter(sub_kegiatan=sub or self.sub, tahun=TAHUN, tahap=tahap).first()


class BudgetGridTests(AnggaranTestCase):
    def test_a_planner_sees_the_grid_with_rolled_up_totals_beside_it(self):
        respons = self.client.get(self.url)
        self.assertContains(respons, f'name="{self.sel(Tahap.RKA)}"')
        # Two sub kegiatan of Rp 1.000.000 each, rolled up to the program.
        self.assertContains(respons, "Rp 2.000.000")
        self.assertContains(respons, "Rp 1.714.588")
        self.assertContains(respons, "85,72 %")  # truncated, as the agency's setting says

    def test_a_planner_saves_the_whole_grid_typed_the_indonesian_way(self):
        realisasi = self.sel("realisasi")
        respons = self.client.post(
            self.url, self.grid(**{self.sel(Tahap.RKA): "Rp 1.250.000,50", realisasi: ""})
        )
        self.assertRedirects(respons, self.url)
        self.assertEqual(self.pagu(Tahap.RKA).jumlah, D("1250000.50"))
        self.assertFalse(RealisasiAnggaran.objects.filter(sub_kegiatan=self.sub, tahun=TAHUN).exists())
        self.assertEqual(self.pagu(Tahap.DPA_PENGESAHAN).versi, 1, "an unchanged cell is not written")

    def test_a_bad_number_reshows_the_grid_naming_the_cell_and_saves_nothing(self):
        respons = self.client.post(
            self.url,
            self.grid(**{self.sel(Tahap.RKA): "2.000.000", self.sel(Tahap.DPA_PENGESAHAN): "18.83.1"}),
        )
        self.assertEqual(respons.status_code, 200)
        self.assertContains(respons, f"DPA pengesahan «{self.sub.nama}»: «18.83.1» bukan angka yang sah")
        self.assertIsNone(self.pagu(Tahap.RKA), "the valid cell of the same post is not saved either")
        self.assertEqual(self.pagu(Tahap.DPA_PENGESAHAN).jumlah, D(1_000_000))

    def test_a_negative_amount_is_refused(self):
        respons = self.client.post(self.url, self.grid(**{self.sel(Tahap.RKA): "-5"}))
        self.assertEqual(respons.status_code, 200)
        self.assertContains(respons, f"RKA «{self.sub.nama}»")
        self.assertIsNone(self.pagu(Tahap.RKA))

    def test_a_stale_version_gets_409_shows_what_is_stored_and_overwrites_nothing(self):
        data = self.grid(**{self.sel(Tahap.DPA_PENGESAHAN): "900.000", self.sel(Tahap.RKA): "1.000"})
        lain = self.pagu(Tahap.DPA_PENGESAHAN)
        lain.jumlah = D(1_100_000)
        lain.versi += 1
        lain.save()
        respons = self.client.post(self.url, data)
        self.assertEqual(respons.status_code, 409)
        self.assertContains(respons, "Rp 1.100.000", status_code=409)
        self.assertEqual(self.pagu(Tahap.DPA_PENGESAHAN).jumlah, D(1_100_000))
        self.assertIsNone(self.pagu(Tahap.RKA))

    def test_a_row_created_by_someone_else_meanwhile_is_a_conflict(self):
        data = self.grid(**{self.sel(Tahap.RKA): "1.000"})
        Pagu.objects.create(sub_kegiatan=self.sub, tahun=TAHUN, tahap=Tahap.RKA, jumlah=D(7))
        respons = self.client.post(self.url, data)
        self.assertEqual(respons.status_code, 409)
        self.assertEqual(self.pagu(Tahap.RKA).jumlah, D(7))

    def test_the_change_appears_in_the_history_with_the_user(self):
        self.client.post(self.url, self.grid(**{self.sel(Tahap.DPA_PENGESAHAN): "1.200.000"}))
        self.assertEqual(self.pagu(Tahap.DPA_PENGESAHAN).history.first().history_user, self.perencana)
        respons = self.client.get(self.url)
        riwayat = respons.context["riwayat"][0]
        self.assertEqual(
            (riwayat.oleh, riwayat.lama, riwayat.baru), (self.perencana, "Rp 1.000.000", "Rp 1.200.000")
        )
        self.assertContains(respons, f"DPA pengesahan «{self.sub.nama}»")

    def test_clearing_a_cell_deletes_its_row_and_records_who(self):
        self.client.post(self.url, self.grid(**{self.sel(Tahap.DPA_PENGESAHAN): ""}))
        self.assertIsNone(self.pagu(Tahap.DPA_PENGESAHAN))
        terakhir = Pagu.history.filter(sub_kegiatan=self.sub).first()
        self.assertEqual((terakhir.history_type, terakhir.history_user), ("-", self.perencana))
        self.assertEqual(self.client.get(self.url).context["riwayat"][0].baru, "(dihapus)")

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {}).status_code, 404)

    def test_the_grid_takes_the_same_number_of_queries_whatever_the_programs_size(self):
        with CaptureQueriesContext(connection) as awal:
            self.client.get(self.url)
        for k in range(2, 5):
            kegiatan = Kegiatan.objects.create(program=self.program, nama=f"Kegiatan tambahan {k}", urutan=k)
            sub = SubKegiatan.objects.create(kegiatan=kegiatan, nama=f"Sub kegiatan tambahan {k}")
            Pagu.objects.create(sub_kegiatan=sub, tahun=TAHUN, tahap=Tahap.RKA, jumlah=D(k))
        with self.assertNumQueries(len(awal)):
            self.client.get(self.url)

    def test_a_program_of_another_agency_is_not_found_under_this_agency(self):
        program_b = Program.objects.get(renstra__instansi=self.b)
        url = reverse("anggaran-program", args=[self.a.slug, TAHUN, program_b.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_a_reviewer_reads_without_inputs_and_is_refused_writing(self):
        self.client.force_login(self.pemeriksa)
        respons = self.client.get(self.url)
        self.assertEqual(respons.status_code, 200)
        self.assertNotContains(respons, BERISIAN)
        self.assertNotContains(respons, 'type="submit">Simpan')
        self.assertContains(respons, "Rp 1.000.000")
        self.assertEqual(self.client.post(self.url, self.grid()).status_code, 403)

    def test_a_locked_year_refuses_the_planners_writes(self):
        data = self.grid(**{self.sel(Tahap.RKA): "1.000"})
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        self.assertEqual(self.client.post(self.url, data).status_code, 403)
        self.assertIsNone(self.pagu(Tahap.RKA))
        self.assertNotContains(self.client.get(self.url), BERISIAN)


class OverviewTests(AnggaranTestCase):
    url_tahun = None

    def setUp(self):
        super().setUp()
        self.url_tahun = reverse("anggaran-tahun", args=[self.a.slug, TAHUN])
        program_1 = Program.objects.filter(renstra__instansi=self.a).order_by("urutan").last()
        Pagu.objects.create(program=program_1, tahun=TAHUN, tahap=Tahap.DPA_PERUBAHAN, jumlah=D(5_000_000))

    def test_every_program_is_listed_with_its_figures_and_a_link_to_its_grid(self):
        respons = self.client.get(self.url_tahun)
        self.assertContains(respons, self.url)
        self.assertContains(respons, "Rp 2.000.000")
        self.assertContains(respons, "Rp 285.412")  # sisa: 2.000.000 − 1.714.588
        self.assertContains(respons, "Jumlah yang ditampilkan: pagu akhir <strong>Rp 4.000.000")

    def test_it_sorts_by_a_column(self):
        respons = self.client.get(self.url_tahun, {"sort": "-realisasi"})
        self.assertEqual(list(respons.context["table"].order_by), ["-realisasi"])

    def test_it_filters_by_sasaran_and_exports_what_is_shown(self):
        sasaran = Sasaran.objects.get(program=self.program)
        respons = self.client.get(self.url_tahun, {"sasaran": sasaran.pk, "ekspor": "csv"})
        self.assertEqual(respons["Content-Type"], "text/csv; charset=utf-8")
        baris = list(csv.reader(io.StringIO(respons.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(
            baris,
            [
                ["Program", "Sasaran", "Pagu akhir", "Realisasi", "Penyerapan", "Lebih/(kurang)"],
                ["Program 0", "Sasaran 0", "Rp 2.000.000", "Rp 1.714.588", "85,72 %", "Rp 285.412"],
            ],
        )

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_tahun).status_code, 404)


class BelanjaTests(AnggaranTestCase):
    def setUp(self):
        super().setUp()
        self.url_belanja = reverse("belanja-jenis", args=[self.a.slug, TAHUN])
        BelanjaJenis.objects.create(
            instansi=self.a, tahun=TAHUN, jenis=BelanjaJenis.Jenis.PEGAWAI, murni=D(100), perubahan=D(120)
        )

    def belanja(self, **ubah) -> dict:
        return isian_forms(self.client.get(self.url_belanja).context["grid"].forms) | ubah

    def tersimpan(self, jenis):
        return BelanjaJenis.objects.filter(instansi=self.a, tahun=TAHUN, jenis=jenis).first()

    def test_a_planner_saves_every_jenis_at_once_and_sees_the_totals(self):
        respons = self.client.post(
            self.url_belanja,
            self.belanja(
                **{
                    "modal-murni": "Rp 1.000.000,00",
                    "modal-perubahan": "900.000",
                    "modal-alasan_perubahan": "Efisiensi",
                    "barang_jasa-murni": "50",
                }
            ),
        )
        self.assertRedirects(respons, self.url_belanja)
        modal = self.tersimpan("modal")
        self.assertEqual(
            (modal.murni, modal.perubahan, modal.alasan_perubahan), (1_000_000, 900_000, "Efisiensi")
        )
        halaman = self.client.get(self.url_belanja)
        self.assertContains(halaman, "Rp 1.000.150")  # 100 + 50 + 1.000.000
        self.assertContains(halaman, "Rp 900.120")  # only the jenis that have a perubahan

    def test_an_empty_row_deletes_the_jenis(self):
        self.client.post(self.url_belanja, self.belanja(**{"pegawai-murni": "", "pegawai-perubahan": ""}))
        self.assertIsNone(self.tersimpan("pegawai"))

    def test_a_perubahan_without_murni_is_refused(self):
        respons = self.client.post(self.url_belanja, self.belanja(**{"hibah-perubahan": "10"}))
        self.assertContains(respons, "Belanja Hibah: isi DPA murni")
        self.assertIsNone(self.tersimpan("hibah"))

    def test_a_bad_number_saves_nothing(self):
        respons = self.client.post(
            self.url_belanja, self.belanja(**{"modal-murni": "5", "pegawai-murni": "18.83.1"})
        )
        self.assertContains(respons, "DPA murni Belanja Pegawai: «18.83.1»")
        self.assertIsNone(self.tersimpan("modal"))
        self.assertEqual(self.tersimpan("pegawai").murni, 100)

    def test_a_stale_version_gets_409(self):
        data = self.belanja(**{"pegawai-murni": "1"})
        BelanjaJenis.objects.filter(jenis="pegawai").update(murni=D(999), versi=2)
        respons = self.client.post(self.url_belanja, data)
        self.assertContains(respons, "murni Rp 999", status_code=409)
        self.assertEqual(self.tersimpan("pegawai").murni, 999)

    def test_the_change_is_in_the_history_with_the_user(self):
        self.client.post(self.url_belanja, self.belanja(**{"pegawai-murni": "110"}))
        riwayat = self.client.get(self.url_belanja).context["riwayat"][0]
        self.assertEqual(riwayat.oleh, self.perencana)
        self.assertEqual(
            (riwayat.lama, riwayat.baru), ("murni Rp 100, perubahan Rp 120", "murni Rp 110, perubahan Rp 120")
        )

    def test_a_reviewer_reads_and_a_locked_year_refuses(self):
        data = self.belanja(**{"pegawai-murni": "1"})
        self.client.force_login(self.pemeriksa)
        self.assertNotContains(self.client.get(self.url_belanja), BERISIAN)
        self.assertEqual(self.client.post(self.url_belanja, data).status_code, 403)
        self.client.force_login(self.perencana)
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        self.assertEqual(self.client.post(self.url_belanja, data).status_code, 403)
        self.assertEqual(self.tersimpan("pegawai").murni, 100)

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_belanja).status_code, 404)
