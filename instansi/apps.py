"""App config for `instansi`: connects the signal that gives a new agency its rating bands."""

from django.apps import AppConfig


class InstansiConfig(AppConfig):
    name = "instansi"
    verbose_name = "Instansi"

    def ready(self):
        from instansi import signals  # noqa: F401  (connects the receivers)
