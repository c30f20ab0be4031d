"""Starting, running, retrying and sweeping background jobs, whatever the task backend.

`jalankan` records a `Pekerjaan` and enqueues its registered task through Django's task API
(`TUGAS`, filled by `pekerjaan.tugas` with `daftar`); the task receives the record's id and
a run token (`putaran`), and `kerjakan` runs its work only while that token is the record's
own, so a run superseded by a retry (its worker thought dead) stops instead of racing the new
one. While it works, a thread beats the record's heart (`detak`); `sapu` finds the jobs whose
heart stopped (a worker killed mid-job: kill -9, out of memory, a machine gone) and runs them
again, up to `PEKERJAAN_PERCOBAAN_MAKS` attempts, then marks them failed with the reason.
It also finds the jobs in line whose queue entry is gone (the process that recorded them died
before handing them over, a Redis restarted without its data) and hands them over again.
It runs when a task starts (so on every worker start and whenever work flows) and when a
page reads a job, so nothing stays «antri» or «berjalan» forever.

Enqueuing happens right away, not on commit: the views that start jobs run in autocommit,
and inside a test's transaction the immediate backend must see the record it runs.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from pekerjaan.models import Pekerjaan, antrean_sini

Status = Pekerjaan.Status
log = logging.getLogger(__name__)

# Task name → the django-tasks Task that runs it (see `daftar`).
TUGAS: dict = {}
# A failed job's message; its error, said below it, is the reason.
PESAN_GAGAL = "Tidak selesai; sebabnya:"


class PekerjaanGagal(Exception):
    """A job that cannot be done, for a reason the user can act on (said in plain Indonesian)."""


@dataclass
class Hasil:
    pesan: str
    tautan: str = ""


def daftar(nama: str):
    """Register a task under the name `jalankan` knows it by."""

    def tandai(tugas):
        TUGAS[nama] = tugas
        return tugas

    return tandai


def kirim(pekerjaan: Pekerjaan) -> None:
    """Enqueue the job's task for its current run and record the queue's id for its entry
    (not over a newer run's: the sweep may have put the job in line again meanwhile)."""
    entri = (
        TUGAS[pekerjaan.nama_tugas].using(queue_name=antrean_sini()).enqueue(pekerjaan.pk, pekerjaan.putaran)
    )
    Pekerjaan.objects.filter(pk=pekerjaan.pk, putaran=pekerjaan.putaran).update(id_antrean=entri.id)


def antre_lagi(pesan: str) -> dict:
    """The fields of a job put in line again, in this process's queue, under a new run token,
    its entry yet to be made."""
    return {"status": Status.ANTRI, "putaran": Pekerjaan.putaran_baru(), "id_antrean": "",
            "antrean": antrean_sini(), "detak": timezone.now(), "pesan": pesan}  # fmt: skip


def jalankan(nama_tugas: str, *, oleh, judul: str, induk: Pekerjaan | None = None, **argumen) -> Pekerjaan:
    """Enqueue the registered task `nama_tugas` and return its record.

    `instansi`, `pemda` and `tahun` among `argumen` go to the record's own columns (who may
    see the job follows from them); the rest, JSON, to `argumen`. The same job still waiting
    or running (a second click, a reload) is returned instead of being started twice.
    """
    if nama_tugas not in TUGAS:
        raise KeyError(f"Tidak ada tugas bernama {nama_tugas!r}")
    kolom = {k: argumen.pop(k, None) for k in ("instansi", "pemda", "tahun")}
    sapu()
    sama = Pekerjaan.objects.filter(nama_tugas=nama_tugas, status__in=Pekerjaan.AKTIF, **kolom)
    for ada in sama.filter(induk=induk):
        if ada.argumen == argumen:
            return ada
    pekerjaan = Pekerjaan.objects.create(
        nama_tugas=nama_tugas, judul=judul[:300], argumen=argumen, oleh=oleh, induk=induk,
        putaran=Pekerjaan.putaran_baru(), total=1, pesan="Menunggu giliran pekerja.", **kolom,
    )  # fmt: skip
    kirim(pekerjaan)
    pekerjaan.refresh_from_db()
    return pekerjaan


def ulang(pekerjaan: Pekerjaan) -> None:
    """«Coba lagi»: a failed job enqueued once more (a bulk job: its failed parts)."""
    gagal = list(pekerjaan.anak.filter(status=Status.GAGAL)) or [pekerjaan]
    for p in gagal:
        ubah = antre_lagi("Dicoba lagi; menunggu giliran pekerja.")
        if Pekerjaan.objects.filter(pk=p.pk, status=Status.GAGAL).update(galat="", **ubah):
            p.putaran = ubah["putaran"]
            kirim(p)
    if pekerjaan.anak.exists():
        segarkan_induk(pekerjaan.pk)


def sapu() -> int:
    """Jobs of this process's queue silent longer than the limit: those running whose worker
    died, those in line whose queue entry is gone. Returns how many were put in line again or
    failed. Another queue's jobs are another deployment's (or benchmark's) to sweep: this
    process's backend may not even serve that queue."""
    batas = timezone.now() - timedelta(seconds=settings.PEKERJAAN_BATAS_DETAK)
    sepi = Pekerjaan.objects.filter(antrean=antrean_sini(), detak__lt=batas)
    return _sapu_berjalan(sepi) + _sapu_antri(sepi)


def _sapu_berjalan(sepi) -> int:
    """Jobs whose worker stopped beating: run again while attempts remain, else failed.
    A bulk job's parent is left out: its state follows its parts."""
    mati = sepi.filter(status=Status.BERJALAN, anak__isnull=True)
    jumlah = 0
    for p in mati:
        terakhir = date_format(timezone.localtime(p.detak), "j F Y H.i.s")
        maks = settings.PEKERJAAN_PERCOBAAN_MAKS
        sisa = p.percobaan < maks
        ubah = (
            antre_lagi(f"Pekerja terhenti di tengah jalan (kabar terakhir {terakhir}); "
                       f"dicoba lagi, percobaan ke-{p.percobaan + 1} dari {maks}.")
            if sisa
            else {"status": Status.GAGAL, "pesan": PESAN_GAGAL,
                  "galat": f"Pekerja terhenti di tengah jalan (kabar terakhir {terakhir}) "
                           f"setelah {p.percobaan} kali percobaan."}
        )  # fmt: skip
        # Compare-and-swap: two sweeps at once (two workers starting) act once.
        if not Pekerjaan.objects.filter(pk=p.pk, putaran=p.putaran, status=Status.BERJALAN).update(**ubah):
            continue
        jumlah += 1
        if sisa:
            p.putaran = ubah["putaran"]
            _kirim_dari_sapu(p)
        elif p.induk_id:
            segarkan_induk(p.induk_id)
    return jumlah


def _sapu_antri(sepi) -> int:
    """Jobs in line longer than the limit whose queue entry is gone, or was taken up or ended
    without the job's being claimed (a worker died or failed before `kerjakan`): put in line
    again, which costs no attempt (none began). Those whose entry still waits (a long line)
    are seen alive, and looked at again only after another limit."""
    hidup, jumlah = [], 0
    for p in sepi.filter(status=Status.ANTRI):
        try:
            masih = _masih_antre(p)
        except Exception:
            # A queue out of reach (Redis down) cannot say; a later sweep asks again.
            log.exception("Antrean tidak dapat ditanya tentang pekerjaan %s", p.pk)
            continue
        if masih:
            hidup.append(p.pk)
            continue
        sejak = date_format(timezone.localtime(p.detak), "j F Y H.i.s")
        ubah = antre_lagi(f"Antrean kehilangan pekerjaan ini (menunggu sejak {sejak}); "
                          f"dikirim lagi, menunggu giliran pekerja.")  # fmt: skip
        if Pekerjaan.objects.filter(pk=p.pk, putaran=p.putaran, status=Status.ANTRI).update(**ubah):
            jumlah += 1
            p.putaran = ubah["putaran"]
            _kirim_dari_sapu(p)
    Pekerjaan.objects.filter(pk__in=hidup, status=Status.ANTRI).update(detak=timezone.now())
    return jumlah


def _masih_antre(p: Pekerjaan) -> bool:
    """Whether the queue still holds the job's current run, waiting for a worker."""
    if not p.id_antrean:
        return False
    tugas = TUGAS[p.nama_tugas]
    if not tugas.get_backend().supports_get_result:
        return False  # a backend that keeps no entries (the immediate one) holds nothing
    try:
        entri = tugas.get_result(p.id_antrean)
    except TaskResultDoesNotExist:
        return False
    # An entry taken up (RUNNING) whose job is still in line after the limit was dropped by a
    # dying worker before `kerjakan` claimed it; were it alive, the new token stops it anyway.
    return entri.status == TaskResultStatus.READY


def _kirim_dari_sapu(p: Pekerjaan) -> None:
    """`kirim` for the sweep, which runs inside pages and a worker's start: a queue out of
    reach leaves the job in line without an entry, for a later sweep to hand over."""
    try:
        kirim(p)
    except Exception:
        log.exception("Pekerjaan %s tidak dapat dikirim ke antrean", p.pk)


def segarkan_induk(induk_id: int) -> None:
    """A bulk job's progress and state from its parts: done is every part that ended."""
    with transaction.atomic():
        induk = Pekerjaan.objects.select_for_update().get(pk=induk_id)
        hitung = induk.anak.aggregate(
            total=Count("pk"), **{k: Count("pk", filter=Q(status=k)) for k in Status.values}
        )
        gagal = []
        if hitung["gagal"]:
            gagal = list(induk.anak.filter(status=Status.GAGAL).select_related("instansi"))
        berakhir = hitung["selesai"] + hitung["gagal"]
        induk.total, induk.selesai_n = hitung["total"], berakhir
        # The bar already says «3 dari 50»; the message says what the rest are doing.
        bagian = {"sedang dibuat": hitung["berjalan"], "menunggu": hitung["antri"], "gagal": hitung["gagal"]}
        induk.pesan = (
            ", ".join(f"{n} {apa}" for apa, n in bagian.items() if n) + "."
            if berakhir < hitung["total"] or gagal
            else "Semua selesai."
        )
        if berakhir < hitung["total"]:
            induk.status, induk.galat = Status.BERJALAN, ""
        elif gagal:
            induk.status = Status.GAGAL
            induk.galat = "; ".join(f"{p.instansi or p.judul}: {p.galat}" for p in gagal)
        else:
            induk.status, induk.galat = Status.SELESAI, ""
        induk.detak = timezone.now()
        induk.save()


class Kemajuan:
    """What a running job reports through; every report is also a heartbeat."""

    def __init__(self, pekerjaan: Pekerjaan):
        self.pekerjaan = pekerjaan

    def lapor(self, selesai: int | None = None, total: int | None = None, pesan: str | None = None) -> None:
        p = self.pekerjaan
        p.total = p.total if total is None else total
        p.selesai_n = p.selesai_n if selesai is None else min(selesai, p.total)
        p.pesan = p.pesan if pesan is None else pesan[:500]
        Pekerjaan.objects.filter(pk=p.pk, putaran=p.putaran).update(
            total=p.total, selesai_n=p.selesai_n, pesan=p.pesan, detak=timezone.now()
        )


class _Detak(threading.Thread):
    """Beats the job's heart while its work runs, also through one long call (WeasyPrint
    laying out a 184-page report), and stops with the process that runs it."""

    def __init__(self, pekerjaan: Pekerjaan):
        super().__init__(daemon=True, name=f"detak-pekerjaan-{pekerjaan.pk}")
        self.pekerjaan = pekerjaan
        self.berhenti = threading.Event()

    def run(self):
        try:
            while not self.berhenti.wait(settings.PEKERJAAN_DETAK):
                Pekerjaan.objects.filter(
                    pk=self.pekerjaan.pk, putaran=self.pekerjaan.putaran, status=Status.BERJALAN
                ).update(detak=timezone.now())
        finally:
            connection.close()


def kerjakan(pekerjaan_id: int, putaran: str, kerja: Callable[[Pekerjaan, Kemajuan], Hasil | None]) -> None:
    """Run `kerja` as the job's current run and record how it ended; a `kerja` that returns
    None split the job into parts (`induk`), whose ends decide the job's.

    A `PekerjaanGagal` is the job's own failure, said to the user; any other exception is a
    fault, recorded with its type and raised again so that the backend records it too.
    """
    sapu()
    if not Pekerjaan.objects.filter(pk=pekerjaan_id, putaran=putaran, status=Status.ANTRI).update(
        status=Status.BERJALAN, percobaan=F("percobaan") + 1, detak=timezone.now(), galat=""
    ):
        return  # superseded by a retry, or already run
    pekerjaan = Pekerjaan.objects.select_related("instansi", "pemda", "oleh").get(pk=pekerjaan_id)
    if pekerjaan.induk_id:
        # The parent's message counts this part «sedang dibuat» now, not «menunggu» until it ends.
        segarkan_induk(pekerjaan.induk_id)
    # Inside a transaction (the immediate backend, in a request or a test) nobody else can
    # see the beats, and a second connection would only wait for this one's lock.
    detak = None if connection.in_atomic_block else _Detak(pekerjaan)
    if detak:
        detak.start()
    akhir: dict = {}
    galat = None
    try:
        hasil = kerja(pekerjaan, Kemajuan(pekerjaan))
        if hasil is None:
            segarkan_induk(pekerjaan.pk)
        else:
            akhir = {"status": Status.SELESAI, "selesai_n": pekerjaan.total, "pesan": hasil.pesan[:500],
                     "tautan_hasil": hasil.tautan}  # fmt: skip
    except PekerjaanGagal as exc:
        akhir = {"status": Status.GAGAL, "pesan": PESAN_GAGAL, "galat": str(exc)}
    except Exception as exc:
        akhir = {"status": Status.GAGAL, "pesan": PESAN_GAGAL,
                 "galat": f"Kesalahan tak terduga ({type(exc).__name__}): {exc}"}  # fmt: skip
        galat = exc
    finally:
        if detak:
            detak.berhenti.set()
            detak.join()
        if akhir:
            Pekerjaan.objects.filter(pk=pekerjaan.pk, putaran=putaran).update(detak=timezone.now(), **akhir)
            if pekerjaan.induk_id:
                segarkan_induk(pekerjaan.induk_id)
    if galat is not None:
        raise galat
