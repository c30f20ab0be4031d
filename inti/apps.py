from django.apps import AppConfig


class IntiConfig(AppConfig):
    name = "inti"
    verbose_name = "Inti: angka, versi, ekspor"
