"""Images planners uploaded for the report (process maps, photos): what data cannot draw.

Each layout keeps a picture slot, the block `gambar-<tempat>`, in every section a planner
may choose (`instansi.models.GambarLaporan.Tempat`); the slot shows the images placed
there, numbered «Gambar x.y» with the diagrams. The web page loads an image from the view
that serves it to those who may read the agency (`instansi.gambar.views.berkas`); the PDF
embeds it as a data URI, so WeasyPrint fetches nothing. Each image's own key,
`unggahan-<id>`, lets a narrative place it elsewhere.
"""

import base64
from dataclasses import dataclass

from django.urls import reverse

from instansi.models import BerkasGambar, GambarLaporan
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.isi import Grafik

AWALAN = "gambar-"


@dataclass
class GambarUnggahan(Grafik):
    """An uploaded image: the web page's address of it, and its bytes for the PDF."""

    label: str = "Gambar"
    url: str = ""
    berkas: BerkasGambar | None = None
    gambar = True  # the template shows an <img>, not inline SVG

    @property
    def data_uri(self) -> str:
        isi = base64.b64encode(bytes(self.berkas.isi)).decode("ascii")
        return f"data:{self.berkas.content_type};base64,{isi}"


def di(tempat: str):
    """The block of the slot `tempat`: the images placed there, in their order."""

    def gambar(data: DataLaporan) -> list:
        return [
            GambarUnggahan(
                g.judul,
                "",
                kunci=f"unggahan-{g.pk}",
                alt=g.alt,
                url=reverse("gambar-berkas", args=[data.instansi.slug, data.tahun, g.pk]),
                berkas=g.berkas,
            )
            for g in data.gambar
            if g.tempat == tempat
        ]

    gambar.__doc__ = f"Images planners placed in «{GambarLaporan.Tempat(tempat).label}»."
    return gambar


BLOK = {AWALAN + tempat: di(tempat) for tempat in GambarLaporan.Tempat.values}
