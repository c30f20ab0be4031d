"""The review: agency A's 2022 report (a draft), a note on it, the reviewers' desk.

Who may make a transition is `reviu.alur`'s decision, checked after reading: A's planner
submits; the reviewer of A's region and admins may not submit (403); B's planner and B's
reviewer do not see A at all (404). Notes are written, closed and reopened by A's reviewer
and admins; A's planner answers them. Every transition and refusal is in tests/test_alur.py.
"""

from django.utils import timezone

from reviu.models import CatatanReviu
from tests.matriks import Entri, baca, semua

TAHUN = 2022


def catatan_a(d) -> CatatanReviu:
    """An open note on agency A's 2022 report, made once per test world."""
    ada = CatatanReviu.objects.filter(instansi=d.a, tahun=TAHUN).first()
    return ada or CatatanReviu.objects.create(
        instansi=d.a,
        tahun=TAHUN,
        label="Laporan secara keseluruhan",
        teks="Lengkapi sumber data.",
        dibuat_oleh=d.pengguna["pemeriksa"],
        dibuat_pada=timezone.now(),
    )


def _tahun(d):
    return [d.a.slug, TAHUN]


# Only the region's reviewer and admins write notes; A's planner reads them.
MENCATAT = {
    "admin": 200,
    "perencana_a": 403,
    "perencana_b": 404,
    "pemeriksa": 200,
    "pemeriksa_b": 404,
    "anonim": 302,
}
# Closing a note: the reviewer and admins; the planner answers instead.
MENUTUP = MENCATAT | {"admin": 302, "pemeriksa": 302}
# Submitting: A's planner alone, whose empty POST lacks only a reason for the findings or
# goes through; a reviewer or an admin never submits.
MENYAMPAIKAN_GET = {
    "admin": 403,
    "perencana_a": 200,
    "perencana_b": 404,
    "pemeriksa": 403,
    "pemeriksa_b": 404,
    "anonim": 302,
}
MENYAMPAIKAN_POST = MENYAMPAIKAN_GET | {"perencana_a": 302}

MATRIKS = {
    "meja-reviu": Entri(
        lambda d: [TAHUN],
        semua(200, anonim=302) | {"perencana_a": 403, "perencana_b": 403},
        semua(405, anonim=302),
    ),
    "reviu-laporan": Entri(_tahun, baca(), MENCATAT),
    "reviu-transisi": Entri(
        lambda d: [*_tahun(d), "sampaikan"],
        MENYAMPAIKAN_GET,
        MENYAMPAIKAN_POST,
        data=lambda d: {"catatan": "Temuan sudah dijelaskan di narasi.", "versi": "0"},
    ),
    "reviu-catatan": Entri(
        lambda d: [*_tahun(d), catatan_a(d).pk],
        baca(),
        MENUTUP,
        data=lambda d: {"aksi": "tutup", "versi": str(catatan_a(d).versi)},
    ),
}
