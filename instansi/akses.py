"""Who may read and write which agency: the one place every view asks.

Roles: admin (superuser: everything), perencana (planner of one or more agencies, through
`Keanggotaan`), pemeriksa (inspectorate reviewer of one or more regions: reads every agency
there, writes nothing), and anonymous visitors (public pages only).

An agency the user may not read answers 404, so that another agency's objects do not even
reveal that they exist; a reader who tries to write gets 403; a planner who writes to a
locked year gets 403 with the reason.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from instansi.models import Instansi, KunciTahun


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


def instansi_untuk(request, slug: str, tulis: bool = False) -> Instansi:
    """The agency of `slug` if the request's user may read it (404 otherwise); with `tulis`,
    also that the user may write it (403 otherwise)."""
    try:
        instansi = instansi_terbaca(request.user).select_related("pemda").get(slug=slug)
    except Instansi.DoesNotExist:
        raise Http404("Instansi tidak ditemukan.") from None
    if tulis and not boleh_tulis(request.user, instansi):
        raise PermissionDenied("Anda hanya dapat membaca data instansi ini.")
    return instansi


def terkunci(instansi: Instansi, tahun: int) -> bool:
    return KunciTahun.objects.filter(instansi=instansi, tahun=tahun).exists()


def terkunci_bagi(user, instansi: Instansi, tahun: int) -> bool:
    """Locked for this user: planners may not change a submitted year; admins may still correct it."""
    return not user.is_superuser and terkunci(instansi, tahun)


def boleh_ubah(user, instansi: Instansi, tahun: int) -> bool:
    """Whether `user` may change `instansi`'s data of `tahun` now (pages show inputs or not)."""
    return boleh_tulis(user, instansi) and not terkunci_bagi(user, instansi, tahun)


def pastikan_terbuka(user, instansi: Instansi, tahun: int) -> None:
    """Refuse a planner's write to a submitted year; admins may still correct it."""
    if terkunci_bagi(user, instansi, tahun):
        raise TahunTerkunci(f"Data {instansi} tahun {tahun} sudah dikunci (telah disampaikan).")
