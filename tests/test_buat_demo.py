"""`manage.py buat_demo` and the ten-times agency (sakip.demo): the same seed gives the same
data, a second run duplicates nothing, the shape is the one asked for, and the agencies'
reports render with every live figure resolved."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from anggaran.hitung import Tahap
from anggaran.models import Pagu, RealisasiAnggaran
from instansi.models import Instansi, Narasi
from kinerja.models import (
    AnalisisSasaran,
    Indikator,
    Kegiatan,
    Program,
    Realisasi,
    Sasaran,
    SubKegiatan,
    Target,
)
from sakip.demo import gandakan, slug_instansi
from sakip.lkjip import rujukan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.factories import buat_instansi

INDIKATOR = 60


def buat_demo(seed=7, pemda=1, instansi=2, tahun=3) -> str:
    keluaran = StringIO()
    call_command(
        "buat_demo",
        pemda=pemda,
        instansi=instansi,
        indikator=INDIKATOR,
        tahun=tahun,
        seed=seed,
        stdout=keluaran,
    )
    return keluaran.getvalue()


def potret(instansi: Instansi) -> dict:
    """An agency's data without its ids: what must repeat for the same seed."""
    milik = {"indikator__renstra__instansi": instansi}
    return {
        "indikator": list(
            Indikator.objects.filter(renstra__instansi=instansi)
            .order_by("urutan")
            .values_list("kode", "nama", "satuan", "polaritas", "iku", "desimal")
        ),
        "target": list(
            Target.objects.filter(**milik)
            .order_by("indikator__urutan", "tahun", "sumber", "triwulan")
            .values_list("indikator__kode", "tahun", "sumber", "triwulan", "nilai")
        ),
        "realisasi": list(
            Realisasi.objects.filter(**milik)
            .order_by("indikator__urutan", "tahun", "triwulan")
            .values_list("indikator__kode", "tahun", "triwulan", "nilai")
        ),
        "pagu": list(
            Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra__instansi=instansi)
            .order_by("sub_kegiatan__kode", "tahun", "tahap")
            .values_list("sub_kegiatan__kode", "sub_kegiatan__nama", "tahun", "tahap", "jumlah")
        ),
    }


class BuatDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.keluaran = buat_demo()
        cls.instansi = Instansi.objects.get(slug=slug_instansi(7, 0, 0))

    def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(self):
        sebelum = potret(self.instansi)
        self.instansi.delete()
        buat_demo()
        self.assertEqual(potret(Instansi.objects.get(slug=slug_instansi(7, 0, 0))), sebelum)
        buat_demo(seed=8, instansi=1)
        lain = potret(Instansi.objects.get(slug=slug_instansi(8, 0, 0)))
        self.assertNotEqual(lain["target"], sebelum["target"])

    def test_a_second_run_adds_nothing(self):
        jumlah = [m.objects.count() for m in (Instansi, Indikator, Target, Realisasi, Pagu, Narasi)]
        self.assertIn("2 instansi dibuat, 0 sudah ada", self.keluaran)
        self.assertIn("0 instansi dibuat, 2 sudah ada dan dilewati", buat_demo())
        self.assertEqual(
            [m.objects.count() for m in (Instansi, Indikator, Target, Realisasi, Pagu, Narasi)], jumlah
        )

    def test_each_agency_has_the_shape_asked_for(self):
        for i in (0, 1):
            instansi = Instansi.objects.get(slug=slug_instansi(7, 0, i))
            with self.subTest(instansi.slug):
                renstra = instansi.renstra.get()
                self.assertEqual((renstra.tahun_awal, renstra.tahun_akhir), (2021, 2023))
                self.assertIn(Sasaran.objects.filter(renstra=renstra).count(), range(3, 6))
                self.assertEqual(Program.objects.filter(renstra=renstra).count(), 10)
                self.assertEqual(Kegiatan.objects.filter(program__renstra=renstra).count(), 30)
                self.assertEqual(SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).count(), 80)
                indikator = Indikator.objects.filter(renstra=renstra)
                self.assertEqual(indikator.count(), INDIKATOR)
                for level in ("sasaran", "program", "kegiatan", "sub_kegiatan"):
                    self.assertTrue(indikator.filter(**{f"{level}__isnull": False}).exists(), level)
                self.assertTrue(indikator.filter(sasaran__isnull=False, iku=True).exists())
                target = Target.objects.filter(indikator__renstra=renstra)
                for sumber in (Target.Sumber.RENSTRA, Target.Sumber.PK_MURNI):
                    self.assertEqual(
                        target.filter(sumber=sumber, triwulan__isnull=True).count(), INDIKATOR * 3, sumber
                    )
                self.assertEqual(target.filter(triwulan=4).count(), INDIKATOR * 3)
                self.assertTrue(Realisasi.objects.filter(indikator__renstra=renstra, triwulan=2).exists())
                pagu = Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra)
                self.assertEqual(pagu.filter(tahap=Tahap.DPA_PENGESAHAN).count(), 80 * 3)
                self.assertEqual(pagu.values("tahap").distinct().count(), 4)
                self.assertEqual(
                    RealisasiAnggaran.objects.filter(
                        sub_kegiatan__kegiatan__program__renstra=renstra
                    ).count(),
                    80 * 3,
                )
                self.assertTrue(instansi.pegawai.exists() and instansi.sarana.exists())
                self.assertEqual(
                    AnalisisSasaran.objects.filter(sasaran__renstra=renstra).count(),
                    Sasaran.objects.filter(renstra=renstra).count() * 3,
                )
                self.assertTrue(Target.history.filter(indikator__renstra=renstra).exists(), "history in bulk")

    def test_the_report_renders_with_every_live_figure_resolved(self):
        dokumen = susun(kumpulkan(self.instansi, 2023))
        self.assertEqual(rujukan.periksa(dokumen), [])
        html = html_laporan(dokumen)
        self.assertIn(
            "{{", Narasi.objects.filter(instansi=self.instansi, kunci="ikhtisar-eksekutif").first().teks
        )
        self.assertNotIn("{{", html)
        self.assertNotIn("rujukan tidak dikenal", html)


class GandakanTests(TestCase):
    def test_the_cascade_is_repeated_in_the_same_renstra_with_its_rows(self):
        instansi = buat_instansi("dinas-a", ukuran=2)
        renstra = instansi.renstra.get()
        jalur = {
            Sasaran: "renstra",
            Indikator: "renstra",
            SubKegiatan: "kegiatan__program__renstra",
            Target: "indikator__renstra",
            Realisasi: "indikator__renstra",
            Pagu: "sub_kegiatan__kegiatan__program__renstra",
        }
        sebelum = {m: m.objects.filter(**{j: renstra}).count() for m, j in jalur.items()}
        gandakan(instansi, 3)
        for m, jumlah in sebelum.items():
            with self.subTest(m.__name__):
                self.assertEqual(m.objects.filter(**{jalur[m]: renstra}).count(), jumlah * 3)
        self.assertEqual(len(kumpulkan(instansi, 2022).sasaran), 6)
