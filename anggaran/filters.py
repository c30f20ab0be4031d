"""Filters of the budget screens (django-filter)."""

import django_filters

from instansi.models import Instansi
from kinerja.models import Program, Sasaran


class ProgramFilter(django_filters.FilterSet):
    """The programs of an agency's year, narrowed to one sasaran."""

    sasaran = django_filters.ModelChoiceFilter(
        queryset=Sasaran.objects.none(), label="Sasaran", empty_label="Semua sasaran"
    )

    class Meta:
        model = Program
        fields = ["sasaran"]

    def __init__(self, data, *, instansi: Instansi, tahun: int):
        berlaku = {
            "renstra__instansi": instansi,
            "renstra__tahun_awal__lte": tahun,
            "renstra__tahun_akhir__gte": tahun,
        }
        super().__init__(data, queryset=Program.objects.filter(**berlaku))
        self.filters["sasaran"].queryset = Sasaran.objects.filter(**berlaku)
