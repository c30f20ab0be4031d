"""Planners' screens for the narrative of a year's report, beside the figures it may cite.

The narrative is the agency's (`instansi.Narasi`), but writing it needs the report: the
list of references a text may use with their current values, and a preview of the text as
the report prints it (tables placed by its markers, figures filled in). Both come from
`sakip.lkjip`, which is why these screens live here and not in `instansi` (which may not
import the report). Access goes through `instansi.akses.buka` (year-bound: the year lock
applies); saving through `BerVersiForm.simpan`. «Pratinjau» posts the form back and shows
it rendered without saving, so it works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from instansi import akses
from instansi.models import Narasi
from sakip.lkjip import rujukan
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.isi import Teks
from sakip.lkjip.susun import susun
from sakip.narasi.forms import NarasiForm


@login_required
@require_safe
def narasi_daftar(request, slug: str, tahun: int):
    """The narrative sections of a year's report, in report order."""
    ruang = akses.buka(request, slug, tahun)
    daftar = Narasi.objects.filter(instansi=ruang.instansi, tahun=tahun).order_by("urutan", "pk")
    return render(request, "narasi/daftar.html", ruang.konteks() | {"daftar": daftar})


def _laporan_dengan(instansi, tahun: int, objek: Narasi, form: NarasiForm) -> dict:
    """The report with the text as the form holds it (typed, not yet saved): the
    references available, the section as it will print, what in the text dangles and which
    typed figures contradict the data."""
    try:
        data = kumpulkan(instansi, tahun)
    except LaporanTidakAda as exc:
        return {"tanpa_laporan": str(exc)}
    kunci = form["kunci"].value() or objek.kunci
    judul, isi = form["judul"].value() or "", form["teks"].value() or ""
    teks = Narasi(instansi=instansi, tahun=tahun, kunci=kunci, judul=judul, teks=isi)
    lain = {k: n for k, n in data.narasi.items() if objek.pk is None or n.pk != objek.pk}
    data.narasi = lain | {kunci: teks}
    # Only the pictures of the section's chapter are drawn: the preview shows that section.
    dokumen = susun(data, grafik_bab=kunci)
    bagian = rujukan.bagian_narasi(dokumen, kunci)
    if bagian is None:  # a key the layout does not show: the text alone, still filled in
        lepas = Teks(teks.judul, teks.teks, kunci=kunci)
        rujukan.terjemahkan(lepas, dokumen.daftar_rujukan, data.pengaturan)
        gantung = [rujukan.Gantung(kode, jenis, kunci, "") for jenis, kode in lepas.gantung]
        bagian, bertentangan = ("", [lepas]), []
    else:
        gantung = [g for g in rujukan.periksa(dokumen) if g.narasi == kunci]
        bertentangan = [t for t in dokumen.angka_bertentangan if t.narasi == kunci]
    return {
        "rujukan": rujukan.kelompokkan(dokumen.daftar_rujukan, data.pengaturan),
        "pratinjau_tempat": bagian[0],
        "pratinjau": bagian[1],
        "gantung": gantung,
        "angka_bertentangan": bertentangan,
        "pengaturan": data.pengaturan,
    }


@login_required
def narasi(request, slug: str, tahun: int, pk: int | None = None):
    """Write a new narrative section of the year, or change one; preview it first."""
    ruang = akses.buka(request, slug, tahun)
    if pk is None:
        objek = Narasi(instansi=ruang.instansi, tahun=tahun)
    else:
        objek = get_object_or_404(Narasi, pk=pk, instansi=ruang.instansi, tahun=tahun)
    form = NarasiForm(request.POST if request.method == "POST" else None, instance=objek)
    pratinjau = "pratinjau" in request.POST
    if form.is_bound and not pratinjau and form.simpan(ruang):
        narasi = form.tersimpan
        messages.success(request, f"Narasi «{narasi.judul}» tahun {tahun} tersimpan.")
        gantung = _laporan_dengan(ruang.instansi, tahun, narasi, NarasiForm(instance=narasi)).get("gantung")
        if gantung:
            # Saved all the same: the planner may be in the middle of writing.
            kode = ", ".join(g.kode for g in gantung)
            messages.warning(request, f"Rujukan atau penanda yang belum menunjuk apa pun: {kode}.")
        return redirect("narasi-daftar", slug=ruang.instansi.slug, tahun=tahun)
    konteks = ruang.konteks() | {"form": form, "baru": pk is None, "dipratinjau": pratinjau}
    konteks |= _laporan_dengan(ruang.instansi, tahun, objek, form)
    return render(request, "narasi/ubah.html", konteks, status=409 if form.konflik else 200)
