"""Bulk PDF generation of a pemda's year by the background workers, with one and with two
workers, on the same agencies, cold.

Run on the region of `benchmarks/halaman.py` (PostgreSQL): `DATABASE_URL=… .venv/bin/python
benchmarks/massal.py [--instansi 8] [--runs 1]`. It WRITES to the database: the stored PDFs
of the chosen agencies are removed before each run (so that every part really lays its PDF
out instead of finding it current), and they are stored again by the run.

The workers are those `pekerjaan` uses: `manage.py db_worker` on the database's queue, or
`manage.py rqworker` when REDIS_URL is set, started here as subprocesses on a queue of this
run's own (PEKERJAAN_ANTREAN), so no other worker takes its jobs; they are stopped at the
end. A run is the bulk job «Buat semua PDF» of the web: a parent `pdf_pemda` job that
records one `pdf_lkjip` part per agency and hands them to the queue, and ends when every
part has; the time is from the parent's start (its split and the parts' enqueuing, here in
this process) to the parent's end as seen by polling it every 0,1 s, the workers already up
and waiting. The agencies are the first N of the region that have a report (the 10×
agency left out, so that all are alike); the whole region's 50 cold PDFs would take an hour
on two cores, and N agencies give the same ratio (an even N: with 2 workers an odd one
leaves a worker idle at the end). Their charts are drawn before any timing (the cache
«grafik»), so both runs lay out the same work. With `--runs` above 1 the worker counts take
turns and the table gives each one's median. Other jobs waiting or running make it stop (the
sweep would hand them to these workers, which would lay them out in the time measured):
`--hapus-pekerjaan-lain` deletes them first.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halaman import AKAR, SATU, SEPULUH, TAHUN, admin, angka, siapkan

TANDA_SIAP = ("Starting worker", "Listening on")  # db_worker's, rqworker's first line at work


def pekerja(jumlah: int, antrean: str, log) -> list[subprocess.Popen]:
    """`jumlah` workers of the configured backend on `antrean`, returned once each is at work."""
    if os.environ.get("REDIS_URL"):
        perintah = ["rqworker", "--job-class", "django_tasks_rq.Job", antrean]
    else:
        perintah = ["db_worker", "--queue-name", antrean, "--interval", "0.2", "--no-startup-delay"]
    perintah = [sys.executable, str(AKAR / "manage.py"), *perintah]
    # INFO: the line that says a worker is at work. The logs go when the workers do.
    berkas = [tempfile.NamedTemporaryFile("w+", prefix=f"{log}-", suffix=".log") for _ in range(jumlah)]  # noqa: SIM115
    env = os.environ | {"LOG_LEVEL": "INFO"}
    proses = [subprocess.Popen(perintah, cwd=AKAR, env=env, stdout=b, stderr=b) for b in berkas]
    batas = time.monotonic() + 300
    while not all(any(t in Path(b.name).read_text() for t in TANDA_SIAP) for b in berkas):
        if time.monotonic() > batas or any(p.poll() is not None for p in proses):
            hentikan(proses)
            sys.exit("Pekerja tidak siap:\n" + "\n".join(Path(b.name).read_text()[-2000:] for b in berkas))
        time.sleep(0.2)
    return proses


def hentikan(proses: list[subprocess.Popen]) -> None:
    for p in proses:
        p.terminate()
    for p in proses:
        p.wait(60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instansi", type=int, default=8, help="how many agencies (default 8)")
    parser.add_argument("--runs", type=int, default=1, help="runs per worker count (each lays out N PDFs)")
    parser.add_argument("--pekerja", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument(
        "--hapus-pekerjaan-lain", action="store_true", help="delete the jobs waiting or running before"
    )
    args = parser.parse_args()
    antrean = f"benchmark-massal-{os.getpid()}"
    os.environ["PEKERJAAN_ANTREAN"] = antrean  # before the settings read it
    siapkan()

    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from instansi.models import Instansi
    from pekerjaan import tugas
    from pekerjaan.models import Pekerjaan
    from sakip.models import BerkasPdf

    # The sweep hands a job in line whose queue entry it cannot find to the queue of whoever
    # sweeps, so another job waiting in the database would be run by these workers and timed.
    lain = Pekerjaan.objects.filter(status__in=Pekerjaan.AKTIF)
    if lain.exists():
        if not args.hapus_pekerjaan_lain:
            daftar = "\n".join(f"  {p.pk} {p.judul} ({p.status})" for p in lain)
            sys.exit(f"Pekerjaan lain menunggu atau berjalan:\n{daftar}\n(--hapus-pekerjaan-lain)")
        print(f"{lain.delete()[0]} pekerjaan lain dihapus", flush=True)
    pemda = Instansi.objects.get(slug=SATU).pemda
    pilihan = list(tugas.instansi_berlaporan(pemda, TAHUN).exclude(slug=SEPULUH)[: args.instansi])
    klien = Client()
    klien.force_login(admin())
    for i in pilihan:  # the charts drawn once, into the cache the workers read
        assert klien.get(reverse("lkjip-html", args=[i.slug, TAHUN])).status_code == 200, i.slug

    def sekali(jumlah: int) -> tuple[float, int]:
        proses = pekerja(jumlah, antrean, f"massal-{jumlah}")
        try:
            BerkasPdf.objects.filter(instansi__in=pilihan, tahun=TAHUN).delete()
            induk = Pekerjaan.objects.create(
                nama_tugas="pdf_pemda", judul=f"Benchmark: {len(pilihan)} PDF {pemda} {TAHUN}",
                pemda=pemda, tahun=TAHUN, putaran=Pekerjaan.putaran_baru(), total=1,
            )  # fmt: skip
            mulai = time.perf_counter()
            # The bulk task itself, run here on the chosen agencies only: it records the parts
            # and enqueues them for the workers.
            with mock.patch.object(tugas, "instansi_berlaporan", lambda pemda, tahun: pilihan):
                tugas.pdf_pemda.call(induk.pk, induk.putaran)
            serentak = 0  # the most parts seen running at once: the workers really shared them
            while induk.aktif:
                time.sleep(0.1)
                induk.refresh_from_db()
                serentak = max(serentak, induk.anak.filter(status=Pekerjaan.Status.BERJALAN).count())
            detik = time.perf_counter() - mulai
        finally:
            hentikan(proses)
        if induk.status != Pekerjaan.Status.SELESAI:
            sys.exit(f"Pekerjaan {induk.pk} {induk.status}: {induk.galat}")
        dibuat = BerkasPdf.objects.filter(instansi__in=pilihan, tahun=TAHUN).count()
        assert dibuat == len(pilihan), f"{dibuat} PDF tersimpan dari {len(pilihan)}"
        induk.delete()  # with its parts: the benchmark leaves no jobs on the region's pages
        print(f"{jumlah} pekerja: {angka(detik, 1)} s, paling banyak {serentak} bagian serentak", flush=True)
        return detik, serentak

    hasil = {n: [] for n in args.pekerja}
    try:
        for _ in range(args.runs):
            for n in args.pekerja:
                hasil[n].append(sekali(n))
    finally:
        if not os.environ.get("REDIS_URL"):
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.filter(queue_name=antrean).delete()

    backend = "RQ (rqworker)" if os.environ.get("REDIS_URL") else "database queue (db_worker)"
    print(f"\n{connection.vendor}, {backend}, {len(pilihan)} agencies × 1 cold PDF, median of {args.runs}\n")
    print("| workers | time | per PDF | PDFs per minute | speed-up over 1 worker | most parts at once |")
    print("| --- | --- | --- | --- | --- | --- |")
    satu = statistics.median(w for w, _ in hasil[args.pekerja[0]])
    for n, putaran in hasil.items():
        t = statistics.median(w for w, _ in putaran)
        kolom = [f"{angka(t, 1)} s", f"{angka(t / len(pilihan), 1)} s", angka(60 * len(pilihan) / t, 1)]
        kolom += [angka(satu / t, 2), str(max(s for _, s in putaran))]
        print(f"| {n} | {' | '.join(kolom)} |")


if __name__ == "__main__":
    main()
