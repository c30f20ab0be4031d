"""Planners' screens for the agency itself: its profile (name, address, head of agency)
and the narrative sections of a year's report.

Access goes through `instansi.akses`: readers see the pages without inputs; the
narrative is year-bound, so the year lock applies to it, the profile is not.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from instansi import akses
from instansi.forms_profil import NarasiForm, ProfilForm
from instansi.models import Narasi


@login_required
def profil(request, slug: str):
    """The agency's name, abbreviation, address and head of agency."""
    menulis = request.method == "POST"
    instansi = akses.instansi_untuk(request, slug, tulis=menulis)
    # The form edits a copy, so that a refused form does not rename the page's heading.
    form = ProfilForm(request.POST if menulis else None, instance=copy.copy(instansi))
    if menulis and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "Profil instansi tersimpan.")
        return redirect("profil-instansi", slug=instansi.slug)
    tahun = sorted({t for r in instansi.renstra.all() for t in range(r.tahun_awal, r.tahun_akhir + 1)})
    konteks = {
        "instansi": instansi,
        "form": form,
        "tahun_renstra": tahun,
        "boleh_ubah": akses.boleh_tulis(request.user, instansi),
    }
    return render(request, "instansi/profil.html", konteks)


@login_required
@require_safe
def narasi_daftar(request, slug: str, tahun: int):
    """The narrative sections of a year's report, in report order."""
    instansi = akses.instansi_untuk(request, slug)
    konteks = {
        "instansi": instansi,
        "tahun": tahun,
        "daftar": Narasi.objects.filter(instansi=instansi, tahun=tahun).order_by("urutan", "pk"),
        "boleh_ubah": akses.boleh_ubah(request.user, instansi, tahun),
    }
    return render(request, "instansi/narasi_daftar.html", konteks)


@login_required
def narasi(request, slug: str, tahun: int, pk: int | None = None):
    """Write a new narrative section of the year, or change one."""
    menulis = request.method == "POST"
    instansi = akses.instansi_untuk(request, slug, tulis=menulis)
    if pk is None:
        objek = Narasi(instansi=instansi, tahun=tahun)
    else:
        objek = get_object_or_404(Narasi, pk=pk, instansi=instansi, tahun=tahun)
    if menulis:
        akses.pastikan_terbuka(request.user, instansi, tahun)
    form = NarasiForm(request.POST if menulis else None, instance=objek)
    if menulis and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, f"Narasi «{objek.judul}» tahun {tahun} tersimpan.")
        return redirect("narasi-daftar", slug=instansi.slug, tahun=tahun)
    konteks = {
        "instansi": instansi,
        "tahun": tahun,
        "form": form,
        "baru": pk is None,
        "boleh_ubah": akses.boleh_ubah(request.user, instansi, tahun),
    }
    return render(request, "instansi/narasi.html", konteks)
