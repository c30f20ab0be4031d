"""Planners' screens for the organisation structure of a year: its units as a tree, each
with its positions and their holders; a unit or a position to add, change or delete.

Every view opens with `instansi.akses.buka` (another agency's units answer 404, readers
see the pages without inputs, the year lock holds) and writes through `BerVersiForm.simpan`
or `instansi.hapus` (versioned, 409 on a conflict). The report draws its organisation
chart from these rows (`sakip.lkjip.diagram.bagan_organisasi`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from instansi import akses
from instansi.hapus import hapus
from instansi.models import Jabatan, UnitOrganisasi
from instansi.organisasi.forms import JabatanForm, UnitOrganisasiForm


def _pohon(unit: list[UnitOrganisasi]) -> list[tuple[int, UnitOrganisasi]]:
    """The units in tree order, each with its depth: a parent before its children."""
    anak: dict[int | None, list[UnitOrganisasi]] = {}
    for u in unit:
        anak.setdefault(u.induk_id, []).append(u)
    hasil = []

    def turun(induk, dalam):
        for u in anak.get(induk, []):
            hasil.append((dalam, u))
            turun(u.pk, dalam + 1)

    turun(None, 0)
    return hasil


def _daftar(ruang: akses.Akses) -> str:
    return reverse("organisasi", args=[ruang.instansi.slug, ruang.tahun])


@login_required
@require_safe
def organisasi(request, slug: str, tahun: int):
    """The year's units as a tree, each with its positions and who holds them."""
    ruang = akses.buka(request, slug, tahun)
    unit = list(UnitOrganisasi.objects.filter(instansi=ruang.instansi, tahun=tahun))
    jabatan: dict[int, list[Jabatan]] = {}
    for j in Jabatan.objects.filter(unit__instansi=ruang.instansi, unit__tahun=tahun):
        jabatan.setdefault(j.unit_id, []).append(j)
    # Depth shown as an indent of the name: the page allows no inline style.
    baris = [
        ("\u2003" * dalam + ("↳ " if dalam else ""), u, jabatan.get(u.pk, [])) for dalam, u in _pohon(unit)
    ]
    return render(request, "instansi/organisasi/daftar.html", ruang.konteks() | {"baris": baris})


def _halaman(request, ruang, form, judul: str):
    konteks = ruang.konteks() | {"form": form, "judul": judul, "kembali": _daftar(ruang)}
    return render(request, "instansi/organisasi/ubah.html", konteks, status=409 if form.konflik else 200)


@login_required
def unit(request, slug: str, tahun: int, pk: int | None = None):
    """A new unit of the year, or one unit to change."""
    ruang = akses.buka(request, slug, tahun)
    if pk is None:
        objek = UnitOrganisasi(instansi=ruang.instansi, tahun=tahun)
    else:
        objek = get_object_or_404(UnitOrganisasi, pk=pk, instansi=ruang.instansi, tahun=tahun)
    form = UnitOrganisasiForm(request.POST if request.method == "POST" else None, instance=objek)
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"Unit «{form.tersimpan.nama}» tersimpan.")
        return redirect(_daftar(ruang))
    return _halaman(request, ruang, form, "Unit baru" if pk is None else f"Unit «{objek.nama}»")


@login_required
def jabatan(request, slug: str, tahun: int, pk: int | None = None):
    """A new position (in the unit `?unit=` names), or one position to change."""
    ruang = akses.buka(request, slug, tahun)
    if pk is None:
        objek = Jabatan()
        if (awal := request.GET.get("unit", "")).isdigit():
            objek.unit = UnitOrganisasi.objects.filter(pk=awal, instansi=ruang.instansi, tahun=tahun).first()
    else:
        objek = get_object_or_404(Jabatan, pk=pk, unit__instansi=ruang.instansi, unit__tahun=tahun)
    data = request.POST if request.method == "POST" else None
    form = JabatanForm(data, instance=objek, instansi=ruang.instansi, tahun=tahun)
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"Jabatan «{form.tersimpan.nama}» tersimpan.")
        return redirect(_daftar(ruang))
    return _halaman(request, ruang, form, "Jabatan baru" if pk is None else f"Jabatan «{objek.nama}»")


@login_required
def unit_hapus(request, slug: str, tahun: int, pk: int):
    """Delete a unit with its positions; a unit with units under it stays."""
    ruang = akses.buka(request, slug, tahun)
    objek = get_object_or_404(UnitOrganisasi, pk=pk, instansi=ruang.instansi, tahun=tahun)
    penghalang = ""
    if bawahan := list(objek.anak.all()):
        daftar = ", ".join(u.nama for u in bawahan)
        penghalang = f"masih ada unit di bawahnya ({daftar}); hapus atau pindahkan unit itu lebih dahulu."
    return hapus(request, ruang, objek, _daftar(ruang), penghalang)


@login_required
def jabatan_hapus(request, slug: str, tahun: int, pk: int):
    ruang = akses.buka(request, slug, tahun)
    objek = get_object_or_404(Jabatan, pk=pk, unit__instansi=ruang.instansi, unit__tahun=tahun)
    return hapus(request, ruang, objek, _daftar(ruang))
