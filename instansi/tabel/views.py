"""Planners' screens for the agency's profile tables of a year: SDM (staff per dimensi),
sarana & prasarana, and the supporting tables (lampiran) with their list.

Each table is an editable list of rows (a formset: change, delete, add); everything on
the page is validated before anything is written, then all is written in one
transaction, each row against the version it was read at (`inti.versi`). Totals are
computed from the stored rows, never stored. The year lock applies; readers see the rows
without inputs.
"""

from collections.abc import Iterable

import django_tables2 as tables
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from instansi import akses
from instansi.models import KomposisiPegawai, SaranaPrasarana, TabelPendukung
from instansi.tabel.forms import (
    BarisTabelFormSet,
    KomposisiPegawaiFormSet,
    SaranaPrasaranaFormSet,
    TabelPendukungFilter,
    TabelPendukungForm,
    awal_baris,
)
from inti.angka import jumlah_ada
from inti.ekspor import unduh
from inti.versi import Konflik, tulis_semua

KONDISI = ("jumlah", "kondisi_baik", "kondisi_sedang", "kondisi_rusak")


def jumlah_per_kolom(baris: Iterable[KomposisiPegawai]) -> list[tuple[str, int | None]]:
    """An SDM table's totals per column (e.g. «Es III»), in the order columns first appear."""
    kolom: dict[str, list] = {}
    for b in baris:
        kolom.setdefault(b.kolom, []).append(b.jumlah)
    return [(k, jumlah_ada(v)) for k, v in kolom.items()]


def _simpan(daftar: list, label: str) -> list | None:
    """Write every (formset, fields of its new rows) if all of them are valid: [] when
    written, the conflicting rows when someone changed them meanwhile, None when invalid."""
    if not all([formset.is_valid() for formset, _ in daftar]):
        return None
    try:
        tulis_semua([t for formset, letak in daftar for t in formset.tulis(letak, label)])
    except Konflik as exc:
        return exc.daftar
    return []


def _halaman(request, template: str, ruang: akses.Akses, konflik=(), **konteks):
    konteks |= ruang.konteks() | {"konflik": list(konflik)}
    return render(request, template, konteks, status=409 if konflik else 200)


@login_required
def sdm(request, slug: str, tahun: int):
    """The year's staff tables, one per dimensi (gender, education, rank, position, status)."""
    ruang = akses.buka(request, slug, tahun)
    data = request.POST if request.method == "POST" else None
    daftar = []
    for dimensi, judul in KomposisiPegawai.Dimensi.choices:
        baris = KomposisiPegawai.objects.filter(instansi=ruang.instansi, tahun=tahun, dimensi=dimensi)
        daftar.append((dimensi, judul, KomposisiPegawaiFormSet(data, prefix=dimensi, queryset=baris)))
    letak = {"instansi": ruang.instansi, "tahun": tahun}
    konflik = []
    if data is not None:
        konflik = _simpan([(formset, letak | {"dimensi": d}) for d, _, formset in daftar], "SDM")
        if konflik == []:
            messages.success(request, f"Tabel SDM tahun {tahun} tersimpan.")
            return redirect(request.path)
    tabel = [
        (
            judul,
            formset,
            jumlah_per_kolom(formset.get_queryset()),
            jumlah_ada(b.jumlah for b in formset.get_queryset()),
        )
        for _, judul, formset in daftar
    ]
    return _halaman(request, "instansi/tabel/sdm.html", ruang, konflik or (), tabel=tabel)


@login_required
def sarana(request, slug: str, tahun: int):
    """The year's sarana & prasarana: each item, its count and its condition."""
    ruang = akses.buka(request, slug, tahun)
    baris = SaranaPrasarana.objects.filter(instansi=ruang.instansi, tahun=tahun)
    data = request.POST if request.method == "POST" else None
    formset = SaranaPrasaranaFormSet(data, prefix="sarana", queryset=baris)
    konflik = []
    if data is not None:
        konflik = _simpan([(formset, {"instansi": ruang.instansi, "tahun": tahun})], "Sarana")
        if konflik == []:
            messages.success(request, f"Sarana dan prasarana tahun {tahun} tersimpan.")
            return redirect(request.path)
    tersimpan = formset.get_queryset()
    total = [
        (SaranaPrasarana._meta.get_field(n).verbose_name, jumlah_ada(getattr(b, n) for b in tersimpan))
        for n in KONDISI
    ]
    return _halaman(request, "instansi/tabel/sarana.html", ruang, konflik or (), formset=formset, total=total)


class DaftarTabelPendukung(tables.Table):
    """A year's supporting tables, sortable and downloadable as shown (`inti.ekspor`)."""

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
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    saring = TabelPendukungFilter(
        request.GET, queryset=TabelPendukung.objects.filter(instansi=instansi, tahun=tahun)
    )
    table = DaftarTabelPendukung(saring.qs, slug=instansi.slug, tahun=tahun)
    RequestConfig(request, paginate=False).configure(table)
    if unduhan := unduh(
        request, table, f"tabel-pendukung-{instansi.slug}-{tahun}", f"Tabel pendukung {tahun}"
    ):
        return unduhan
    return _halaman(request, "instansi/tabel/pendukung_daftar.html", ruang, table=table, saring=saring)


def _simpan_tabel(form: TabelPendukungForm, baris) -> bool:
    """Save the table with its rows if the heading, every row and `TabelPendukung.clean()`
    pass and nobody saved the table meanwhile; otherwise say why on the form (its
    errors, or `form.konflik`) and save nothing."""
    if not all([form.is_valid(), baris is None or baris.is_valid()]):
        return False
    tulis = form.tulis(f"Tabel «{form.instance.judul}»")
    tabel = form.instance
    if "kolom" in form.cleaned_data:
        tabel.kolom = tulis.isian["kolom"] = form.cleaned_data["kolom"]
    if baris is not None:
        # Rows ticked for deletion and rows left wholly empty are dropped.
        isian = [f.sel() for f in baris.forms if not f.cleaned_data.get("DELETE")]
        tabel.baris = tulis.isian["baris"] = [sel for sel in isian if any(s is not None for s in sel)]
    try:
        # A table without rows yet is allowed; `clean()` still checks every row.
        tabel.full_clean(exclude=["baris"], validate_unique=False)
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return False
    try:
        [form.tersimpan] = tulis_semua([tulis])
    except Konflik as exc:
        form.konflik = exc.daftar
        return False
    return True


@login_required
def tabel_pendukung(request, slug: str, tahun: int, pk: int | None = None):
    """A new supporting table (its heading and columns), or one table's heading and rows."""
    ruang = akses.buka(request, slug, tahun)
    if pk is None:
        tabel = TabelPendukung(instansi=ruang.instansi, tahun=tahun)
    else:
        tabel = get_object_or_404(TabelPendukung, pk=pk, instansi=ruang.instansi, tahun=tahun)
    data = request.POST if request.method == "POST" else None
    form = TabelPendukungForm(data, instance=tabel)
    baris = None
    if tabel.pk:
        baris = BarisTabelFormSet(
            data, prefix="baris", initial=awal_baris(tabel), form_kwargs={"kolom": tabel.kolom}
        )
    if data is not None and _simpan_tabel(form, baris):
        messages.success(request, f"Tabel «{form.tersimpan.judul}» tahun {tahun} tersimpan.")
        return redirect("tabel-pendukung-ubah", slug=ruang.instansi.slug, tahun=tahun, pk=form.tersimpan.pk)
    return _halaman(
        request, "instansi/tabel/pendukung.html", ruang, form.konflik, form=form, baris=baris, tabel=tabel
    )
