"""App config for `publikasi`, the layer above `sakip` that freezes and publishes reports."""

from django.apps import AppConfig


class PublikasiConfig(AppConfig):
    name = "publikasi"
    verbose_name = "Publikasi"
