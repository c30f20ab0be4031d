"""Spreadsheets in and out: a round trip for each document, and no bad file gets through."""

import io
import zipfile
from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from anggaran.models import Pagu, RealisasiAnggaran
from anggaran.ringkasan import NodeAnggaran, anggaran_instansi, jumlah
from instansi.akses import akses_untuk
from instansi.models import Instansi, Keanggotaan, KunciTahun
from kinerja.models import Realisasi
from sakip.excel import anggaran, realisasi
from sakip.excel.aman import BerkasDitolak
from sakip.excel.lembar import PETUNJUK

User = get_user_model()
BL, LB = "diskopukm-bandar-lampung", "koperindag-lampung-barat"


def simpan(buku) -> bytes:
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def isi_templat(isi: bytes, ubah) -> bytes:
    """Open a downloaded template as a planner would and change cells with `ubah(lembar)`."""
    buku = load_workbook(io.BytesIO(isi))
    ubah(buku[realisasi.LEMBAR])
    return simpan(buku)


def kolom(judul: str) -> int:
    return realisasi.KOLOM.index(judul) + 1


def isi_sel(judul_kolom: str, nilai, indikator: str | None = None, kosongkan_komponen: bool = False):
    """A change to one cell of an indicator's row (or of the header row), as a planner makes it."""

    def ubah(lembar):
        baris = 1 if indikator is None else baris_indikator(lembar, indikator)
        if kosongkan_komponen:
            lembar.cell(baris, kolom("Komponen A")).value = None
            lembar.cell(baris, kolom("Komponen B")).value = None
        lembar.cell(baris, kolom(judul_kolom)).value = nilai

    return ubah


def baris_indikator(lembar, nama: str) -> int:
    for n in range(2, lembar.max_row + 1):
        if lembar.cell(n, kolom("Indikator")).value == nama:
            return n
    raise AssertionError(nama)


class ExcelTestCase(TestCase):
    fixtures = ["bandar_lampung_2022", "lampung_barat_2023"]

    @classmethod
    def setUpTestData(cls):
        cls.bl = Instansi.objects.get(slug=BL)
        cls.lb = Instansi.objects.get(slug=LB)
        cls.perencana = User.objects.create_user("perencana-bl", password="sandi-bl-123")
        Keanggotaan.objects.create(user=cls.perencana, instansi=cls.bl)
        cls.perencana_lb = User.objects.create_user("perencana-lb", password="sandi-lb-123")
        Keanggotaan.objects.create(user=cls.perencana_lb, instansi=cls.lb)

    def jejak(self) -> list:
        return list(
            Realisasi.objects.order_by("pk").values_list("pk", "nilai", "komponen_a", "komponen_b", "versi")
        )


class RoundTripTests(ExcelTestCase):
    def test_bandar_lampung_template_filled_as_a_user_would_comes_back_exactly(self):
        templat = realisasi.templat(self.bl, 2022)

        def ubah(lembar):
            # A directly measured indicator: this planner types the percentage pasted from Word.
            aktif = baris_indikator(lembar, "Persentase koperasi aktif")
            lembar.cell(aktif, kolom("Realisasi")).value = "'30,54%"
            koperasi = baris_indikator(lembar, "Persentase Koperasi Sehat dan Cukup Sehat")
            lembar.cell(koperasi, kolom("Komponen A")).value = 75
            lembar.cell(koperasi, kolom("Komponen B")).value = 393

        hasil = realisasi.baca(isi_templat(templat, ubah), akses_untuk(self.perencana, self.bl, 2022), None)
        self.assertEqual(hasil.masalah, [])
        self.assertEqual(sorted(p.letak["indikator"].nama for p in hasil.perubahan), [
            "Persentase Koperasi Sehat dan Cukup Sehat", "Persentase koperasi aktif"
        ])  # fmt: skip
        self.assertEqual(
            realisasi.terapkan(hasil, "isian.xlsx", akses_untuk(self.perencana, self.bl, 2022)), 2
        )
        laba = Realisasi.objects.get(indikator__nama="Persentase koperasi aktif", tahun=2022, triwulan=None)
        self.assertEqual((laba.nilai, laba.komponen_a), (D("30.54"), None))
        koperasi = Realisasi.objects.get(
            indikator__renstra__instansi=self.bl,
            indikator__nama__startswith="Persentase Koperasi Sehat",
            tahun=2022,
            triwulan=None,
        )
        self.assertEqual((koperasi.komponen_a, koperasi.komponen_b), (75, 393))
        self.assertEqual(laba.history.first().history_change_reason, "Unggahan Excel «isian.xlsx»")

    def test_an_unchanged_template_changes_nothing(self):
        for instansi, tahun, user in ((self.bl, 2022, self.perencana), (self.lb, 2023, self.perencana_lb)):
            with self.subTest(instansi.slug):
                hasil = realisasi.baca(
                    realisasi.templat(instansi, tahun), akses_untuk(user, instansi, tahun), None
                )
                self.assertEqual((hasil.masalah, hasil.perubahan), ([], []))

    def test_lampung_barat_quarter_is_entered_through_its_own_template(self):
        templat = realisasi.templat(self.lb, 2023, 4)
        isi = isi_templat(templat, isi_sel("Realisasi", 82.5, "Nilai SAKIP OPD"))
        hasil = realisasi.baca(isi, akses_untuk(self.perencana_lb, self.lb, 2023), 4)
        realisasi.terapkan(hasil, "tw4.xlsx", akses_untuk(self.perencana_lb, self.lb, 2023))
        self.assertEqual(
            Realisasi.objects.get(indikator__nama="Nilai SAKIP OPD", tahun=2023, triwulan=4).nilai,
            D("82.5"),
        )

    def test_the_whole_flow_through_the_screens(self):
        self.client.force_login(self.perencana)
        templat = self.client.get(reverse("excel-templat-realisasi", args=[BL, 2022])).content

        def ubah(lembar):
            baris = baris_indikator(lembar, "Persentase UMKM yang meningkat labanya")
            lembar.cell(baris, kolom("Komponen A")).value = 589  # of 1.899: 31,01 %

        isi = isi_templat(templat, ubah)
        respons = self.client.post(
            reverse("excel-unggah", args=[BL, 2022]),
            {"jenis": "realisasi", "berkas": SimpleUploadedFile("isian.xlsx", isi), "triwulan": ""},
        )
        pratinjau = self.client.get(respons["Location"])
        self.assertContains(pratinjau, "580 / 1.899")
        self.assertContains(pratinjau, "589 / 1.899")
        self.client.post(respons["Location"])
        beranda = self.client.get(reverse("instansi-tahun", args=[BL, 2022]))
        self.assertContains(beranda, "98,46 %")  # 589 / 1.899 = 31,016… of 31,50, truncated


def _bom() -> bytes:
    """A real workbook with one extra entry of 20 MB of zeros, compressed a thousandfold."""
    isi = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(simpan(Workbook()))) as asli,
        zipfile.ZipFile(isi, "w", zipfile.ZIP_DEFLATED) as baru,
    ):
        for entri in asli.infolist():
            baru.writestr(entri, asli.read(entri))
        baru.writestr("xl/media/nol.bin", b"\0" * 20_000_000)
    return isi.getvalue()


def _seratus_ribu_baris() -> bytes:
    buku = Workbook(write_only=True)
    petunjuk = buku.create_sheet(PETUNJUK)
    for baris in (["Jenis", "realisasi"], ["Instansi", BL], ["Tahun", 2022], ["Triwulan", "tahunan"]):
        petunjuk.append(baris)
    lembar = buku.create_sheet(realisasi.LEMBAR)
    lembar.append(realisasi.KOLOM)
    for n in range(100_000):
        lembar.append([n])
    return simpan(buku)


class BadFileTests(ExcelTestCase):
    """Each bad file gets its message, and the database stays as it was."""

    def templat_dengan(self, ubah) -> bytes:
        return isi_templat(realisasi.templat(self.bl, 2022), ubah)

    def sel(self, judul_kolom, nilai):
        """`nilai` in one cell of the UMKM indicator's row, its counts cleared as a planner would."""
        return isi_sel(judul_kolom, nilai, "Persentase UMKM yang meningkat labanya", kosongkan_komponen=True)

    def test_every_bad_file_is_refused_with_its_message_and_nothing_changes(self):
        tanpa_lembar = load_workbook(io.BytesIO(realisasi.templat(self.bl, 2022)))
        del tanpa_lembar[realisasi.LEMBAR]
        banyak_lembar = load_workbook(io.BytesIO(realisasi.templat(self.bl, 2022)))
        for n in range(12):
            banyak_lembar.create_sheet(f"Lembar {n}")
        kasus = {
            "bukan xlsx": (b"Nama;Realisasi\nKoperasi;18,83\n", "bukan lembar kerja Excel"),
            "PDF berganti nama": (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "Berkas ini PDF"),
            "bom zip": (_bom(), "bom zip"),
            "lembar hilang": (simpan(tanpa_lembar), "Lembar «Realisasi» tidak ada"),
            "terlalu banyak lembar": (simpan(banyak_lembar), "berisi 14 lembar"),
            "kolom berganti nama": (
                self.templat_dengan(isi_sel("Realisasi", "Nilai")),
                "Judul kolom",
            ),
            "indikator asing": (self.templat_dengan(self.sel("ID", 999999)), "bukan indikator instansi ini"),
            "angka 18.83.1": (
                self.templat_dengan(self.sel("Komponen A", "18.83.1")),
                "«18.83.1» bukan angka yang sah",
            ),
            "rumus tanpa nilai": (
                self.templat_dengan(self.sel("Realisasi", "=30+0,54")),
                "rumus tanpa nilai tersimpan",
            ),
            "100.000 baris": (_seratus_ribu_baris(), "lebih dari 20.000 baris"),
        }
        sebelum = self.jejak()
        for nama, (isi, pesan) in kasus.items():
            with self.subTest(nama):
                self.assertIn(pesan, self.pesan(isi))
                self.assertEqual(self.jejak(), sebelum)

    def test_a_locked_year_refuses_the_upload(self):
        KunciTahun.objects.create(instansi=self.bl, tahun=2022)
        sebelum = self.jejak()
        self.assertIn("terkunci", self.pesan(self.templat_dengan(self.sel("Realisasi", "31"))))
        self.client.force_login(self.perencana)
        berkas = SimpleUploadedFile("isian.xlsx", self.templat_dengan(self.sel("Realisasi", "31")))
        data = {"jenis": "realisasi", "berkas": berkas}
        self.assertEqual(self.client.post(reverse("excel-unggah", args=[BL, 2022]), data).status_code, 403)
        self.assertEqual(self.jejak(), sebelum)

    def test_a_template_changed_since_download_is_not_applied(self):
        templat = self.templat_dengan(isi_sel("Komponen A", 31, "Persentase UMKM yang meningkat labanya"))
        hasil = realisasi.baca(templat, akses_untuk(self.perencana, self.bl, 2022), None)
        laba = Realisasi.objects.get(
            indikator__nama="Persentase UMKM yang meningkat labanya", tahun=2022, triwulan=None
        )
        laba.komponen_a = D(590)
        laba.save()
        laba.versi += 1
        Realisasi.objects.filter(pk=laba.pk).update(versi=laba.versi)
        with self.assertRaisesMessage(BerkasDitolak, "telah diubah orang lain"):
            realisasi.terapkan(hasil, "lama.xlsx", akses_untuk(self.perencana, self.bl, 2022))
        laba.refresh_from_db()
        self.assertEqual((laba.komponen_a, laba.nilai), (590, None))

    def pesan(self, isi: bytes) -> str:
        """The message a planner sees for `isi`: a refused file, or the listed problems."""
        try:
            hasil = realisasi.baca(isi, akses_untuk(self.perencana, self.bl, 2022), None)
        except BerkasDitolak as exc:
            return str(exc)
        return " ".join(m.pesan for m in hasil.masalah)


class ExportTests(ExcelTestCase):
    def test_lkjip_tables_are_a_workbook_of_real_numbers(self):
        self.client.force_login(self.perencana)
        respons = self.client.get(reverse("lkjip-xlsx", args=[BL, 2022]))
        buku = load_workbook(io.BytesIO(respons.content))
        self.assertIn("Tabel 3.4", buku.sheetnames)
        lembar = buku["Tabel 3.4"]
        self.assertEqual(lembar["A1"].value, "Tabel 3.4 Capaian Indikator Kinerja Utama Tahun 2022")
        self.assertEqual(
            [c.value for c in lembar[2]][:6],
            ["Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"],
        )
        capaian = lembar.cell(3, 6)
        self.assertIsInstance(capaian.value, float)
        self.assertAlmostEqual(capaian.value, 103.973, places=3)
        self.assertEqual(capaian.number_format, '0.00" %"')


class BudgetTemplateTests(ExcelTestCase):
    """The budget template goes through the same grid as the budget screen."""

    def baris_node(self, lembar, nama: str) -> int:
        kolom_nama = anggaran.KOLOM.index("Program / Kegiatan / Sub kegiatan") + 1
        return next(n for n in range(2, lembar.max_row + 1) if lembar.cell(n, kolom_nama).value == nama)

    def ubah(self, instansi, tahun, nama, judul, nilai) -> bytes:
        buku = load_workbook(io.BytesIO(anggaran.templat(instansi, tahun)))
        lembar = buku[anggaran.LEMBAR]
        lembar.cell(self.baris_node(lembar, nama), anggaran.KOLOM.index(judul) + 1).value = nilai
        return simpan(buku)

    def test_an_unchanged_budget_template_changes_nothing(self):
        for instansi, tahun, user in ((self.bl, 2022, self.perencana), (self.lb, 2023, self.perencana_lb)):
            with self.subTest(instansi.slug):
                hasil = anggaran.baca(
                    anggaran.templat(instansi, tahun), akses_untuk(user, instansi, tahun), None
                )
                self.assertEqual((hasil.masalah, hasil.perubahan), ([], []))

    def test_a_corrected_line_brings_the_total_to_the_documents_figure(self):
        # Bandar Lampung's sub kegiatan 1 prints 39.900.000 spent where its 60,46 % and the
        # JUMLAH row imply 39.300.000 (erratum BL-T3.14-JUMLAH-REALISASI).
        nama = "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"
        isi = self.ubah(self.bl, 2022, nama, "Realisasi", "Rp 39.300.000,00")
        hasil = anggaran.baca(isi, akses_untuk(self.perencana, self.bl, 2022), None)
        self.assertEqual(hasil.masalah, [])
        self.assertEqual(
            [(lama, baru) for _, lama, baru in hasil.ringkasan], [("Rp 39.900.000", "Rp 39.300.000")]
        )
        anggaran.terapkan(hasil, "koreksi.xlsx", akses_untuk(self.perencana, self.bl, 2022))
        total = jumlah(anggaran_instansi(self.bl, 2022), NodeAnggaran.realisasi)
        self.assertEqual(total, D("6044385157"))
        baris = RealisasiAnggaran.objects.get(sub_kegiatan__nama=nama, tahun=2022)
        self.assertEqual(baris.history.first().history_change_reason, "Unggahan Excel «koreksi.xlsx»")

    def test_lampung_barat_kegiatan_figures_roll_up_to_the_program(self):
        program = "Program Perencanaan dan Pembangunan Industri"
        kegiatan = "Penyusunan dan Evaluasi Rencana Pembangunan Industri Kabupaten/Kota"
        isi = self.ubah(self.lb, 2023, kegiatan, "DPA perubahan", 6837791450)
        hasil = anggaran.baca(isi, akses_untuk(self.perencana_lb, self.lb, 2023), None)
        anggaran.terapkan(hasil, "lb.xlsx", akses_untuk(self.perencana_lb, self.lb, 2023))
        (node,) = [p for p in anggaran_instansi(self.lb, 2023) if p.objek.nama == program]
        self.assertEqual(node.pagu_akhir(), D("6837791450"))

    def test_bad_cells_are_listed_by_row_and_column_and_nothing_changes(self):
        nama = "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"
        sebelum = list(Pagu.objects.values_list("pk", "jumlah", "versi"))
        for nilai, pesan in (
            ("18.83.1", "«18.83.1» bukan angka yang sah"),
            ("-5", "«-5» tidak boleh kurang dari 0"),
        ):
            with self.subTest(nilai):
                hasil = anggaran.baca(
                    self.ubah(self.bl, 2022, nama, "DPA pengesahan", nilai),
                    akses_untuk(self.perencana, self.bl, 2022),
                    None,
                )
                (masalah,) = hasil.masalah
                self.assertEqual(
                    (masalah.lembar, masalah.kolom, masalah.nilai), ("Anggaran", "DPA pengesahan", nilai)
                )
                self.assertIn(pesan, masalah.pesan)
                self.assertEqual(list(Pagu.objects.values_list("pk", "jumlah", "versi")), sebelum)

    def test_a_row_left_out_of_the_sheet_keeps_its_figures(self):
        buku = load_workbook(io.BytesIO(anggaran.templat(self.bl, 2022)))
        buku[anggaran.LEMBAR].delete_rows(3)
        hasil = anggaran.baca(simpan(buku), akses_untuk(self.perencana, self.bl, 2022), None)
        self.assertEqual((hasil.masalah, hasil.perubahan), ([], []))


class ScreenExportTests(ExcelTestCase):
    def test_the_budget_overview_downloads_real_numbers(self):
        self.client.force_login(self.perencana)
        respons = self.client.get(reverse("anggaran-tahun", args=[BL, 2022]), {"ekspor": "xlsx"})
        lembar = load_workbook(io.BytesIO(respons.content)).active
        self.assertEqual(lembar.title, "Anggaran 2022")
        self.assertEqual([c.value for c in lembar[1]][:3], ["Program", "Sasaran", "Pagu akhir"])
        pagu = [r[2] for r in lembar.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(sum(pagu), 7085233615)
        penyerapan = lembar.cell(2, 5)
        self.assertIsInstance(penyerapan.value, float)
        self.assertEqual(penyerapan.number_format, '0.00" %"')

    def test_the_indicator_list_downloads_what_is_shown(self):
        self.client.force_login(self.perencana)
        respons = self.client.get(reverse("indikator-daftar", args=[BL]), {"ekspor": "xlsx", "iku": "true"})
        baris = list(load_workbook(io.BytesIO(respons.content)).active.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(baris), 3)
