"""The automatic findings (`reviu.temuan`): each check on a case that triggers it and one
that does not, the fixtures' known inconsistencies found, and no query of their own."""

from decimal import Decimal as D

from django.test import TestCase
from django.urls import reverse

from anggaran.hitung import Tahap
from anggaran.models import Pagu, RealisasiAnggaran
from instansi.models import Instansi, Narasi
from kinerja.models import (
    AnalisisSasaran,
    Indikator,
    Kegiatan,
    Program,
    Realisasi,
    Renstra,
    SifatTriwulan,
    SubKegiatan,
    Target,
)
from reviu.pemeriksaan import anggaran, indikator, narasi
from reviu.temuan import PEMERIKSAAN, Temuan, temukan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.susun import susun
from tests.errata import baca_target_berbeda
from tests.factories import buat_instansi, buat_pemeran

TAHUN = 2022
LB, BL = "koperindag-lampung-barat", "diskopukm-bandar-lampung"


class KasusTemuan(TestCase):
    """The factory agency (one sasaran with its IKU, one program with an indicator, two
    kegiatan of one sub kegiatan each, Rp 1.000.000 budget and Rp 857.294 spent per sub
    kegiatan, truncation, bands Tidak Baik < 70 ≤ Berhasil < 85 ≤ Sangat Baik)."""

    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi("dinas-a")
        cls.iku = Indikator.objects.get(renstra__instansi=cls.instansi, sasaran__isnull=False)
        cls.ind_program = Indikator.objects.get(renstra__instansi=cls.instansi, program__isnull=False)
        cls.program = Program.objects.get(renstra__instansi=cls.instansi)
        cls.kegiatan = Kegiatan.objects.filter(program=cls.program).first()
        cls.sub = SubKegiatan.objects.filter(kegiatan=cls.kegiatan).get()

    def temuan(self, periksa) -> list[Temuan]:
        return list(periksa(kumpulkan(self.instansi, TAHUN)))

    def temuan_narasi(self) -> list[Temuan]:
        """The narratives' check reads the report assembled from the data."""
        return list(narasi.narasi(susun(kumpulkan(self.instansi, TAHUN))))

    def alamat(self, nama: str, *args) -> str:
        return reverse(nama, args=[self.instansi.slug, TAHUN, *args])

    def target(self, ind: Indikator, sumber: str, nilai) -> None:
        Target.objects.update_or_create(
            indikator=ind, tahun=TAHUN, sumber=sumber, triwulan=None, defaults={"nilai": D(nilai)}
        )


class IndikatorTests(KasusTemuan):
    def assertLandsOnTheRow(self, tautan: str, ind: Indikator) -> None:
        """A finding's grid link opens the page (one sasaran's) that holds the indicator's row."""
        self.client.force_login(buat_pemeran(self.instansi, buat_instansi("dinas-b"))[0])
        self.assertContains(self.client.get(tautan), f'id="indikator-{ind.pk}"')

    def test_renstra_without_targets_for_the_year(self):
        self.assertEqual(self.temuan(indikator.renstra_tanpa_target), [])
        Target.objects.filter(indikator=self.iku, sumber=Target.Sumber.RENSTRA).delete()
        (t,) = self.temuan(indikator.renstra_tanpa_target)
        renstra = Renstra.objects.get(instansi=self.instansi)
        self.assertEqual((t.kode, t.objek), ("renstra-tanpa-target", "Renstra 2021–2026"))
        self.assertIn("1 dari 1 indikator sasaran", t.pesan)
        self.assertIn("«Persentase koperasi sehat 0»", t.pesan)
        grid = reverse("target-renstra", args=[self.instansi.slug, renstra.pk])
        self.assertEqual(t.tautan, f"{grid}?indikator={self.iku.pk}#indikator-{self.iku.pk}")
        self.assertLandsOnTheRow(t.tautan, self.iku)

    def test_pk_target_differing_from_the_renstra_target(self):
        (t,) = self.temuan(indikator.pk_beda_renstra)
        self.assertEqual((t.kode, t.objek), ("pk-beda-renstra", "Indikator «Persentase koperasi sehat 0»"))
        self.assertEqual(t.pesan, "Target Renstra 2022 18 %, sedangkan Perjanjian Kinerja (murni) 18,11 %.")
        grid = self.alamat("perjanjian-kinerja")
        self.assertEqual(t.tautan, f"{grid}?indikator={self.iku.pk}#indikator-{self.iku.pk}")
        self.assertLandsOnTheRow(t.tautan, self.iku)
        self.target(self.iku, Target.Sumber.PK_PERUBAHAN, "19.5")
        (t,) = self.temuan(indikator.pk_beda_renstra)
        self.assertIn("Perjanjian Kinerja (murni) 18,11 %; Perjanjian Kinerja perubahan 19,50 %", t.pesan)

    def test_pk_target_equal_to_the_renstra_target_is_no_finding(self):
        self.target(self.iku, Target.Sumber.PK_MURNI, "18")
        self.target(self.ind_program, Target.Sumber.PK_MURNI, "5")  # no Renstra target to differ from
        self.assertEqual(self.temuan(indikator.pk_beda_renstra), [])

    def test_iku_without_formulasi_or_sumber_data(self):
        # The program indicator has neither too, but the report prints no definition for it.
        (t,) = self.temuan(indikator.tanpa_definisi)
        self.assertEqual(t.objek, "Indikator «Persentase koperasi sehat 0»")
        self.assertTrue(t.pesan.startswith("Belum diisi: formulasi dan sumber data"), t.pesan)
        self.assertEqual(t.tautan, reverse("indikator-ubah", args=[self.instansi.slug, self.iku.pk]))
        Indikator.objects.filter(pk=self.iku.pk).update(formulasi="A ÷ B × 100")
        (t,) = self.temuan(indikator.tanpa_definisi)
        self.assertTrue(t.pesan.startswith("Belum diisi: sumber data;"), t.pesan)
        Indikator.objects.filter(pk=self.iku.pk).update(sumber_data="Dinas")
        self.assertEqual(self.temuan(indikator.tanpa_definisi), [])

    def test_realisation_missing_where_a_target_is_set(self):
        # The program indicator has no target and no realisation: not measured this year.
        self.assertEqual(self.temuan(indikator.realisasi_kosong), [])
        Realisasi.objects.filter(indikator=self.iku, tahun=TAHUN).update(
            komponen_a=None, komponen_b=None, keterangan="Belum dinilai"
        )
        (t,) = self.temuan(indikator.realisasi_kosong)
        self.assertEqual(t.objek, "Indikator «Persentase koperasi sehat 0»")
        self.assertEqual(
            t.pesan,
            "Target 2022 18,11 %, realisasinya belum diisi (keterangan: «Belum dinilai»); "
            "capaiannya tidak dapat dihitung.",
        )
        self.assertEqual(t.tautan, self.alamat("realisasi", self.iku.pk))

    def test_realisation_missing_without_a_row(self):
        self.target(self.ind_program, Target.Sumber.PK_MURNI, "5")
        (t,) = self.temuan(indikator.realisasi_kosong)
        self.assertEqual(t.objek, "Indikator «Indikator program 0»")
        self.assertNotIn("keterangan", t.pesan)

    def test_capaian_above_200_or_below_0(self):
        self.assertEqual(self.temuan(indikator.capaian_tidak_wajar), [])  # 103,97 %
        self.target(self.iku, Target.Sumber.PK_MURNI, "9.4")  # 18,829… ÷ 9,4 → 200,31 %
        (t,) = self.temuan(indikator.capaian_tidak_wajar)
        self.assertEqual(
            t.pesan,
            "Capaian 200,31 % (di atas 200 %) dari realisasi 18,82 % terhadap target 9,40 %: "
            "periksa target, realisasi dan polaritasnya.",
        )
        self.assertEqual(t.tautan, self.alamat("realisasi", self.iku.pk))
        self.target(self.iku, Target.Sumber.PK_MURNI, "9.42")  # 199,88 %: within
        self.assertEqual(self.temuan(indikator.capaian_tidak_wajar), [])
        Realisasi.objects.filter(indikator=self.iku, tahun=TAHUN).update(komponen_a=D(-1))
        (t,) = self.temuan(indikator.capaian_tidak_wajar)
        self.assertIn("(di bawah 0)", t.pesan)
        self.assertIn("-2,70 %", t.pesan)  # −1 ÷ 393 × 100 = −0,2544… ÷ 9,42 × 100, truncated

    def realisasi(self, triwulan, nilai) -> None:
        Realisasi.objects.update_or_create(
            indikator=self.ind_program, tahun=TAHUN, triwulan=triwulan, defaults={"nilai": D(nilai)}
        )

    def test_a_cumulative_quarter_above_the_year(self):
        self.target(self.ind_program, Target.Sumber.PK_MURNI, "10")
        self.realisasi(None, "8")
        self.realisasi(2, "9")
        # Quarters not tied to the year (the default) are never compared with it.
        self.assertEqual(self.temuan(indikator.triwulan_melebihi_tahun), [])
        Indikator.objects.filter(pk=self.ind_program.pk).update(sifat_triwulan=SifatTriwulan.KUMULATIF)
        (t,) = self.temuan(indikator.triwulan_melebihi_tahun)
        self.assertEqual(t.pesan, "Indikator kumulatif: realisasi 2022 8 %, tetapi TW II 9 %.")
        self.assertEqual(t.tautan, self.alamat("realisasi", self.ind_program.pk))
        self.realisasi(2, "8")  # reaching the year's total by TW II is no finding
        self.assertEqual(self.temuan(indikator.triwulan_melebihi_tahun), [])

    def test_the_year_differing_from_tw_iv_where_they_are_the_same(self):
        self.target(self.ind_program, Target.Sumber.PK_MURNI, "10")
        self.realisasi(None, "8")
        self.realisasi(4, "7")
        self.assertEqual(self.temuan(indikator.tahun_beda_triwulan_iv), [])
        Indikator.objects.filter(pk=self.ind_program.pk).update(sifat_triwulan=SifatTriwulan.POSISI)
        (t,) = self.temuan(indikator.tahun_beda_triwulan_iv)
        self.assertIn("Realisasi 2022 8 %, triwulan IV 7 %", t.pesan)
        self.realisasi(4, "8")
        self.assertEqual(self.temuan(indikator.tahun_beda_triwulan_iv), [])


class AnggaranTests(KasusTemuan):
    def test_program_with_budget_but_no_indicator(self):
        self.assertEqual(self.temuan(anggaran.program_tanpa_indikator), [])
        self.ind_program.delete()
        (t,) = self.temuan(anggaran.program_tanpa_indikator)
        self.assertEqual(
            (t.objek, t.pesan),
            (
                "Program «Program 0»",
                "Pagu Rp 2.000.000, tetapi program ini belum memiliki indikator kinerja.",
            ),
        )
        self.assertEqual(
            t.tautan, reverse("indikator-tambah", args=[self.instansi.slug, "program", self.program.pk])
        )
        Pagu.objects.filter(sub_kegiatan__kegiatan__program=self.program).update(jumlah=0)
        self.assertEqual(self.temuan(anggaran.program_tanpa_indikator), [])

    def test_a_parent_figure_that_is_not_its_childrens_sum(self):
        self.assertEqual(self.temuan(anggaran.anak_beda_induk), [])
        # The same figure entered on the kegiatan as on its one sub kegiatan agrees.
        Pagu.objects.create(
            kegiatan=self.kegiatan, tahun=TAHUN, tahap=Tahap.DPA_PENGESAHAN, jumlah=D(1_000_000)
        )
        self.assertEqual(self.temuan(anggaran.anak_beda_induk), [])
        Pagu.objects.filter(kegiatan=self.kegiatan).update(jumlah=D(1_500_000))
        RealisasiAnggaran.objects.create(program=self.program, tahun=TAHUN, jumlah=D(2_000_000))
        realisasi, pagu = self.temuan(anggaran.anak_beda_induk)  # the program comes first
        self.assertEqual(pagu.objek, "Kegiatan «Kegiatan 0.0»")
        self.assertEqual(
            pagu.pesan,
            "Tercatat pagu DPA pengesahan Rp 1.500.000, sedangkan jumlah sub kegiatannya "
            "Rp 1.000.000 (selisih Rp 500.000); laporan memakai jumlah rinciannya.",
        )
        self.assertEqual(realisasi.objek, "Program «Program 0»")
        self.assertIn("realisasi Rp 2.000.000, sedangkan jumlah kegiatannya Rp 1.714.588", realisasi.pesan)
        self.assertEqual(pagu.tautan, self.alamat("anggaran-program", self.program.pk))

    def test_high_absorption_with_capaian_in_the_lowest_band(self):
        self.target(self.ind_program, Target.Sumber.PK_MURNI, "100")
        Realisasi.objects.create(indikator=self.ind_program, tahun=TAHUN, nilai=D(50))
        self.assertEqual(self.temuan(anggaran.serapan_tinggi_capaian_rendah), [])  # 85,72 % spent
        RealisasiAnggaran.objects.filter(sub_kegiatan__kegiatan__program=self.program).update(
            jumlah=D(950_000)
        )
        (t,) = self.temuan(anggaran.serapan_tinggi_capaian_rendah)
        self.assertEqual(t.objek, "Program «Program 0»")
        self.assertEqual(
            t.pesan,
            "Anggaran terserap 95,00 % (Rp 1.900.000 dari Rp 2.000.000), tetapi capaian kinerjanya "
            "50,00 %, pada predikat terendah «Tidak Baik».",
        )
        self.assertEqual(t.tautan, self.alamat("anggaran-program", self.program.pk))
        Realisasi.objects.filter(indikator=self.ind_program).update(nilai=D(70))  # «Berhasil»
        self.assertEqual(self.temuan(anggaran.serapan_tinggi_capaian_rendah), [])

    def test_output_achieved_with_nothing_spent(self):
        ind = Indikator.objects.create(sub_kegiatan=self.sub, nama="Jumlah kecamatan", satuan="kecamatan")
        self.target(ind, Target.Sumber.PK_MURNI, "20")
        Realisasi.objects.create(indikator=ind, tahun=TAHUN, nilai=D(20))
        self.assertEqual(self.temuan(anggaran.tercapai_tanpa_belanja), [])  # Rp 857.294 spent
        RealisasiAnggaran.objects.filter(sub_kegiatan=self.sub).delete()
        self.assertEqual(self.temuan(anggaran.tercapai_tanpa_belanja), [])  # not entered is not 0
        RealisasiAnggaran.objects.create(sub_kegiatan=self.sub, tahun=TAHUN, jumlah=D(0))
        (t,) = self.temuan(anggaran.tercapai_tanpa_belanja)
        self.assertEqual(t.objek, "Sub kegiatan «Sub kegiatan 0.0»")
        self.assertEqual(
            t.pesan,
            "Pagu Rp 1.000.000, realisasi anggaran Rp 0, tetapi capaian indikatornya: "
            "«Jumlah kecamatan» 100,00 %.",
        )
        self.assertEqual(t.tautan, self.alamat("anggaran-program", self.program.pk))
        Realisasi.objects.filter(indikator=ind).update(nilai=D(19))
        self.assertEqual(self.temuan(anggaran.tercapai_tanpa_belanja), [])


class NarasiTests(KasusTemuan):
    KALIMAT = "Capaian Persentase koperasi sehat 0 tahun 2022 sebesar 103,79 %."

    def test_typed_figures_that_contradict_the_data_and_dangling_references(self):
        n = Narasi.objects.create(
            instansi=self.instansi, tahun=TAHUN, kunci="capaian-kinerja", judul="Capaian", teks="Paragraf."
        )
        self.assertEqual(self.temuan_narasi(), [])
        n.teks = f"{self.KALIMAT}\n\nNilai {{{{indikator.999999.capaian}}}} tercatat."
        n.save()
        angka, gantung = self.temuan_narasi()
        self.assertEqual(angka.kode, "narasi-angka-beda")
        self.assertEqual(
            angka.pesan,
            "Tertulis 103,79 %, data 103,97 % (Capaian 2022, Persentase koperasi sehat 0): ganti dengan "
            f"rujukan {{{{indikator.{self.iku.pk}.capaian}}}}. Kalimatnya: «{self.KALIMAT}»",
        )
        self.assertTrue(angka.objek.startswith("BAB III"), angka.objek)
        self.assertTrue(angka.objek.endswith(", Capaian"), angka.objek)
        self.assertEqual(gantung.kode, "narasi-rujukan-gantung")
        self.assertIn("{{indikator.999999.capaian}} tidak dikenal", gantung.pesan)
        self.assertEqual(angka.tautan, self.alamat("narasi-ubah", n.pk))
        self.assertEqual(gantung.tautan, angka.tautan)

    def test_a_marker_placing_a_chart_is_no_dangling_marker(self):
        # The report is assembled with its pictures: without them this marker names nothing.
        teks = f"Diagramnya:\n[[cascading-sasaran-{self.iku.sasaran_id}]]\nSelesai."
        Narasi.objects.create(
            instansi=self.instansi, tahun=TAHUN, kunci="capaian-kinerja", judul="C", teks=teks
        )
        self.assertEqual(self.temuan_narasi(), [])

    def test_a_sasaran_analysis_links_to_its_screen(self):
        sasaran = self.iku.sasaran
        AnalisisSasaran.objects.create(
            sasaran=sasaran, tahun=TAHUN, uraian=self.KALIMAT, solusi="Lihat {{tidak.ada}}."
        )
        angka, gantung = self.temuan_narasi()
        self.assertEqual((angka.kode, gantung.kode), ("narasi-angka-beda", "narasi-rujukan-gantung"))
        self.assertEqual(angka.tautan, self.alamat("analisis-sasaran", sasaran.pk))
        self.assertEqual(gantung.tautan, angka.tautan)


class TemukanTests(KasusTemuan):
    def test_every_check_runs_in_reading_order_without_a_query(self):
        dokumen = susun(kumpulkan(self.instansi, TAHUN))
        with self.assertNumQueries(0):
            semua = temukan(dokumen)
        self.assertEqual([t.kode for t in semua], ["pk-beda-renstra", "indikator-tanpa-definisi"])
        self.assertEqual(len(PEMERIKSAAN), len(set(PEMERIKSAAN)))

    def test_no_query_at_ten_times_the_data_with_many_findings(self):
        instansi = buat_instansi("besar", ukuran=10)
        Target.objects.filter(indikator__renstra__instansi=instansi, sumber=Target.Sumber.PK_MURNI).update(
            nilai=D(1)
        )
        Narasi.objects.create(
            instansi=instansi, tahun=TAHUN, kunci="capaian-kinerja", judul="C", teks="{{tidak.ada}}"
        )
        dokumen = susun(kumpulkan(instansi, TAHUN))
        with self.assertNumQueries(0):
            semua = temukan(dokumen)
        self.assertGreaterEqual(len(semua), 30)


class FixtureTests(TestCase):
    """The documents' real inconsistencies (fixtures/ERRATA.md) are found."""

    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    @classmethod
    def setUpTestData(cls):
        cls.temuan = {
            slug: temukan(susun(kumpulkan(Instansi.objects.get(slug=slug), tahun)))
            for slug, tahun in ((LB, 2023), (BL, 2022))
        }

    def kode(self, slug: str, kode: str) -> dict[str, Temuan]:
        return {t.objek: t for t in self.temuan[slug] if t.kode == kode}

    def test_every_target_the_errata_store_differently_is_found(self):
        for slug, nama in ((LB, "lampung_barat_2023"), (BL, "bandar_lampung_2022")):
            tersimpan = {}
            for b in baca_target_berbeda(nama):
                if b["disimpan"] != "tidak disimpan":
                    tersimpan.setdefault(b["indikator"], set()).add(b["nilai"])
            berbeda = {f"Indikator «{n}»" for n, nilai in tersimpan.items() if len(nilai) > 1}
            with self.subTest(slug):
                self.assertEqual(set(self.kode(slug, "pk-beda-renstra")), berbeda)

    def test_lampung_barat_pdrb_perdagangan_target_stated_three_stored_ways(self):
        t = self.kode(LB, "pk-beda-renstra")["Indikator «PDRB Sektor Perdagangan»"]
        self.assertEqual(
            t.pesan,
            "Target Renstra 2023 887,43 Milyar rupiah, sedangkan Perjanjian Kinerja (murni) "
            "825,273 Milyar rupiah; Perjanjian Kinerja perubahan 923,27 Milyar rupiah.",
        )

    def test_bandar_lampung_sub_kegiatan_of_170_million_with_nothing_spent(self):
        t = self.kode(BL, "tercapai-tanpa-belanja")[
            "Sub kegiatan «Koordinasi dan Sinkronisasi dengan Para Pemangku Kepentingan dalam "
            "Pemberdayaan Usaha Mikro»"
        ]
        self.assertEqual(
            t.pesan,
            "Pagu Rp 170.000.000, realisasi anggaran Rp 0, tetapi capaian indikatornya: "
            "«Jumlah kecamatan yang tersedia kredit ekonomi kerakyatan» 100,00 %.",
        )

    def test_capaian_the_documents_print_outside_0_to_200(self):
        # LB-T4.8-P10 (13,4 ÷ 4 → 335 %); Bandar Lampung's −95,98 % and 4.151,72 %.
        for slug, capaian in ((LB, "335,00 %"), (BL, "-95,98 %"), (BL, "4.151,72 %")):
            with self.subTest(capaian):
                self.assertTrue(
                    any(
                        f"Capaian {capaian} " in t.pesan
                        for t in self.kode(slug, "capaian-tidak-wajar").values()
                    )
                )

    def test_bandar_lampung_sakip_score_not_yet_assessed_and_program_without_indicator(self):
        (sakip,) = self.kode(BL, "realisasi-kosong").values()
        self.assertIn("Nilai Sakip OPD", sakip.objek)
        self.assertIn("«Belum dinilai»", sakip.pesan)
        self.assertIn(
            "Program «Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota»",
            self.kode(BL, "program-tanpa-indikator"),
        )

    def test_narratives_that_print_figures_through_references_contradict_nothing(self):
        for slug, temuan in self.temuan.items():
            with self.subTest(slug):
                self.assertEqual([t for t in temuan if t.kode.startswith("narasi-")], [])
