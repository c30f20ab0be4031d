"""`manage.py buat_demo`: regions of made-up agencies with a realistic shape of data, for
benchmarks and demonstrations (the data itself: `sakip.demo`)."""

import time

from django.core.management.base import BaseCommand, CommandError

from sakip.demo import Ukuran, buat_instansi_demo, buat_pemda_demo

LEBAR_BATANG = 20


def batang(selesai: int, total: int) -> str:
    """`[########------------]  8/20`."""
    isi = LEBAR_BATANG * selesai // total if total else 0
    return f"[{'#' * isi}{'-' * (LEBAR_BATANG - isi)}] {selesai:>{len(str(total))}}/{total}"


class Command(BaseCommand):
    help = (
        "Buat data contoh: N pemda × M instansi, tiap instansi ±4 sasaran, 10 program, 30 kegiatan, "
        "80 sub kegiatan dan K indikator dengan target, realisasi, anggaran, SDM, sarana dan narasi "
        "selama Y tahun sejak 2021. Seed yang sama memberi data yang sama; instansi yang sudah ada "
        "dilewati, jadi perintah ini aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pemda", type=int, default=1, help="jumlah pemda (N)")
        parser.add_argument("--instansi", type=int, default=5, help="instansi per pemda (M)")
        parser.add_argument("--indikator", type=int, default=150, help="indikator per instansi (K)")
        parser.add_argument("--tahun", type=int, default=5, help="jumlah tahun data (Y), mulai 2021")
        parser.add_argument("--seed", type=int, default=1, help="benih acak (S)")

    def handle(self, pemda, instansi, indikator, tahun, seed, **options):
        if min(pemda, instansi, indikator, tahun) < 1 or tahun > 10:
            raise CommandError("N, M, K harus ≥ 1 dan Y antara 1 dan 10.")
        dibuat = self.buat(seed, pemda, Ukuran(instansi, indikator, tahun))
        self.stdout.write(f"{dibuat} instansi dibuat, {pemda * instansi - dibuat} sudah ada dan dilewati.")

    def buat(self, seed: int, jumlah_pemda: int, ukuran: Ukuran) -> int:
        """Every region and agency of the seed, the missing ones made; how many were made."""
        total, selesai, dibuat = jumlah_pemda * ukuran.instansi, 0, 0
        mulai = time.monotonic()
        for p in range(jumlah_pemda):
            pemda = buat_pemda_demo(seed, p)
            for i in range(ukuran.instansi):
                dibuat += buat_instansi_demo(pemda, seed, p, i, ukuran) is not None
                selesai += 1
                detik = time.monotonic() - mulai
                self.stdout.write(f"\r{batang(selesai, total)}  {detik:.0f} detik", ending="")
                self.stdout.flush()
        self.stdout.write("")
        return dibuat
