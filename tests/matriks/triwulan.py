"""The year's quarterly targets, the action plan, and the Perjanjian Kinerja's record and
its signed text as a PDF."""

from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022

# An empty POST of the grid changes no cell, and the record's fields are all optional:
# both save and redirect.
MATRIKS = {
    "target-triwulan": Entri(lambda d: [d.a.slug, TAHUN], baca(), tulis(302)),
    "perjanjian-kinerja-naskah": Entri(lambda d: [d.a.slug, TAHUN, "murni"], baca(), tulis(302)),
    "rencana-aksi": Entri(lambda d: [d.a.slug, TAHUN], baca(), tulis(302)),
    # The agency's PK murni targets make an agreement to print, with or without its record.
    "perjanjian-kinerja-pdf": Entri(lambda d: [d.a.slug, TAHUN, "murni"], baca(), TIDAK_ADA),
}
