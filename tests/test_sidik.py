"""The report's fingerprint (sakip.lkjip.sidik) moves with whatever the report reads and with
nothing of another agency's, in the same few queries at any size; the PDF store serves an
unchanged report without building it."""

from decimal import Decimal as D
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from anggaran.models import Pagu
from instansi.models import PengaturanLaporan, PredikatCapaian
from kinerja.models import KomponenEvaluasi, Realisasi, Target
from sakip.lkjip import render
from sakip.lkjip.sidik import model_berriwayat, saringan_instansi, sidik_laporan
from tests.factories import buat_instansi

TAHUN = 2022


class SidikTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi("dinas-a", ukuran=2)
        cls.lain = buat_instansi("dinas-b", ukuran=2)

    def berubah(self, ubah) -> bool:
        sebelum = sidik_laporan(self.instansi, TAHUN)
        ubah()
        return sidik_laporan(self.instansi, TAHUN) != sebelum

    def test_every_edited_table_of_the_layers_reaches_its_agency_or_is_reference_data(self):
        acuan = {m._meta.label for m in model_berriwayat() if saringan_instansi(m) is None}
        self.assertEqual(
            acuan,
            {f"evaluasi.{n}" for n in ("SkalaJawaban", "NilaiSkala", "Instrumen")}
            | {f"evaluasi.{n}Instrumen" for n in ("Komponen", "SubKomponen", "Kriteria")},
        )
        self.assertEqual(
            saringan_instansi(Pagu),
            (
                "program__renstra__instansi",
                "kegiatan__program__renstra__instansi",
                "sub_kegiatan__kegiatan__program__renstra__instansi",
            ),
        )

    def test_it_moves_with_what_the_report_reads(self):
        target = Target.objects.filter(indikator__renstra__instansi=self.instansi).first()
        pagu = Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__instansi=self.instansi).first()
        realisasi = Realisasi.objects.filter(indikator__renstra__instansi=self.instansi).first()

        def ubah_target():
            target.nilai += 1
            target.save()

        def ubah_pagu():
            pagu.jumlah += 1
            pagu.save()

        for nama, ubah in {
            "a target": ubah_target,
            "a budget figure on a sub kegiatan": ubah_pagu,
            "a realisation deleted": realisasi.delete,
            "the rounding setting": lambda: PengaturanLaporan.objects.filter(instansi=self.instansi).update(
                desimal=3
            ),
            "a rating band": lambda: (
                PredikatCapaian.objects.filter(instansi=self.instansi)
                .filter(label="Berhasil")
                .update(batas_bawah=D(71))
            ),
            "an older evaluation score": lambda: KomponenEvaluasi.objects.filter(
                evaluasi__instansi=self.instansi
            ).update(nilai=D(1)),
        }.items():
            with self.subTest(nama):
                self.assertTrue(self.berubah(ubah))

    def test_another_agencys_change_leaves_it(self):
        target = Target.objects.filter(indikator__renstra__instansi=self.lain).first()
        target.nilai += 1
        self.assertFalse(self.berubah(target.save))

    def test_it_takes_the_same_few_queries_at_one_and_ten_times_the_data(self):
        besar = buat_instansi("dinas-besar", ukuran=10)
        jumlah = []
        for instansi in (self.instansi, besar):
            with CaptureQueriesContext(connection) as kueri:
                sidik_laporan(instansi, TAHUN)
            jumlah.append(len(kueri))
        self.assertEqual(jumlah, [8, 8])


class PdfTersimpanTests(TestCase):
    def test_an_unchanged_report_is_served_without_being_built_and_a_changed_one_is_rebuilt(self):
        instansi = buat_instansi("dinas-a")
        with mock.patch.object(render, "pdf_dari_html", return_value=b"%PDF-1") as tata:
            self.assertEqual(render.pdf_laporan(instansi, TAHUN), b"%PDF-1")
            with mock.patch.object(render, "kumpulkan", side_effect=AssertionError("the report was built")):
                self.assertEqual(render.pdf_laporan(instansi, TAHUN), b"%PDF-1")
                self.assertEqual(render.pdf_tersimpan(instansi, TAHUN), b"%PDF-1")
            target = Target.objects.filter(indikator__renstra__instansi=instansi).first()
            target.nilai += 1
            target.save()
            self.assertIsNone(render.pdf_tersimpan(instansi, TAHUN))
            tata.return_value = b"%PDF-2"
            self.assertEqual(render.pdf_laporan(instansi, TAHUN), b"%PDF-2")
        self.assertEqual(tata.call_count, 2)
