"""Planners' screens of a year's Perjanjian Kinerja beyond its yearly targets
(`kinerja.views_target`): the quarterly targets (TW I–IV) of the agreement in force, and
the agreement's record (place, date, signatories) for PK murni and PK perubahan.

Access goes through `instansi.akses`; the year lock applies to both. The grid is written
all or nothing (`kinerja.forms_rencana.GridTargetForm`), 409 when a cell was saved by
someone else since the page was opened.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from instansi import akses
from instansi.forms import format_masukan
from kinerja.forms_rencana import ROMAWI, Sel, isian_terbaca
from kinerja.forms_triwulan import PerjanjianKinerjaForm
from kinerja.models import Indikator, PerjanjianKinerja, Renstra, Target
from kinerja.tables import dengan_tingkat, label_tingkat
from kinerja.views_target import URUTAN_CASCADE, grid_target

TRIWULAN = (1, 2, 3, 4)


def sumber_berlaku(instansi, tahun: int) -> str:
    """The agreement whose quarters are planned: the PK perubahan once the year has one."""
    perubahan = Target.objects.filter(
        indikator__renstra__instansi=instansi, tahun=tahun, sumber=Target.Sumber.PK_PERUBAHAN
    )
    return Target.Sumber.PK_PERUBAHAN if perubahan.exists() else Target.Sumber.PK_MURNI


def _indikator(instansi, tahun: int) -> list[Indikator]:
    """The indicators of the latest Renstra covering the year, in the order of the cascade."""
    indikator = Indikator.objects.filter(renstra=Renstra.objects.berlaku(instansi, tahun))
    return list(dengan_tingkat(indikator).order_by(*URUTAN_CASCADE))


@login_required
def target_triwulan(request, slug: str, tahun: int):
    """Every indicator × TW I–IV of the agreement in force, beside its yearly target."""
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    sumber = sumber_berlaku(instansi, tahun)
    indikator = _indikator(instansi, tahun)
    tersimpan = {
        (t.indikator_id, t.triwulan): t
        for t in Target.objects.filter(indikator__in=indikator, tahun=tahun, sumber=sumber)
    }
    terkunci = bool(ruang.terkunci_bagi([tahun]))
    sel = [
        Sel(i, tahun, sumber, tersimpan.get((i.pk, tw)), terkunci, triwulan=tw)
        for i in indikator
        for tw in TRIWULAN
    ]
    tahunan = {i: format_masukan(t.nilai) for (i, tw), t in tersimpan.items() if tw is None}
    konteks = {
        "tahun": tahun,
        "sumber": Target.Sumber(sumber).label,
        "judul_acuan": "Target tahunan",
        "judul_kolom": [f"TW {ROMAWI[tw]}" for tw in TRIWULAN],
    }
    return grid_target(
        request,
        ruang,
        sel,
        "kinerja/triwulan/target.html",
        konteks,
        label_tingkat,
        tahunan,
        "target triwulan",
    )


@login_required
def perjanjian_naskah(request, slug: str, tahun: int, jenis: str):
    """The record of the year's PK murni or PK perubahan: where, when and who signed."""
    if jenis not in PerjanjianKinerja.Jenis.values:
        raise Http404("Jenis Perjanjian Kinerja tidak dikenal.")
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    perjanjian = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, jenis=jenis).first()
    baru = perjanjian is None
    if baru:
        # A new agreement is signed by the agency's head and the region's head, as a rule.
        perjanjian = PerjanjianKinerja(
            instansi=instansi,
            tahun=tahun,
            jenis=jenis,
            pihak_pertama_nama=instansi.kepala_nama,
            pihak_pertama_jabatan=instansi.kepala_jabatan,
            pihak_pertama_pangkat=instansi.kepala_pangkat,
            pihak_pertama_nip=instansi.kepala_nip,
            pihak_kedua_nama=instansi.pemda.nama_kepala,
            pihak_kedua_jabatan=f"{instansi.pemda.jabatan_kepala} {instansi.pemda.nama}".strip(),
        )
    form = PerjanjianKinerjaForm(request.POST if request.method == "POST" else None, instance=perjanjian)
    if form.is_bound and form.simpan():
        messages.success(request, f"{perjanjian} tersimpan.")
        return redirect(request.path)
    konteks = ruang.konteks() | {
        "perjanjian": perjanjian,
        "baru": baru,
        "form": form,
        "terbaca": isian_terbaca(form),
    }
    return render(request, "kinerja/triwulan/naskah.html", konteks, status=409 if form.konflik else 200)
