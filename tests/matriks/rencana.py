"""The plan: the Renstra tree and its nodes, indicators, the Renstra targets and the PK."""

from kinerja.models import Renstra
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def _renstra(d) -> Renstra:
    return Renstra.objects.get(instansi=d.a)


MATRIKS = {
    "rencana": Entri(lambda d: [d.a.slug], baca(), TIDAK_ADA),
    # An empty form is re-shown with its errors.
    "renstra-tambah": Entri(lambda d: [d.a.slug], baca(), tulis(200)),
    "node-tambah": Entri(lambda d: [d.a.slug, "tujuan", _renstra(d).pk], baca(), tulis(200)),
    "node-ubah": Entri(lambda d: [d.a.slug, "sasaran", d.sasaran_a.pk], baca(), tulis(200)),
    # The sasaran has realisations: its deletion is refused and explained.
    "node-hapus": Entri(lambda d: [d.a.slug, "sasaran", d.sasaran_a.pk], baca(), tulis(409)),
    "indikator-tambah": Entri(lambda d: [d.a.slug, "sasaran", d.sasaran_a.pk], baca(), tulis(200)),
    "indikator-ubah": Entri(lambda d: [d.a.slug, d.iku_a.pk], baca(), tulis(200)),
    "indikator-daftar": Entri(lambda d: [d.a.slug], baca(), TIDAK_ADA),
    # A grid posted without cells changes nothing and goes back to the grid.
    "target-renstra": Entri(lambda d: [d.a.slug, _renstra(d).pk], baca(), tulis(302)),
    "perjanjian-kinerja": Entri(lambda d: [d.a.slug, TAHUN], baca(), tulis(302)),
    "perjanjian-kinerja-perubahan": Entri(lambda d: [d.a.slug, TAHUN], baca(), TIDAK_ADA),
}
