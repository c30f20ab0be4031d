"""`manage.py muat_dokumen [FIXTURE …]`: load the two documents into a database that lacks them.

`make run` calls this on every start. `loaddata` writes every row of a fixture by its primary
key, so loading again would put back the documents' figures over what a user has since
typed (a realisation changed from 26,21 to 27,50 came back as 26,21). Here a fixture is
loaded only when none of its agencies (by slug) is in the database yet; otherwise it is
left alone, whatever has become of its rows.

`loaddata` saves rows raw, so django-simple-history records nothing for them; each loaded
row gets a first history record here («Dimuat dari …»), so that the first change a person
makes shows the document's figure as the value before it.
"""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from instansi.models import Instansi

DOKUMEN = (
    settings.BASE_DIR / "fixtures" / "lampung_barat_2023.json",
    settings.BASE_DIR / "fixtures" / "bandar_lampung_2022.json",
)


def slug_instansi(berkas: Path) -> list[str]:
    """The slugs of the agencies a fixture creates."""
    with berkas.open(encoding="utf-8") as f:
        return [o["fields"]["slug"] for o in json.load(f) if o["model"] == "instansi.instansi"]


class Command(BaseCommand):
    help = "Muat dokumen contoh yang instansinya belum ada; data yang sudah ada tidak ditimpa."

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="*", type=Path, help="fixture JSON (bawaan: kedua dokumen)")

    def handle(self, *args, berkas, **options):
        for path in berkas or DOKUMEN:
            self.muat(Path(path))

    def muat(self, berkas: Path) -> bool:
        """Load `berkas` unless one of its agencies exists; whether it was loaded."""
        if not berkas.exists():
            self.stdout.write(self.style.WARNING(f"{berkas.name}: berkas tidak ada, dilewati."))
            return False
        slug = slug_instansi(berkas)
        if ada := sorted(Instansi.objects.filter(slug__in=slug).values_list("slug", flat=True)):
            self.stdout.write(f"{berkas.name}: {', '.join(ada)} sudah ada, tidak dimuat ulang.")
            return False
        call_command("loaddata", str(berkas), verbosity=0)
        self.catat_riwayat(berkas)
        self.stdout.write(self.style.SUCCESS(f"{berkas.name}: dimuat ({', '.join(slug)})."))
        return True

    def catat_riwayat(self, berkas: Path) -> None:
        """A first history record for every row of `berkas` whose model keeps a history."""
        with berkas.open(encoding="utf-8") as f:
            objek = json.load(f)
        pk_per_model: dict[str, list] = {}
        for o in objek:
            pk_per_model.setdefault(o["model"], []).append(o["pk"])
        for label, pk in pk_per_model.items():
            model = apps.get_model(label)
            if hasattr(model, "history"):
                model.history.bulk_history_create(
                    list(model.objects.filter(pk__in=pk)), default_change_reason=f"Dimuat dari {berkas.name}"
                )
