"""The long jobs as tasks of Django's task API (`@task`, the django-tasks backport): an
agency-year's LKjIP PDF, a pemda's bulk generation, a big spreadsheet's application.

Each task takes the `Pekerjaan` id and its run token and hands its work to
`antrean.kerjakan`, which records progress and outcome; the work itself calls the same
functions the web does (`pdf_laporan`, the Excel modules' `baca` and `terapkan`), so a job
gives exactly what the request would have given.
"""

from contextlib import contextmanager
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from simple_history.models import HistoricalRecords

from instansi.akses import akses_untuk
from instansi.models import Instansi
from pekerjaan.antrean import Hasil, Kemajuan, PekerjaanGagal, daftar, kerjakan, kirim
from pekerjaan.models import Pekerjaan
from sakip.excel.aman import BerkasDitolak
from sakip.excel.ekspor import buku_tabel
from sakip.excel.views import MODUL
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import pdf_laporan
from sakip.lkjip.susun import susun
from sakip.models import BerkasPdf, UnggahanExcel

ANTREAN = settings.PEKERJAAN_ANTREAN


def instansi_berlaporan(pemda, tahun: int):
    """The region's agencies that have a report for `tahun` (a Renstra in force that year)."""
    return (
        Instansi.objects.filter(pemda=pemda, renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun)
        .distinct()
        .order_by("nama")
    )


def buat_pdf(instansi: Instansi, tahun: int) -> bool:
    """The agency-year's PDF into the store; False when the stored one was still current
    (then nothing was laid out: the store's time did not move)."""
    tersimpan = BerkasPdf.objects.filter(instansi=instansi, tahun=tahun).values_list("dibuat", flat=True)
    sebelum = tersimpan.first()
    try:
        pdf_laporan(instansi, tahun)
    except LaporanTidakAda as exc:
        raise PekerjaanGagal(str(exc)) from None
    return tersimpan.first() != sebelum


def _pdf_lkjip(pekerjaan: Pekerjaan, kemajuan: Kemajuan) -> Hasil:
    kemajuan.lapor(0, 1, "Menyusun laporan dan menata halaman PDF (biasanya 5–40 detik).")
    dibuat = buat_pdf(pekerjaan.instansi, pekerjaan.tahun)
    pesan = "PDF selesai dibuat." if dibuat else "PDF yang tersimpan masih terkini; tidak perlu dibuat ulang."
    return Hasil(pesan, reverse("lkjip-pdf", args=[pekerjaan.instansi.slug, pekerjaan.tahun]))


@daftar("pdf_lkjip")
@task(queue_name=ANTREAN)
def pdf_lkjip(pekerjaan_id: int, putaran: str) -> None:
    kerjakan(pekerjaan_id, putaran, _pdf_lkjip)


def _xlsx_lkjip(pekerjaan: Pekerjaan, kemajuan: Kemajuan) -> Hasil:
    kemajuan.lapor(0, 1, "Menyusun tabel laporan menjadi buku kerja Excel.")
    try:
        isi = buku_lkjip(kumpulkan(pekerjaan.instansi, pekerjaan.tahun))
    except LaporanTidakAda as exc:
        raise PekerjaanGagal(str(exc)) from None
    nama = f"LKjIP-{pekerjaan.instansi.slug}-{pekerjaan.tahun}-tabel.xlsx"
    Pekerjaan.objects.filter(pk=pekerjaan.pk).update(berkas=isi, nama_berkas=nama)
    return Hasil("Buku kerja selesai dibuat.", reverse("pekerjaan-berkas", args=[pekerjaan.pk]))


@daftar("xlsx_lkjip")
@task(queue_name=ANTREAN)
def xlsx_lkjip(pekerjaan_id: int, putaran: str) -> None:
    kerjakan(pekerjaan_id, putaran, _xlsx_lkjip)


def buku_lkjip(data) -> bytes:
    """Every table of the report as one workbook, charts never drawn (the workbook has none)."""
    return buku_tabel(susun(data, dengan_grafik=False).daftar_tabel)


def _pdf_pemda(pekerjaan: Pekerjaan, kemajuan: Kemajuan) -> None:
    """One part per agency, all recorded before any is enqueued, so that the parent's sum
    never counts a part done while its siblings are yet to exist."""
    daftar_instansi = list(instansi_berlaporan(pekerjaan.pemda, pekerjaan.tahun))
    if not daftar_instansi:
        raise PekerjaanGagal(f"Tidak ada instansi {pekerjaan.pemda} dengan laporan tahun {pekerjaan.tahun}.")
    kemajuan.lapor(0, len(daftar_instansi), f"Membagi pekerjaan: {len(daftar_instansi)} PDF instansi.")
    with transaction.atomic():
        bagian = [
            Pekerjaan.objects.create(
                nama_tugas="pdf_lkjip",
                judul=f"PDF LKjIP {i} tahun {pekerjaan.tahun}",
                oleh=pekerjaan.oleh,
                instansi=i,
                tahun=pekerjaan.tahun,
                induk=pekerjaan,
                total=1,
                putaran=Pekerjaan.putaran_baru(),
                pesan="Menunggu giliran pekerja.",
            )
            for i in daftar_instansi
        ]
    for p in bagian:
        kirim(p)


@daftar("pdf_pemda")
@task(queue_name=ANTREAN)
def pdf_pemda(pekerjaan_id: int, putaran: str) -> None:
    kerjakan(pekerjaan_id, putaran, _pdf_pemda)


@contextmanager
def _sebagai(user):
    """The history records `user` as who wrote, as the request middleware does for a page
    (left as it is when the job runs inside a request: the immediate backend)."""
    if hasattr(HistoricalRecords.context, "request"):
        yield
        return
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        del HistoricalRecords.context.request


def _terapkan_excel(pekerjaan: Pekerjaan, kemajuan: Kemajuan) -> Hasil:
    unggahan = UnggahanExcel.objects.filter(
        pk=pekerjaan.argumen["unggahan"], instansi=pekerjaan.instansi, tahun=pekerjaan.tahun
    ).first()
    if unggahan is None:
        raise PekerjaanGagal("Unggahan ini sudah dibatalkan.")
    if unggahan.diterapkan is not None:
        raise PekerjaanGagal(f"Unggahan «{unggahan.nama_berkas}» sudah diterapkan sebelumnya.")
    # The worker has no request: the rights and the history's «who» are those of the person
    # who started the job, as they are now.
    ruang = akses_untuk(pekerjaan.oleh, pekerjaan.instansi, pekerjaan.tahun)
    modul = MODUL[unggahan.jenis]
    kemajuan.lapor(0, 2, f"Membaca dan memeriksa «{unggahan.nama_berkas}».")
    try:
        with _sebagai(pekerjaan.oleh):
            hasil = modul.baca(bytes(unggahan.isi), ruang, unggahan.triwulan)
            if hasil.masalah:
                raise PekerjaanGagal(f"Berkas memuat {len(hasil.masalah)} masalah; lihat pratinjaunya.")
            kemajuan.lapor(1, 2, f"Menerapkan {len(hasil.perubahan)} isian.")
            jumlah = modul.terapkan(hasil, unggahan.nama_berkas, ruang)
    except BerkasDitolak as exc:
        raise PekerjaanGagal(str(exc)) from None
    unggahan.diterapkan = timezone.now()
    unggahan.save(update_fields=["diterapkan"])
    tautan = reverse("instansi-tahun", args=[pekerjaan.instansi.slug, pekerjaan.tahun])
    return Hasil(f"{jumlah} isian dari «{unggahan.nama_berkas}» diterapkan.", tautan)


@daftar("terapkan_excel")
@task(queue_name=ANTREAN)
def terapkan_excel(pekerjaan_id: int, putaran: str) -> None:
    kerjakan(pekerjaan_id, putaran, _terapkan_excel)
