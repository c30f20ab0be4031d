"""What the start page shows of each agency the user may open, gathered in three queries,
and, for a reviewer or an admin, the way to their review work in one more.

The agencies (with whether the user may write to each), their Renstra, and what each year
holds: targets, realisations, budget rows (pagu, budget realisation, belanja per jenis); a
year holds data when it has any of them. Renstra targets usually fill every year of the
plan at once, so the page says which kinds a year holds rather than only whether. Four
queries whatever the number of agencies; `tests/test_pendatang.py` pins them.
"""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from anggaran.models import BelanjaJenis, Pagu, RealisasiAnggaran
from instansi import akses
from instansi.models import Instansi, Keanggotaan, Pemda
from kinerja.models import Realisasi, Target


@dataclass
class TahunBeranda:
    tahun: int
    isi: list[str]  # what the year holds: «target», «realisasi», «anggaran»

    @property
    def berisi(self) -> bool:
        return bool(self.isi)


@dataclass
class BarisBeranda:
    instansi: Instansi
    boleh_tulis: bool
    tahun: list[TahunBeranda] = field(default_factory=list)


def _instansi(user) -> QuerySet[Instansi]:
    """The agencies `user` may read, each annotated with `tulis`: the rule of
    `instansi.akses.boleh_tulis`, asked of every agency in the same query."""
    daftar = akses.instansi_terbaca(user).select_related("pemda").prefetch_related("renstra")
    if user.is_superuser:
        return daftar.annotate(tulis=Value(True, output_field=BooleanField()))
    return daftar.annotate(tulis=Exists(Keanggotaan.objects.filter(instansi=OuterRef("pk"), user=user)))


ISI = ("target", "realisasi", "anggaran")


def isi_tahun(instansi_id: list[int]) -> dict[tuple[int, int], list[str]]:
    """What each (agency, year) of `instansi_id` holds, in the order of `ISI`; one query (a
    UNION). Years without data are absent."""
    if not instansi_id:
        return {}
    pemilik_node = Coalesce(
        "program__renstra__instansi_id",
        "kegiatan__program__renstra__instansi_id",
        "sub_kegiatan__kegiatan__program__renstra__instansi_id",
    )
    sumber = [
        (Target, F("indikator__renstra__instansi_id"), "target"),
        (Realisasi, F("indikator__renstra__instansi_id"), "realisasi"),
        (Pagu, pemilik_node, "anggaran"),
        (RealisasiAnggaran, pemilik_node, "anggaran"),
        (BelanjaJenis, F("instansi_id"), "anggaran"),
    ]
    bagian = [
        model.objects.annotate(pemilik=pemilik, isi=Value(isi))
        .filter(pemilik__in=instansi_id)
        .order_by()
        .values_list("pemilik", "tahun", "isi")
        for model, pemilik, isi in sumber
    ]
    ada: dict[tuple[int, int], set[str]] = {}
    for pemilik, tahun, isi in bagian[0].union(*bagian[1:]):
        ada.setdefault((pemilik, tahun), set()).add(isi)
    return {kunci: [i for i in ISI if i in isi] for kunci, isi in ada.items()}


def daftar_beranda(user) -> list[BarisBeranda]:
    """Every agency `user` may open, with its Renstra's years and which of them hold data."""
    if not user.is_authenticated:
        return []
    semua = list(_instansi(user))
    isi = isi_tahun([i.pk for i in semua])
    daftar = []
    for instansi in semua:
        tahun = sorted({t for r in instansi.renstra.all() for t in r.tahun})
        daftar.append(
            BarisBeranda(
                instansi, instansi.tulis, [TahunBeranda(t, isi.get((instansi.pk, t), [])) for t in tahun]
            )
        )
    return daftar


@dataclass
class Pemeriksaan:
    """A reviewer's or an admin's way from the start page to the desk, the dashboards and a
    region's «PDF seluruh instansi»."""

    tahun: int
    pemda: list[Pemda]  # the regions the user reviews (an admin reaches the rest by the dashboard)


def pemeriksaan(user) -> Pemeriksaan | None:
    """None for whoever reviews nothing (planners, visitors). The year is last year: a year's
    LKjIP is written and reviewed in the year after it."""
    if not user.is_authenticated:
        return None
    pemda = list(Pemda.objects.filter(pemeriksa__user=user).order_by("nama"))
    if not pemda and not user.is_superuser:
        return None
    return Pemeriksaan(timezone.localdate().year - 1, pemda)
