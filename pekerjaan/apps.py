"""App config for `pekerjaan`, the top layer: long jobs (PDFs, a pemda's bulk generation,
big spreadsheet applies) run by a worker through Django's task API, and their progress."""

from django.apps import AppConfig


class PekerjaanConfig(AppConfig):
    name = "pekerjaan"
    verbose_name = "Pekerjaan latar"

    def ready(self):
        # The tasks register themselves under the names `jalankan` takes.
        from pekerjaan import tugas  # noqa: F401
