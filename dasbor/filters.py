"""Filters of the dashboards (django-filter): on the agencies' query (name, the report's
state), and on the regions' (name) for the national view; both narrow the queries the
figures are gathered for, so a filtered page reads fewer rows."""

import django_filters

from instansi.models import Instansi, Pemda
from reviu.models import Status


class InstansiFilter(django_filters.FilterSet):
    nama = django_filters.CharFilter(label="Nama instansi", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(
        label="Status laporan", choices=Status.choices, field_name="status_lkjip", empty_label="Semua"
    )

    class Meta:
        model = Instansi
        fields = []


class PemdaFilter(django_filters.FilterSet):
    nama = django_filters.CharFilter(label="Nama pemda", lookup_expr="icontains")

    class Meta:
        model = Pemda
        fields = []
