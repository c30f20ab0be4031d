"""The organisation structure of a year and the report's uploaded images."""

import io

from PIL import Image

from instansi.gambar.periksa import periksa
from instansi.models import BerkasGambar, GambarLaporan, Jabatan, UnitOrganisasi
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def _tahun(d):
    return [d.a.slug, TAHUN]


def _unit(d):
    unit, _ = UnitOrganisasi.objects.get_or_create(
        instansi=d.a, tahun=TAHUN, nama="Sekretariat", defaults={"jenis": "sekretariat"}
    )
    return [*_tahun(d), unit.pk]


def _jabatan(d):
    *_, unit = _unit(d)
    jabatan, _ = Jabatan.objects.get_or_create(unit_id=unit, nama="Sekretaris")
    return [*_tahun(d), jabatan.pk]


def _gambar(d):
    png = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(png, "PNG")
    bersih = periksa(png.getvalue())
    berkas, _ = BerkasGambar.objects.get_or_create(
        sha256=bersih.sha256,
        defaults={"format": bersih.format, "lebar": bersih.lebar, "tinggi": bersih.tinggi, "isi": bersih.isi},
    )
    gambar, _ = GambarLaporan.objects.get_or_create(
        instansi=d.a,
        tahun=TAHUN,
        judul="Peta proses bisnis",
        defaults={"tempat": "proses-bisnis", "alt": "Alur layanan.", "berkas": berkas},
    )
    return [*_tahun(d), gambar.pk]


# An empty POST misses required fields (the form is shown again) or, for a deletion, the
# version seen: a row whose version nobody saw is a conflict, never deleted blind.
MATRIKS = {
    "organisasi": Entri(_tahun, baca(), TIDAK_ADA),
    "organisasi-unit-baru": Entri(_tahun, baca(), tulis(200)),
    "organisasi-unit-ubah": Entri(_unit, baca(), tulis(200)),
    "organisasi-unit-hapus": Entri(_unit, baca(), tulis(409)),
    "organisasi-jabatan-baru": Entri(_tahun, baca(), tulis(200)),
    "organisasi-jabatan-ubah": Entri(_jabatan, baca(), tulis(200)),
    "organisasi-jabatan-hapus": Entri(_jabatan, baca(), tulis(409)),
    "gambar-daftar": Entri(_tahun, baca(), TIDAK_ADA),
    "gambar-baru": Entri(_tahun, baca(), tulis(200)),
    "gambar-ubah": Entri(_gambar, baca(), tulis(200)),
    "gambar-hapus": Entri(_gambar, baca(), tulis(409)),
    "gambar-berkas": Entri(_gambar, baca(), TIDAK_ADA),
}
