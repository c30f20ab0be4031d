"""Planners' screens for the agency itself: its profile (name, address, head of agency)
and the narrative sections of a year's report.

Access goes through `instansi.akses.buka`: readers see the pages without inputs; the
narrative is year-bound, so the year lock applies to it, the profile is not. Both are
written against the version the planner saw (`inti.versi`).
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from instansi import akses
from instansi.models import Narasi
from instansi.profil.forms import NarasiForm, ProfilForm


@login_required
def profil(request, slug: str):
    """The agency's name, abbreviation, address and head of agency."""
    ruang = akses.buka(request, slug)
    instansi = ruang.instansi
    # The form edits a copy, so that a refused form does not rename the page's heading.
    form = ProfilForm(request.POST if request.method == "POST" else None, instance=copy.copy(instansi))
    if form.is_bound and form.simpan(ruang):
        messages.success(request, "Profil instansi tersimpan.")
        return redirect("profil-instansi", slug=instansi.slug)
    tahun = sorted({t for r in instansi.renstra.all() for t in r.tahun})
    konteks = ruang.konteks() | {"form": form, "tahun_renstra": tahun}
    return render(request, "instansi/profil.html", konteks, status=409 if form.konflik else 200)


@login_required
@require_safe
def narasi_daftar(request, slug: str, tahun: int):
    """The narrative sections of a year's report, in report order."""
    ruang = akses.buka(request, slug, tahun)
    daftar = Narasi.objects.filter(instansi=ruang.instansi, tahun=tahun).order_by("urutan", "pk")
    return render(request, "instansi/narasi_daftar.html", ruang.konteks() | {"daftar": daftar})


@login_required
def narasi(request, slug: str, tahun: int, pk: int | None = None):
    """Write a new narrative section of the year, or change one."""
    ruang = akses.buka(request, slug, tahun)
    if pk is None:
        objek = Narasi(instansi=ruang.instansi, tahun=tahun)
    else:
        objek = get_object_or_404(Narasi, pk=pk, instansi=ruang.instansi, tahun=tahun)
    form = NarasiForm(request.POST if request.method == "POST" else None, instance=objek)
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"Narasi «{form.tersimpan.judul}» tahun {tahun} tersimpan.")
        return redirect("narasi-daftar", slug=ruang.instansi.slug, tahun=tahun)
    konteks = ruang.konteks() | {"form": form, "baru": pk is None}
    return render(request, "instansi/narasi.html", konteks, status=409 if form.konflik else 200)
