"""Spreadsheet screens: download the realisation template, upload it, preview, apply (a big
file is applied by a background job: `pekerjaan`, which also hands out the LKjIP's tables
as a workbook)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from instansi import akses
from inti.ekspor import respons_xlsx
from inti.periode import baca_triwulan, nama_periode
from sakip.excel import anggaran, realisasi
from sakip.excel.aman import UKURAN_MAKS, BerkasDitolak
from sakip.excel.lembar import triwulan_templat
from sakip.models import UnggahanExcel

# Each kind of template reads and applies itself the same way.
MODUL = {"realisasi": realisasi, "anggaran": anggaran}


@login_required
@require_safe
def templat_realisasi(request, slug: str, tahun: int):
    instansi = akses.buka(request, slug, tahun).instansi
    triwulan = baca_triwulan(request.GET.get("triwulan"))
    nama = f"realisasi-{instansi.slug}-{tahun}{f'-tw{triwulan}' if triwulan else ''}.xlsx"
    return respons_xlsx(realisasi.templat(instansi, tahun, triwulan), nama)


@login_required
@require_safe
def templat_anggaran(request, slug: str, tahun: int):
    instansi = akses.buka(request, slug, tahun).instansi
    return respons_xlsx(anggaran.templat(instansi, tahun), f"anggaran-{instansi.slug}-{tahun}.xlsx")


class UnggahForm(forms.Form):
    # No period here: the template records the one it was downloaded for (`triwulan_templat`).
    jenis = forms.ChoiceField(
        label="Isi templat", choices=[("realisasi", "Realisasi kinerja"), ("anggaran", "Anggaran")]
    )
    berkas = forms.FileField(label="Berkas templat (.xlsx)")


@login_required
def unggah(request, slug: str, tahun: int):
    """Take a filled template: screen it from its temporary file (hostile, malformed, another
    agency's or year's) and store it for the preview only when it passes."""
    ruang = akses.buka(request, slug, tahun)
    form = UnggahForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        jenis = form.cleaned_data["jenis"]
        try:
            if berkas.size > UKURAN_MAKS:
                raise BerkasDitolak(f"Berkas terlalu besar; batasnya {UKURAN_MAKS // 1024 // 1024} MB.")
            isi = berkas.read()
            triwulan = triwulan_templat(isi)
            MODUL[jenis].baca(isi, ruang, triwulan)
        except BerkasDitolak as exc:
            form.add_error("berkas", str(exc))
        else:
            unggahan = UnggahanExcel.objects.create(
                instansi=ruang.instansi, tahun=tahun, jenis=jenis, triwulan=triwulan,
                user=request.user, nama_berkas=berkas.name[:255], isi=isi,
            )  # fmt: skip
            return redirect("excel-pratinjau", slug=ruang.instansi.slug, tahun=tahun, pk=unggahan.pk)
    return render(request, "excel/unggah.html", ruang.konteks() | {"form": form})


@login_required
def pratinjau(request, slug: str, tahun: int, pk: int):
    """What the upload would change (old -> new) and every problem; apply only when clean,
    or cancel: the stored upload deleted, back to the year."""
    ruang = akses.buka(request, slug, tahun)
    unggahan = get_object_or_404(
        UnggahanExcel, pk=pk, instansi=ruang.instansi, tahun=tahun, user=request.user
    )
    if request.method == "POST" and "batalkan" in request.POST and unggahan.diterapkan is None:
        unggahan.delete()
        messages.info(request, f"Unggahan «{unggahan.nama_berkas}» dibatalkan; tidak ada data yang diubah.")
        return redirect("instansi-tahun", slug=ruang.instansi.slug, tahun=tahun)
    galat, hasil = None, None
    try:
        hasil = MODUL[unggahan.jenis].baca(bytes(unggahan.isi), ruang, unggahan.triwulan)
    except BerkasDitolak as exc:
        galat = str(exc)
    if request.method == "POST" and hasil and not hasil.masalah and unggahan.diterapkan is None:
        try:
            jumlah = MODUL[unggahan.jenis].terapkan(hasil, unggahan.nama_berkas, ruang)
        except BerkasDitolak as exc:
            galat = str(exc)
        else:
            unggahan.diterapkan = timezone.now()
            unggahan.save(update_fields=["diterapkan"])
            messages.success(request, f"{jumlah} isian dari «{unggahan.nama_berkas}» diterapkan.")
            return redirect("instansi-tahun", slug=ruang.instansi.slug, tahun=tahun)
    # A big file is applied by a background job (the button posts to `pekerjaan-excel`).
    di_latar = bool(hasil) and len(hasil.perubahan) > settings.PEKERJAAN_AMBANG_BARIS_EXCEL
    return render(
        request,
        "excel/pratinjau.html",
        ruang.konteks()
        | {"unggahan": unggahan, "periode": nama_periode(unggahan.triwulan), "hasil": hasil, "galat": galat}
        | {"di_latar": di_latar},
        status=422 if galat or (hasil and hasil.masalah) else 200,
    )
