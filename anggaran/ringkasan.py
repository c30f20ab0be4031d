"""An agency's budget for a year as a tree of programs, kegiatan and sub kegiatan.

Gathers pagu and realisasi in a fixed number of queries (five, whatever the size) and
rolls them up with `anggaran.hitung`; the report, the screens and the fixture tests
read their budget figures from here.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from anggaran import hitung
from anggaran.hitung import Tahap
from anggaran.models import Pagu, RealisasiAnggaran, letak_node
from instansi.models import Instansi
from kinerja.hitung import Hasil
from kinerja.models import Kegiatan, Program, Renstra, SubKegiatan


@dataclass
class NodeAnggaran:
    """One program, kegiatan or sub kegiatan with what was entered on it and its children."""

    objek: Program | Kegiatan | SubKegiatan
    tingkat: str
    anak: list["NodeAnggaran"] = field(default_factory=list)
    pagu_sendiri: dict[str, Decimal] = field(default_factory=dict)
    realisasi_sendiri: Decimal | None = None

    def pagu(self, tahap: str) -> Decimal | None:
        """The budget in force at `tahap`, rolled up from the most detailed level entered."""
        return hitung.gulung(
            hitung.pagu_berlaku(self.pagu_sendiri, tahap), (a.pagu(tahap) for a in self.anak)
        )

    def pagu_akhir(self) -> Decimal | None:
        return self.pagu(Tahap.DPA_PERUBAHAN)

    def tahap_terisi(self) -> set[str]:
        """The stages for which a figure was entered anywhere in this subtree."""
        return set(self.pagu_sendiri).union(*(a.tahap_terisi() for a in self.anak))

    def realisasi(self) -> Decimal | None:
        return hitung.gulung(self.realisasi_sendiri, (a.realisasi() for a in self.anak))

    def penyerapan(self) -> Hasil:
        return hitung.penyerapan(self.pagu_akhir(), self.realisasi())

    def sisa(self) -> Decimal | None:
        return hitung.sisa(self.pagu_akhir(), self.realisasi())


def tahap_terisi(nodes: Iterable[NodeAnggaran]) -> list[str]:
    """The stages any of `nodes` has figures for, in the order of the year."""
    terisi = set().union(*(n.tahap_terisi() for n in nodes))
    return [t for t in Tahap if t in terisi]


def jumlah(nodes: Iterable[NodeAnggaran], nilai) -> Decimal | None:
    """Sum `nilai(node)` over nodes, None when no node has a figure (e.g. a grand total)."""
    return hitung.gulung(None, (nilai(n) for n in nodes))


def anggaran_instansi(instansi: Instansi, tahun: int) -> list[NodeAnggaran]:
    """The agency's programs for `tahun` (from the Renstra in force), as budget trees."""
    programs = list(
        Program.objects.filter(renstra=Renstra.objects.berlaku(instansi, tahun))
        .select_related("sasaran")
        .prefetch_related("kegiatan__sub_kegiatan")
        .order_by("urutan", "pk")
    )
    ids = [p.pk for p in programs]
    pada_instansi = (
        Q(program__in=ids) | Q(kegiatan__program__in=ids) | Q(sub_kegiatan__kegiatan__program__in=ids)
    )
    pagu = defaultdict(dict)
    for p in Pagu.objects.filter(pada_instansi, tahun=tahun).values(
        "program", "kegiatan", "sub_kegiatan", "tahap", "jumlah"
    ):
        pagu[letak_node(p)][p["tahap"]] = p["jumlah"]
    realisasi = {
        letak_node(r): r["jumlah"]
        for r in RealisasiAnggaran.objects.filter(pada_instansi, tahun=tahun).values(
            "program", "kegiatan", "sub_kegiatan", "jumlah"
        )
    }

    def node(objek, tingkat, anak=()):
        kunci = (tingkat, objek.pk)
        return NodeAnggaran(objek, tingkat, list(anak), pagu.get(kunci, {}), realisasi.get(kunci))

    return [
        node(
            program,
            "program",
            (
                node(
                    kegiatan,
                    "kegiatan",
                    (node(sub, "sub_kegiatan") for sub in kegiatan.sub_kegiatan.all()),
                )
                for kegiatan in program.kegiatan.all()
            ),
        )
        for program in programs
    ]
