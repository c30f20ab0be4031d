"""Optimistic locking for rows people edit concurrently (targets, realisations, budgets).

The compare-and-swap is a conditional UPDATE on the version, so it holds on PostgreSQL and
SQLite alike; the row is then saved normally so that the audit trail records the change.
"""

from django.db import transaction

from instansi.models import BerVersi


class Konflik(Exception):
    """Someone saved the row after this form was opened; `terbaru` is what they saved."""

    def __init__(self, terbaru: BerVersi):
        super().__init__(f"{terbaru} telah diubah orang lain")
        self.terbaru = terbaru


def simpan_bersyarat(obj: BerVersi, versi_dibaca: int) -> None:
    """Save `obj` if its row is still at `versi_dibaca`, else raise `Konflik` and save nothing."""
    model = type(obj)
    with transaction.atomic():
        if obj.pk is not None:
            naik = model.objects.filter(pk=obj.pk, versi=versi_dibaca).update(versi=versi_dibaca + 1)
            if not naik:
                raise Konflik(model.objects.get(pk=obj.pk))
            obj.versi = versi_dibaca + 1
        obj.save()


def hapus_bersyarat(obj: BerVersi, versi_dibaca: int) -> None:
    """Delete `obj` if its row is still at `versi_dibaca`, else raise `Konflik` (the delete
    twin of `simpan_bersyarat`)."""
    model = type(obj)
    with transaction.atomic():
        if not model.objects.filter(pk=obj.pk, versi=versi_dibaca).update(versi=versi_dibaca + 1):
            raise Konflik(model.objects.filter(pk=obj.pk).first())
        obj.delete()
