"""Filters of the reviewer's desk (django-filter): the report's state and the pemda."""

import django_filters

from instansi.models import Instansi, Pemda
from reviu.models import Status


class MejaFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=Status.choices, field_name="status_lkjip", empty_label="Semua"
    )
    pemda = django_filters.ModelChoiceFilter(
        label="Pemda", queryset=Pemda.objects.none(), empty_label="Semua"
    )

    class Meta:
        model = Instansi
        fields = []

    def __init__(self, *args, pemda, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["pemda"].queryset = pemda
