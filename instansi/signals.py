"""A new agency gets the default rating bands (`instansi.pengaturan.PITA_BAKU`).

Without bands every predikat of its report reads «–». The bands are added when the
transaction that created the agency commits, and only if it has none by then: the admin
saves an agency first and the bands typed in its inline after, and a fixture brings its
own (loaddata saves raw, which is skipped outright).
"""

from dataclasses import asdict
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from instansi.models import Instansi, PredikatCapaian
from instansi.pengaturan import PITA_BAKU


def pasang_predikat_baku(instansi_id: int) -> None:
    """Give the agency the default bands, unless it has bands already (or no longer exists)."""
    if PredikatCapaian.objects.filter(instansi_id=instansi_id).exists():
        return
    if not Instansi.objects.filter(pk=instansi_id).exists():
        return
    baris = [PredikatCapaian(instansi_id=instansi_id, **asdict(pita)) for pita in PITA_BAKU]
    PredikatCapaian.objects.bulk_create(baris)


@receiver(post_save, sender=Instansi, dispatch_uid="instansi-predikat-baku")
def instansi_baru(sender, instance: Instansi, created: bool, raw: bool, using: str, **kwargs):
    if created and not raw:
        transaction.on_commit(partial(pasang_predikat_baku, instance.pk), using=using)
