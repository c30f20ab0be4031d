"""Budgets: a year's overview, a program's budget grid and belanja per jenis."""

from kinerja.models import Program
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def _tahun(d):
    return [d.a.slug, TAHUN]


def _program(d):
    return [*_tahun(d), Program.objects.filter(renstra__instansi=d.a).first().pk]


# An empty POST lacks the cells' versions: the grid is shown again with its errors.
MATRIKS = {
    "anggaran-tahun": Entri(_tahun, baca(), TIDAK_ADA),
    "anggaran-program": Entri(_program, baca(), tulis(200)),
    "belanja-jenis": Entri(_tahun, baca(), tulis(200)),
}
