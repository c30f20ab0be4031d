"""The permission matrix, one module per area of the application.

Each module defines `MATRIKS = {url_name: Entri(...)}`; `tests/test_akses.py` gathers all
of them, requests every URL of the application as every role with GET and with POST, and
fails on a URL that has no entry. Roles: admin, perencana_a (planner of agency A),
perencana_b (planner of agency B), pemeriksa (reviewer of A's region), pemeriksa_b
(reviewer of B's region, a stranger to A), anonim.
"""

from collections.abc import Callable
from dataclasses import dataclass

PERAN = ("admin", "perencana_a", "perencana_b", "pemeriksa", "pemeriksa_b", "anonim")


@dataclass(frozen=True)
class Entri:
    """A URL's arguments (from the test world `d`) and the status each role gets.

    `get` and `post` map a role to its status; a role left out gets `lain` (the status
    of anyone else). POST requests send `data` (empty: a form re-shown with its errors).
    """

    args: Callable[[object], list]
    get: dict[str, int]
    post: dict[str, int]
    data: Callable[[object], dict] | None = None


def baca(kode=200) -> dict[str, int]:
    """A page of agency A: its readers see it, B's planner and reviewer get 404, anonymous users login."""
    return {
        "admin": kode,
        "perencana_a": kode,
        "perencana_b": 404,
        "pemeriksa": kode,
        "pemeriksa_b": 404,
        "anonim": 302,
    }


def tulis(kode=302) -> dict[str, int]:
    """A write to agency A: admin and A's planner may, the reviewer gets 403, B's planner and reviewer 404."""
    return {
        "admin": kode,
        "perencana_a": kode,
        "perencana_b": 404,
        "pemeriksa": 403,
        "pemeriksa_b": 404,
        "anonim": 302,
    }


def semua(kode, anonim=None) -> dict[str, int]:
    hasil = dict.fromkeys(PERAN, kode)
    if anonim is not None:
        hasil["anonim"] = anonim
    return hasil


TIDAK_ADA = semua(405, anonim=302)  # method not allowed, after the login redirect
