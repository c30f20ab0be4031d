"""Planners' screen for the agency itself: its profile (name, address, head of agency).

Access goes through `instansi.akses.buka`: readers see the page without inputs. It is
written against the version the planner saw (`inti.versi`). The narrative of a year's
report is edited in `sakip.narasi`, beside the report's figures it may reference.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from instansi import akses
from instansi.profil.forms import ProfilForm


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
