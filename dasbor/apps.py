"""App config for `dasbor`, the top layer: the pemda dashboard."""

from django.apps import AppConfig


class DasborConfig(AppConfig):
    name = "dasbor"
    verbose_name = "Dasbor pemda"
