"""The application's own records an agency may cite as evidence, instead of uploading them
again: the Renstra in force, the year's Perjanjian Kinerja and its signed text, the action
plan, the LKjIP (as the application makes it and as published), the year's realisations and
each IKU's realisation page, each sasaran's analysis.

A link is stored as a URL name and its arguments (`BuktiDukung.tautan`, `tautan_argumen`),
never as a reference to the record's model: `evaluasi` sits below `sakip`, `publikasi` and
`reviu` and imports none of them, and the link opens the record as it stands today. A
stored link is resolved when shown; one whose record has gone says so (`alamat` is None).
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from instansi.models import Instansi
from kinerja.models import Indikator, Renstra, Sasaran


@dataclass(frozen=True)
class Tautan:
    nama_url: str
    argumen: tuple
    label: str

    @property
    def kode(self) -> str:
        """The value a form's choice posts: the URL name and its arguments, unambiguous."""
        return "|".join([self.nama_url, *map(str, self.argumen)])


def pilihan(instansi: Instansi, tahun: int) -> list[Tautan]:
    """Every record of `instansi` for `tahun` a criterion may cite, in three queries."""
    slug = instansi.slug
    daftar = []
    renstra = Renstra.objects.berlaku(instansi, tahun).first()
    if renstra is not None:
        periode = f"{renstra.tahun_awal}–{renstra.tahun_akhir}"
        daftar += [
            Tautan("rencana", (slug,), f"Renstra {periode}: pohon kinerja dan indikator"),
            Tautan("target-renstra", (slug, renstra.pk), f"Renstra {periode}: target per tahun"),
        ]
    daftar += [
        Tautan("perjanjian-kinerja", (slug, tahun), f"Perjanjian Kinerja {tahun}: target"),
        Tautan("perjanjian-kinerja-pdf", (slug, tahun, "murni"), f"Naskah Perjanjian Kinerja {tahun} (PDF)"),
        Tautan(
            "perjanjian-kinerja-pdf",
            (slug, tahun, "perubahan"),
            f"Naskah Perjanjian Kinerja Perubahan {tahun} (PDF)",
        ),
        Tautan("rencana-aksi", (slug, tahun), f"Rencana aksi {tahun}"),
        Tautan("instansi-tahun", (slug, tahun), f"Capaian kinerja dan anggaran {tahun}"),
        Tautan("lkjip-html", (slug, tahun), f"LKjIP {tahun}"),
        Tautan("lkjip-pdf", (slug, tahun), f"LKjIP {tahun} (PDF)"),
        Tautan("publik-laporan", (instansi.pemda.slug, slug, tahun), f"LKjIP {tahun} yang diterbitkan"),
    ]
    if renstra is not None:
        iku = Indikator.objects.filter(renstra=renstra, iku=True).order_by("urutan", "pk")
        daftar += [
            Tautan("realisasi", (slug, tahun, i.pk), f"Realisasi {tahun}: {_ringkas(i.nama)}") for i in iku
        ]
        sasaran = Sasaran.objects.filter(renstra=renstra).order_by("urutan", "pk")
        daftar += [
            Tautan("analisis-sasaran", (slug, tahun, s.pk), f"Analisis sasaran {tahun}: {_ringkas(s.uraian)}")
            for s in sasaran
        ]
    return daftar


def _ringkas(teks: str, batas: int = 90) -> str:
    return teks if len(teks) <= batas else teks[: batas - 1].rstrip() + "…"


def alamat(nama_url: str, argumen: list) -> str | None:
    """Where a stored link points now, or None when it no longer resolves."""
    try:
        return reverse(nama_url, args=argumen)
    except NoReverseMatch:
        return None
