"""Requests per second under gunicorn (2 workers, production settings) driven by `wrk` from
a second process: the sign-in page, the pemda dashboard, an agency's year at 1× and 10×, a
stored PDF at 1× and 10× and the LKjIP HTML at 1×.

Run after `benchmarks/halaman.py` has prepared the region (the 10× agency, the stored PDFs):
`DATABASE_URL=postgres://… .venv/bin/python benchmarks/laju.py [--detik 10]`. Needs `wrk`
(`make bench-setup`). A PDF that is not stored, or no longer current (the fingerprint holds
a hash of the code, so an edit since `halaman.py` makes it stale), is laid out first, since
the download would otherwise start a job and redirect. It signs the benchmark admin in
through a session made in the database and sends its cookie (the sign-in page goes without);
gunicorn listens on a free port of 127.0.0.1 for the run only. `wrk -t2 -c4` with a 30 s
timeout, so that a slow page's answers count instead of being dropped after wrk's default
2 s; each page is requested a few times before wrk starts (a first request fills the
caches), and the slow pages go last, since gunicorn still works off their queued requests
after wrk stops. Those requests, and one after each wrk run, follow no redirect and must be
answered themselves: wrk counts a redirect (a PDF no longer current, which starts a job) as
an answer.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halaman import AKAR, SATU, SEPULUH, TAHUN, admin, angka, rasio, siapkan


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ukur(alamat: dict[str, tuple[str, bool]], detik: int = 10) -> dict[str, float]:
    """Requests per second of each page, {name: (path, signed in)}, in the order given."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    if not shutil.which("wrk"):
        sys.exit("wrk tidak terpasang: make bench-setup")
    pengguna = admin()
    sesi = SessionStore()
    sesi[SESSION_KEY] = str(pengguna.pk)
    sesi[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sesi[HASH_SESSION_KEY] = pengguna.get_session_auth_hash()
    sesi.create()
    kue = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={sesi.session_key}"}
    server = f"127.0.0.1:{_port()}"
    # No control socket: its default path in $HOME would be shared with another instance.
    gunicorn = subprocess.Popen(
        [str(AKAR / ".venv/bin/gunicorn"), "sakip.wsgi:application", "-w", "2", "-b", server,
         "--no-control-socket", "--log-level", "warning"],
        cwd=AKAR, env=os.environ | {"LOG_LEVEL": "WARNING"},
    )  # fmt: skip

    class TanpaPengalihan(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None  # a redirect is raised as an HTTPError

    langsung = urllib.request.build_opener(TanpaPengalihan)

    def minta(jalur: str, masuk: bool) -> None:
        """One request, which must be answered itself: wrk counts a redirect as an answer
        (only 4xx and 5xx are errors to it), and a PDF no longer current redirects to a job."""
        permintaan = urllib.request.Request(f"http://{server}{jalur}", headers=kue if masuk else {})
        try:
            langsung.open(permintaan, timeout=600).read()
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"{jalur}: {exc.code} {exc.headers.get('Location', '')}") from None

    hasil = {}
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://{server}/sehat", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        for nama, (jalur, masuk) in alamat.items():
            for _ in range(4):
                minta(jalur, masuk)
            opsi = ["-H", f"Cookie: {kue['Cookie']}"] if masuk else []
            keluaran = subprocess.run(
                ["wrk", "-t2", "-c4", f"-d{detik}s", "--timeout", "30s", *opsi, f"http://{server}{jalur}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for salah in ("Non-2xx or 3xx responses", "Socket errors"):
                if salah in keluaran:
                    raise SystemExit(f"{nama}: {salah}\n{keluaran}")
            hasil[nama] = float(re.search(r"Requests/sec:\s+([\d.]+)", keluaran)[1])
            minta(jalur, masuk)  # still answered itself (a PDF still current) when wrk's queue is done
            print(f"{nama}: {angka(hasil[nama], 1)} req/s", flush=True)
    finally:
        gunicorn.terminate()
        gunicorn.wait(60)
        sesi.delete()
    return hasil


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detik", type=int, default=10)
    args = parser.parse_args()
    siapkan()
    from django.urls import reverse

    from instansi.models import Instansi
    from sakip.lkjip.render import pdf_laporan, pdf_tersimpan

    satu, sepuluh = Instansi.objects.get(slug=SATU), Instansi.objects.get(slug=SEPULUH)
    for i in (satu, sepuluh):
        if pdf_tersimpan(i, TAHUN) is None:
            print(f"{i.slug}: PDF belum tersimpan atau tidak terkini, dibuat dulu …", flush=True)
            pdf_laporan(i, TAHUN)
    alamat = {
        "masuk": (reverse("masuk"), False),
        "dasbor pemda": (reverse("dasbor-pemda", args=[satu.pemda.slug, TAHUN]), True),
        "LKjIP PDF, cached 1×": (reverse("lkjip-pdf", args=[SATU, TAHUN]), True),
        "LKjIP PDF, cached 10×": (reverse("lkjip-pdf", args=[SEPULUH, TAHUN]), True),
        "LKjIP HTML 1×": (reverse("lkjip-html", args=[SATU, TAHUN]), True),
        "beranda instansi-tahun 1×": (reverse("instansi-tahun", args=[SATU, TAHUN]), True),
        "beranda instansi-tahun 10×": (reverse("instansi-tahun", args=[SEPULUH, TAHUN]), True),
    }
    hasil = ukur(alamat, args.detik)
    print(f"\nwrk -t2 -c4 -d{args.detik}s against gunicorn -w 2, DEBUG=0\n")
    print("| page | requests/s | ÷ sign-in |")
    print("| --- | --- | --- |")
    for nama, laju in hasil.items():
        judul = "sign-in page" if nama == "masuk" else nama
        print(f"| {judul} | {angka(laju, 1)} | {rasio(laju / hasil['masuk'])} |")


if __name__ == "__main__":
    main()
