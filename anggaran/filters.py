"""Filters of the budget screens (django-filter)."""

import django_filters

from instansi.models import Instansi
from kinerja.models import Program, Renstra, Sasaran


class ProgramFilter(django_filters.FilterSet):
    """The programs of an agency's year, narrowed to one sasaran."""

    sasaran = django_filters.ModelChoiceFilter(
        queryset=Sasaran.objects.none(), label="Sasaran", empty_label="Semua sasaran"
    )

    class Meta:
        model = Program
        fields = ["sasaran"]

    def __init__(self, data, *, instansi: Instansi, tahun: int):
        renstra = Renstra.objects.berlaku(instansi, tahun)
        super().__init__(data, queryset=Program.objects.filter(renstra=renstra))
        self.filters["sasaran"].queryset = Sasaran.objects.filter(renstra=renstra)
