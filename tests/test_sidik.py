"""The report's fingerprint (sakip.lkjip.sidik) moves with whatever the report reads and with
nothing of another agency's, in the same few queries at any size; the PDF store serves an
unchanged report without building it."""

import itertools
from decimal import Decimal as D
from unittest import mock

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from anggaran.models import Pagu
from dasbor.data import sidik as sidik_dasbor
from instansi.models import Instansi, Pemda, PengaturanLaporan, PredikatCapaian
from instansi.revisi import LAPISAN
from kinerja.models import KomponenEvaluasi, Realisasi, Renstra, Sasaran, Target
from sakip.demo import gandakan
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

    def test_the_bulk_paths_and_a_fixtures_raw_save_move_it(self):
        target = Target.objects.filter(indikator__renstra__instansi=self.instansi).first()
        target.nilai += 1
        berkas = serializers.serialize("json", [target])
        self.assertTrue(self.berubah(lambda: [o.save() for o in serializers.deserialize("json", berkas)]))
        self.assertTrue(self.berubah(lambda: gandakan(self.instansi, 2)))

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
        self.assertEqual(jumlah, [1, 1])


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


def _nilai(f, nomor: int):
    """A value a required field of a row made up for the test can hold."""
    if f.choices:
        return f.choices[0][0]
    if isinstance(f, models.BinaryField):
        return b"uji"
    if isinstance(f, models.BooleanField):
        return False
    if isinstance(f, models.DecimalField):
        return D(1)
    if isinstance(f, models.IntegerField):
        return TAHUN + nomor if "tahun" in f.name else 1
    if isinstance(f, models.DateTimeField):
        return timezone.now()
    if isinstance(f, models.DateField):
        return timezone.localdate()
    if isinstance(f, models.FileField):
        return f"uji/{nomor}.pdf"
    if isinstance(f, models.JSONField):
        return {}
    if isinstance(f, models.URLField):
        return f"https://uji.example/{nomor}"
    if isinstance(f, models.GenericIPAddressField):
        return "127.0.0.1"
    return f"uji-{nomor}"[: f.max_length or 100]


_nomor = itertools.count(1)


def _isi(f, instansi, nomor: int):
    """A value for field `f` of a row made up for the test that reaches `instansi`."""
    if not f.is_relation:
        return _nilai(f, nomor)
    if f.related_model is Instansi:
        return instansi
    if f.related_model is get_user_model():
        return get_user_model().objects.create(username=f"uji-{nomor}-{f.name}")
    return buat_baris(f.related_model, instansi)


def buat_baris(model, instansi):
    """A new row of `model` that reaches `instansi` (or reference data, which reaches none),
    its required fields filled and its parents the agency's rows, made as needed: so that a
    model added later is tried without anyone writing its factory. Optional fields are
    filled one by one while the model's constraints refuse the row (an indicator sits on
    exactly one level, a budget figure on one node, evidence is a file or a link)."""
    if model is Instansi:
        return buat_instansi(f"uji-{next(_nomor)}", pemda=instansi.pemda)
    nomor = next(_nomor)
    wajib, pilihan = {}, []
    for f in model._meta.concrete_fields:
        if f.primary_key or f.has_default() or f.name == "versi":
            continue
        if (f.null or f.blank) and not (f.is_relation and not f.null):
            pilihan.append(f)
        else:
            wajib[f.name] = _isi(f, instansi, nomor)
    obj = model(**wajib)
    for f in [None, *pilihan]:
        if f is not None:
            setattr(obj, f.name, _isi(f, instansi, nomor))
        try:
            obj.validate_constraints()
        except ValidationError:
            continue
        if saringan_instansi(model) is None or any(i == instansi.pk for i in _instansi(obj)):
            break
    obj.save()
    return obj


def _instansi(obj) -> list:
    """The agencies `obj` (unsaved) reaches through its parents, as far as they are set."""
    hasil = []
    for jalur in saringan_instansi(type(obj)):
        langkah, _, sisa = jalur.partition("__")
        induk = getattr(obj, langkah)
        for nama in filter(None, sisa.split("__")):
            induk = induk and getattr(induk, nama)
        hasil.append(getattr(induk, "pk", None))
    return hasil


class SidikSetiapModelTests(TestCase):
    """Every model with a history, whatever app, present or added later: creating, changing
    and deleting a row moves the fingerprints of its agency (both of them for reference data,
    which reaches every agency) and of its agency's region, and leaves another agency's and
    another region's as they are. Rows of the layers above the report's (a review's) move
    the dashboard's and not the report's."""

    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi("dinas-a")
        cls.lain = buat_instansi("dinas-b")

    def sidik(self):
        a, b = self.instansi, self.lain
        return (
            sidik_laporan(a, TAHUN),
            sidik_laporan(b, TAHUN),
            sidik_dasbor(Pemda.objects.filter(pk=a.pemda_id), TAHUN),
            sidik_dasbor(Pemda.objects.filter(pk=b.pemda_id), TAHUN),
        )

    def test_each_write_of_each_model_moves_its_agencys_fingerprints_and_no_others(self):
        semua = [m for m in apps.get_models() if hasattr(m, "history")]
        self.assertGreater(len(semua), len(model_berriwayat()))
        for model in semua:
            acuan = saringan_instansi(model) is None
            laporan = model._meta.app_label in LAPISAN
            # A new agency is another agency of the region.
            sendiri = laporan and model is not Instansi
            harap = (sendiri, laporan and acuan, True, acuan)
            # Each model in a savepoint of its own, so that one failing leaves the others tried.
            with transaction.atomic():
                obj = None
                for langkah in ("created", "changed", "deleted"):
                    with self.subTest(f"{model._meta.label} {langkah}"):
                        sebelum = self.sidik()
                        if langkah == "created":
                            obj = buat_baris(model, self.instansi)
                        elif langkah == "changed":
                            obj.save()
                        else:
                            obj.delete()
                        sesudah = self.sidik()
                        self.assertEqual(tuple(x != y for x, y in zip(sebelum, sesudah, strict=True)), harap)
                transaction.set_rollback(True)

    def test_a_row_moved_to_another_agency_moves_both(self):
        sasaran = Sasaran.objects.filter(renstra__instansi=self.instansi).first()
        sebelum = self.sidik()
        sasaran.renstra = Renstra.objects.get(instansi=self.lain)
        sasaran.save()
        self.assertEqual(tuple(x != y for x, y in zip(sebelum, self.sidik(), strict=True)), (True,) * 4)

    def test_a_write_rolled_back_leaves_no_bump_and_a_later_one_in_the_transaction_bumps(self):
        target = Target.objects.filter(indikator__renstra__instansi=self.instansi).first()
        sebelum = sidik_laporan(self.instansi, TAHUN)
        with transaction.atomic():
            with self.assertRaises(RuntimeError), transaction.atomic():
                target.save()
                raise RuntimeError("undone")
            self.assertEqual(sidik_laporan(self.instansi, TAHUN), sebelum)
            target.save()
        self.assertNotEqual(sidik_laporan(self.instansi, TAHUN), sebelum)

    def test_a_write_after_a_read_in_the_same_transaction_moves_it_again(self):
        target = Target.objects.filter(indikator__renstra__instansi=self.instansi).first()
        with transaction.atomic():
            target.save()
            tengah = sidik_laporan(self.instansi, TAHUN)
            target.save()
            self.assertNotEqual(sidik_laporan(self.instansi, TAHUN), tengah)
