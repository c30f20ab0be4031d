"""The LKE's evidence: a criterion's evidence page, serving an uploaded file, removing one.

The evaluation of agency A for 2022 is started (or found, when another module of the matrix
started it) in its draft, where A's planners add evidence; the region's reviewer reads it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from evaluasi import alur
from evaluasi.models import BerkasBukti, BuktiDukung, EvaluasiLke, Instrumen, KriteriaLke
from tests.matriks import Entri, baca, semua, tulis

TAHUN = 2022
_OBJEK = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PDF = _OBJEK + b"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"
PDF += b"startxref\n%d\n%%%%EOF\n" % len(_OBJEK)


def evaluasi(d) -> EvaluasiLke:
    ada = EvaluasiLke.objects.filter(instansi=d.a, tahun=TAHUN).first()
    instrumen = Instrumen.objects.filter(dasar__contains="88/2021").first()
    return ada or alur.mulai(d.pengguna["perencana_a"], d.a, TAHUN, instrumen)


def _kriteria(d) -> list:
    kriteria = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=evaluasi(d)).first()
    return [d.a.slug, TAHUN, kriteria.pk]


def _bukti(d) -> list:
    slug, tahun, kriteria = _kriteria(d)
    berkas, _ = BerkasBukti.objects.get_or_create(
        sha256="0" * 64, defaults={"jenis": "pdf", "ukuran": 1, "isi": PDF}
    )
    bukti, _ = BuktiDukung.objects.get_or_create(
        kriteria_id=kriteria, judul="Renstra", defaults={"berkas": berkas, "nama_berkas": "renstra.pdf"}
    )
    return [slug, tahun, bukti.pk]


def _unggah(d) -> dict:
    return {"versi": "0", "berkas_baru": SimpleUploadedFile("renstra.pdf", PDF)}


# The evidence page re-shows an empty POST with its errors (200); a good upload redirects
# for those who may add. Removing with no version is a conflict (409). A file is only
# served (405 to a POST).
MATRIKS = {
    "bukti-kriteria": Entri(_kriteria, baca(), tulis(302), _unggah),
    "bukti-berkas": Entri(_bukti, baca(), semua(405, anonim=302)),
    "bukti-hapus": Entri(_bukti, baca(), tulis(409)),
}
