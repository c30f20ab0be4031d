"""App config for the project package, so that it can hold templates and commands."""

from django.apps import AppConfig


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = "SAKIP"
