"""Both document fixtures load cleanly: alone, together in either order, twice over.

The per-document tests (`test_fixture_<document>.py`) prove them faithful; these prove
them well-formed, and that each JSON file is exactly what its transcription script writes.
"""

import importlib
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from instansi.models import Instansi
from kinerja.models import Indikator

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOKUMEN = ["lampung_barat_2023", "bandar_lampung_2022"]


def hitung_baris() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def muat(*nama):
    call_command("loaddata", *nama, verbosity=0)


class FixtureFilesTests(TestCase):
    def test_each_json_file_is_what_its_transcription_script_writes(self):
        for nama in DOKUMEN:
            with self.subTest(nama):
                skrip = importlib.import_module(f"fixtures.build.{nama}")
                self.assertEqual(
                    skrip.build().json(), (FIXTURES / f"{nama}.json").read_text(encoding="utf-8")
                )


class LoadingTests(TestCase):
    def test_each_document_loads_on_its_own_into_an_empty_database(self):
        for nama in DOKUMEN:
            with self.subTest(nama), transaction.atomic():
                muat(nama)
                self.assertEqual(Instansi.objects.count(), 1)
                self.assertGreater(Indikator.objects.count(), 0)
                transaction.set_rollback(True)

    def test_loading_twice_changes_nothing(self):
        muat(*DOKUMEN)
        sekali = hitung_baris()
        muat(*DOKUMEN)
        self.assertEqual(hitung_baris(), sekali)

    def test_order_does_not_matter(self):
        with transaction.atomic():
            muat(*DOKUMEN)
            maju = hitung_baris()
            transaction.set_rollback(True)
        muat(*reversed(DOKUMEN))
        self.assertEqual(hitung_baris(), maju)

    def test_every_indicator_points_to_the_renstra_of_its_level(self):
        muat(*DOKUMEN)
        for indikator in Indikator.objects.select_related(
            "tujuan", "sasaran", "program", "kegiatan__program", "sub_kegiatan__kegiatan__program"
        ):
            with self.subTest(indikator.nama):
                self.assertEqual(indikator.renstra_id, indikator.renstra_node().pk)
