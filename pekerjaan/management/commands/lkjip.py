"""`manage.py lkjip`: the LKjIP to a file, or every PDF of a pemda's year.

- `lkjip SLUG TAHUN [--format html|pdf] [--output PATH]`: one agency-year's report to a file,
  the PDF through the same store as the web download.
- `lkjip --pemda SLUG --tahun TAHUN --semua`: every agency's PDF of that year into the store,
  here, one after the other, with a progress bar. Resumable: each PDF is stored as soon as it
  is made and one still current is not made again, so a run stopped half-way goes on where
  it stopped; one agency's failure is reported and the others go on.
- `… --semua --antre`: the same as a background job for the workers (one part per agency,
  as the web's «Buat semua PDF»), followed here until it ends; Ctrl-C stops following, not
  the job.

The bar is Django's own output, a line per agency: it reads the same in a terminal, a log
and CI, and needs no library for one line of text.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from instansi.models import Instansi, Pemda
from pekerjaan.antrean import PekerjaanGagal, jalankan, sapu
from pekerjaan.models import Pekerjaan
from pekerjaan.tugas import buat_pdf, instansi_berlaporan
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import html_laporan, pdf_laporan
from sakip.lkjip.susun import susun

LEBAR_BATANG = 20


def batang(selesai: int, total: int) -> str:
    """`[########------------]  8/20`."""
    isi = LEBAR_BATANG * selesai // total if total else 0
    return f"[{'#' * isi}{'-' * (LEBAR_BATANG - isi)}] {selesai:>{len(str(total))}}/{total}"


class Command(BaseCommand):
    help = "Tulis LKjIP sebuah instansi sebagai HTML atau PDF, atau buat semua PDF satu pemda."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="slug instansi, misalnya koperindag-lampung-barat")
        parser.add_argument("tahun", nargs="?", type=int)
        parser.add_argument("--format", choices=["html", "pdf"], default="pdf")
        parser.add_argument("--output", type=Path, help="berkas tujuan (bawaan: LKjIP-SLUG-TAHUN.FORMAT)")
        parser.add_argument("--pemda", help="slug pemda: dengan --tahun dan --semua, semua PDF instansinya")
        parser.add_argument("--tahun", type=int, dest="tahun_pemda")
        parser.add_argument("--semua", action="store_true", help="semua instansi pemda yang memiliki laporan")
        parser.add_argument(
            "--antre", action="store_true", help="serahkan ke pekerja latar, ikuti kemajuannya"
        )

    def handle(self, slug, tahun, format, output, pemda, tahun_pemda, semua, antre, **options):
        if pemda or semua or antre:
            if not (pemda and tahun_pemda and semua) or slug:
                raise CommandError("Semua PDF satu pemda: lkjip --pemda SLUG --tahun TAHUN --semua [--antre]")
            try:
                p = Pemda.objects.get(slug=pemda)
            except Pemda.DoesNotExist:
                raise CommandError(f"Tidak ada pemda dengan slug «{pemda}».") from None
            gagal = self.antre(p, tahun_pemda) if antre else self.semua(p, tahun_pemda)
            if gagal:
                raise CommandError(f"{gagal} PDF gagal dibuat.")
            return
        if not (slug and tahun):
            raise CommandError("Sebutkan SLUG dan TAHUN, atau --pemda SLUG --tahun TAHUN --semua.")
        tujuan = output or Path(f"LKjIP-{slug}-{tahun}.{format}")
        isi = self.buat(slug, tahun, format)
        tujuan.write_bytes(isi)
        self.stdout.write(self.style.SUCCESS(f"{tujuan} ({len(isi):,} byte)"))

    def buat(self, slug: str, tahun: int, format: str) -> bytes:
        try:
            instansi = Instansi.objects.get(slug=slug)
        except Instansi.DoesNotExist:
            raise CommandError(f"Tidak ada instansi dengan slug «{slug}».") from None
        try:
            if format == "pdf":
                return pdf_laporan(instansi, tahun)
            return html_laporan(susun(kumpulkan(instansi, tahun))).encode("utf-8")
        except LaporanTidakAda as exc:
            raise CommandError(str(exc)) from None

    def semua(self, pemda: Pemda, tahun: int) -> int:
        """Every agency's PDF here, one by one; returns how many failed."""
        daftar = list(instansi_berlaporan(pemda, tahun))
        if not daftar:
            raise CommandError(f"Tidak ada instansi {pemda} yang memiliki laporan tahun {tahun}.")
        gagal = 0
        for n, instansi in enumerate(daftar, 1):
            mulai = time.monotonic()
            try:
                keterangan = "dibuat" if buat_pdf(instansi, tahun) else "masih terkini, dilewati"
            except PekerjaanGagal as exc:
                gagal += 1
                keterangan = self.style.ERROR(f"gagal: {exc}")
            detik = f"{time.monotonic() - mulai:.1f}".replace(".", ",")
            self.stdout.write(f"{batang(n, len(daftar))} {instansi}: {keterangan} ({detik} detik)")
        return gagal

    def antre(self, pemda: Pemda, tahun: int) -> int:
        """The bulk job for the workers, followed until it ends; returns how many parts failed."""
        judul = f"Semua PDF LKjIP {pemda.nama} tahun {tahun}"
        induk = jalankan("pdf_pemda", oleh=None, judul=judul, pemda=pemda, tahun=tahun)
        self.stdout.write(f"Pekerjaan {induk.pk} diantrekan; halaman kemajuannya: {induk.get_absolute_url()}")
        terakhir = None
        while True:
            sapu()  # with every worker gone, the one following still sees the job end
            induk.refresh_from_db()
            keadaan = (induk.status, induk.selesai_n, induk.total)
            if keadaan != terakhir:
                self.stdout.write(f"{batang(induk.selesai_n, induk.total)} {induk.pesan}")
                terakhir = keadaan
            if not induk.aktif:
                break
            time.sleep(1)
        if induk.galat:
            self.stdout.write(self.style.ERROR(induk.galat))
        if induk.status == Pekerjaan.Status.GAGAL and not induk.anak.exists():
            raise CommandError(induk.galat)
        return induk.anak.filter(status=Pekerjaan.Status.GAGAL).count()
