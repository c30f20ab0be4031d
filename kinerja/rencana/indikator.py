"""Planners' screens for indicators: define one on any level of the plan, change it (with
optimistic locking, `inti.versi`), see its history and targets, and list them all.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from instansi import akses
from inti.ekspor import unduh
from inti.forms import format_masukan, isian_terbaca
from kinerja.filters import IndikatorFilter
from kinerja.models import LEVEL_INDIKATOR, Indikator
from kinerja.rencana.forms import IndikatorForm
from kinerja.rencana.views import cari_tingkat, node, url_pohon
from kinerja.tables import IndikatorTable
from kinerja.tingkat import dengan_tingkat

RIWAYAT = 20  # history entries shown on an indicator's page


def _tampil(field, nilai) -> str:
    """A recorded value as the form shows it: a choice by its label, a flag as Ya/Tidak."""
    if isinstance(nilai, bool):
        return "Ya" if nilai else "Tidak"
    return str(dict(field.flatchoices).get(nilai, nilai) if field.choices else nilai)


def riwayat(indikator: Indikator) -> list[tuple]:
    """The latest changes, each with what it changed: (record, [(field label, old, new)])."""
    catatan = list(indikator.history.select_related("history_user")[: RIWAYAT + 1])
    hasil = []
    # Each record against the one before it; the oldest (or the only one) against nothing.
    for baru, lama in zip(catatan, [*catatan[1:], None], strict=False):
        beda = baru.diff_against(lama, excluded_fields=["versi"]).changes if lama else []
        perubahan = []
        for c in beda:
            field = Indikator._meta.get_field(c.field)
            perubahan.append((field.verbose_name, _tampil(field, c.old), _tampil(field, c.new)))
        hasil.append((baru, perubahan))
    return hasil[:RIWAYAT]


def _halaman(request, ruang: akses.Akses, indikator: Indikator):
    """Show, or save against the version it was read at, an indicator's definition."""
    instansi = ruang.instansi
    form = IndikatorForm(request.POST if request.method == "POST" else None, instance=indikator)
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"Indikator «{form.tersimpan}» tersimpan.")
        return redirect("indikator-ubah", slug=instansi.slug, pk=form.tersimpan.pk)
    konteks = ruang.konteks() | {
        "indikator": indikator,
        "form": form,
        "terbaca": isian_terbaca(form),
        "jenis_node": indikator.node._meta.verbose_name,
        "url_pohon": url_pohon(instansi, indikator.node),
        "riwayat": riwayat(indikator) if indikator.pk else [],
        "target": [(t, format_masukan(t.nilai, indikator.desimal)) for t in indikator.target.all()]
        if indikator.pk
        else [],
    }
    return render(request, "kinerja/rencana/indikator.html", konteks, status=409 if form.konflik else 200)


@login_required
def indikator_tambah(request, slug: str, tingkat: str, induk: int):
    """A new indicator on a tujuan, sasaran, program, kegiatan or sub kegiatan."""
    ruang = akses.buka(request, slug)
    t = cari_tingkat(tingkat)
    if t.field not in LEVEL_INDIKATOR:
        raise Http404("Indikator tidak dipasang pada tingkat ini.")
    return _halaman(request, ruang, Indikator(**{t.field: node(t, ruang.instansi, induk)}))


@login_required
def indikator_ubah(request, slug: str, pk: int):
    """An indicator's definition, targets and history; readers see it without inputs."""
    ruang = akses.buka(request, slug)
    indikator = get_object_or_404(
        Indikator.objects.select_related(*LEVEL_INDIKATOR), pk=pk, renstra__instansi=ruang.instansi
    )
    return _halaman(request, ruang, indikator)


@login_required
@require_safe
def indikator_daftar(request, slug: str):
    """Every indicator of the agency: sortable, filtered, and exported as shown (`?ekspor=csv` or `xlsx`)."""
    instansi = akses.buka(request, slug).instansi
    saring = IndikatorFilter(
        request.GET, queryset=dengan_tingkat(Indikator.objects.filter(renstra__instansi=instansi))
    )
    tabel = IndikatorTable(saring.qs, slug=instansi.slug)
    ekspor = request.GET.get("ekspor") in ("csv", "xlsx")
    RequestConfig(request, paginate=False if ekspor else {"per_page": 50}).configure(tabel)
    if unduhan := unduh(request, tabel, f"indikator-{instansi.slug}", "Indikator"):
        return unduhan
    return render(
        request,
        "kinerja/rencana/indikator_daftar.html",
        {"instansi": instansi, "filter": saring, "tabel": tabel},
    )
