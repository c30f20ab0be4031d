"""Planners' screens for the images of a year's report (process maps, photos): the list,
upload or replace with caption and place, delete; and the one view that serves an image.

Every view opens with `instansi.akses.buka`, so another agency's image answers 404 and a
reader may look but not change. An upload is checked and re-encoded while the form is
validated (`instansi.gambar.periksa`); only then are the clean bytes stored
(`BerkasGambar`, once per content) and the row written through the one write path, in
one transaction, so a refused file or a conflict stores nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from instansi import akses
from instansi.gambar.forms import GambarForm
from instansi.hapus import hapus
from instansi.models import BerkasGambar, GambarLaporan
from inti.versi import Konflik, tulis_semua


def _daftar(ruang: akses.Akses) -> str:
    return reverse("gambar-daftar", args=[ruang.instansi.slug, ruang.tahun])


@login_required
@require_safe
def daftar(request, slug: str, tahun: int):
    """The year's uploaded images, by place in the report."""
    ruang = akses.buka(request, slug, tahun)
    gambar = GambarLaporan.objects.filter(instansi=ruang.instansi, tahun=tahun).select_related("berkas")
    gambar = gambar.defer("berkas__isi").order_by("tempat", "urutan", "pk")
    return render(request, "instansi/gambar/daftar.html", ruang.konteks() | {"daftar": gambar})


def _simpan(form: GambarForm, ruang: akses.Akses) -> bool:
    """Store the checked image (if one came) and the row, or nothing (`form.konflik`)."""
    if not form.is_valid():
        return False
    ruang.pastikan_terbuka(form.tahun_terdampak())
    try:
        with transaction.atomic():
            tulis = form.tulis(str(form.instance))
            if form.bersih is not None:
                b = form.bersih
                berkas, _ = BerkasGambar.objects.get_or_create(
                    sha256=b.sha256,
                    defaults={"format": b.format, "lebar": b.lebar, "tinggi": b.tinggi, "isi": b.isi},
                )
                (tulis.isian if form.instance.pk else tulis.baru)["berkas_id"] = berkas.pk
            [form.tersimpan] = tulis_semua([tulis])
    except Konflik as exc:
        form.konflik = exc.daftar
        return False
    return True


@login_required
def gambar(request, slug: str, tahun: int, pk: int | None = None):
    """Upload a new image with its caption and place, or change one (and replace its file)."""
    ruang = akses.buka(request, slug, tahun)
    if pk is None:
        objek = GambarLaporan(instansi=ruang.instansi, tahun=tahun)
    else:
        objek = get_object_or_404(
            GambarLaporan.objects.defer("berkas__isi").select_related("berkas"),
            pk=pk,
            instansi=ruang.instansi,
            tahun=tahun,
        )
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    form = GambarForm(*data, instance=objek)
    if form.is_bound and _simpan(form, ruang):
        messages.success(request, f"Gambar «{form.tersimpan.judul}» tersimpan.")
        return redirect(_daftar(ruang))
    konteks = ruang.konteks() | {"form": form, "objek": objek, "kembali": _daftar(ruang)}
    return render(request, "instansi/gambar/ubah.html", konteks, status=409 if form.konflik else 200)


@login_required
def gambar_hapus(request, slug: str, tahun: int, pk: int):
    """Delete an image from the report; its bytes stay for the history of what was shown."""
    ruang = akses.buka(request, slug, tahun)
    objek = get_object_or_404(GambarLaporan, pk=pk, instansi=ruang.instansi, tahun=tahun)
    return hapus(request, ruang, objek, _daftar(ruang))


@login_required
@require_safe
def berkas(request, slug: str, tahun: int, pk: int):
    """The image itself, to those who may read the agency: stored re-encoded, served with
    its own type, never sniffed as anything else, never cached for other users."""
    ruang = akses.buka(request, slug, tahun)
    objek = get_object_or_404(
        GambarLaporan.objects.select_related("berkas"), pk=pk, instansi=ruang.instansi, tahun=tahun
    )
    respons = HttpResponse(bytes(objek.berkas.isi), content_type=objek.berkas.content_type)
    respons["Content-Disposition"] = f'inline; filename="gambar-{objek.pk}.{objek.berkas.format}"'
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Cache-Control"] = "private, max-age=3600"
    return respons
