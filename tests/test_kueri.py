"""Pages and spreadsheets take the same number of queries at one and at ten times the data
(the issue «A whole region at a glance»: the budget template took 30 queries for one
program and 228 for ten)."""

from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from instansi.akses import akses_untuk
from instansi.models import KomposisiPegawai, SaranaPrasarana
from kinerja.models import Indikator, Realisasi, Target
from kinerja.pengukuran import baca_ukuran
from sakip.demo import gandakan
from sakip.excel import anggaran, realisasi
from sakip.lkjip import grafik
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.susun import susun
from tests.factories import buat_instansi

TAHUN = 2022


class SpreadsheetQueryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.kecil = buat_instansi("kecil", ukuran=1)
        cls.besar = buat_instansi("besar", ukuran=10)
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")

    def kueri(self, langkah) -> list[int]:
        """How many queries `langkah(instansi)` takes for the small and the ten-times agency."""
        hasil = []
        for instansi in (self.kecil, self.besar):
            with CaptureQueriesContext(connection) as kueri:
                langkah(instansi)
            hasil.append(len(kueri))
        return hasil

    def test_the_templates_and_their_previews_take_a_fixed_number_of_queries(self):
        for nama, modul, banyak_templat, banyak_baca in (
            ("anggaran", anggaran, 7, 8),
            ("realisasi", realisasi, 3, 4),
        ):
            with self.subTest(nama):
                isi = {i.pk: modul.templat(i, TAHUN) for i in (self.kecil, self.besar)}
                self.assertEqual(self.kueri(lambda i, m=modul: m.templat(i, TAHUN)), [banyak_templat] * 2)
                baca = self.kueri(
                    lambda i, m=modul, isi=isi: m.baca(isi[i.pk], akses_untuk(self.admin, i, TAHUN), None)
                )
                self.assertEqual(baca, [banyak_baca] * 2)


class AdminQueryTests(TestCase):
    """The admin's Renstra page took 24 queries for one sasaran and 150 for ten (one query of
    choices per inline row), its program list 24 and 106."""

    @classmethod
    def setUpTestData(cls):
        cls.kecil = buat_instansi("kecil", ukuran=1)
        cls.besar = buat_instansi("besar", ukuran=10)
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")

    def test_the_renstra_page_and_the_program_list_take_a_fixed_number_of_queries(self):
        self.client.force_login(self.admin)
        halaman = {
            "Renstra": lambda i: reverse("admin:kinerja_renstra_change", args=[i.renstra.get().pk]),
            "program": lambda i: (
                reverse("admin:kinerja_program_changelist") + f"?renstra__instansi__id__exact={i.pk}"
            ),
        }
        for nama, alamat in halaman.items():
            with self.subTest(nama):
                self.client.get(alamat(self.kecil))  # what a first request reads once
                jumlah = []
                for instansi in (self.kecil, self.besar):
                    with CaptureQueriesContext(connection) as kueri:
                        self.assertEqual(self.client.get(alamat(instansi)).status_code, 200)
                    jumlah.append(len(kueri))
                self.assertEqual(jumlah[0], jumlah[1])


class WorkbookWithoutChartsTests(TestCase):
    """The LKjIP workbook shows tables only: it does not draw the report's charts (three
    quarters of a report's time at 10×), and its tables keep the report's numbers."""

    def test_the_workbook_draws_no_chart_and_numbers_tables_as_the_report(self):
        instansi = buat_instansi("dinas-a", ukuran=2)
        admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")
        self.client.force_login(admin)
        laporan = [t.nomor + " " + t.judul for t in susun(kumpulkan(instansi, TAHUN)).daftar_tabel]
        with mock.patch.object(grafik, "_svg", side_effect=AssertionError("a chart was drawn")):
            respons = self.client.get(reverse("lkjip-xlsx", args=[instansi.slug, TAHUN]))
            buku = [
                t.nomor + " " + t.judul
                for t in susun(kumpulkan(instansi, TAHUN), dengan_grafik=False).daftar_tabel
            ]
        self.assertEqual(respons.status_code, 200)
        self.assertEqual(buku, laporan)


class ManajerRiwayatTests(TestCase):
    """simple-history built its manager class on every access to `.history`, once per
    recorded save: half of the history's cost when a big spreadsheet was applied."""

    def test_the_history_manager_class_is_built_once_and_still_records(self):
        instansi = buat_instansi("dinas-a")
        self.assertIs(type(instansi.history), type(instansi.history))
        instansi.nama = "Dinas Baru"
        instansi.save()
        self.assertEqual(instansi.history.first().nama, "Dinas Baru")


@override_settings(CACHES={"grafik": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
class GrafikTersimpanTests(TestCase):
    """A chart is drawn once per change of its values, not once per request (the charts
    were 81 % of a ten-times report's time)."""

    def test_a_chart_is_drawn_again_only_when_its_values_change(self):
        instansi = buat_instansi("dinas-a", ukuran=2)
        data = kumpulkan(instansi, TAHUN)
        for fungsi in (grafik.capaian_iku, grafik.tren_realisasi, grafik.penyerapan_program):
            with self.subTest(fungsi.__name__):
                (pertama,) = fungsi(data)
                with mock.patch.object(grafik, "_svg", side_effect=AssertionError("drawn again")):
                    (kedua,) = fungsi(kumpulkan(instansi, TAHUN))
                self.assertEqual(kedua.svg, pertama.svg)
        Realisasi.objects.filter(indikator__nama="Persentase koperasi sehat 1", tahun=TAHUN).update(
            komponen_a=30
        )
        data = kumpulkan(instansi, TAHUN)
        for fungsi in (grafik.capaian_iku, grafik.tren_realisasi):
            with (
                self.subTest(fungsi.__name__),
                mock.patch.object(grafik, "_svg", return_value="<svg/>") as svg,
            ):
                fungsi(data)
                self.assertEqual(svg.call_count, 1)
        with mock.patch.object(grafik, "_svg", side_effect=AssertionError("drawn again")):
            grafik.penyerapan_program(data)


class HalamanQueryTests(TestCase):
    """The agency's year, the grids, the tables and the report take the same number of
    queries at one and at ten times the data (the cascade repeated by `sakip.demo.gandakan`,
    ten times the SDM and sarana rows): at 10× these pages took 0,3–0,75 s (issue 13)."""

    HALAMAN = {
        "instansi-tahun": 23,
        "target-triwulan": 10,
        "rencana-aksi": 11,
        "perjanjian-kinerja": 11,
        "perjanjian-kinerja-perubahan": 6,
        "tabel-sdm": 9,
        "tabel-sarana": 5,
        "anggaran-tahun": 12,
        "lkjip-html": 45,  # one of them the report's fingerprint, its cache's key (DummyCache in tests)
    }
    # A web report kept in its cache: the access, the fingerprint and the review panel.
    LKJIP_TERSIMPAN = 9

    @classmethod
    def setUpTestData(cls):
        cls.kecil = buat_instansi("kecil", ukuran=2)
        cls.besar = buat_instansi("besar", ukuran=2)
        gandakan(cls.besar, 10)
        for instansi, kali in ((cls.kecil, 1), (cls.besar, 10)):
            KomposisiPegawai.objects.bulk_create(
                KomposisiPegawai(
                    instansi=instansi, tahun=TAHUN, dimensi=d, uraian=f"{d} {n}", jumlah=n, urutan=n
                )
                for d in ("jenis_kelamin", "pendidikan")
                for n in range(2 * kali)
            )
            SaranaPrasarana.objects.bulk_create(
                SaranaPrasarana(instansi=instansi, tahun=TAHUN, urutan=n, nama_barang=f"Barang {n}", jumlah=n)
                for n in range(3 * kali)
            )
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")

    def test_each_page_takes_the_same_queries_at_one_and_ten_times(self):
        self.client.force_login(self.admin)
        for nama, harap in self.HALAMAN.items():
            with self.subTest(nama):
                jumlah = []
                for instansi in (self.kecil, self.besar):
                    alamat = reverse(nama, args=[instansi.slug, TAHUN])
                    with CaptureQueriesContext(connection) as kueri:
                        self.assertEqual(self.client.get(alamat).status_code, 200)
                    jumlah.append(len(kueri))
                self.assertEqual(jumlah, [harap, harap])

    def test_a_grid_shows_one_sasaran_so_its_page_keeps_its_size_at_ten_times(self):
        self.client.force_login(self.admin)
        for nama in ("target-triwulan", "rencana-aksi", "perjanjian-kinerja", "target-renstra"):
            with self.subTest(nama):
                ukuran = []
                for instansi in (self.kecil, self.besar):
                    renstra = instansi.renstra.get()
                    argumen = [instansi.slug, renstra.pk if nama == "target-renstra" else TAHUN]
                    with CaptureQueriesContext(connection) as kueri:
                        r = self.client.get(reverse(nama, args=argumen))
                    ukuran.append((len(kueri), len(r.context["form"].fields), len(r.context["halaman"])))
                self.assertEqual(ukuran[0][:2], ukuran[1][:2])
                self.assertEqual([u[2] for u in ukuran], [2, 20])  # the selector lists every sasaran

    @override_settings(
        CACHES={**settings.CACHES, "lkjip": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    )
    def test_a_kept_report_page_takes_the_same_few_queries_at_one_and_ten_times(self):
        self.client.force_login(self.admin)
        for instansi in (self.kecil, self.besar):
            with self.subTest(instansi.slug):
                alamat = reverse("lkjip-html", args=[instansi.slug, TAHUN])
                self.client.get(alamat)
                with self.assertNumQueries(self.LKJIP_TERSIMPAN):
                    self.assertEqual(self.client.get(alamat).status_code, 200)


class BacaUkuranTests(TestCase):
    """`baca_ukuran` gives each indicator its targets and realisations the filter keeps, in
    three queries at one and at ten times the data, and a realisation's indicator without a
    query."""

    @classmethod
    def setUpTestData(cls):
        cls.kecil = buat_instansi("kecil", ukuran=1)
        cls.besar = buat_instansi("besar", ukuran=10)

    def test_it_gives_the_prefetchs_lists_in_three_queries(self):
        tahunan = Q(triwulan__isnull=True)
        for saring in (None, tahunan & Q(tahun=TAHUN), tahunan | Q(tahun=TAHUN)):
            for instansi in (self.kecil, self.besar):
                with self.subTest(saring=saring, instansi=instansi.slug):
                    semua = Indikator.objects.filter(renstra__instansi=instansi).order_by("pk")
                    harap = [
                        (
                            i.pk,
                            list(Target.objects.filter(saring or Q(), indikator=i)),
                            list(Realisasi.objects.filter(saring or Q(), indikator=i)),
                        )
                        for i in semua.all()  # a copy: `semua` itself is read by baca_ukuran
                    ]
                    with self.assertNumQueries(3):
                        daftar = baca_ukuran(semua, saring)
                    self.assertEqual([(i.pk, i.daftar_target, i.daftar_realisasi) for i in daftar], harap)
                    self.assertTrue(any(i.daftar_realisasi for i in daftar))
                    with self.assertNumQueries(0):
                        for i in daftar:
                            for baris in (*i.daftar_target, *i.daftar_realisasi):
                                self.assertIs(baris.indikator, i)
                            for r in i.daftar_realisasi:
                                r.nilai_efektif()  # reads its indicator's formula

    def test_no_indicator_reads_no_figure(self):
        with self.assertNumQueries(1):
            self.assertEqual(baca_ukuran(Indikator.objects.filter(pk=0)), [])
