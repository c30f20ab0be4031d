"""Sign-in, the start page, an agency's year, realisations and the LKjIP."""

from tests.matriks import TIDAK_ADA, Entri, baca, semua, tulis

TAHUN = 2022


def _tahun(d):
    return [d.a.slug, TAHUN]


MATRIKS = {
    "beranda": Entri(lambda d: [], semua(200), semua(405)),
    "masuk": Entri(lambda d: [], semua(200), semua(200)),
    "keluar": Entri(lambda d: [], semua(405), semua(302)),
    "ganti-sandi": Entri(lambda d: [], semua(200, anonim=302), semua(200, anonim=302)),
    "sandi-diganti": Entri(lambda d: [], semua(200, anonim=302), TIDAK_ADA),
    "instansi-tahun": Entri(_tahun, baca(), TIDAK_ADA),
    "naskah-lkjip": Entri(
        _tahun, baca(), tulis(302), data=lambda d: {"judul": "LKjIP", "tempat_tanggal": "Kota, 2023"}
    ),
    "realisasi": Entri(lambda d: [*_tahun(d), d.iku_a.pk], baca(), tulis(200)),
    "pembanding": Entri(lambda d: [*_tahun(d), d.iku_a.pk], baca(), tulis(302)),
    "realisasi-pratinjau": Entri(lambda d: [*_tahun(d), d.iku_a.pk], baca(), TIDAK_ADA),
    "analisis-sasaran": Entri(lambda d: [*_tahun(d), d.sasaran_a.pk], baca(), tulis(302)),
    "excel-templat-realisasi": Entri(_tahun, baca(), TIDAK_ADA),
    "excel-templat-anggaran": Entri(_tahun, baca(), TIDAK_ADA),
    "excel-unggah": Entri(_tahun, baca(), tulis(200)),
    # An upload is seen and applied only by the planner who made it.
    "excel-pratinjau": Entri(
        lambda d: [*_tahun(d), d.unggahan_a.pk],
        {
            "admin": 404,
            "perencana_a": 200,
            "perencana_b": 404,
            "pemeriksa": 404,
            "pemeriksa_b": 404,
            "anonim": 302,
        },
        {
            "admin": 404,
            "perencana_a": 302,
            "perencana_b": 404,
            "pemeriksa": 403,
            "pemeriksa_b": 404,
            "anonim": 302,
        },
    ),
    "lkjip-html": Entri(_tahun, baca(), TIDAK_ADA),
    "lkjip-xlsx": Entri(_tahun, baca(), TIDAK_ADA),
    "lkjip-pdf": Entri(_tahun, baca(), TIDAK_ADA),
}
