"""Two writers at the same moment, for real: two threads, two database connections, both
inside their transactions when they write (a barrier holds each at the write until the
other arrives). Exactly one wins, the other gets 409, never a 500, nothing is lost.

PostgreSQL only: its row locks and unique indexes are what make the second writer wait
and then see the first one's commit. The in-memory SQLite database the suite uses on
SQLite is one connection shared by every thread, so two transactions cannot overlap
there at all; CI runs this file in its PostgreSQL pass.
"""

import threading
import unittest
from decimal import Decimal as D
from unittest import mock

from django.db import connection
from django.test import Client, TransactionTestCase
from django.urls import reverse

from inti import versi
from kinerja.models import Indikator, Realisasi, Sasaran, Target
from tests.factories import buat_instansi, buat_pemeran
from tests.test_tahan import isian, sel_pk

TAHUN = 2022


@unittest.skipUnless(connection.vendor == "postgresql", "needs two overlapping transactions (PostgreSQL)")
class SerentakTests(TransactionTestCase):
    def setUp(self):
        self.a = buat_instansi("dinas-a")
        self.perencana, _, _ = buat_pemeran(self.a, buat_instansi("dinas-b"))
        self.iku = Indikator.objects.get(renstra__instansi=self.a, iku=True)

    def klien(self) -> Client:
        c = Client()
        c.force_login(self.perencana)
        return c

    def serentak(self, kiriman: list[tuple[str, dict]]) -> list:
        """POST each (url, data) of `kiriman` from its own thread and connection, the writes
        held at the barrier until all are there; the status codes, in order."""
        klien = [self.klien() for _ in kiriman]
        pintu = threading.Barrier(len(kiriman), timeout=20)
        asli = versi._tulis

        def _tulis_bersama(*args):
            pintu.wait()
            return asli(*args)

        hasil = [None] * len(kiriman)

        def kirim(i):
            try:
                url, data = kiriman[i]
                hasil[i] = klien[i].post(url, data).status_code
            except Exception as exc:  # a 500 would surface here: record it as one
                hasil[i] = repr(exc)
            finally:
                connection.close()

        with mock.patch.object(versi, "_tulis", _tulis_bersama):
            benang = [threading.Thread(target=kirim, args=(i,)) for i in range(len(kiriman))]
            for b in benang:
                b.start()
            for b in benang:
                b.join(timeout=60)
        return hasil

    def satu_menang(self, status: list) -> int:
        """Exactly one 302 and one 409: the index of the winner."""
        self.assertEqual(sorted(status), [302, 409], status)
        return status.index(302)

    def test_two_updates_of_one_pk_cell(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        data = isian(self.klien().get(url))
        status = self.serentak(
            [(url, data | {sel_pk(self.iku): "20"}), (url, data | {sel_pk(self.iku): "21"})]
        )
        menang = self.satu_menang(status)
        tersimpan = Target.objects.get(indikator=self.iku, tahun=TAHUN, sumber="pk_murni")
        self.assertEqual(tersimpan.nilai, [D(20), D(21)][menang])
        self.assertEqual(tersimpan.history.count(), 2)  # created, then the one change

    def test_two_creations_of_one_pk_cell(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        data = isian(self.klien().get(url))
        sel = sel_pk(self.iku, Target.Sumber.PK_PERUBAHAN)
        menang = self.satu_menang(self.serentak([(url, data | {sel: "30"}), (url, data | {sel: "31"})]))
        (tersimpan,) = Target.objects.filter(indikator=self.iku, tahun=TAHUN, sumber="pk_perubahan")
        self.assertEqual(tersimpan.nilai, [D(30), D(31)][menang])

    def test_a_deletion_against_an_update_of_one_pk_cell(self):
        url = reverse("perjanjian-kinerja", args=[self.a.slug, TAHUN])
        data = isian(self.klien().get(url))
        kiriman = [(url, data | {sel_pk(self.iku): ""}), (url, data | {sel_pk(self.iku): "22"})]
        menang = self.satu_menang(self.serentak(kiriman))
        ada = Target.objects.filter(indikator=self.iku, tahun=TAHUN, sumber="pk_murni")
        if menang == 0:
            self.assertFalse(ada.exists())
        else:
            self.assertEqual(ada.get().nilai, 22)

    def test_two_updates_of_one_realisation(self):
        url = reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk])
        data = isian(self.klien().get(url))
        kiriman = [(url, data | {"komponen_a": "75"}), (url, data | {"komponen_a": "76"})]
        menang = self.satu_menang(self.serentak(kiriman))
        tersimpan = Realisasi.objects.get(indikator=self.iku, tahun=TAHUN, triwulan=None)
        self.assertEqual(tersimpan.komponen_a, [D(75), D(76)][menang])

    def test_two_creations_of_one_quarter_realisation(self):
        url = reverse("realisasi", args=[self.a.slug, TAHUN, self.iku.pk]) + "?triwulan=3"
        data = isian(self.klien().get(url))
        # A ratio is entered as its components (`RealisasiForm`).
        kiriman = [(url, data | {"komponen_a": a, "komponen_b": "100"}) for a in ("7", "8")]
        menang = self.satu_menang(self.serentak(kiriman))
        (tersimpan,) = Realisasi.objects.filter(indikator=self.iku, tahun=TAHUN, triwulan=3)
        self.assertEqual(tersimpan.komponen_a, [D(7), D(8)][menang])

    def test_a_node_deleted_while_it_is_being_changed(self):
        sasaran = Sasaran.objects.create(renstra=self.iku.renstra, uraian="Sasaran kedua")
        ubah = reverse("node-ubah", args=[self.a.slug, "sasaran", sasaran.pk])
        hapus = reverse("node-hapus", args=[self.a.slug, "sasaran", sasaran.pk])
        data = isian(self.klien().get(ubah)) | {"uraian": "Sasaran kedua, diubah"}
        status = self.serentak([(hapus, {"versi": str(sasaran.versi)}), (ubah, data)])
        menang = self.satu_menang(status)
        ada = Sasaran.objects.filter(pk=sasaran.pk)
        if menang == 0:
            self.assertFalse(ada.exists())
        else:
            self.assertEqual(ada.get().uraian, "Sasaran kedua, diubah")
