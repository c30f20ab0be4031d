"""Every URL of the application, for every role, with GET and POST, answers as the matrix says.

A URL without an entry in `tests/matriks` fails the test, so a new screen cannot ship
without deciding who may see and change it.
"""

import importlib
import pkgutil
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.matriks
from instansi.models import Pemeriksa
from kinerja.models import Indikator, Sasaran
from sakip.excel.realisasi import templat
from sakip.models import UnggahanExcel
from tests.factories import buat_instansi, buat_pemeran
from tests.matriks import PERAN


def matriks() -> dict:
    gabungan = {}
    for modul in pkgutil.iter_modules(tests.matriks.__path__):
        for nama, entri in importlib.import_module(f"tests.matriks.{modul.name}").MATRIKS.items():
            assert nama not in gabungan, f"{nama} ada di dua modul matriks"
            gabungan[nama] = entri
    return gabungan


def nama_url(patterns=None, namespace="") -> set[str]:
    """Every named URL of the application, outside the admin (which checks its own permissions)."""
    hasil = set()
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            hasil |= nama_url(p.url_patterns, namespace)
        elif isinstance(p, URLPattern) and p.name:
            hasil.add(p.name)
    return hasil


def dunia() -> SimpleNamespace:
    """Agency A (two sasaran, programs, budget) and agency B in another region, and the cast
    (B's region has its own reviewer, who must not see A)."""
    a = buat_instansi("dinas-a")
    b = buat_instansi("dinas-b")
    perencana_a, perencana_b, pemeriksa = buat_pemeran(a, b)
    pengguna = {
        "admin": get_user_model().objects.create_superuser("admin", password="rahasia-admin-1"),
        "perencana_a": perencana_a,
        "perencana_b": perencana_b,
        "pemeriksa": pemeriksa,
        "pemeriksa_b": get_user_model().objects.create_user("pemeriksa-b", password="rahasia-p-2"),
    }
    Pemeriksa.objects.create(user=pengguna["pemeriksa_b"], pemda=b.pemda)
    unggahan_a = UnggahanExcel.objects.create(
        instansi=a,
        tahun=2022,
        user=pengguna["perencana_a"],
        nama_berkas="realisasi.xlsx",
        isi=templat(a, 2022),
    )
    return SimpleNamespace(
        unggahan_a=unggahan_a,
        a=a,
        b=b,
        pengguna=pengguna,
        iku_a=Indikator.objects.get(renstra__instansi=a, iku=True),
        sasaran_a=Sasaran.objects.get(renstra__instansi=a),
    )


class PermissionMatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.d = dunia()

    def test_every_url_has_an_entry_in_the_matrix(self):
        self.assertEqual(sorted(nama_url() - set(matriks())), [])
        self.assertEqual(sorted(set(matriks()) - nama_url()), [])

    def test_every_url_answers_each_role_as_the_matrix_says(self):
        for nama, entri in sorted(matriks().items()):
            url = reverse(nama, args=entri.args(self.d))
            for peran in PERAN:
                for metode, harapan in (("get", entri.get), ("post", entri.post)):
                    with self.subTest(url=nama, peran=peran, metode=metode):
                        self.assertEqual(self.minta(peran, metode, url, entri), harapan[peran])

    def minta(self, peran: str, metode: str, url: str, entri) -> int:
        """One request as `peran`, its effects rolled back so the next starts from the same world."""
        self.client.logout()
        if peran != "anonim":
            self.client.force_login(self.d.pengguna[peran])
        data = entri.data(self.d) if (entri.data and metode == "post") else {}
        with transaction.atomic():
            status = getattr(self.client, metode)(url, data).status_code
            transaction.set_rollback(True)
        return status
