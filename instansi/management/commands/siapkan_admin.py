"""`manage.py siapkan_admin [--pengguna-contoh]`: the accounts a newcomer signs in with.

Used by `make run` so that a newcomer can log in at once: an admin, and with
`--pengguna-contoh` a planner for every agency (`perencana-<slug>`) and a reviewer for every
region (`pemeriksa-<slug>`). A new account gets a random password, printed once. An account
that already exists is left as it is — its password may have been changed by its user, and
`make run` calls this on every start — so running it again changes nothing but adds what is
missing; `manage.py changepassword NAME` sets a forgotten password.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from instansi.models import Instansi, Keanggotaan, Pemda, Pemeriksa


class Command(BaseCommand):
    help = (
        "Buat akun admin (dan akun contoh) yang belum ada, dengan kata sandi acak yang dicetak; "
        "akun yang sudah ada tidak diubah."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--pengguna-contoh", action="store_true", help="perencana dan pemeriksa contoh")

    def handle(self, *args, username, pengguna_contoh, **options):
        akun = [(username, self.siapkan(username, admin=True))]
        if pengguna_contoh:
            akun += self.siapkan_contoh()
        for nama, sandi in akun:
            self.cetak(nama, sandi)
        if any(sandi is None for _, sandi in akun):
            self.stdout.write("Kata sandi yang terlupa diganti dengan: manage.py changepassword NAMA")

    def cetak(self, nama: str, sandi: str | None):
        if sandi is None:
            self.stdout.write(f"{nama}: sudah ada, kata sandi tidak diubah")
        else:
            self.stdout.write(self.style.SUCCESS(f"{nama} / kata sandi: {sandi}"))

    def siapkan(self, username: str, admin: bool = False) -> str | None:
        """Create the account with a fresh password and return it; None if it already exists."""
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            return None
        password = secrets.token_urlsafe(12)
        if admin:
            User.objects.create_superuser(username=username, password=password)
        else:
            User.objects.create_user(username=username, password=password)
        return password

    def siapkan_contoh(self) -> list[tuple[str, str | None]]:
        User = get_user_model()
        akun = []
        for instansi in Instansi.objects.all():
            nama = f"perencana-{instansi.slug}"
            akun.append((nama, self.siapkan(nama)))
            Keanggotaan.objects.get_or_create(user=User.objects.get(username=nama), instansi=instansi)
        for pemda in Pemda.objects.all():
            nama = f"pemeriksa-{pemda.slug}"
            akun.append((nama, self.siapkan(nama)))
            Pemeriksa.objects.get_or_create(user=User.objects.get(username=nama), pemda=pemda)
        return akun
