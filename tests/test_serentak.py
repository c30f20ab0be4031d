"""Two writers at the same moment, for real: two threads, two database connections, two
requests let go together by a barrier. Exactly one wins, the other gets 409, never a 500,
nothing is lost.

Where the barrier stands follows the database. On PostgreSQL it holds each writer inside
its transaction, at the write, until the other is there too: both transactions overlap,
and the row locks and unique indexes make the second writer wait, then see the first
one's commit. SQLite lets one write transaction run at a time (each takes the lock when it
begins, `sakip.settings`), so there the barrier stands at the door of the view: both
requests run at once and the later writer waits for the lock, then finds the version moved
on — the path two people take on a deployment that keeps SQLite.
"""

import threading
from decimal import Decimal as D
from unittest import mock

from django.db import connection
from django.test import Client, TransactionTestCase
from django.urls import reverse

from instansi import akses
from inti import versi
from kinerja.models import Indikator, Realisasi, Sasaran, Target
from tests.factories import buat_instansi, buat_pemeran
from tests.test_tahan import isian, sel_pk

TAHUN = 2022


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
        """POST each (url, data) of `kiriman` from its own thread and connection, held at the
        barrier until all are there; the status codes, in order."""
        klien = [self.klien() for _ in kiriman]
        pintu = threading.Barrier(len(kiriman), timeout=20)
        # PostgreSQL: at the write, inside the transaction; SQLite: at the view's prologue.
        modul, titik = (versi, "_tulis") if connection.vendor == "postgresql" else (akses, "buka")
        asli = getattr(modul, titik)

        def bersama(*args, **kwargs):
            pintu.wait()
            return asli(*args, **kwargs)

        hasil = [None] * len(kiriman)

        def kirim(i):
            try:
                url, data = kiriman[i]
                hasil[i] = klien[i].post(url, data).status_code
            except Exception as exc:  # a 500 would surface here: record it as one
                hasil[i] = repr(exc)
            finally:
                connection.close()

        with mock.patch.object(modul, titik, bersama):
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
        ada = Sasaran.objects.filter(pk=sasaran.pk)
        if status[0] == 302:
            # The deletion won. A change that reached the node before it was deleted is a
            # conflict (409); one that arrives after finds no node there any more (404).
            self.assertIn(status[1], (404, 409), status)
            self.assertFalse(ada.exists())
        else:
            self.assertEqual(status, [409, 302])
            self.assertEqual(ada.get().uraian, "Sasaran kedua, diubah")
