"""A report's life as rows: its state per agency and year, every transition made, and the
reviewer's notes.

`StatusLaporan` is versioned (`BerVersi`): a transition is a compare-and-swap on the version
the person saw (`reviu.alur.terapkan`), so two people acting on one report at once meet as a
conflict. `PeristiwaLaporan` is the record of transitions (append only: nothing edits it).
`CatatanReviu` is a note a reviewer writes on the report or a part of it, answered by the
planner and closed by the reviewer.
"""

from django.conf import settings
from django.db import models

from instansi.models import Instansi
from inti.models import BerVersi
from inti.periode import VALIDATOR_TAHUN


class Status(models.TextChoices):
    DRAF = "draf", "Draf"
    DISAMPAIKAN = "disampaikan", "Disampaikan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DITERIMA = "diterima", "Diterima"
    DITERBITKAN = "diterbitkan", "Diterbitkan"


class StatusLaporan(BerVersi):
    """Where an agency's report for a year stands; no row is a draft nobody acted on."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="status_laporan")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAF)
    sejak = models.DateTimeField()
    # The findings open at the last submission, kept so that the desk lists a region
    # without gathering every report (None: never submitted).
    jumlah_temuan = models.PositiveIntegerField(null=True, blank=True)

    kunci_alami = ("instansi", "tahun")

    class Meta:
        verbose_name = "status laporan"
        verbose_name_plural = "status laporan"
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="status_laporan_unik")]

    def __str__(self):
        return f"LKjIP {self.instansi} {self.tahun}: {self.get_status_display()}"


class PeristiwaLaporan(models.Model):
    """One transition made: from which state to which, who, when, with what note, and at a
    submission the automatic findings then open (`[{"kode", "objek", "pesan"}]`)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="peristiwa_laporan")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    transisi = models.CharField(max_length=20)
    dari = models.CharField(max_length=20, choices=Status.choices)
    ke = models.CharField(max_length=20, choices=Status.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField()
    catatan = models.TextField(blank=True)
    temuan = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "peristiwa laporan"
        verbose_name_plural = "peristiwa laporan"
        ordering = ["instansi", "tahun", "pada", "pk"]

    def __str__(self):
        return (
            f"{self.instansi} {self.tahun}: {self.transisi} oleh {self.oleh} pada {self.pada:%d-%m-%Y %H:%M}"
        )


class Objek(models.TextChoices):
    LAPORAN = "laporan", "Laporan"
    BAB = "bab", "Bab"
    SASARAN = "sasaran", "Sasaran"
    INDIKATOR = "indikator", "Indikator"
    TABEL = "tabel", "Tabel"


class StatusCatatan(models.TextChoices):
    TERBUKA = "terbuka", "Terbuka"
    DIJAWAB = "dijawab", "Dijawab"
    DITUTUP = "ditutup", "Ditutup"


class CatatanReviu(BerVersi):
    """A reviewer's note on the report, a chapter, a sasaran, an indicator or a table.

    `kunci` names the object within its kind (a chapter's key, a sasaran's or an
    indicator's id, a table's key); `label` is how the reader saw it when the note was
    written, so that the note stays readable when the object is renamed or deleted.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="catatan_reviu")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    objek = models.CharField(max_length=20, choices=Objek.choices, default=Objek.LAPORAN)
    kunci = models.CharField(max_length=100, blank=True)
    label = models.CharField(max_length=500)
    teks = models.TextField("catatan", max_length=4000)
    status = models.CharField(max_length=20, choices=StatusCatatan.choices, default=StatusCatatan.TERBUKA)
    jawaban = models.TextField(max_length=4000, blank=True)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField()
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dijawab_pada = models.DateTimeField(null=True, blank=True)
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ditutup_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "catatan reviu"
        verbose_name_plural = "catatan reviu"
        ordering = ["instansi", "tahun", "dibuat_pada", "pk"]
        indexes = [models.Index(fields=["instansi", "tahun", "status"])]

    def __str__(self):
        return f"{self.get_objek_display()} {self.label}: {self.teks[:60]}"
