"""The Bandar Lampung LAKIP 2022 fixture: every derived figure the document states, recomputed.

Each test lists what one table (or one passage of text) states — a total, a percentage, a
capaian, a comparison — next to what the application computes from the detailed data the
fixture holds (`kinerja.pengukuran.ukur`, `kinerja.hitung`, `anggaran.ringkasan`,
`anggaran.hitung`, sums of the SDM and supporting-table cells). A stated figure must equal
the computed one at the document's precision, truncated as the agency does, or be listed
in `fixtures/ERRATA.md` (section `bandar_lampung_2022`).

A test of one table checks only that table's figures (`periksa(..., lengkap=False)`);
`test_errata_list_exactly_the_figures_that_differ` checks all of them at once, so an
erratum that no figure checks fails there.
"""

from collections.abc import Callable
from decimal import Decimal

from django.test import TestCase

from anggaran import hitung as hitung_anggaran
from anggaran.models import Pagu, RealisasiAnggaran
from anggaran.ringkasan import NodeAnggaran, anggaran_instansi, jumlah
from instansi.models import Instansi, KomposisiPegawai, SaranaPrasarana, TabelPendukung
from inti.angka import parse_angka
from kinerja import hitung
from kinerja.hitung import TidakTerhitung
from kinerja.models import EvaluasiSakip, Indikator, PredikatEvaluasi, Target
from kinerja.pengukuran import Pengukuran, baca_ukuran, realisasi_tahun, ukur
from tests.errata import Angka, baca_target_berbeda, periksa

NAMA = "bandar_lampung_2022"
TAHUN = 2022

KOPERASI = "Persentase Koperasi Sehat dan Cukup Sehat"
UMKM = "Persentase UMKM yang meningkat labanya"
SAKIP = "Hasil penilaian Akuntabilitas Kinerja OPD oleh Inspektorat Kota Bandar Lampung (Nilai Sakip OPD)"


class Daftar(list):
    """The figures one table (or passage of text) states: `daftar(id, baris, dokumen, dihitung)`."""

    def __init__(self, tabel: str):
        super().__init__()
        self.tabel = tabel

    def __call__(self, id_: str, baris: str, dokumen: str, dihitung) -> None:
        self.append(Angka(id_, self.tabel, baris, dokumen, dihitung))


def _sel(nilai: str | None) -> Decimal | None:
    return None if nilai is None else Decimal(nilai)


def _jumlah(nilai) -> Decimal | None:
    """Sum of what is there; None when nothing is (a «-» total)."""
    ada = [Decimal(n) for n in nilai if n is not None]
    return sum(ada, Decimal(0)) if ada else None


class FixtureBandarLampungTest(TestCase):
    fixtures = [NAMA]

    @classmethod
    def setUpTestData(cls):
        cls.instansi = Instansi.objects.get(slug="diskopukm-bandar-lampung")
        cls.pengaturan = cls.instansi.pengaturan_laporan()
        cls.mode = cls.pengaturan.pembulatan
        cls.pita = [p.pita() for p in cls.instansi.predikat.all()]

    def setUp(self):
        self.indikator = {
            i.nama: i for i in baca_ukuran(Indikator.objects.filter(renstra__instansi=self.instansi))
        }
        self.pohon = anggaran_instansi(self.instansi, TAHUN)
        self.program = {n.objek.urutan: n for n in self.pohon}
        self.kegiatan = {k.objek.urutan: k for n in self.pohon for k in n.anak}
        self.sub = {s.objek.urutan: s for k in self.kegiatan.values() for s in k.anak}

    # --- helpers ----------------------------------------------------------------------

    def periksa_tabel(self, daftar: list[Angka]):
        """No problem with this table's figures (errata of other tables are not its business)."""
        self.assertEqual(periksa(NAMA, daftar, self.mode, lengkap=False), [])

    def ukur(self, nama: str, tahun: int = TAHUN) -> Pengukuran:
        return ukur(self.indikator[nama], tahun, self.pengaturan, self.pita)

    def triwulan(self, nama: str, triwulan: int) -> tuple[hitung.Hasil, hitung.Hasil]:
        """(realisasi, capaian) of a quarter of Tabel 3.3, against the quarter's PK target."""
        ind = self.indikator[nama]
        target = next(
            t.nilai
            for t in ind.daftar_target
            if t.tahun == TAHUN and t.triwulan == triwulan and t.sumber == Target.Sumber.PK_MURNI
        )
        realisasi = realisasi_tahun(ind.daftar_realisasi, TAHUN, triwulan).nilai_efektif()
        return realisasi, hitung.capaian(target, realisasi, ind.polaritas, ind.rumus_turun(self.pengaturan))

    def target_akhir(self, nama: str) -> Decimal:
        ind = self.indikator[nama]
        akhir = ind.renstra.tahun_akhir
        return next(t.nilai for t in ind.daftar_target if t.tahun == akhir and t.sumber == "renstra")

    def banding_tahun_lalu(self, nama: str) -> hitung.Hasil:
        return hitung.banding_tahun_lalu(self.ukur(nama).realisasi, self.ukur(nama, TAHUN - 1).realisasi)

    def banding_akhir(self, nama: str) -> hitung.Hasil:
        return hitung.banding_target_akhir(self.ukur(nama).realisasi, self.target_akhir(nama))

    def per_sasaran(self, urutan: set[int]) -> list[NodeAnggaran]:
        return [n for n in self.pohon if n.objek.sasaran.urutan in urutan]

    def uang(self, nodes: list[NodeAnggaran]) -> tuple[Decimal | None, Decimal | None, hitung.Hasil]:
        """(anggaran, realisasi, penyerapan) of a group of programs."""
        pagu = jumlah(nodes, NodeAnggaran.pagu_akhir)
        realisasi = jumlah(nodes, NodeAnggaran.realisasi)
        return pagu, realisasi, hitung_anggaran.penyerapan(pagu, realisasi)

    def pegawai(self, **filter) -> Decimal | None:
        return _jumlah(
            KomposisiPegawai.objects.filter(instansi=self.instansi, tahun=TAHUN, **filter).values_list(
                "jumlah", flat=True
            )
        )

    def tabel(self, kunci: str) -> tuple[dict[str, int], list[list]]:
        tabel = TabelPendukung.objects.get(instansi=self.instansi, tahun=TAHUN, kunci=kunci)
        return {k["judul"]: i for i, k in enumerate(tabel.kolom)}, tabel.baris

    def predikat_evaluasi(self, evaluasi: EvaluasiSakip) -> str | None:
        ambang = [(p.lebih_dari, p.label) for p in PredikatEvaluasi.objects.all()]
        return hitung.predikat_evaluasi(evaluasi.nilai(), ambang)

    def komponen_a(self, nama: str) -> dict[int, Decimal]:
        """Component A (the counted units) of a ratio indicator's yearly realisations."""
        return {r.tahun: r.komponen_a for r in self.indikator[nama].daftar_realisasi if r.triwulan is None}

    def evaluasi(self, tahun: int) -> EvaluasiSakip:
        return EvaluasiSakip.objects.prefetch_related("komponen").get(instansi=self.instansi, tahun=tahun)

    # --- the stated figures, table by table ---------------------------------------------

    def angka_sdm(self) -> list[Angka]:
        """Tabel 1.1–1.4 and the SDM text of Bab I 1.4."""
        t11, t12, t13, t14, teks = (
            Daftar(t) for t in ("Tabel 1.1", "Tabel 1.2", "Tabel 1.3", "Tabel 1.4", "Bab I 1.4")
        )
        pendidikan = self.pegawai(dimensi="pendidikan")
        semua = self.pegawai(dimensi="pangkat")
        t11("BL-T1.1-JUMLAH", "Jumlah", "39", self.pegawai(dimensi="jenis_kelamin"))
        t12("BL-T1.2-JUMLAH", "Jumlah", "39", pendidikan)
        for kode, uraian, dokumen in (
            ("S1", "Sarjana (S1)", "48,71%"),
            ("S2", "Pasca Sarjana (S2)", "17,94%"),
        ):
            dari = hitung.bagi_persen(self.pegawai(dimensi="pendidikan", uraian=uraian), pendidikan)
            teks(f"BL-T1.2-TEKS-{kode}-PERSEN", f"{kode} dari seluruh pegawai", dokumen, dari)
        for golongan, dokumen in (("IV", "4"), ("III", "18"), ("II", "3")):
            dihitung = self.pegawai(dimensi="pangkat", kelompok=f"Golongan {golongan}")
            t13(f"BL-T1.3-GOL-{golongan}-JUMLAH", f"Jumlah golongan {golongan}", dokumen, dihitung)
        t13("BL-T1.3-JUMLAH-TOTAL", "Jumlah Total", "39", semua)
        kontrak = self.pegawai(dimensi="pangkat", kelompok="Tenaga kontrak")
        teks("BL-TEKS1.4-PNS", "Pegawai Negeri Sipil", "25", semua - kontrak)
        teks("BL-TEKS1.4-JUMLAH", "sumber daya manusia berjumlah", "39", semua)
        for no, (uraian, dokumen) in enumerate(
            (
                ("Kepala Dinas Koperasi Dan UKM Kota Bandar Lampung", "1"),
                ("Sekretariat", "17"),
                ("Bidang Kelembagaan dan Pengawasan", "6"),
                ("Bidang Pemberdayaan dan Pengembangan Koperasi", "9"),
                ("Bidang Pemberdayaan Usaha Mikro", "6"),
            ),
            start=1,
        ):
            t14(
                f"BL-T1.4-R{no}-JUMLAH",
                f"{uraian}, Jumlah",
                dokumen,
                self.pegawai(dimensi="jabatan", uraian=uraian),
            )
        for kolom, dokumen in (
            ("Es II", "1"),
            ("Es III", "4"),
            ("Es IV", "2"),
            ("FP Muda", "8"),
            ("Staf", "24"),
        ):
            kunci = kolom.upper().replace(" ", "-")
            t14(f"BL-T1.4-{kunci}", f"Jumlah, {kolom}", dokumen, self.pegawai(dimensi="jabatan", kolom=kolom))
        t14("BL-T1.4-JUMLAH", "Jumlah", "39", self.pegawai(dimensi="jabatan"))
        return [*t11, *t12, *t13, *t14, *teks]

    def angka_tabel_1_6(self) -> list[Angka]:
        """Tabel 1.6 (program budgets), the Bab I 1.6 text and Gambar 1.3."""
        tabel, teks, gambar = Daftar("Tabel 1.6"), Daftar("Bab I 1.6"), Daftar("Gambar 1.3")
        for no, dokumen in (
            (1, "Rp. 3.104.033.615"),
            (2, "Rp. 100.000.000"),
            (3, "Rp. 75.000.000"),
            (4, "Rp. 404.200.000"),
            (5, "Rp. 1.937.000.000"),
            (6, "Rp. 270.000.000"),
            (7, "Rp. 669.000.000"),
        ):
            program = self.program[no]
            tabel(f"BL-T1.6-P{no}-ANGGARAN", program.objek.nama, dokumen, program.pagu_akhir())
        total = jumlah(self.pohon, NodeAnggaran.pagu_akhir)
        tabel("BL-T1.6-JUMLAH", "Jumlah", "Rp. 7.085.233.615", total)
        teks("BL-TEKS1.6-ANGGARAN", "anggaran 2022", "Rp. 7.085.233.615,00", total)
        teks("BL-TEKS1.6-PROGRAM", "jumlah program", "7", Decimal(len(self.program)))
        gambar(
            "BL-G1.3-P1-ANGGARAN", "Program Penunjang", "Rp.3.104.033.615,00", self.program[1].pagu_akhir()
        )
        return [*tabel, *teks, *gambar]

    def angka_jumlah_program(self) -> list[Angka]:
        """How many programs, kegiatan and sub kegiatan the text says support the PK."""
        dihitung = [Decimal(len(x)) for x in (self.program, self.kegiatan, self.sub)]
        daftar = []
        for tempat, tabel, dokumen in (
            ("TEKS1.8", "Bab I 1.8", ("7", "12", "25")),
            ("TEKS2.3", "Bab II 1.1 (Tabel 2.3)", ("7", "12", "26")),
            ("ANPROG", "Bab III, analisis program", ("7", "12", "26")),
        ):
            angka = Daftar(tabel)
            for apa, teks, nilai in zip(("PROGRAM", "KEGIATAN", "SUB"), dokumen, dihitung, strict=True):
                angka(f"BL-{tempat}-JUMLAH-{apa}", f"jumlah {apa.lower()}", teks, nilai)
            daftar += angka
        bab_1 = Daftar("Bab I 1.8")
        bab_1(
            "BL-TEKS1.8-ANGGARAN",
            "total anggaran",
            "Rp.7.085.233.615",
            jumlah(self.pohon, NodeAnggaran.pagu_akhir),
        )
        # «yang didukung dengan 2 (dua) Kegiatan», «1 (satu) Kegiatan» … per program.
        bab_3 = Daftar("Bab III, analisis program")
        for no, dokumen in ((2, "2"), (3, "1"), (4, "1"), (5, "1"), (6, "1"), (7, "1")):
            program = self.program[no]
            bab_3(f"BL-ANPROG-P{no}-JUMLAH-KEGIATAN", program.objek.nama, dokumen, Decimal(len(program.anak)))
        kegiatan = self.kegiatan[7]
        bab_3("BL-ANPROG-K07-JUMLAH-SUB", kegiatan.objek.nama, "2", Decimal(len(kegiatan.anak)))
        return [*daftar, *bab_1, *bab_3]

    def angka_tabel_3_1(self) -> list[Angka]:
        """Tabel 3.1 (evaluation scores), and the predikat repeated in Bab IV and Lampiran 7."""
        tabel = Daftar("Tabel 3.1")
        e2020, e2021 = self.evaluasi(2020), self.evaluasi(2021)
        bobot = sum((k.bobot for k in e2020.komponen.all()), Decimal(0))
        tabel("BL-T3.1-BOBOT-JUMLAH", "Nilai hasil evaluasi, Bobot", "100%", bobot)
        tabel("BL-T3.1-2020-NILAI", "Nilai hasil evaluasi 2020", "80,37%", e2020.nilai())
        tabel("BL-T3.1-2021-NILAI", "Nilai hasil evaluasi 2021", "73,31%", e2021.nilai())
        tabel(
            "BL-T3.1-2020-PREDIKAT", "Tingkat akuntabilitas kinerja 2020", "A", self.predikat_evaluasi(e2020)
        )
        predikat_2021 = self.predikat_evaluasi(e2021)
        tabel("BL-T3.1-2021-PREDIKAT", "Tingkat akuntabilitas kinerja 2021", "B+", predikat_2021)
        bab_4, lampiran_7 = Daftar("Bab IV Kesimpulan"), Daftar("Lampiran 7")
        bab_4("BL-BABIV-S3-PREDIKAT", "Nilai SAKIP OPD (Tahun 2021)", "B+", predikat_2021)
        lampiran_7("BL-L7-PREDIKAT", "predikat nilai Kategori", "B+", predikat_2021)
        return [*tabel, *bab_4, *lampiran_7]

    def angka_tabel_3_3(self) -> list[Angka]:
        """Tabel 3.3: quarterly realisations and capaian (% column)."""
        tabel = Daftar("Tabel 3.3")
        for kode, nama, (realisasi_tw4, persen_tw4) in (
            ("S1", KOPERASI, ("18,83", "100,16")),
            ("S2", UMKM, ("30,54%", "96,95%")),
            ("S3", SAKIP, (None, "0")),  # realisasi «Belum dinilai»: see the unmeasured test
        ):
            for triwulan in (1, 2, 3):
                capaian = self.triwulan(nama, triwulan)[1]
                tabel(f"BL-T3.3-{kode}-TW{triwulan}-PERSEN", f"{nama}, TW {triwulan}, %", "0", capaian)
            realisasi, capaian = self.triwulan(nama, 4)
            if realisasi_tw4 is not None:
                tabel(f"BL-T3.3-{kode}-TW4-REALISASI", f"{nama}, TW IV, Realisasi", realisasi_tw4, realisasi)
            tabel(f"BL-T3.3-{kode}-TW4-PERSEN", f"{nama}, TW IV, %", persen_tw4, capaian)
        return tabel

    def angka_capaian_2022(self) -> list[Angka]:
        """Tabel 3.4, its repeats in the Sasaran 1 and 2 sections, Lampiran 4, Bab III/IV text."""
        daftar = []
        for tempat, tabel, dinyatakan in (
            (
                "T3.4",
                "Tabel 3.4",
                {"S1": ("18,83%", "103,97%", "Sangat Baik"), "S2": ("30.54%", "96,95%", "Sangat Baik")},
            ),
            ("S1-T", "Bab III Sasaran 1, capaian 2022", {"S1": ("18,83%", "103,97%", "Sangat Baik")}),
            ("S2-T", "Bab III Sasaran 2, capaian 2022", {"S2": ("30.54%", "96,95%", "Sangat Baik")}),
            ("L4", "Lampiran 4", {"S1": ("18,83%", "103,97%", None), "S2": ("30,54%", "96,95%", None)}),
        ):
            angka = Daftar(tabel)
            for kode, (realisasi, capaian, skala) in dinyatakan.items():
                nama = KOPERASI if kode == "S1" else UMKM
                hasil = self.ukur(nama)
                angka(f"BL-{tempat}-{kode}-REALISASI", f"{nama}, Realisasi", realisasi, hasil.realisasi)
                angka(f"BL-{tempat}-{kode}-CAPAIAN", f"{nama}, Capaian", capaian, hasil.capaian)
                if skala:
                    angka(f"BL-{tempat}-{kode}-SKALA", f"{nama}, Skala Nilai", skala, hasil.predikat)
            daftar += angka
        koperasi, umkm = self.ukur(KOPERASI), self.ukur(UMKM)
        bab_3, sasaran_2, bab_4 = (
            Daftar("Bab III 3.2"),
            Daftar("Bab III Sasaran 2"),
            Daftar("Bab IV Kesimpulan"),
        )
        bab_3("BL-TEKS3.2-S1-CAPAIAN", "koperasi sehat, capaian kinerja", "103,97%", koperasi.capaian)
        bab_3("BL-TEKS3.2-S2-CAPAIAN", "UMKM labanya, capaian kinerja", "96,95%", umkm.capaian)
        sasaran_2("BL-TEKS-S2-CAPAIAN", "«dengan capaian sebesar»", "96,95%", umkm.capaian)
        sasaran_2("BL-TEKS-S2-CAPAIAN-PERSENTASE", "«sehingga capaian persentase»", "96,96%", umkm.capaian)
        sasaran_2("BL-TEKS-S2-REALISASI", "«terealisasi sebesar»", "30,54%", umkm.realisasi)
        bab_4("BL-BABIV-S1-CAPAIAN", "koperasi sehat", "103,97%", koperasi.capaian)
        bab_4("BL-BABIV-S2-CAPAIAN", "UMKM labanya", "96,95%", umkm.capaian)
        return [*daftar, *bab_3, *sasaran_2, *bab_4]

    def angka_tabel_3_5(self) -> list[Angka]:
        """Tabel 3.5, its repeats in the Sasaran 1 and 2 sections, and their text."""
        daftar = []
        koperasi = ("8,28", "16,09", "18,83", "103,97", "117,03%")
        umkm = ("21,06", "22,64", "30,54", "96,96", "134,89%")
        for tempat, tabel, dinyatakan in (
            ("T3.5", "Tabel 3.5", {"S1": koperasi, "S2": umkm}),
            ("S1-B", "Bab III Sasaran 1, dibandingkan tahun sebelumnya", {"S1": koperasi}),
            ("S2-B", "Bab III Sasaran 2, dibandingkan tahun sebelumnya", {"S2": umkm}),
        ):
            angka = Daftar(tabel)
            for kode, (r2020, r2021, r2022, capaian, banding) in dinyatakan.items():
                nama = KOPERASI if kode == "S1" else UMKM
                angka(
                    f"BL-{tempat}-{kode}-2020",
                    f"{nama}, Capaian Tahun 2020",
                    r2020,
                    self.ukur(nama, 2020).realisasi,
                )
                angka(
                    f"BL-{tempat}-{kode}-2021",
                    f"{nama}, Capaian Tahun 2021",
                    r2021,
                    self.ukur(nama, 2021).realisasi,
                )
                angka(
                    f"BL-{tempat}-{kode}-REALISASI",
                    f"{nama}, 2022 Realisasi",
                    r2022,
                    self.ukur(nama).realisasi,
                )
                angka(
                    f"BL-{tempat}-{kode}-CAPAIAN", f"{nama}, 2022 Capaian", capaian, self.ukur(nama).capaian
                )
                angka(
                    f"BL-{tempat}-{kode}-BANDING",
                    f"{nama}, 2022 terhadap 2021",
                    banding,
                    self.banding_tahun_lalu(nama),
                )
            daftar += angka
        sehat = self.komponen_a(KOPERASI)
        laba = self.komponen_a(UMKM)
        s1, s2 = Daftar("Bab III Sasaran 1"), Daftar("Bab III Sasaran 2")
        s1("BL-TEKS-S1-KENAIKAN", "kenaikan koperasi sehat dari 2021", "8", sehat[2022] - sehat[2021])
        s1("BL-TEKS-S1-BANDING", "«mencapai kemajuan sebesar»", "117,03%", self.banding_tahun_lalu(KOPERASI))
        realisasi = self.ukur(KOPERASI).realisasi
        s1("BL-TEKS-S1-REALISASI", "«realisasi capaian tahun 2021» (2022)", "18,83%", realisasi)
        realisasi_2021 = self.ukur(KOPERASI, 2021).realisasi
        s1("BL-TEKS-S1-REALISASI-2021", "realisasi capaian tahun 2021", "16,09%", realisasi_2021)
        capaian = self.ukur(KOPERASI).capaian
        s1("BL-TEKS-S1-CAPAIAN", "«dibandingkan dengan tahun 2021 sebesar»", "103,97%", capaian)
        s1("BL-TEKS-S1-REALISASI-2021-B", "«dari realisasi tahun 2021 sebesar»", "16,09%", realisasi_2021)
        s2("BL-TEKS-S2-KENAIKAN", "kenaikan UMKM yang meningkat labanya", "150", laba[2022] - laba[2021])
        s2("BL-TEKS-S2-BANDING", "2022 terhadap 2021", "134,89%", self.banding_tahun_lalu(UMKM))
        s2("BL-TEKS-S2-REALISASI-B", "«dari capaian tahun 2022 sebesar»", "30,54%", self.ukur(UMKM).realisasi)
        s2(
            "BL-TEKS-S2-REALISASI-2021",
            "«di tahun 2021 capaian sebesar»",
            "22,64%",
            self.ukur(UMKM, 2021).realisasi,
        )
        return [*daftar, *s1, *s2]

    def angka_tabel_3_6(self) -> list[Angka]:
        """Tabel 3.6 (against the Renstra's 2026 target), its repeats and their text."""
        daftar = []
        koperasi, umkm = ("18,83", "103,97", "87,45"), ("30,54", "96,95", "68,32")
        for tempat, tabel, dinyatakan in (
            ("T3.6", "Tabel 3.6", {"S1": koperasi, "S2": umkm}),
            ("S1-A", "Bab III Sasaran 1, target akhir renstra", {"S1": koperasi}),
            ("S2-A", "Bab III Sasaran 2, target akhir renstra", {"S2": umkm}),
        ):
            angka = Daftar(tabel)
            for kode, (realisasi, capaian, akhir) in dinyatakan.items():
                nama = KOPERASI if kode == "S1" else UMKM
                angka(
                    f"BL-{tempat}-{kode}-REALISASI",
                    f"{nama}, 2022 Realisasi",
                    realisasi,
                    self.ukur(nama).realisasi,
                )
                angka(
                    f"BL-{tempat}-{kode}-CAPAIAN", f"{nama}, 2022 Capaian", capaian, self.ukur(nama).capaian
                )
                angka(
                    f"BL-{tempat}-{kode}-AKHIR",
                    f"{nama}, terhadap akhir renstra 2026",
                    akhir,
                    self.banding_akhir(nama),
                )
            daftar += angka
        s1, s2 = Daftar("Bab III Sasaran 1"), Daftar("Bab III Sasaran 2")
        s1("BL-TEKS-S1-AKHIR", "«terhadap akhir Renstra (21,53%)»", "87,45%", self.banding_akhir(KOPERASI))
        s2("BL-TEKS-S2-AKHIR", "«dibandingkan pada akhir renstra»", "68,32%", self.banding_akhir(UMKM))
        return [*daftar, *s1, *s2]

    def angka_tabel_3_7(self) -> list[Angka]:
        """Tabel 3.7: the city's realisations next to the province's."""
        tabel = Daftar("Tabel 3.7")
        tabel("BL-T3.7-S1-REALISASI", f"{KOPERASI}, Realisasi Kota", "18,83%", self.ukur(KOPERASI).realisasi)
        tabel("BL-T3.7-S2-REALISASI", f"{UMKM}, Realisasi Kota", "30,54%", self.ukur(UMKM).realisasi)
        return tabel

    def angka_tabel_3_9(self) -> list[Angka]:
        """Tabel 3.9: UMKM yang meningkat labanya ÷ UMKM dalam pengawasan."""
        tabel = Daftar("Tabel 3.9")
        for tahun, dokumen in ((2020, "21,06"), (2021, "22,64"), (2022, "30,54")):
            tabel(f"BL-T3.9-{tahun}-PERSEN", f"Persentase {tahun}", dokumen, self.ukur(UMKM, tahun).realisasi)
        return tabel

    def angka_capaian_program(self) -> list[Angka]:
        """Bab III «Analisis program»: capaian of the program indicators of Tabel 3.11."""
        teks = Daftar("Bab III, analisis program (Tabel 3.11)")
        for no, kode, nama, dokumen in (
            (
                2,
                "PEMERIKSAAN",
                "Persentase pemeriksaan dan pengawasan yang dilakukan untuk koperasi",
                "84,49%",
            ),
            (3, "AKTIF", "Persentase koperasi aktif", "80,93%"),
            (4, "ANGGOTA", "Pertumbuhan Jumlah anggota Koperasi", "4151,72%"),
            (5, "VOLUME", "Pertumbuhan volume usaha koperasi", "-95,98%"),
            (5, "NIK", "Persentase fasilitas penerbitan Sertifikat Nomor Induk Koperasi (NIK)", "95,83%"),
            (6, "WIRAUSAHA", "Rasio pertumbuhan wirausaha baru yang berskala mikro", "100,16%"),
            (6, "NON-BPR", "Persentase UKM Non BPR LKM Aktif", "91,28%"),
            (6, "BPR", "Persentase BPR/LKM Aktif", "100%"),
            (7, "UMK", "Persentase usaha mikro dan kecil", "138,96%"),
            (7, "PRODUKTIVITAS", "Pertumbuhan produktivitas UMKM", "118,24%"),
        ):
            teks(f"BL-ANPROG-P{no}-{kode}-CAPAIAN", nama, dokumen, self.ukur(nama).capaian)
        return teks

    def angka_tabel_3_12(self) -> list[Angka]:
        """Tabel 3.12: efficiency = capaian − penyerapan of the sasaran's programs."""
        tabel = Daftar("Tabel 3.12")
        for no, nama, (capaian_dok, penyerapan_dok, efisiensi_dok) in (
            (1, KOPERASI, ("103,97%", "85,73%", "18,24%")),
            (2, UMKM, ("96,95%", "76,86%", "20,09%")),
            (3, SAKIP, ("73,31%", "82,47%", None)),  # efisiensi «-»: see the unmeasured test
        ):
            capaian = self.ukur(nama).capaian
            penyerapan = self.uang(self.per_sasaran({no}))[2]
            tabel(f"BL-T3.12-S{no}-CAPAIAN", f"{nama}, % Capaian Kinerja", capaian_dok, capaian)
            tabel(f"BL-T3.12-S{no}-PENYERAPAN", f"{nama}, % Penyerapan Anggaran", penyerapan_dok, penyerapan)
            if efisiensi_dok is not None:
                efisiensi = hitung_anggaran.efisiensi(capaian, penyerapan, self.pengaturan.metode_efisiensi)
                tabel(f"BL-T3.12-S{no}-EFISIENSI", f"{nama}, Tingkat Efisiensi", efisiensi_dok, efisiensi)
        return tabel

    def angka_tabel_3_13(self) -> list[Angka]:
        """Tabel 3.13 (budget per sasaran) and the Bab III 3.3 text (priority / supporting)."""
        tabel, teks = Daftar("Tabel 3.13"), Daftar("Bab III 3.3")
        apa = ("ANGGARAN", "REALISASI", "PERSEN")
        for no, dokumen in (
            (1, ("2.516.200.000", "2.157.122.364", "85,73%")),
            (2, ("1.465.000.000", "1.126.015.074", "76,86%")),
            (3, ("3.981.200.000", "3.283.137.438", "82,47%")),
        ):
            for kolom, teks_dok, nilai in zip(apa, dokumen, self.uang(self.per_sasaran({no})), strict=True):
                tabel(f"BL-T3.13-S{no}-{kolom}", f"Sasaran {no}, {kolom.lower()}", teks_dok, nilai)
        for kode, baris, sasaran, dokumen in (
            ("TOTAL", "seluruh program", {1, 2, 3}, ("Rp.7.085.233.615,00", "Rp.6.044.385.157,00", "85,31%")),
            (
                "PRIORITAS",
                "program/kegiatan prioritas (sasaran 1 dan 2)",
                {1, 2},
                ("Rp.3.981.200.000", "Rp.3.283.137.438", "82,47%"),
            ),
            (
                "PENDUKUNG",
                "program/kegiatan pendukung (sasaran 3)",
                {3},
                ("Rp.3.104.033.615", "Rp.2.761.247.719", "88,96%"),
            ),
        ):
            for kolom, teks_dok, nilai in zip(
                apa, dokumen, self.uang(self.per_sasaran(sasaran)), strict=True
            ):
                teks(f"BL-TEKS3.3-{kode}-{kolom}", f"{baris}, {kolom.lower()}", teks_dok, nilai)
        return [*tabel, *teks]

    def angka_tabel_3_14(self) -> list[Angka]:
        """Tabel 3.14: every percentage, remainder and subtotal, and the JUMLAH rows."""
        tabel = Daftar("Tabel 3.14")
        for no, (persen, lebih) in TABEL_3_14_SUB.items():
            sub = self.sub[no]
            tabel(f"BL-T3.14-S{no:02}-PERSEN", f"{no}. {sub.objek.nama}, %", persen, sub.penyerapan())
            tabel(f"BL-T3.14-S{no:02}-LEBIH", f"{no}. {sub.objek.nama}, lebih/(kurang)", lebih, sub.sisa())
        for no, (anggaran, lebih) in TABEL_3_14_KEGIATAN.items():
            keg = self.kegiatan[no]
            tabel(
                f"BL-T3.14-K{no:02}-ANGGARAN",
                f"Kegiatan {keg.objek.nama}, anggaran",
                anggaran,
                keg.pagu_akhir(),
            )
            tabel(f"BL-T3.14-K{no:02}-LEBIH", f"Kegiatan {keg.objek.nama}, lebih/(kurang)", lebih, keg.sisa())
        for no, (anggaran, lebih) in TABEL_3_14_PROGRAM.items():
            prog = self.program[no]
            tabel(f"BL-T3.14-P{no}-ANGGARAN", f"{prog.objek.nama}, anggaran", anggaran, prog.pagu_akhir())
            tabel(f"BL-T3.14-P{no}-LEBIH", f"{prog.objek.nama}, lebih/(kurang)", lebih, prog.sisa())
        pagu, realisasi, penyerapan = self.uang(self.pohon)
        tabel("BL-T3.14-JUMLAH-ANGGARAN", "JUMLAH, anggaran", "7.085.233.615", pagu)
        tabel("BL-T3.14-JUMLAH-REALISASI", "JUMLAH, realisasi", "6.044.385.157", realisasi)
        sisa = hitung_anggaran.sisa(pagu, realisasi)
        tabel("BL-T3.14-JUMLAH-LEBIH", "JUMLAH, lebih/(kurang)", "1.040.848.458", sisa)
        tabel("BL-T3.14-JUMLAH-PERSEN", "Persentase Keuangan", "85.31", penyerapan)
        return tabel

    def angka_analisis_program(self) -> list[Angka]:
        """Bab III «Analisis program»: each program's budget, spending and absorption."""
        teks = Daftar("Bab III, analisis program")
        pagu, realisasi, penyerapan = self.uang(self.pohon)
        teks("BL-ANPROG-ANGGARAN", "total anggaran", "Rp.7.085.233.615", pagu)
        teks("BL-ANPROG-REALISASI", "realisasi", "Rp. 6.044.385.157", realisasi)
        teks("BL-ANPROG-PERSEN", "realisasi (%)", "85,31%", penyerapan)
        for no, dokumen in ANALISIS_PROGRAM.items():
            prog = self.program[no]
            dihitung = (prog.pagu_akhir(), prog.realisasi(), prog.penyerapan())
            for apa, teks_dok, nilai in zip(
                ("ANGGARAN", "REALISASI", "PERSEN"), dokumen, dihitung, strict=True
            ):
                teks(f"BL-ANPROG-P{no}-{apa}", f"{prog.objek.nama}, {apa.lower()}", teks_dok, nilai)
        for no, persen in ANALISIS_SUB.items():
            sub = self.sub[no]
            teks(f"BL-ANPROG-S{no:02}-PERSEN", f"Sub Kegiatan {sub.objek.nama}, %", persen, sub.penyerapan())
        return teks

    def angka_lampiran_5(self) -> list[Angka]:
        """Lampiran 5: totals and percentages stated inside the supporting tables."""
        # Perkembangan koperasi: aktif + tidak aktif = jumlah; persentase koperasi aktif.
        perkembangan = Daftar("Lampiran 5, Perkembangan Koperasi")
        kolom, baris = self.tabel("perkembangan-koperasi")
        per = {b[kolom["Uraian"]]: b for b in baris}
        for tahun in range(2018, 2023):
            i = kolom[str(tahun)]
            total, aktif, tidak = (_sel(per[u][i]) for u in ("Jumlah Koperasi", "Aktif", "Tidak Aktif"))
            dokumen_jumlah, dokumen_persen = PERKEMBANGAN_JUMLAH[tahun], PERKEMBANGAN_PERSEN[tahun]
            perkembangan(
                f"BL-L5-PERKEMBANGAN-{tahun}-JUMLAH",
                f"Jumlah Koperasi {tahun}",
                dokumen_jumlah,
                aktif + tidak,
            )
            persen = hitung.bagi_persen(aktif, total)
            perkembangan(
                f"BL-L5-PERKEMBANGAN-{tahun}-AKTIF-PERSEN",
                f"Persentase Koperasi Aktif {tahun}",
                dokumen_persen,
                persen,
            )
        # UMKM per kecamatan: each row's Jumlah, the Jumlah row, «Jumlah Usaha Mikro dan Kecil».
        umkm = Daftar("Lampiran 5, Data UMKM")
        kolom, baris = self.tabel("umkm-per-kecamatan")
        mikro, kecil, menengah = (kolom[k] for k in list(kolom)[2:5])
        rinci = [b for b in baris if b[0]]
        for b in rinci:
            no = b[0].rstrip(".").zfill(2)
            dihitung = _jumlah(b[i] for i in (mikro, kecil, menengah))
            umkm(f"BL-L5-UMKM-{no}-JUMLAH", f"{b[1]}, Jumlah UMKM", UMKM_KECAMATAN_JUMLAH[b[1]], dihitung)
        for kode, i, dokumen in (
            ("MIKRO", mikro, "39.637"),
            ("KECIL", kecil, "15.612"),
            ("MENENGAH", menengah, "5.447"),
        ):
            umkm(
                f"BL-L5-UMKM-JUMLAH-{kode}", f"Jumlah, {kode.lower()}", dokumen, _jumlah(b[i] for b in rinci)
            )
        semua = _jumlah(b[i] for b in rinci for i in (mikro, kecil, menengah))
        umkm("BL-L5-UMKM-JUMLAH-UMKM", "Jumlah, Jumlah UMKM", "60.696", semua)
        umk = _jumlah(b[i] for b in rinci for i in (mikro, kecil))
        umkm("BL-L5-UMKM-JUMLAH-UMK", "Jumlah Usaha Mikro dan Kecil", "55.249", umk)
        # Nasabah baru kredit EKOR 2022: row and month totals, «Jumlah Keseluruhan».
        nasabah = Daftar("Lampiran 5, Nasabah Baru Kredit Ekor")
        kolom, baris = self.tabel("nasabah-kredit-ekor")
        bulan = list(kolom)[2:14]
        rinci = [b for b in baris if b[0]]
        for kecamatan, dokumen in (("Kemiling", "45"), ("Sukarame", "26"), ("Sukabumi", "37")):
            b = next(b for b in rinci if b[1] == kecamatan)
            dihitung = _jumlah(b[kolom[m]] for m in bulan)
            nasabah(f"BL-L5-NASABAH-{kecamatan.upper()}-JUMLAH", f"{kecamatan}, Jumlah", dokumen, dihitung)
        for m, dokumen in (("Maret", "43"), ("Juli", "14"), ("Sept", "25"), ("Okt", "26")):
            nasabah(
                f"BL-L5-NASABAH-JUMLAH-{m.upper()}",
                f"Jumlah, {m}",
                dokumen,
                _jumlah(b[kolom[m]] for b in rinci),
            )
        baru = _jumlah(b[kolom[m]] for b in rinci for m in bulan)
        nasabah("BL-L5-NASABAH-KESELURUHAN", "Jumlah Keseluruhan", "108", baru)
        gemma = Daftar("Lampiran 5, GEMMA Tapis Berseri")
        gemma("BL-L5-GEMMA-2022-PENERIMA", "Jumlah Penerima (orang) 2022", "108", baru)
        # Penerima kredit EKOR 2018–2022: the JUMLAH row.
        penerima = Daftar("Lampiran 5, Penerima Kredit Ekor")
        kolom, baris = self.tabel("penerima-kredit-ekor")
        rinci = [b for b in baris if b[0]]
        for judul, dokumen in zip(
            list(kolom)[2:], ("11.126", "11.375", "11.506", "11.508", "11.748"), strict=True
        ):
            dihitung = _jumlah(b[kolom[judul]] for b in rinci)
            penerima(f"BL-L5-PENERIMA-JUMLAH-{judul[-4:]}", f"JUMLAH, {judul}", dokumen, dihitung)
        # Pameran: «sebanyak 7 kali … sebanyak 63 UKM» (Bab III Sasaran 2).
        pameran = Daftar("Bab III Sasaran 2 (Lampiran 5, Pameran)")
        kolom, baris = self.tabel("pameran")
        pameran("BL-TEKS-S2-PAMERAN-KALI", "pameran", "7", Decimal(len(baris)))
        ikut = _jumlah(b[kolom["UKM yang Mengikuti (Orang)"]] for b in baris)
        pameran("BL-TEKS-S2-PAMERAN-UKM", "UKM yang mengikuti", "63", ikut)
        return [*perkembangan, *umkm, *nasabah, *gemma, *penerima, *pameran]

    def semua_angka(self) -> list[Angka]:
        return [angka for daftar in self.daftar_per_tabel().values() for angka in daftar()]

    def daftar_per_tabel(self) -> dict[str, Callable[[], list[Angka]]]:
        return {
            "sdm": self.angka_sdm,
            "1.6": self.angka_tabel_1_6,
            "jumlah program": self.angka_jumlah_program,
            "3.1": self.angka_tabel_3_1,
            "3.3": self.angka_tabel_3_3,
            "3.4": self.angka_capaian_2022,
            "3.5": self.angka_tabel_3_5,
            "3.6": self.angka_tabel_3_6,
            "3.7": self.angka_tabel_3_7,
            "3.9": self.angka_tabel_3_9,
            "3.11": self.angka_capaian_program,
            "3.12": self.angka_tabel_3_12,
            "3.13": self.angka_tabel_3_13,
            "3.14": self.angka_tabel_3_14,
            "analisis program": self.angka_analisis_program,
            "lampiran 5": self.angka_lampiran_5,
        }

    # --- tests -------------------------------------------------------------------------

    def test_sdm_tables_1_1_to_1_4_add_up_or_are_errata(self):
        self.periksa_tabel(self.angka_sdm())

    def test_tabel_1_6_program_budgets_match_or_are_errata(self):
        self.periksa_tabel(self.angka_tabel_1_6())

    def test_stated_numbers_of_programs_kegiatan_and_sub_kegiatan_match_or_are_errata(self):
        self.periksa_tabel(self.angka_jumlah_program())

    def test_tabel_3_1_evaluation_scores_and_predikat_match_or_are_errata(self):
        self.periksa_tabel(self.angka_tabel_3_1())

    def test_tabel_3_3_quarterly_capaian_match_or_are_errata(self):
        self.periksa_tabel(self.angka_tabel_3_3())

    def test_tabel_3_4_capaian_2022_and_its_repeats_match_or_are_errata(self):
        self.periksa_tabel(self.angka_capaian_2022())

    def test_tabel_3_5_comparison_with_last_year_matches_or_is_errata(self):
        self.periksa_tabel(self.angka_tabel_3_5())

    def test_tabel_3_6_comparison_with_renstra_end_target_matches_or_is_errata(self):
        self.periksa_tabel(self.angka_tabel_3_6())

    def test_tabel_3_7_city_realisations_match_or_are_errata(self):
        self.periksa_tabel(self.angka_tabel_3_7())

    def test_tabel_3_9_umkm_percentages_come_from_their_counts(self):
        self.periksa_tabel(self.angka_tabel_3_9())

    def test_program_capaian_of_tabel_3_11_match_or_are_errata(self):
        self.periksa_tabel(self.angka_capaian_program())

    def test_tabel_3_12_efficiency_matches_or_is_errata(self):
        self.periksa_tabel(self.angka_tabel_3_12())

    def test_tabel_3_13_budget_per_sasaran_matches_or_is_errata(self):
        self.periksa_tabel(self.angka_tabel_3_13())

    def test_tabel_3_14_subtotals_and_percentages_match_or_are_errata(self):
        self.periksa_tabel(self.angka_tabel_3_14())

    def test_program_analysis_text_budget_figures_match_or_are_errata(self):
        self.periksa_tabel(self.angka_analisis_program())

    def test_lampiran_5_totals_match_or_are_errata(self):
        self.periksa_tabel(self.angka_lampiran_5())

    def test_errata_list_exactly_the_figures_that_differ(self):
        self.assertEqual(periksa(NAMA, self.semua_angka(), self.mode), [])

    def test_grand_totals_come_out_of_the_sub_kegiatan_lines(self):
        pagu, realisasi, _ = self.uang(self.pohon)
        self.assertEqual(pagu, Decimal("7085233615"))  # as printed
        # The printed JUMLAH realisasi is 6.044.385.157: 600.000 less than the 26 lines give,
        # because line 1 prints 39.900.000 while its 60,46 % implies 39.300.000 (see errata).
        self.assertEqual(realisasi, Decimal("6044985157"))
        self.assertEqual(hitung_anggaran.sisa(pagu, realisasi), Decimal("1040248458"))
        # The tree adds up exactly what was entered, line by line.
        pada_instansi = {"sub_kegiatan__kegiatan__program__renstra__instansi": self.instansi, "tahun": TAHUN}
        self.assertEqual(sum(p.jumlah for p in Pagu.objects.filter(**pada_instansi)), pagu)
        self.assertEqual(sum(r.jumlah for r in RealisasiAnggaran.objects.filter(**pada_instansi)), realisasi)
        self.assertEqual(Pagu.objects.filter(**pada_instansi).count(), 26)

    def test_figures_the_document_leaves_unmeasured_are_not_computed(self):
        sakip = self.ukur(SAKIP)
        # Tabel 3.4 «-» / «Belum dinilai», Tabel 3.10 «Belum ada penilaian», Lampiran 4 «-».
        self.assertEqual(sakip.realisasi, TidakTerhitung.BELUM_DIUKUR)
        self.assertEqual(sakip.capaian, TidakTerhitung.BELUM_DIUKUR)
        self.assertIsNone(sakip.predikat)
        self.assertEqual(sakip.target, Decimal("80.70"))
        self.assertEqual(
            realisasi_tahun(self.indikator[SAKIP].daftar_realisasi, TAHUN).keterangan, "Belum dinilai"
        )
        # Tabel 3.3, TW IV «Belum dinilai».
        self.assertEqual(self.triwulan(SAKIP, 4)[0], TidakTerhitung.BELUM_DIUKUR)
        # Tabel 3.12, Tingkat Efisiensi «-».
        penyerapan = self.uang(self.per_sasaran({3}))[2]
        self.assertIsInstance(
            hitung_anggaran.efisiensi(sakip.capaian, penyerapan, self.pengaturan.metode_efisiensi),
            TidakTerhitung,
        )
        # Tabel 1.4: FP Madya column «-», Fungsional row without a Jumlah.
        self.assertIsNone(self.pegawai(dimensi="jabatan", kolom="FP Madya"))
        self.assertIsNone(self.pegawai(dimensi="jabatan", uraian="Fungsional"))

    def test_every_target_printed_differently_is_stored_where_the_errata_say(self):
        baris = baca_target_berbeda(NAMA)
        self.assertTrue(baris)
        for b in baris:
            nama, tabel, nilai = b["indikator"], b["tabel"], parse_angka(b["nilai"])
            sumber, tahun = b["disimpan"].split()
            with self.subTest(nama=nama, tabel=tabel):
                target = Target.objects.get(
                    indikator=self.indikator[nama], tahun=int(tahun), sumber=sumber, triwulan__isnull=True
                )
                self.assertEqual(target.nilai, nilai)

    def test_sarana_counts_equal_their_conditions(self):
        for barang in SaranaPrasarana.objects.filter(instansi=self.instansi, tahun=TAHUN):
            with self.subTest(barang=barang.nama_barang):
                kondisi = _jumlah((barang.kondisi_baik, barang.kondisi_sedang, barang.kondisi_rusak))
                self.assertEqual(barang.jumlah, kondisi)

    def test_supporting_tables_are_valid(self):
        for tabel in TabelPendukung.objects.filter(instansi=self.instansi):
            with self.subTest(tabel=tabel.kunci):
                tabel.full_clean()


# Tabel 3.14 as printed: sub kegiatan (%, lebih/(kurang)), kegiatan and program subtotals
# (anggaran, lebih/(kurang)); programs numbered as in Tabel 1.6.
TABEL_3_14_SUB = {
    1: ("60.46", "25.100.000"),
    2: ("93.71", "141.306.093"),
    3: ("56.77", "41.750.000"),
    4: ("99.24", "204.682"),
    5: ("98.26", "86.768"),
    6: ("100", "0.00"),
    7: ("100", "0.00"),
    8: ("100", "0.00"),
    9: ("96,75", "650.000"),
    10: ("0.00", "30.000.000"),
    11: ("99,65", "156.850"),
    12: ("55.14", "10.765.641"),
    13: ("83.59", "69.500.000"),
    14: ("85.06", "5.009.088"),
    15: ("55.33", "17.656.774"),
    16: ("100", "00.000"),
    17: ("87.94", "6.030.000"),
    18: ("34.35", "32.825.000"),
    19: ("54.85", "33.860.636"),
    20: ("94.85", "20.812.000"),
    21: ("86.29", "265.550.000"),
    22: ("0.00", "50.000.000"),
    23: ("0.00", "50.000.000"),
    24: ("100", "170.000.000"),
    25: ("93.35", "35.000.000"),
    26: ("94.92", "33.984.926"),
}
TABEL_3_14_KEGIATAN = {
    1: ("65.000.000", "25.100.000"),
    2: ("2.343.148.615", "183.056.093"),
    3: ("75.325.678", "291.450"),
    4: ("95.000.000", "30.806.850"),
    5: ("447.500.000", "80.265.641"),
    6: ("78.059.322", "22.665.862"),
    7: ("100.000.000", "38.855.000"),
    8: ("75.000.000", "33.860.636"),
    9: ("404.200.000", "20.812.000"),
    10: ("1.937.000.000", "265.550.000"),
    11: ("796.000.000", "305.000.000"),
    12: ("669.000.000", "33.984.926"),
}
TABEL_3_14_PROGRAM = {
    1: ("3.104.033.615", "406.379.046"),
    2: ("100.000.000", "38.855.000"),
    3: ("75.000.000", "33.860.636"),
    4: ("404.200.000", "20.812.000"),
    5: ("1.937.000.000", "265.550.000"),
    6: ("796.000.000", "305.000.000"),
    7: ("669.000.000", "33.984.926"),
}
# Bab III «Analisis program»: «total Jumlah Anggaran … dan terserap … atau (…%)» per program,
# and the «(…%)» of each sub kegiatan.
ANALISIS_PROGRAM = {
    2: ("Rp. 100.000.000,00", "Rp. 61.145.000", "61,14%"),
    3: ("Rp. 75.000.000,00", "Rp.41.139.364,00", "54,85%"),
    4: ("Rp. 404.200.000,00", "Rp.383.388.000,00", "94,85%"),
    5: ("Rp.1.937.000.000,00", "Rp.1.671.450.000", "86,29%"),
    6: ("Rp.796.000.000,00", "Rp.491.000.000,00", "93,35%"),
    7: ("Rp. 669.000.000,00", "Rp.635.015.074,00", "94,92%"),
}
ANALISIS_SUB = {
    17: "87,94%",
    18: "34,35%",
    19: "54,85%",
    20: "94,85%",
    21: "86,29%",
    22: "0%",
    23: "0,0%",
    24: "0,0%",
    25: "93,35%",
    26: "94,92%",
}
# Lampiran 5, Perkembangan Koperasi: the Jumlah Koperasi row and the Persentase row.
PERKEMBANGAN_JUMLAH = {2018: "744", 2019: "662", 2020: "664", 2021: "410", 2022: "393"}
PERKEMBANGAN_PERSEN = {2018: "21,23%", 2019: "25,22%", 2020: "26,35%", 2021: "47,07%", 2022: "37.15%"}
# Lampiran 5, Data UMKM: the «Jumlah UMKM (unit)» column.
UMKM_KECAMATAN_JUMLAH = {
    "Tanjung Karang Pusat": "4.446",
    "Tanjung Karang Timur": "2.767",
    "Tanjung Karang Barat": "2.733",
    "Kedaton": "3.165",
    "Rajabasa": "2.750",
    "Tanjung Senang": "2.714",
    "Sukarame": "3.083",
    "Sukabumi": "2.731",
    "Panjang": "3.365",
    "Teluk Betung Selatan": "2.862",
    "Teluk Betung Barat": "2.536",
    "Teluk Betung Utara": "2.959",
    "Kemiling": "3.941",
    "Teluk Betung Timur": "2.604",
    "Enggal": "3.005",
    "Bumi Waras": "2.886",
    "Way Halim": "3.217",
    "Kedamaian": "2.972",
    "Labuhan Ratu": "3.320",
    "Langkapura": "2.640",
}
