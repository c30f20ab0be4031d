"""Planners' screens for realisations: enter a period's figure, preview its capaian, see who
changed it; and a sasaran's analysis and an indicator's province/national comparison.
Access goes through `instansi.akses.buka` (which refuses a write to a locked year); every
write goes through `inti.versi.tulis_semua`, against the version the planner saw.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from instansi import akses
from instansi.pengaturan import cari_predikat
from inti.angka import format_nilai, format_persen
from inti.forms import format_masukan
from inti.periode import TRIWULAN, baca_triwulan, nama_periode
from inti.versi import CatatanRiwayat, Konflik, Tulis, catatan_riwayat, tulis_semua
from kinerja import hitung
from kinerja.models import AnalisisSasaran, Indikator, Pembanding, Realisasi, Sasaran
from kinerja.pengukuran import baca_ukuran, realisasi_tahun, target_periode
from kinerja.realisasi.forms import AnalisisSasaranForm, PembandingForm, RealisasiForm, ringkas_realisasi

PERIODE = {tw: nama_periode(tw) for tw in (None, *TRIWULAN)}
BATAS_RIWAYAT = 20


def riwayat_realisasi(indikator: Indikator, tahun: int, triwulan: int | None) -> list[CatatanRiwayat]:
    """The latest changes of a period's realisation, newest first, each old → new, in one query."""
    catatan = Realisasi.history.filter(indikator=indikator, tahun=tahun, triwulan=triwulan)
    return catatan_riwayat([(catatan, lambda h: "", lambda h: ringkas_realisasi(h.instance))], BATAS_RIWAYAT)


def _indikator(instansi, pk, tahun: int) -> Indikator:
    """The agency's indicator with its targets and realisations of `tahun`."""
    indikator = get_object_or_404(
        Indikator.objects.select_related("renstra"), pk=pk, renstra__instansi=instansi
    )
    return baca_ukuran([indikator], Q(tahun=tahun))[0]


def _hasil(indikator, instansi, tahun, triwulan, nilai: hitung.Hasil) -> dict:
    """The realisation and capaian as the agency shows them, for the preview and the page."""
    pengaturan = instansi.pengaturan_laporan()
    target = target_periode(indikator.daftar_target, tahun, triwulan)
    capaian = hitung.capaian(
        target.nilai if target else None, nilai, indikator.polaritas, indikator.rumus_turun(pengaturan)
    )
    pita = [p.pita() for p in instansi.predikat.all()]
    tampil = (
        format_nilai(nilai, pengaturan.desimal, pengaturan.pembulatan, indikator.desimal)
        if isinstance(nilai, Decimal)
        else str(nilai)
    )
    return {
        "target": format_nilai(target.nilai, pengaturan.desimal, pengaturan.pembulatan, indikator.desimal)
        if target
        else "–",
        "realisasi": tampil,
        "capaian": format_persen(capaian, pengaturan.desimal, pengaturan.pembulatan)
        if isinstance(capaian, Decimal)
        else str(capaian),
        "predikat": cari_predikat(capaian if isinstance(capaian, Decimal) else None, pita) or "–",
    }


def _nilai_form(form: RealisasiForm, indikator: Indikator) -> hitung.Hasil:
    data = form.cleaned_data
    if data.get("komponen_a") is not None:
        return hitung.nilai_dari_rumus(indikator.jenis_rumus, data["komponen_a"], data["komponen_b"])
    if data.get("nilai") is not None:
        return data["nilai"]
    return hitung.TidakTerhitung.BELUM_DIUKUR


@login_required
@require_safe
def pratinjau(request, slug: str, tahun: int, pk: int):
    """What the typed figures give, before saving: value, capaian, rating, or the errors."""
    instansi = akses.buka(request, slug, tahun).instansi
    indikator = _indikator(instansi, pk, tahun)
    triwulan = baca_triwulan(request.GET.get("triwulan"))
    tersimpan = realisasi_tahun(indikator.daftar_realisasi, tahun, triwulan)
    form = RealisasiForm(request.GET, indikator=indikator, tersimpan=tersimpan)
    if not form.is_valid():
        return JsonResponse({"galat": [e for daftar in form.errors.values() for e in daftar]})
    return JsonResponse(
        _hasil(
            indikator,
            instansi,
            tahun,
            triwulan,
            _nilai_form(form, indikator),
        )
    )


@login_required
def realisasi(request, slug: str, tahun: int, pk: int):
    """Enter or change the realisation of an indicator for a year or a quarter."""
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    indikator = _indikator(instansi, pk, tahun)
    triwulan = baca_triwulan(request.GET.get("triwulan"))
    tersimpan = realisasi_tahun(indikator.daftar_realisasi, tahun, triwulan)
    boleh_ubah = ruang.boleh_ubah
    konflik = []
    if request.method == "POST":
        form = RealisasiForm(request.POST, indikator=indikator, tersimpan=tersimpan)
        if form.is_valid():
            tulis = Tulis(
                model=Realisasi,
                label=f"Realisasi {PERIODE[triwulan].lower()} {tahun}",
                letak={"indikator": indikator, "tahun": tahun, "triwulan": triwulan},
                versi=form.cleaned_data["versi"],
                isian=form.isian(),
                tampil=ringkas_realisasi,
            )
            try:
                tulis_semua([tulis])
            except Konflik as exc:
                konflik = exc.daftar
            else:
                messages.success(request, f"Realisasi {indikator} {tahun} ({PERIODE[triwulan]}) tersimpan.")
                return redirect("instansi-tahun", slug=instansi.slug, tahun=tahun)
    else:
        form = RealisasiForm.dari(tersimpan, indikator)
    if not boleh_ubah:
        for field in form.fields.values():
            field.disabled = True
    konteks = ruang.konteks() | {
        "indikator": indikator,
        "triwulan": triwulan,
        "periode": PERIODE,
        "form": form,
        "konflik": konflik,
        "tersimpan": tersimpan,
        "hasil": _hasil(indikator, instansi, tahun, triwulan, tersimpan.nilai_efektif())
        if tersimpan
        else None,
        "riwayat": riwayat_realisasi(indikator, tahun, triwulan),
        "url_pratinjau": reverse("realisasi-pratinjau", args=[instansi.slug, tahun, indikator.pk]),
    }
    return render(request, "kinerja/realisasi.html", konteks, status=409 if konflik else 200)


@login_required
def analisis(request, slug: str, tahun: int, pk: int):
    """The narrative of a sasaran's year: why it was or was not achieved."""
    ruang = akses.buka(request, slug, tahun)
    sasaran = get_object_or_404(Sasaran, pk=pk, renstra__instansi=ruang.instansi)
    tersimpan = AnalisisSasaran.objects.filter(sasaran=sasaran, tahun=tahun).first()
    form = AnalisisSasaranForm(
        request.POST if request.method == "POST" else None,
        instance=tersimpan or AnalisisSasaran(sasaran=sasaran, tahun=tahun),
    )
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"Analisis «{sasaran}» tahun {tahun} tersimpan.")
        return redirect("instansi-tahun", slug=ruang.instansi.slug, tahun=tahun)
    return render(
        request,
        "kinerja/analisis.html",
        ruang.konteks() | {"sasaran": sasaran, "form": form},
        status=409 if form.konflik else 200,
    )


def _nilai_pembanding(p: Pembanding | None) -> str:
    return f"{format_masukan(p.nilai) or '–'} ({p.sumber or 'tanpa sumber'})" if p else "–"


@login_required
def pembanding(request, slug: str, tahun: int, pk: int):
    """The province's and the nation's realisation beside the agency's, for the report's comparison."""
    ruang = akses.buka(request, slug, tahun)
    indikator = _indikator(ruang.instansi, pk, tahun)
    tersimpan = {p.wilayah: p for p in Pembanding.objects.filter(indikator=indikator, tahun=tahun)}
    konflik = []
    if request.method == "POST":
        form = PembandingForm(request.POST)
        if form.is_valid():
            rencana = []
            for wilayah in Pembanding.Wilayah:
                lama = tersimpan.get(wilayah.value)
                nilai = form.cleaned_data[wilayah.value]
                isian = None if nilai is None else {"nilai": nilai, "sumber": form.cleaned_data["sumber"]}
                if isian != ({"nilai": lama.nilai, "sumber": lama.sumber} if lama else None):
                    rencana.append(
                        Tulis(
                            model=Pembanding,
                            label=f"Realisasi {wilayah.label.lower()} {tahun}",
                            letak={"indikator": indikator, "tahun": tahun, "wilayah": wilayah.value},
                            versi=form.cleaned_data[f"versi_{wilayah.value}"],
                            isian=isian,
                            tampil=_nilai_pembanding,
                        )
                    )
            try:
                tulis_semua(rencana)
            except Konflik as exc:
                konflik = exc.daftar
            else:
                messages.success(request, f"Pembanding «{indikator}» tahun {tahun} tersimpan.")
                return redirect("instansi-tahun", slug=ruang.instansi.slug, tahun=tahun)
    else:
        sumber = next((p.sumber for p in tersimpan.values() if p.sumber), "")
        awal = {t: p.nilai for t, p in tersimpan.items()} | {
            f"versi_{t}": p.versi for t, p in tersimpan.items()
        }
        form = PembandingForm(initial=awal | {"sumber": sumber})
    if not ruang.boleh_ubah:
        for field in form.fields.values():
            field.disabled = True
    konteks = ruang.konteks() | {"indikator": indikator, "form": form, "konflik": konflik}
    return render(request, "kinerja/pembanding.html", konteks, status=409 if konflik else 200)
