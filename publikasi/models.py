"""A published LKjIP: the snapshot that nothing changes afterwards.

Publishing (`publikasi.terbitan.terbitkan`) stores the report as it was rendered that
moment: its HTML, its PDF and the figures it shows as JSON, each with its SHA-256. Later
data edits, setting or rating-band changes and new code never reach it, because the public
pages serve these stored bytes and nothing else. A correction is a new row with the next
version number; the old one stays readable, superseded by having a newer one (derived, not
stored: a stored mark would be an UPDATE).

The row refuses to be changed: `save()` of an existing row, `delete()`, and a queryset's
`update()`, `bulk_update()` and `delete()` raise `TerbitanTetap`; on PostgreSQL a trigger (migration 0002)
refuses an UPDATE or DELETE from any client. Its foreign keys PROTECT, so deleting an
agency or a user cannot cascade into it either.
"""

from django.conf import settings
from django.db import models

from instansi.models import Instansi
from inti.periode import VALIDATOR_TAHUN


class TerbitanTetap(Exception):
    """A published snapshot cannot be changed or deleted; a correction is a new version."""

    def __init__(self):
        super().__init__(
            "Laporan yang telah diterbitkan tidak dapat diubah atau dihapus; "
            "koreksi diterbitkan sebagai versi baru."
        )


class TerbitanQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TerbitanTetap

    def delete(self):
        raise TerbitanTetap

    # Django's own would fail in its update() too, but inside an atomic block it opens
    # without a savepoint, leaving the caller's transaction broken: refuse before it.
    def bulk_update(self, objs, fields, batch_size=None):
        raise TerbitanTetap

    def tanpa_isi(self):
        """The rows without their stored documents, for lists and lookups."""
        return self.defer("html", "pdf", "data")


class Terbitan(models.Model):
    """One published version of an agency's LKjIP for a year."""

    instansi = models.ForeignKey(Instansi, on_delete=models.PROTECT, related_name="terbitan")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    versi = models.PositiveSmallIntegerField(help_text="1 untuk terbitan pertama, 2, 3, … untuk koreksi.")
    html = models.TextField(help_text="Naskah laporan sebagaimana diterbitkan (UTF-8).")
    pdf = models.BinaryField()
    data = models.TextField(help_text="Angka yang ditampilkan laporan, JSON (lihat README).")
    sha256_html = models.CharField(max_length=64, db_index=True)
    sha256_pdf = models.CharField(max_length=64, db_index=True)
    diterbitkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diterbitkan_pada = models.DateTimeField()
    direviu_oleh = models.CharField(max_length=200, help_text="Nama pemeriksa yang mereviu.")
    direviu_pada = models.DateTimeField()

    objects = TerbitanQuerySet.as_manager()

    class Meta:
        verbose_name = "terbitan LKjIP"
        verbose_name_plural = "terbitan LKjIP"
        ordering = ["instansi", "tahun", "versi"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "versi"], name="terbitan_satu_per_versi"),
            models.CheckConstraint(condition=models.Q(versi__gte=1), name="terbitan_versi_dari_satu"),
        ]

    def __str__(self):
        return f"LKjIP {self.instansi} {self.tahun} versi {self.versi}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TerbitanTetap
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TerbitanTetap
