"""Filters of the planners' indicator list (django-filter), over `kinerja.tingkat.dengan_tingkat`."""

import django_filters
from django import forms
from django.db.models import Q

from kinerja.hitung import Polaritas
from kinerja.models import Indikator
from kinerja.tingkat import LABEL_TINGKAT


class IndikatorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Cari", method="cari")
    tingkat = django_filters.ChoiceFilter(
        label="Tingkat", choices=list(LABEL_TINGKAT.items()), method="pada_tingkat", empty_label="Semua"
    )
    iku = django_filters.BooleanFilter(
        label="IKU",
        widget=forms.Select(choices=[("", "Semua"), ("true", "IKU saja"), ("false", "Bukan IKU")]),
    )
    polaritas = django_filters.ChoiceFilter(label="Polaritas", choices=Polaritas.choices, empty_label="Semua")

    class Meta:
        model = Indikator
        fields = []

    def cari(self, queryset, name, value):
        """Words found in the code, name, formulasi, data source or person responsible."""
        kolom = ("kode", "nama", "formulasi", "sumber_data", "penanggung_jawab")
        return queryset.filter(Q.create([(f"{k}__icontains", value) for k in kolom], connector=Q.OR))

    def pada_tingkat(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})
