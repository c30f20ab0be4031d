"""The LKjIP as a record: one per agency and year, and its last rendered PDF.

This is the top of the dependency chain: it may use every other app.
"""

from django.conf import settings
from django.db import models

from instansi.models import Instansi
from inti.models import BerVersi
from inti.periode import VALIDATOR_TAHUN


class LaporanKinerja(BerVersi):
    """An agency's annual performance report (LKjIP) for a year: what is not in the data."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="laporan")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    judul = models.CharField(max_length=200, default="Laporan Kinerja Instansi Pemerintah (LKjIP)")
    tempat_tanggal = models.CharField(
        max_length=100, blank=True, help_text="Di bawah kata pengantar, misalnya «Liwa, 15 Februari 2024»."
    )

    kunci_alami = ("instansi", "tahun")

    class Meta:
        verbose_name = "laporan kinerja"
        verbose_name_plural = "laporan kinerja"
        ordering = ["instansi_id", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="laporan_unik")]

    def __str__(self):
        return f"{self.judul} {self.instansi} {self.tahun}"


class BerkasPdf(models.Model):
    """The last PDF rendered for an agency's year, kept with the version of its content.

    `versi` is the SHA-256 of the HTML the PDF was made from: the HTML is cheap to build
    and changes whenever any figure, text or template changes, so an unchanged report is
    served from here instead of being laid out again.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="berkas_pdf")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    versi = models.CharField(max_length=64)
    isi = models.BinaryField()
    dibuat = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "berkas PDF"
        verbose_name_plural = "berkas PDF"
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="berkas_pdf_unik")]

    def __str__(self):
        return f"PDF {self.instansi} {self.tahun}"


class UnggahanExcel(models.Model):
    """A filled template a planner uploaded, kept between its preview and its application."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="unggahan")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    jenis = models.CharField(
        max_length=20, choices=[("realisasi", "Realisasi"), ("anggaran", "Anggaran")], default="realisasi"
    )
    triwulan = models.PositiveSmallIntegerField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    nama_berkas = models.CharField(max_length=255)
    isi = models.BinaryField()
    dibuat = models.DateTimeField(auto_now_add=True)
    diterapkan = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "unggahan Excel"
        verbose_name_plural = "unggahan Excel"

    def __str__(self):
        return f"{self.nama_berkas} ({self.instansi} {self.tahun})"
