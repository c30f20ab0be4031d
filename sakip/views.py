"""Site-wide screens: the start page and an agency's year at a glance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from anggaran.ringkasan import NodeAnggaran, jumlah
from instansi import akses
from inti.forms import BerVersiForm
from kinerja.hitung import TidakTerhitung
from sakip.beranda import daftar_beranda, pemeriksaan
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.models import LaporanKinerja


@require_safe
def beranda(request):
    """The start page: the agencies the user may open, each with its plan, its Renstra's years
    and which of them hold data; an agency without a Renstra, the way to its first; for a
    reviewer or an admin, the desk, the dashboards and the regions' bulk PDFs."""
    konteks = {"daftar": daftar_beranda(request.user), "periksa": pemeriksaan(request.user)}
    return render(request, "beranda.html", konteks)


@login_required
@require_safe
def instansi_tahun(request, slug: str, tahun: int):
    """An agency's year: every indicator's target, realisation, capaian and what is missing,
    and budget absorption per program; links to every entry screen."""
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    try:
        data = kumpulkan(instansi, tahun, ringkas=True)
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    indikator = [(s, i) for s in data.sasaran for i in s.indikator] + [
        (None, i)
        for tingkat, daftar in data.indikator_node.items()
        if tingkat[0] != "sasaran"
        for i in daftar
    ]
    belum = sum(1 for _, i in indikator if isinstance(i.ukur.realisasi, TidakTerhitung))
    return render(
        request,
        "sakip/instansi_tahun.html",
        ruang.konteks()
        | {
            "data": data,
            "pengaturan": data.pengaturan,
            "indikator": indikator,
            "belum": belum,
            "pagu": jumlah(data.program, NodeAnggaran.pagu_akhir),
            "realisasi": jumlah(data.program, NodeAnggaran.realisasi),
            "tahun_renstra": list(data.renstra.tahun),
        },
    )


class NaskahLaporanForm(BerVersiForm):
    """The report's title and the place and date of its signature; one per agency and year."""

    class Meta:
        model = LaporanKinerja
        fields = ["judul", "tempat_tanggal"]


@login_required
def naskah_laporan(request, slug: str, tahun: int):
    """The LKjIP's own words that are not data: its title and the signature's place and date."""
    ruang = akses.buka(request, slug, tahun)
    laporan = LaporanKinerja.objects.filter(instansi=ruang.instansi, tahun=tahun).first()
    form = NaskahLaporanForm(
        request.POST if request.method == "POST" else None,
        instance=laporan or LaporanKinerja(instansi=ruang.instansi, tahun=tahun),
    )
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"Naskah LKjIP {tahun} tersimpan.")
        return redirect("instansi-tahun", slug=ruang.instansi.slug, tahun=tahun)
    if not ruang.boleh_ubah:
        for field in form.fields.values():
            field.disabled = True
    konteks = ruang.konteks() | {"form": form}
    return render(request, "sakip/naskah_laporan.html", konteks, status=409 if form.konflik else 200)
