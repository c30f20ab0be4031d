"""`manage.py siapkan_admin`: an admin account with a fresh generated password, printed.

Used by `make run` so that a newcomer can log in at once; running it again replaces the
password (the old one was only ever printed to a terminal).
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Buat (atau setel ulang) akun admin dengan kata sandi acak dan cetak kata sandinya."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password = self.siapkan(username)
        self.stdout.write(self.style.SUCCESS(f"Admin: {username} / kata sandi: {password}"))

    def siapkan(self, username: str) -> str:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        return password
