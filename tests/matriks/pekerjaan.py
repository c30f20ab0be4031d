"""Background jobs: a job's page, its status, «Coba lagi» and its file, a pemda's «Buat semua
PDF», a big upload applied in the background (the PDF and workbook downloads are in `inti`)."""

from pekerjaan.models import Pekerjaan
from tests.matriks import TIDAK_ADA, Entri, baca, semua

TAHUN = 2022


def _pekerjaan_a(d):
    """A failed PDF job of agency A, started by its planner (so «Coba lagi» has work to do)."""
    p = Pekerjaan.objects.create(
        nama_tugas="pdf_lkjip", judul="PDF A", oleh=d.pengguna["perencana_a"], instansi=d.a, tahun=TAHUN,
        putaran=Pekerjaan.putaran_baru(), status=Pekerjaan.Status.GAGAL, galat="uji",
    )  # fmt: skip
    return [p.pk]


def _buku_a(d):
    """A finished workbook job of agency A, its file kept with it."""
    p = Pekerjaan.objects.create(
        nama_tugas="xlsx_lkjip", judul="Tabel A", instansi=d.a, tahun=TAHUN, putaran=Pekerjaan.putaran_baru(),
        status=Pekerjaan.Status.SELESAI, total=1, selesai_n=1, berkas=b"PK", nama_berkas="a.xlsx",
    )  # fmt: skip
    return [p.pk]


def _pemda(kode_pembaca: int) -> dict[str, int]:
    """A region's page: its reviewer and admins; everyone else 404, anonymous users login."""
    return semua(404, anonim=302) | {"admin": kode_pembaca, "pemeriksa": kode_pembaca}


MATRIKS = {
    "pekerjaan": Entri(_pekerjaan_a, baca(), TIDAK_ADA),
    "pekerjaan-status": Entri(_pekerjaan_a, baca(), TIDAK_ADA),
    "pekerjaan-coba-lagi": Entri(_pekerjaan_a, TIDAK_ADA, baca(302)),
    "pekerjaan-berkas": Entri(_buku_a, baca(), TIDAK_ADA),
    "pdf-pemda": Entri(lambda d: [d.a.pemda.slug, TAHUN], _pemda(200), _pemda(302)),
    # Only the planner who uploaded sees the upload; a reviewer may not write (403 first).
    "pekerjaan-excel": Entri(
        lambda d: [d.a.slug, TAHUN, d.unggahan_a.pk],
        TIDAK_ADA,
        semua(404, anonim=302) | {"perencana_a": 302, "pemeriksa": 403},
    ),
}
