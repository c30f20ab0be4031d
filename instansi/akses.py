"""Who may read and write which agency: the one prologue every view begins with.

Roles: admin (superuser: everything), perencana (planner of one or more agencies, through
`Keanggotaan`), pemeriksa (inspectorate reviewer of one or more regions: reads every agency
there, writes nothing), and anonymous visitors (public pages only).

`buka(request, slug, tahun)` decides once, before a view does anything: an agency the user
may not read answers 404, so that another agency's objects do not even reveal that they
exist; a year outside the model's range answers 404; a request that writes (POST) from a
reader answers 403, and so does a planner's write to a locked year (admins may still
correct one). What a view changes beyond its URL's year — a Renstra's grid of years, a
node whose deletion takes other years' data along — it checks with `Akses.pastikan_terbuka`.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from instansi.models import Instansi, Keanggotaan, KunciTahun, Pemeriksa
from inti.periode import TAHUN_AKHIR, TAHUN_AWAL, tahun_sah


class TahunTerkunci(PermissionDenied):
    """The agency submitted this year; its data can no longer be changed by planners."""


def instansi_terbaca(user) -> QuerySet[Instansi]:
    """Every agency `user` may read."""
    if not user.is_authenticated:
        return Instansi.objects.none()
    if user.is_superuser:
        return Instansi.objects.all()
    return Instansi.objects.filter(Q(perencana__user=user) | Q(pemda__pemeriksa__user=user)).distinct()


def boleh_tulis(user, instansi: Instansi) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or instansi.perencana.filter(user=user).exists()


@dataclass
class Akses:
    """What the request's user may do with an agency (and a year), decided once per request."""

    user: object
    instansi: Instansi
    tahun: int | None
    boleh_tulis: bool
    terkunci: bool  # the URL's year is locked (submitted), for everyone to see

    @property
    def boleh_ubah(self) -> bool:
        """Whether pages show inputs: the user writes here and the year is open to them."""
        return self.boleh_tulis and not (self.terkunci and not self.user.is_superuser)

    def terkunci_bagi(self, tahun: Iterable[int]) -> set[int]:
        """Which of `tahun` the user may not change (an admin may still correct them)."""
        if self.user.is_superuser:
            return set()
        tahun = set(tahun)
        if not tahun:
            return set()
        return set(
            KunciTahun.objects.filter(instansi=self.instansi, tahun__in=tahun).values_list("tahun", flat=True)
        )

    def pastikan_terbuka(self, tahun: Iterable[int]) -> None:
        """Refuse (403) a change that reaches into a year locked for this user."""
        if terkunci := sorted(self.terkunci_bagi(tahun)):
            daftar = ", ".join(str(t) for t in terkunci)
            raise TahunTerkunci(f"Data {self.instansi} tahun {daftar} sudah dikunci (telah disampaikan).")

    def konteks(self) -> dict:
        """What every page's template needs to know about access."""
        return {
            "instansi": self.instansi,
            "tahun": self.tahun,
            "terkunci": self.terkunci,
            "boleh_tulis": self.boleh_tulis,
            "boleh_ubah": self.boleh_ubah,
        }


def akses_untuk(user, instansi: Instansi, tahun: int | None = None) -> Akses:
    """What `user` may do with `instansi` (and `tahun`); the caller has checked it may read."""
    terkunci = tahun is not None and KunciTahun.objects.filter(instansi=instansi, tahun=tahun).exists()
    return Akses(user, instansi, tahun, boleh_tulis(user, instansi), terkunci)


def buka(request, slug: str, tahun: int | None = None, *, menulis: bool | None = None) -> Akses:
    """The access prologue: the agency of `slug` (and the year) as this request may use it.

    404 when the user may not read the agency or the year is out of range; for a request
    that writes, 403 when the user may only read, or the year is locked for them.
    `menulis=False` declares a POST that does not write the agency's data (the review's
    transitions and notes, which `reviu.alur` authorises by role): reading decides alone.
    """
    if tahun is not None and not tahun_sah(tahun):
        raise Http404(f"Tahun harus antara {TAHUN_AWAL} dan {TAHUN_AKHIR}.")
    try:
        instansi = instansi_terbaca(request.user).select_related("pemda").get(slug=slug)
    except Instansi.DoesNotExist:
        raise Http404("Instansi tidak ditemukan.") from None
    akses = akses_untuk(request.user, instansi, tahun)
    if menulis is None:
        menulis = request.method not in ("GET", "HEAD", "OPTIONS")
    if menulis:
        if not akses.boleh_tulis:
            raise PermissionDenied("Anda hanya dapat membaca data instansi ini.")
        if tahun is not None:
            akses.pastikan_terbuka([tahun])
    return akses


# The roles a workflow (the report's review, the evaluation) names who may act by.
PERENCANA, PEMERIKSA, ADMIN = "perencana", "pemeriksa", "admin"


def peran(user, instansi: Instansi) -> frozenset[str]:
    """The roles `user` holds towards `instansi`: its planner, its region's reviewer, admin."""
    hasil = set()
    if user.is_superuser:
        hasil.add(ADMIN)
    if Keanggotaan.objects.filter(user=user, instansi=instansi).exists():
        hasil.add(PERENCANA)
    if Pemeriksa.objects.filter(user=user, pemda_id=instansi.pemda_id).exists():
        hasil.add(PEMERIKSA)
    return frozenset(hasil)
