"""Requests per second under gunicorn (2 workers, production settings) driven by `wrk` from
a second process: the sign-in page, an agency's year at 1× and 10×, and a stored PDF.

Run after `benchmarks/halaman.py` has prepared the region (the 10× agency, the stored PDFs):
`DATABASE_URL=postgres://… .venv/bin/python benchmarks/laju.py [--detik 10]`. Needs `wrk`
(Debian: `apt-get install wrk`). It signs the benchmark admin in through a session made in
the database and sends its cookie; gunicorn listens on 127.0.0.1:8765 for the run only.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
ALAMAT = "127.0.0.1:8765"
sys.path.insert(0, str(AKAR / "benchmarks"))

from halaman import SATU, SEPULUH, TAHUN, siapkan  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detik", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,testserver")
    siapkan()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.urls import reverse

    from instansi.models import Instansi
    from sakip.lkjip.render import pdf_tersimpan

    admin = get_user_model().objects.get(username="admin-benchmark")
    sesi = SessionStore()
    sesi[SESSION_KEY] = str(admin.pk)
    sesi[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sesi[HASH_SESSION_KEY] = admin.get_session_auth_hash()
    sesi.create()
    alamat = {
        "masuk": (reverse("masuk"), False),
    }
    # A stored PDF that is no longer current would start a job (a redirect), not be served.
    for ukuran, slug in (("1×", SATU), ("10×", SEPULUH)):
        if pdf_tersimpan(Instansi.objects.get(slug=slug), TAHUN) is not None:
            alamat[f"LKjIP PDF tersimpan {ukuran}"] = (reverse("lkjip-pdf", args=[slug, TAHUN]), True)
        else:
            print(f"{slug}: no current PDF stored, its row is left out")
    # The slow pages last: gunicorn still works off their queued requests after wrk stops.
    alamat |= {
        "beranda instansi-tahun 1×": (reverse("instansi-tahun", args=[SATU, TAHUN]), True),
        "beranda instansi-tahun 10×": (reverse("instansi-tahun", args=[SEPULUH, TAHUN]), True),
    }
    gunicorn = subprocess.Popen(
        [str(AKAR / ".venv/bin/gunicorn"), "sakip.wsgi", "-w", "2", "-b", ALAMAT, "--log-level", "warning"],
        cwd=AKAR,
        env=os.environ | {"LOG_LEVEL": "WARNING"},
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://{ALAMAT}{alamat['masuk'][0]}", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        hasil = {}
        for nama, (jalur, masuk) in alamat.items():
            kue = ["-H", f"Cookie: sessionid={sesi.session_key}"] if masuk else []
            keluaran = subprocess.run(
                ["wrk", "-t2", "-c4", f"-d{args.detik}s", *kue, f"http://{ALAMAT}{jalur}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if "Non-2xx" in keluaran:
                raise SystemExit(f"{nama}: jawaban bukan 2xx\n{keluaran}")
            hasil[nama] = float(re.search(r"Requests/sec:\s+([\d.]+)", keluaran)[1])
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(30)
    print(f"\nwrk -t2 -c4 -d{args.detik}s against gunicorn -w 2, DEBUG=0\n")
    print("| page | requests/s | ÷ sign-in |")
    print("| --- | --- | --- |")
    for nama, laju in hasil.items():
        print(f"| {nama} | {laju:.1f} | {laju / hasil['masuk']:.2f} |")


if __name__ == "__main__":
    main()
