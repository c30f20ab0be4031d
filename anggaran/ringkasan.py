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
    # Each roll-up once: a page asks a program's pagu akhir for its column, its absorption,
    # its remainder and the total, and every ask would walk the whole subtree again.
    _gulungan: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def pagu(self, tahap: str) -> Decimal | None:
        """The budget in force at `tahap`, rolled up from the most detailed level entered."""
        if tahap not in self._gulungan:
            self._gulungan[tahap] = hitung.gulung(
                hitung.pagu_berlaku(self.pagu_sendiri, tahap), (a.pagu(tahap) for a in self.anak)
            )
        return self._gulungan[tahap]

    def pagu_akhir(self) -> Decimal | None:
        return self.pagu(Tahap.DPA_PERUBAHAN)

    def tahap_terisi(self) -> set[str]:
        """The stages for which a figure was entered anywhere in this subtree."""
        return set(self.pagu_sendiri).union(*(a.tahap_terisi() for a in self.anak))

    def realisasi(self) -> Decimal | None:
        if "realisasi" not in self._gulungan:
            self._gulungan["realisasi"] = hitung.gulung(
                self.realisasi_sendiri, (a.realisasi() for a in self.anak)
            )
        return self._gulungan["realisasi"]

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


def anggaran_instansi(instansi: Instansi, tahun: int, program: int | None = None) -> list[NodeAnggaran]:
    """The agency's programs for `tahun` (from the Renstra in force), as budget trees; with
    `program`, only that one (a program's page need not build the agency's every tree)."""
    saring = {"renstra": Renstra.objects.berlaku(instansi, tahun)} | (
        {"pk": program} if program is not None else {}
    )
    programs = list(Program.objects.filter(**saring).select_related("sasaran").order_by("urutan", "pk"))
    ids = [p.pk for p in programs]
    # Grouped here rather than by prefetch_related, which clones a queryset per row.
    kegiatan = defaultdict(list)
    for k in Kegiatan.objects.filter(program__in=ids):  # in each program's order (Meta)
        kegiatan[k.program_id].append(k)
    sub_kegiatan = defaultdict(list)
    for sub in SubKegiatan.objects.filter(kegiatan__program__in=ids):
        sub_kegiatan[sub.kegiatan_id].append(sub)
    # By the nodes' own ids: each column's index, no join through the cascade.
    pada_instansi = (
        Q(program__in=ids)
        | Q(kegiatan__in=[k.pk for daftar in kegiatan.values() for k in daftar])
        | Q(sub_kegiatan__in=[s.pk for daftar in sub_kegiatan.values() for s in daftar])
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
                    k,
                    "kegiatan",
                    (node(sub, "sub_kegiatan") for sub in sub_kegiatan[k.pk]),
                )
                for k in kegiatan[program.pk]
            ),
        )
        for program in programs
    ]
