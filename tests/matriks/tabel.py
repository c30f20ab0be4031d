"""The agency's profile tables of a year: SDM, sarana & prasarana, supporting tables."""

from instansi.models import TabelPendukung
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def _tahun(d):
    return [d.a.slug, TAHUN]


def _tabel(d):
    tabel, _ = TabelPendukung.objects.get_or_create(
        instansi=d.a,
        tahun=TAHUN,
        kunci="koperasi",
        defaults={
            "judul": "Data koperasi",
            "kolom": [{"judul": "Jumlah", "jenis": "angka"}],
            "baris": [["74"]],
        },
    )
    return [*_tahun(d), tabel.pk]


# An empty POST lacks the formsets' management data: the page is shown again, nothing saved.
MATRIKS = {
    "tabel-sdm": Entri(_tahun, baca(), tulis(200)),
    "tabel-sarana": Entri(_tahun, baca(), tulis(200)),
    "tabel-pendukung-daftar": Entri(_tahun, baca(), TIDAK_ADA),
    "tabel-pendukung-baru": Entri(_tahun, baca(), tulis(200)),
    "tabel-pendukung-ubah": Entri(_tabel, baca(), tulis(200)),
}
