"""The LKjIP 2023 of Dinas Koperasi UKM, Perindustrian dan Perdagangan, Kabupaten Lampung Barat,
loaded from its fixture and checked against the figures the document itself states.

Every derived figure of the document (a total, a percentage, a capaian, an efficiency) is
recomputed by the application from the transcribed detail and handed to `tests.errata.periksa`:
it must equal the document's figure at the document's precision, with the agency's rounding, or
be listed in the errata (`## lampung_barat_2023`, `### Selisih perhitungan`). The stated figures
below are typed as printed; what they are compared with always comes from the loaded data.
"""

from decimal import Decimal

from django.test import TestCase

from anggaran.hitung import efisiensi, kategori_efisiensi
from anggaran.models import BelanjaJenis
from anggaran.ringkasan import anggaran_instansi, jumlah
from instansi.models import Instansi, KomposisiPegawai, SaranaPrasarana
from inti.angka import parse_angka
from kinerja.hitung import rata_rata
from kinerja.models import Indikator, Target
from kinerja.pengukuran import baca_ukuran, ukur
from tests.errata import Angka, baca_target_berbeda, periksa

NAMA = "lampung_barat_2023"
TAHUN = 2023
TAHAP = ("renja_murni", "rka", "dpa_pengesahan", "dpa_pergeseran", "dpa_perubahan")
TAHAP_DOKUMEN = ("Renja murni", "RKA", "DPA pengesahan", "DPA pergeseran", "DPA perubahan")

SASARAN_1 = "Meningkatnya Kualitas dan Daya Saing Koperasi dan UMKM"
SASARAN_2 = "Meningkatnya PDRB Sektor Perdagangan"
SASARAN_3 = "Meningkatnya PDRB Sektor Industri"

KOPERASI_SEHAT = "% Koperasi yang Sehat"
UMKM = "Persentase Peningkatan Jumlah UMKM"
PRODUK_STANDAR = "% Produk UMKM yang memenuhi standarisasi"
PDRB_PERDAGANGAN = "PDRB Sektor Perdagangan"
PDRB_INDUSTRI = "PDRB Sektor Industri"

PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
PENGAWASAN = "Program Pengawasan dan Pemeriksaan Koperasi"
DIKLAT = "Program Pendidikan dan Latihan Perkoperasian"
PERLINDUNGAN = "Program Pemberdayaan dan Perlindungan Koperasi"
PEMBERDAYAAN_UMKM = "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"
PENGEMBANGAN_UMKM = "Program Pengembangan UMKM"
SARANA_DISTRIBUSI = "Program Peningkatan Sarana Distribusi Perdagangan"
STABILISASI = "Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting"
STANDARISASI = "Program Standarisasi dan Perlindungan Konsumen"
PRODUK_DALAM_NEGERI = "Program Penggunaan dan Pemasaran Produk Dalam Negeri"
INDUSTRI = "Program Perencanaan dan Pembangunan Industri"

# Tabel 2.2: the program rows as printed (Renja murni, RKA, DPA pengesahan, DPA pergeseran,
# DPA perubahan); None = blank cell, which states nothing.
TABEL_2_2 = [
    ("A-I", PENUNJANG, ("3.900.199.900", "3.626.770.764", "3.626.770.764", None, "3.445.557.962")),
    ("A-II", PENGAWASAN, ("99.998.500", "0", "0", None, None)),
    ("A-III", DIKLAT, ("221.779.500", "133.893.500", "133.893.500", None, "133.893.500")),
    ("A-IV", PERLINDUNGAN, ("79.943.900", "15.000.000", "15.000.000", None, "15.000.000")),
    ("A-V", PEMBERDAYAAN_UMKM, ("807.339.500", "286.476.500", "286.476.500", None, "286.476.500")),
    ("A-VI", PENGEMBANGAN_UMKM, ("7.868.621.810", "7.210.887.318", "7.210.887.318", None, "7.210.887.318")),
    ("B-I", SARANA_DISTRIBUSI, ("76.310.261.256", "81.261.000", "81.261.000", None, "81.261.000")),
    ("B-II", STABILISASI, ("550.000.000", "52.125.000", "52.125.000", None, "62.125.000")),
    ("B-III", STANDARISASI, ("238.500.000", "55.001.000", "55.001.000", None, "55.001.000")),
    ("B-IV", PRODUK_DALAM_NEGERI, ("373.070.000", "41.997.500", "41.997.500", None, "71.997.500")),
    ("C-I", INDUSTRI, ("6.125.000.000", "6.612.791.450", "6.612.791.450", "6.687.791.450", "6.837.791.450")),
]
TOTAL_2_2 = ("97.139.115.400", "18.116.204.032", "18.116.204.032", "17.992.268.212", "18.424.991.230")

# Gambar 2.1, the PK's program budgets (Anggaran, APBD), shown by the application as DPA pengesahan.
PK_ANGGARAN = [
    (PENUNJANG, "3.626.770.764"),
    (DIKLAT, "133.693.500"),
    (PERLINDUNGAN, "15.000.000"),
    (PEMBERDAYAAN_UMKM, "266.476.500"),
    (PENGEMBANGAN_UMKM, "7.210.667.318"),
    (SARANA_DISTRIBUSI, "81.261.000"),
    (STABILISASI, "52.125.000"),
    (STANDARISASI, "55.001.000"),
    (PRODUK_DALAM_NEGERI, "41.997.500"),
    (INDUSTRI, "6.612.791.450"),
]

# Tabel 4.8: program, capaian in brackets (only row 1 prints one), tingkat realisasi anggaran,
# tingkat efisiensi, kategori (rows 4 and 10 print «efisien» in lower case).
TABEL_4_8 = [
    (1, PENUNJANG, "105%", "96.45%", "1.08", "Efisien"),
    (2, DIKLAT, None, "100%", "1", "Efisien"),
    (3, PERLINDUNGAN, None, "100%", "1.92", "Efisien"),
    (4, PEMBERDAYAAN_UMKM, None, "100%", "2.4", "Efisien"),
    (5, PENGEMBANGAN_UMKM, None, "99.14%", "0.28", "Tidak efisien"),
    (6, SARANA_DISTRIBUSI, None, "99.64%", "1.1", "Efisien"),
    (7, STABILISASI, None, "99.60%", "1.01", "Efisien"),
    (8, STANDARISASI, None, "99.12%", "2.02", "Efisien"),
    (9, PRODUK_DALAM_NEGERI, None, "99.38%", "2.3", "Efisien"),
    (10, INDUSTRI, None, "97%", "3.45", "Efisien"),
]

SUMBER = {"Renstra": Target.Sumber.RENSTRA, "PK murni": Target.Sumber.PK_MURNI}
SUMBER["PK perubahan"] = Target.Sumber.PK_PERUBAHAN


class FixtureLampungBaratTestCase(TestCase):
    fixtures = [NAMA]

    @classmethod
    def setUpTestData(cls):
        cls.instansi = Instansi.objects.get(slug="koperindag-lampung-barat")
        cls.pengaturan = cls.instansi.pengaturan_laporan()
        cls.pohon = anggaran_instansi(cls.instansi, TAHUN)
        cls.semua_indikator = baca_ukuran(
            Indikator.objects.filter(renstra__instansi=cls.instansi).order_by("urutan")
        )

    # -- what the application computes --------------------------------------------------------

    def indikator(self, nama: str) -> Indikator:
        (indikator,) = [i for i in self.semua_indikator if i.nama == nama]
        return indikator

    def ukur(self, nama: str):
        return ukur(self.indikator(nama), TAHUN, self.pengaturan)

    def capaian(self, nama: str):
        return self.ukur(nama).capaian

    def program(self, nama: str):
        (node,) = [n for n in self.pohon if n.objek.nama == nama]
        return node

    def total(self, nilai) -> Decimal | None:
        return jumlah(self.pohon, nilai)

    def total_sasaran(self, uraian: str) -> Decimal | None:
        return jumlah([n for n in self.pohon if n.objek.sasaran.uraian == uraian], lambda n: n.pagu_akhir())

    def capaian_program(self, nama: str):
        """A program's capaian: the mean of its indicators' capaian, as the LKjIP shows it."""
        node = self.program(nama)
        return rata_rata(
            ukur(i, TAHUN, self.pengaturan).capaian
            for i in self.semua_indikator
            if i.program_id == node.objek.pk
        )

    def efisiensi_program(self, nama: str):
        """Tabel 4.8: capaian kinerja ÷ tingkat realisasi anggaran, the agency's method."""
        node = self.program(nama)
        capaian = self.capaian_program(nama)
        return efisiensi(capaian, node.penyerapan(), self.pengaturan.metode_efisiensi)

    def kategori_program(self, nama: str) -> str | None:
        return kategori_efisiensi(self.efisiensi_program(nama), self.pengaturan.metode_efisiensi)

    # -- what the document states, table by table ---------------------------------------------

    def angka_kata_pengantar(self) -> list[Angka]:
        t = "Kata Pengantar"
        return [
            Angka(
                "LB-KP-PDRB_PERDAGANGAN-CAPAIAN",
                t,
                "PDRB sektor perdagangan",
                "130%",
                self.capaian(PDRB_PERDAGANGAN),
            ),
            Angka(
                "LB-KP-PDRB_INDUSTRI-CAPAIAN",
                t,
                "PDRB sektor perindustrian",
                "110%",
                self.capaian(PDRB_INDUSTRI),
            ),
        ]

    def angka_ikhtisar(self) -> list[Angka]:
        t = "Ikhtisar Eksekutif"
        efisiensi_program = [self.kategori_program(nama) for _, nama, *_ in TABEL_4_8]
        return [
            Angka(
                "LB-IKHTISAR-IKU1-CAPAIAN",
                t,
                "Presentase Koperasi Sehat, capaian",
                "110",
                self.capaian(KOPERASI_SEHAT),
            ),
            Angka(
                "LB-IKHTISAR-IKU2-CAPAIAN",
                t,
                "Persentase Peningkatan Jumlah UMKM, capaian",
                "292%",
                self.capaian(UMKM),
            ),
            Angka(
                "LB-IKHTISAR-IKU3-CAPAIAN",
                t,
                "Persentase Produk UMKM terstandarisasi, capaian",
                "100",
                self.capaian(PRODUK_STANDAR),
            ),
            Angka(
                "LB-IKHTISAR-IKU4-CAPAIAN",
                t,
                "PDRB Sektor Perdagangan, capaian",
                "130",
                self.capaian(PDRB_PERDAGANGAN),
            ),
            Angka(
                "LB-IKHTISAR-IKU5-CAPAIAN",
                t,
                "PDRB Sektor Industri, capaian",
                "110",
                self.capaian(PDRB_INDUSTRI),
            ),
            Angka(
                "LB-IKHTISAR-ANGGARAN",
                t,
                "anggaran belanja",
                "18.424.991.230",
                self.total(lambda n: n.pagu_akhir()),
            ),
            Angka(
                "LB-IKHTISAR-REALISASI",
                t,
                "realisasi anggaran",
                "18.033.195.569",
                self.total(lambda n: n.realisasi()),
            ),
            Angka(
                "LB-IKHTISAR-JUMLAH_PROGRAM",
                t,
                "program yang dijalankan",
                "10",
                Decimal(sum(1 for n in self.pohon if n.realisasi() is not None)),
            ),
            Angka(
                "LB-IKHTISAR-TIDAK_EFISIEN",
                t,
                "program yang tidak efisien",
                "1",
                Decimal(efisiensi_program.count("Tidak efisien")),
            ),
            Angka(
                "LB-IKHTISAR-WIRAUSAHA-CAPAIAN",
                t,
                "presentase wirausaha pemula, capaian",
                "28",
                self.capaian("Persentase wirausaha pemula"),
            ),
        ]

    def angka_tabel_2_2(self) -> list[Angka]:
        daftar = []
        for label, nama, tercetak in TABEL_2_2:
            node = self.program(nama)
            for tahap, judul, teks in zip(TAHAP, TAHAP_DOKUMEN, tercetak, strict=True):
                if teks is not None:
                    daftar.append(
                        Angka(
                            f"LB-T2.2-PROG-{label}-{tahap.upper()}",
                            "Tabel 2.2",
                            f"{label} {nama}, {judul}",
                            teks,
                            node.pagu(tahap),
                        )
                    )
        for tahap, judul, teks in zip(TAHAP, TAHAP_DOKUMEN, TOTAL_2_2, strict=True):
            daftar.append(
                Angka(
                    f"LB-T2.2-TOTAL-{tahap.upper()}",
                    "Tabel 2.2",
                    f"TOTAL, {judul}",
                    teks,
                    self.total(lambda n, tahap=tahap: n.pagu(tahap)),
                )
            )
        return daftar

    def angka_perjanjian_kinerja(self) -> list[Angka]:
        t = "Gambar 2.1 (Perjanjian Kinerja)"
        daftar = [
            Angka(
                f"LB-PK-P{nomor}-ANGGARAN",
                t,
                f"{nomor}. {nama}",
                teks,
                self.program(nama).pagu("dpa_pengesahan"),
            )
            for nomor, (nama, teks) in enumerate(PK_ANGGARAN, start=1)
        ]
        daftar.append(
            Angka(
                "LB-PK-JUMLAH",
                t,
                "Jumlah Anggaran",
                "16.116.204.032",
                self.total(lambda n: n.pagu("dpa_pengesahan")),
            )
        )
        return daftar

    def angka_sumber_daya_manusia(self) -> list[Angka]:
        t = "Bab III A (Analisis Sumber Daya Manusia)"

        def jumlah_pegawai(dimensi):
            pegawai = KomposisiPegawai.objects.filter(instansi=self.instansi, tahun=TAHUN, dimensi=dimensi)
            return Decimal(sum(p.jumlah or 0 for p in pegawai))

        return [
            Angka(
                "LB-SDM-JUMLAH",
                t,
                "jumlah sumber daya manusia (31 ASN + 20 kontrak dan THLS)",
                "48",
                jumlah_pegawai("status"),
            ),
            Angka(
                "LB-SDM-ASN",
                t,
                "ASN (kepala dinas, sekretaris, kepala bidang, eselon IV, fungsional)",
                "31",
                jumlah_pegawai("jabatan"),
            ),
        ]

    def angka_tabel_3_1(self) -> list[Angka]:
        daftar = []
        for barang in SaranaPrasarana.objects.filter(instansi=self.instansi).order_by("urutan"):
            if barang.jumlah is None:
                continue
            kondisi = [barang.kondisi_baik, barang.kondisi_sedang, barang.kondisi_rusak]
            daftar.append(
                Angka(
                    f"LB-T3.1-R{barang.urutan}-JUMLAH",
                    "Tabel 3.1",
                    f"{barang.urutan} {barang.nama_barang}, jumlah = baik + cukup + rusak",
                    str(barang.jumlah),
                    Decimal(sum(k for k in kondisi if k is not None)),
                )
            )
        return daftar

    def angka_tabel_3_2(self) -> list[Angka]:
        belanja = BelanjaJenis.objects.filter(instansi=self.instansi, tahun=TAHUN)
        return [
            Angka(
                "LB-T3.2-TOTAL-MURNI",
                "Tabel 3.2",
                "TOTAL, DPA murni 2023",
                "18.116.204.032",
                sum((b.murni for b in belanja), Decimal(0)),
            ),
            Angka(
                "LB-T3.2-TOTAL-PERUBAHAN",
                "Tabel 3.2",
                "TOTAL, DPA Perubahan 2023",
                "18.424.991.230",
                sum((b.perubahan for b in belanja), Decimal(0)),
            ),
        ]

    def angka_tabel_4_1(self) -> list[Angka]:
        t = "Tabel 4.1"
        return [
            Angka(
                "LB-T4.1-IKU1-CAPAIAN",
                t,
                f"{KOPERASI_SEHAT}, tingkat capaian",
                "111%",
                self.capaian(KOPERASI_SEHAT),
            ),
            Angka("LB-T4.1-IKU2-CAPAIAN", t, f"{UMKM}, tingkat capaian", "292%", self.capaian(UMKM)),
            Angka(
                "LB-T4.1-IKU3-CAPAIAN",
                t,
                f"{PRODUK_STANDAR}, tingkat capaian",
                "100%",
                self.capaian(PRODUK_STANDAR),
            ),
        ]

    def angka_tabel_4_3(self) -> list[Angka]:
        capaian = self.capaian(PDRB_PERDAGANGAN)
        teks = "Bab IV A, sasaran kedua"
        return [
            Angka(
                "LB-T4.3-IKU4-CAPAIAN", "Tabel 4.3", f"{PDRB_PERDAGANGAN}, tingkat capaian", "130%", capaian
            ),
            Angka(
                "LB-BAB4-S2-TEKS1-CAPAIAN",
                teks,
                "«realisasi kinerja sasaran ini mencapai»",
                "135.3%",
                capaian,
            ),
            Angka(
                "LB-BAB4-S2-TEKS2-CAPAIAN", teks, "faktor pendukung, «tingkat pencapaian»", "135.3%", capaian
            ),
        ]

    def angka_tabel_4_5(self) -> list[Angka]:
        capaian = self.capaian(PDRB_INDUSTRI)
        return [
            Angka("LB-T4.5-IKU5-CAPAIAN", "Tabel 4.5", f"{PDRB_INDUSTRI}, tingkat capaian", "110%", capaian),
            Angka(
                "LB-BAB4-S3-TEKS-CAPAIAN", "Bab IV A, sasaran ketiga", "«tercapai sebesar»", "110%", capaian
            ),
        ]

    def angka_tabel_4_6_dan_4_7(self) -> list[Angka]:
        return [
            Angka(
                "LB-T4.6-IKU1-REALISASI",
                "Tabel 4.6",
                f"{KOPERASI_SEHAT}, realisasi 2023",
                "33%",
                self.ukur(KOPERASI_SEHAT).realisasi,
            ),
            Angka(
                "LB-T4.6-IKU2-REALISASI",
                "Tabel 4.6",
                f"{UMKM}, realisasi 2023",
                "29.03%",
                self.ukur(UMKM).realisasi,
            ),
            Angka(
                "LB-T4.6-IKU3-REALISASI",
                "Tabel 4.6",
                f"{PRODUK_STANDAR}, realisasi 2023",
                "3%",
                self.ukur(PRODUK_STANDAR).realisasi,
            ),
            Angka(
                "LB-T4.7-IKU4-REALISASI",
                "Tabel 4.7",
                f"{PDRB_PERDAGANGAN}, realisasi 2023",
                "1.200,87",
                self.ukur(PDRB_PERDAGANGAN).realisasi,
            ),
            Angka(
                "LB-T4.7-IKU5-REALISASI",
                "Tabel 4.7",
                f"{PDRB_INDUSTRI}, realisasi 2023",
                "413.49",
                self.ukur(PDRB_INDUSTRI).realisasi,
            ),
        ]

    def angka_tabel_4_8(self) -> list[Angka]:
        daftar = []
        for nomor, nama, capaian, realisasi_anggaran, tingkat, kategori in TABEL_4_8:
            node = self.program(nama)
            baris = f"{nomor}. {nama}"
            if capaian is not None:
                daftar.append(
                    Angka(
                        f"LB-T4.8-P{nomor}-CAPAIAN",
                        "Tabel 4.8",
                        f"{baris}, capaian",
                        capaian,
                        self.capaian_program(nama),
                    )
                )
            daftar += [
                Angka(
                    f"LB-T4.8-P{nomor}-REALISASI_ANGGARAN",
                    "Tabel 4.8",
                    f"{baris}, tingkat realisasi anggaran",
                    realisasi_anggaran,
                    node.penyerapan(),
                ),
                Angka(
                    f"LB-T4.8-P{nomor}-EFISIENSI",
                    "Tabel 4.8",
                    f"{baris}, tingkat efisiensi",
                    tingkat,
                    self.efisiensi_program(nama),
                ),
                Angka(
                    f"LB-T4.8-P{nomor}-KATEGORI",
                    "Tabel 4.8",
                    f"{baris}, kategori",
                    kategori,
                    self.kategori_program(nama),
                ),
            ]
        return daftar

    def angka_realisasi_anggaran(self) -> list[Angka]:
        t = "Bab IV C (Realisasi Anggaran)"
        return [
            Angka(
                "LB-BAB4C-ANGGARAN",
                t,
                "anggaran yang dialokasikan",
                "18.424.991.230",
                self.total(lambda n: n.pagu_akhir()),
            ),
            Angka(
                "LB-BAB4C-URUSAN_WAJIB",
                t,
                "urusan wajib bukan pelayanan dasar (sasaran 1)",
                "11.091.815.280",
                self.total_sasaran(SASARAN_1),
            ),
            Angka(
                "LB-BAB4C-PERINDUSTRIAN",
                t,
                "urusan pilihan bidang Perindustrian (sasaran 3)",
                "6.837.791.450",
                self.total_sasaran(SASARAN_3),
            ),
            Angka(
                "LB-BAB4C-PERDAGANGAN",
                t,
                "urusan pilihan perdagangan (sasaran 2)",
                "495.384.500",
                self.total_sasaran(SASARAN_2),
            ),
        ]

    SEMUA = (
        "angka_kata_pengantar",
        "angka_ikhtisar",
        "angka_tabel_2_2",
        "angka_perjanjian_kinerja",
        "angka_sumber_daya_manusia",
        "angka_tabel_3_1",
        "angka_tabel_3_2",
        "angka_tabel_4_1",
        "angka_tabel_4_3",
        "angka_tabel_4_5",
        "angka_tabel_4_6_dan_4_7",
        "angka_tabel_4_8",
        "angka_realisasi_anggaran",
    )

    def assertCocokAtauErrata(self, daftar: list[Angka]):
        """One table's figures match or are errata; the completeness of the errata is checked
        by `test_every_stated_figure_matches_or_is_listed_in_the_errata`."""
        self.assertEqual(periksa(NAMA, daftar, self.pengaturan.pembulatan, lengkap=False), [])


class AngkaDokumenTests(FixtureLampungBaratTestCase):
    def test_kata_pengantar_capaian_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_kata_pengantar())

    def test_ikhtisar_eksekutif_figures_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_ikhtisar())

    def test_tabel_2_2_program_rows_and_totals_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_2_2())

    def test_perjanjian_kinerja_program_budgets_match_dpa_pengesahan_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_perjanjian_kinerja())

    def test_sumber_daya_manusia_counts_add_up_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_sumber_daya_manusia())

    def test_tabel_3_1_counts_equal_their_conditions_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_3_1())

    def test_tabel_3_2_totals_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_3_2())

    def test_tabel_4_1_capaian_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_4_1())

    def test_tabel_4_3_capaian_and_its_text_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_4_3())

    def test_tabel_4_5_capaian_and_its_text_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_4_5())

    def test_tabel_4_6_and_4_7_realisations_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_4_6_dan_4_7())

    def test_tabel_4_8_absorption_efficiency_and_categories_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_tabel_4_8())

    def test_bab_4_c_budget_figures_match_or_are_errata(self):
        self.assertCocokAtauErrata(self.angka_realisasi_anggaran())

    def test_every_stated_figure_matches_or_is_listed_in_the_errata(self):
        semua = [angka for nama in self.SEMUA for angka in getattr(self, nama)()]
        self.assertEqual(periksa(NAMA, semua, self.pengaturan.pembulatan), [])


class TotalTests(FixtureLampungBaratTestCase):
    def test_grand_totals_come_out_exactly(self):
        # Tabel 3.2 (jenis belanja) gives the document's totals exactly.
        belanja = BelanjaJenis.objects.filter(instansi=self.instansi, tahun=TAHUN)
        self.assertEqual(sum((b.murni for b in belanja), Decimal(0)), Decimal("18116204032"))
        self.assertEqual(sum((b.perubahan for b in belanja), Decimal(0)), Decimal("18424991230"))
        # Tabel 2.2's kegiatan lines do not: RKA 100 short of 18.116.204.032 (Program Penunjang),
        # DPA perubahan 159.499.800 short of 18.424.991.230 (errata LB-T2.2-TOTAL-*).
        self.assertEqual(self.total(lambda n: n.pagu("rka")), Decimal("18116203932"))
        self.assertEqual(self.total(lambda n: n.pagu("dpa_pengesahan")), Decimal("18116203932"))
        self.assertEqual(self.total(lambda n: n.pagu("dpa_perubahan")), Decimal("18265491430"))
        self.assertEqual(self.total(lambda n: n.pagu_akhir()), Decimal("18265491430"))
        # Tabel 4.8's percentages of those budgets: 154.928.011 short of the stated 18.033.195.569.
        self.assertEqual(self.total(lambda n: n.realisasi()), Decimal("17878267558"))

    def test_pdrb_perdagangan_is_measured_against_the_revised_target_as_tabel_4_3_does(self):
        pengukuran = self.ukur(PDRB_PERDAGANGAN)
        self.assertEqual(pengukuran.target, Decimal("923.27"))
        self.assertEqual(pengukuran.sumber_target, "Perjanjian Kinerja perubahan")
        self.assertEqual(pengukuran.realisasi, Decimal("1200.87"))

    def test_lower_is_better_price_indicator_uses_the_agency_formula(self):
        indikator = self.indikator("% rata-rata harga bahan kebutuhan pokok dan barang penting")
        self.assertEqual(indikator.polaritas, "turun")
        # (2 × 3 − 0,14) ÷ 3 × 100
        self.assertEqual(self.ukur(indikator.nama).capaian.quantize(Decimal("0.01")), Decimal("195.33"))


class TargetBerbedaTests(FixtureLampungBaratTestCase):
    def test_every_target_berbeda_row_is_stored_as_it_says(self):
        baris = baca_target_berbeda(NAMA)
        self.assertGreater(len(baris), 0)
        for b in baris:
            with self.subTest(**b):
                indikator = self.indikator(b["indikator"])
                nilai = parse_angka(b["nilai"])
                tahunan = [t for t in indikator.daftar_target if t.tahun == TAHUN and t.triwulan is None]
                if b["disimpan"] == "tidak disimpan":
                    self.assertNotIn(nilai, [t.nilai for t in tahunan])
                    continue
                sumber, tahun = b["disimpan"].rsplit(" ", 1)
                self.assertEqual(int(tahun), TAHUN)
                (target,) = [t for t in tahunan if t.sumber == SUMBER[sumber]]
                self.assertEqual(target.nilai, nilai)

    def test_every_differing_target_of_an_indicator_is_listed(self):
        berbeda = {b["indikator"] for b in baca_target_berbeda(NAMA)}
        for indikator in self.semua_indikator:
            nilai = {t.nilai for t in indikator.daftar_target if t.tahun == TAHUN}
            if len(nilai) > 1:
                self.assertIn(indikator.nama, berbeda)
