"""The year's quarterly targets and the Perjanjian Kinerja's record."""

from tests.matriks import Entri, baca, tulis

TAHUN = 2022

# An empty POST of the grid changes no cell, and the record's fields are all optional:
# both save and redirect.
MATRIKS = {
    "target-triwulan": Entri(lambda d: [d.a.slug, TAHUN], baca(), tulis(302)),
    "perjanjian-kinerja-naskah": Entri(lambda d: [d.a.slug, TAHUN, "murni"], baca(), tulis(302)),
}
