"""A background job as people see it: who started what, for which agency or region and year,
how far it is, and how it ended.

The task backend (the database's or Redis's queue) keeps its own record of a task; this one
is ours, in the application's database whichever backend runs the task, so that a page reads
progress with one query and a job survives a backend that forgets (RQ expires its results).
Not a `BerVersi`: nobody edits it; only the job itself and the sweep write it, each with a
compare-and-swap on its state where two could race.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from instansi.models import Instansi, Pemda
from inti.periode import VALIDATOR_TAHUN


def antrean_sini() -> str:
    """The queue this process sends jobs to and whose jobs its sweep looks after."""
    return settings.PEKERJAAN_ANTREAN


class Pekerjaan(models.Model):
    class Status(models.TextChoices):
        ANTRI = "antri", "Menunggu giliran"
        BERJALAN = "berjalan", "Sedang berjalan"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    AKTIF = (Status.ANTRI, Status.BERJALAN)
    # What a finished job's link offers, by task.
    LABEL_HASIL = {
        "pdf_lkjip": "Unduh PDF",
        "xlsx_lkjip": "Unduh tabel Excel",
        "terapkan_excel": "Kembali ke data tahun ini",
    }

    nama_tugas = models.CharField(max_length=50)
    judul = models.CharField(max_length=300)
    argumen = models.JSONField(default=dict, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    instansi = models.ForeignKey(Instansi, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    pemda = models.ForeignKey(Pemda, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField(null=True, blank=True, validators=VALIDATOR_TAHUN)
    # A pemda's bulk generation is a parent whose progress is the sum of its children's.
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="anak")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRI)
    selesai_n = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    pesan = models.CharField(max_length=500, blank=True)
    tautan_hasil = models.CharField(max_length=500, blank=True)
    # A result that has no home of its own (the LKjIP workbook) is kept with its job.
    berkas = models.BinaryField(blank=True, default=b"")
    nama_berkas = models.CharField(max_length=200, blank=True)
    galat = models.TextField(blank=True)
    percobaan = models.PositiveSmallIntegerField(default=0)
    # The token of the run that owns the job now: a run superseded by a retry stops.
    putaran = models.CharField(max_length=32)
    # The queue's own id for the current run's entry; empty until the queue has taken it. By
    # it the sweep tells a job still in line from one the queue never got or lost.
    id_antrean = models.CharField(max_length=64, blank=True)
    # The queue (PEKERJAAN_ANTREAN) the job was put in line in: a deployment's sweep looks
    # only after its own, so two sharing one Redis or one database never take each other's.
    antrean = models.CharField(max_length=64, default=antrean_sini)
    # The job's last sign of life: put in line, seen in line by the sweep, or beating while it
    # runs. One silent longer than PEKERJAAN_BATAS_DETAK is what the sweep looks at.
    detak = models.DateTimeField(default=timezone.now)
    dibuat = models.DateTimeField(auto_now_add=True)
    diperbarui = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "pekerjaan latar"
        verbose_name_plural = "pekerjaan latar"
        ordering = ["-dibuat", "-pk"]
        indexes = [models.Index(fields=["status", "detak"]), models.Index(fields=["instansi", "tahun"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(selesai_n__lte=models.F("total")), name="pekerjaan_kemajuan"
            )
        ]

    def __str__(self):
        return self.judul

    def get_absolute_url(self):
        return reverse("pekerjaan", args=[self.pk])

    @staticmethod
    def putaran_baru() -> str:
        return uuid.uuid4().hex

    @property
    def aktif(self) -> bool:
        return self.status in self.AKTIF

    @property
    def label_hasil(self) -> str:
        return self.LABEL_HASIL.get(self.nama_tugas, "Buka hasil")

    @property
    def persen(self) -> int:
        """Whole percent done, for the bar's width (a job that has not counted yet is at 0)."""
        if self.status == self.Status.SELESAI:
            return 100
        return self.selesai_n * 100 // self.total if self.total else 0

    def sebagai_json(self) -> dict:
        return {
            "id": self.pk,
            "judul": self.judul,
            "status": self.status,
            "status_label": self.get_status_display(),
            "selesai": self.selesai_n,
            "total": self.total,
            "persen": self.persen,
            "pesan": self.pesan,
            "tautan_hasil": self.tautan_hasil,
            "label_hasil": self.label_hasil,
            "galat": self.galat,
            "percobaan": self.percobaan,
            "aktif": self.aktif,
        }
