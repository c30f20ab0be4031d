"""App config for `instansi`: connects the signal that gives a new agency its rating bands,
and the receivers that bump an agency's revision counter on every write that reaches it."""

from django.apps import AppConfig


class InstansiConfig(AppConfig):
    name = "instansi"
    verbose_name = "Instansi"

    def ready(self):
        from instansi import revisi, signals  # noqa: F401  (connects the receivers)

        revisi.hubungkan()
