"""The agency's profile and the narrative sections of a year's report."""

from instansi.models import Narasi
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def _tahun(d):
    return [d.a.slug, TAHUN]


def _narasi(d):
    narasi, _ = Narasi.objects.get_or_create(
        instansi=d.a, tahun=TAHUN, kunci="latar-belakang", defaults={"judul": "Latar Belakang", "teks": "…"}
    )
    return [*_tahun(d), narasi.pk]


# An empty POST misses required fields: the form is shown again with its errors.
MATRIKS = {
    "profil-instansi": Entri(lambda d: [d.a.slug], baca(), tulis(200)),
    "narasi-daftar": Entri(_tahun, baca(), TIDAK_ADA),
    "narasi-baru": Entri(_tahun, baca(), tulis(200)),
    "narasi-ubah": Entri(_narasi, baca(), tulis(200)),
}
