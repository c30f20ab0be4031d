"""App config for `reviu`, the top layer: the report's life, notes and the reviewer's desk."""

from django.apps import AppConfig


class ReviuConfig(AppConfig):
    name = "reviu"
    verbose_name = "Reviu LKjIP"
