"""Budgets: a year's overview, a program's budget grid and belanja per jenis."""

from kinerja.models import Program
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def _tahun(d):
    return [d.a.slug, TAHUN]


def _program(d):
    return [*_tahun(d), Program.objects.filter(renstra__instansi=d.a).first().pk]


# An empty POST says no version: the program's stored cells would be emptied against
# versions nobody saw, so they are conflicts (409) and nothing is written; agency A has
# no belanja, so emptying it changes nothing and the page redirects.
MATRIKS = {
    "anggaran-tahun": Entri(_tahun, baca(), TIDAK_ADA),
    "anggaran-program": Entri(_program, baca(), tulis(409)),
    "belanja-jenis": Entri(_tahun, baca(), tulis(302)),
}
