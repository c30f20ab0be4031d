"""`manage.py lkjip SLUG YEAR --format html|pdf --output PATH`: an LKjIP to a file.

For admins and batch use; the PDF goes through the same cache as the web download.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from instansi.models import Instansi
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import html_laporan, pdf_laporan
from sakip.lkjip.susun import susun


class Command(BaseCommand):
    help = "Tulis LKjIP sebuah instansi untuk satu tahun sebagai HTML atau PDF."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="slug instansi, misalnya koperindag-lampung-barat")
        parser.add_argument("tahun", type=int)
        parser.add_argument("--format", choices=["html", "pdf"], default="pdf")
        parser.add_argument("--output", type=Path, help="berkas tujuan (bawaan: LKjIP-SLUG-TAHUN.FORMAT)")

    def handle(self, slug, tahun, format, output, **options):
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
