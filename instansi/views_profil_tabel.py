"""Planners' screens for the agency's profile tables of a year: SDM (staff per dimensi),
sarana & prasarana, and the supporting tables (lampiran) with their list.

Each table is an editable list of rows (a formset: change, delete, add); everything on
the page is validated before anything is written, then all is written in one
transaction. Totals are computed from the stored rows, never stored. The year lock
applies; readers see the rows without inputs.
"""

from collections.abc import Iterable

import django_tables2 as tables
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from instansi import akses
from instansi.ekspor import unduh
from instansi.forms_tabel import (
    BarisTabelFormSet,
    KomposisiPegawaiFormSet,
    SaranaPrasaranaFormSet,
    TabelPendukungFilter,
    TabelPendukungForm,
    awal_baris,
)
from instansi.models import KomposisiPegawai, SaranaPrasarana, TabelPendukung

KONDISI = ("jumlah", "kondisi_baik", "kondisi_sedang", "kondisi_rusak")


def jumlah(nilai: Iterable[int | None]) -> int | None:
    """The sum of the figures given; None when there are none («-»), not zero."""
    ada = [n for n in nilai if n is not None]
    return sum(ada) if ada else None


def jumlah_per_kolom(baris: Iterable[KomposisiPegawai]) -> list[tuple[str, int | None]]:
    """An SDM table's totals per column (e.g. «Es III»), in the order columns first appear."""
    kolom: dict[str, list] = {}
    for b in baris:
        kolom.setdefault(b.kolom, []).append(b.jumlah)
    return [(k, jumlah(v)) for k, v in kolom.items()]


def _buka(request, slug: str, tahun: int):
    """The agency (404/403 as `instansi.akses` decides) and whether this request writes."""
    menulis = request.method == "POST"
    instansi = akses.instansi_untuk(request, slug, tulis=menulis)
    if menulis:
        akses.pastikan_terbuka(request.user, instansi, tahun)
    return instansi, menulis


def _simpan(daftar: list) -> bool:
    """Write every (formset, fields to set on its rows) if all of them are valid, else none."""
    if not all([formset.is_valid() for formset, _ in daftar]):
        return False
    with transaction.atomic():
        for formset, letak in daftar:
            for baris in formset.save(commit=False):
                for nama, nilai in letak.items():
                    setattr(baris, nama, nilai)
                baris.save()
            for baris in formset.deleted_objects:
                baris.delete()
    return True


def _halaman(request, template: str, instansi, tahun: int, **konteks):
    konteks |= {
        "instansi": instansi,
        "tahun": tahun,
        "terkunci": akses.terkunci(instansi, tahun),
        "boleh_ubah": akses.boleh_ubah(request.user, instansi, tahun),
    }
    return render(request, template, konteks)


@login_required
def sdm(request, slug: str, tahun: int):
    """The year's staff tables, one per dimensi (gender, education, rank, position, status)."""
    instansi, menulis = _buka(request, slug, tahun)
    daftar = []
    for dimensi, judul in KomposisiPegawai.Dimensi.choices:
        baris = KomposisiPegawai.objects.filter(instansi=instansi, tahun=tahun, dimensi=dimensi)
        formset = KomposisiPegawaiFormSet(request.POST if menulis else None, prefix=dimensi, queryset=baris)
        daftar.append((dimensi, judul, formset))
    letak = {"instansi": instansi, "tahun": tahun}
    if menulis and _simpan([(formset, letak | {"dimensi": d}) for d, _, formset in daftar]):
        messages.success(request, f"Tabel SDM tahun {tahun} tersimpan.")
        return redirect(request.path)
    tabel = [
        (
            judul,
            formset,
            jumlah_per_kolom(formset.get_queryset()),
            jumlah(b.jumlah for b in formset.get_queryset()),
        )
        for _, judul, formset in daftar
    ]
    return _halaman(request, "instansi/tabel/sdm.html", instansi, tahun, tabel=tabel)


@login_required
def sarana(request, slug: str, tahun: int):
    """The year's sarana & prasarana: each item, its count and its condition."""
    instansi, menulis = _buka(request, slug, tahun)
    baris = SaranaPrasarana.objects.filter(instansi=instansi, tahun=tahun)
    formset = SaranaPrasaranaFormSet(request.POST if menulis else None, prefix="sarana", queryset=baris)
    if menulis and _simpan([(formset, {"instansi": instansi, "tahun": tahun})]):
        messages.success(request, f"Sarana dan prasarana tahun {tahun} tersimpan.")
        return redirect(request.path)
    tersimpan = formset.get_queryset()
    total = [
        (SaranaPrasarana._meta.get_field(n).verbose_name, jumlah(getattr(b, n) for b in tersimpan))
        for n in KONDISI
    ]
    return _halaman(request, "instansi/tabel/sarana.html", instansi, tahun, formset=formset, total=total)


class TabelPendukungTable(tables.Table):
    """A year's supporting tables, sortable and downloadable as shown (`instansi.ekspor`)."""

    urutan = tables.Column("Urutan", attrs={"td": {"class": "angka"}})
    judul = tables.Column("Judul")
    sumber = tables.Column("Sumber")
    kolom = tables.Column("Kolom", orderable=False, attrs={"td": {"class": "angka"}})
    baris = tables.Column("Baris", orderable=False, attrs={"td": {"class": "angka"}})

    class Meta:
        order_by = ("urutan",)
        default = "–"
        empty_text = "Belum ada tabel pendukung untuk tahun ini."
        attrs = {"id": "daftar-tabel"}

    def __init__(self, data, *, slug: str, tahun: int, **kwargs):
        super().__init__(data, **kwargs)
        self.slug = slug
        self.tahun = tahun

    def render_judul(self, value, record):
        alamat = reverse("tabel-pendukung-ubah", args=[self.slug, self.tahun, record.pk])
        return format_html('<a href="{}">{}</a>', alamat, value)

    def value_judul(self, value):
        return value

    def render_kolom(self, value):
        return len(value)

    def render_baris(self, value):
        return len(value)


@login_required
@require_safe
def tabel_pendukung_daftar(request, slug: str, tahun: int):
    """The year's supporting tables: title, source, size; filtered, sorted, downloadable."""
    instansi = akses.instansi_untuk(request, slug)
    saring = TabelPendukungFilter(
        request.GET, queryset=TabelPendukung.objects.filter(instansi=instansi, tahun=tahun)
    )
    table = TabelPendukungTable(saring.qs, slug=instansi.slug, tahun=tahun)
    RequestConfig(request, paginate=False).configure(table)
    if unduhan := unduh(
        request, table, f"tabel-pendukung-{instansi.slug}-{tahun}", f"Tabel pendukung {tahun}"
    ):
        return unduhan
    return _halaman(
        request, "instansi/tabel/pendukung_daftar.html", instansi, tahun, table=table, saring=saring
    )


def _simpan_tabel(form: TabelPendukungForm, baris) -> bool:
    """Save the table with its rows if the heading, every row and `TabelPendukung.clean()`
    pass; otherwise add the model's objections to the form and save nothing."""
    if not all([form.is_valid(), baris is None or baris.is_valid()]):
        return False
    tabel = form.save(commit=False)
    if baris is not None:
        # Rows ticked for deletion and rows left wholly empty are dropped.
        isian = [f.sel() for f in baris.forms if not f.cleaned_data.get("DELETE")]
        tabel.baris = [sel for sel in isian if any(s is not None for s in sel)]
    try:
        # A table without rows yet is allowed; `clean()` still checks every row.
        tabel.full_clean(exclude=["baris"])
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return False
    with transaction.atomic():
        tabel.save()
    return True


@login_required
def tabel_pendukung(request, slug: str, tahun: int, pk: int | None = None):
    """A new supporting table (its heading and columns), or one table's heading and rows."""
    instansi, menulis = _buka(request, slug, tahun)
    if pk is None:
        tabel = TabelPendukung(instansi=instansi, tahun=tahun)
    else:
        tabel = get_object_or_404(TabelPendukung, pk=pk, instansi=instansi, tahun=tahun)
    data = request.POST if menulis else None
    form = TabelPendukungForm(data, instance=tabel)
    baris = None
    if tabel.pk:
        baris = BarisTabelFormSet(
            data, prefix="baris", initial=awal_baris(tabel), form_kwargs={"kolom": tabel.kolom}
        )
    if menulis and _simpan_tabel(form, baris):
        messages.success(request, f"Tabel «{tabel.judul}» tahun {tahun} tersimpan.")
        return redirect("tabel-pendukung-ubah", slug=instansi.slug, tahun=tahun, pk=tabel.pk)
    return _halaman(
        request, "instansi/tabel/pendukung.html", instansi, tahun, form=form, baris=baris, tabel=tabel
    )
