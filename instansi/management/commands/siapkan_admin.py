"""`manage.py siapkan_admin [--pengguna-contoh]`: accounts with fresh passwords, printed.

Used by `make run` so that a newcomer can log in at once: an admin, and with
`--pengguna-contoh` a planner for every agency (`perencana-<slug>`) and a reviewer for every
region (`pemeriksa-<slug>`). Running it again replaces the passwords (they were only ever
printed to a terminal).
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from instansi.models import Instansi, Keanggotaan, Pemda, Pemeriksa


class Command(BaseCommand):
    help = "Buat (atau setel ulang) akun admin, dan akun contoh, dengan kata sandi acak yang dicetak."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--pengguna-contoh", action="store_true", help="perencana dan pemeriksa contoh")

    def handle(self, *args, username, pengguna_contoh, **options):
        self.cetak(username, self.siapkan(username, admin=True))
        if pengguna_contoh:
            for nama, sandi in self.siapkan_contoh():
                self.cetak(nama, sandi)

    def cetak(self, nama: str, sandi: str):
        self.stdout.write(self.style.SUCCESS(f"{nama} / kata sandi: {sandi}"))

    def siapkan(self, username: str, admin: bool = False) -> str:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = admin
        user.is_active = True
        user.set_password(password)
        user.save()
        return password

    def siapkan_contoh(self) -> list[tuple[str, str]]:
        akun = []
        for instansi in Instansi.objects.all():
            nama = f"perencana-{instansi.slug}"
            akun.append((nama, self.siapkan(nama)))
            Keanggotaan.objects.get_or_create(
                user=get_user_model().objects.get(username=nama), instansi=instansi
            )
        for pemda in Pemda.objects.all():
            nama = f"pemeriksa-{pemda.slug}"
            akun.append((nama, self.siapkan(nama)))
            Pemeriksa.objects.get_or_create(user=get_user_model().objects.get(username=nama), pemda=pemda)
        return akun
