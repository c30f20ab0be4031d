"""Planners' screens of targets and the agreement: a Renstra's targets (sasaran indicators ×
years), a year's Perjanjian Kinerja (every indicator × PK murni and PK perubahan) and what
the PK perubahan changed, its quarterly targets (TW I–IV), the action plan (each quarter's
target and what will be done), and the agreement's record (place, date, signatories).

A grid shows one sasaran at a time (`?sasaran=<pk>`, the first by default): that sasaran's
indicators at every level below it, so a page keeps its size when the agency's cascade
grows; the indicators under no sasaran (a tujuan's, a program's not yet placed) have a page
of their own, `?sasaran=lain`. A page is validated as a whole and written in one
transaction: a bad cell or a cell someone else saved meanwhile leaves every stored target
as it was. Cells of a locked year are shown but not typed into; changing one anyway is
refused (403).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from instansi import akses
from inti.forms import format_masukan, isian_terbaca
from inti.periode import TRIWULAN, label_triwulan, periode
from inti.versi import Konflik, tulis_semua
from kinerja.models import Indikator, PerjanjianKinerja, RencanaAksi, Renstra, Sasaran, Target
from kinerja.target.forms import KisiRencanaAksiForm, KisiTargetForm, PerjanjianKinerjaForm, SelTarget
from kinerja.tingkat import URUTAN_CASCADE, dengan_tingkat, label_tingkat

RIWAYAT = 20  # target changes listed under a grid
PK = (Target.Sumber.PK_MURNI, Target.Sumber.PK_PERUBAHAN)
TANPA_SASARAN = "lain"  # `?sasaran=` of the page of indicators under no sasaran

# The sasaran an indicator falls under: its own, or its program's, kegiatan's or sub
# kegiatan's program's; NULL for a tujuan's indicator and under a program with no sasaran.
SASARAN_INDIKATOR = Coalesce(
    "sasaran_id",
    "program__sasaran_id",
    "kegiatan__program__sasaran_id",
    "sub_kegiatan__kegiatan__program__sasaran_id",
)


@dataclass
class Halaman:
    """A page of a grid in its selector: a sasaran (or the indicators under none)."""

    kunci: str  # the value of `?sasaran=`
    judul: str
    jumlah: int  # its indicators


def halaman_sasaran(request, indikator: QuerySet[Indikator]):
    """The grid's pages (each sasaran the indicators fall under, in the plan's order,
    then the indicators under none if there are any), the page asked for by `?sasaran=`
    or holding `?indikator=` (the first if none is asked; 404 if it is not one of them)
    and that page's indicators as a queryset (two queries, whatever the agency's size)."""
    jumlah = dict(
        indikator.annotate(kelompok_sasaran=SASARAN_INDIKATOR)
        .order_by()
        .values_list("kelompok_sasaran")
        .annotate(n=Count("pk"))
    )
    halaman = [
        Halaman(str(s.pk), s.uraian, jumlah[s.pk])
        for s in Sasaran.objects.filter(pk__in=[k for k in jumlah if k is not None]).only("pk", "uraian")
    ]
    if jumlah.get(None):
        judul = "Di luar sasaran (tujuan, program tanpa sasaran)"
        halaman.append(Halaman(TANPA_SASARAN, judul, jumlah[None]))
    diminta = request.GET.get("sasaran") or _sasaran_indikator(request, indikator)
    aktif = next((h for h in halaman if h.kunci == diminta), None) if diminta else next(iter(halaman), None)
    if diminta and aktif is None:
        raise Http404("Sasaran ini tidak ada di tabel ini.")
    terpilih = indikator.annotate(kelompok_sasaran=SASARAN_INDIKATOR)
    if aktif and aktif.kunci == TANPA_SASARAN:
        terpilih = terpilih.filter(kelompok_sasaran__isnull=True)
    elif aktif:
        terpilih = terpilih.filter(kelompok_sasaran=int(aktif.kunci))
    return terpilih, {"halaman": halaman, "halaman_aktif": aktif}


def _sasaran_indikator(request, indikator: QuerySet[Indikator]) -> str | None:
    """The page of the indicator `?indikator=<pk>` (a link from the indicator's own page
    lands on the sasaran it falls under); None when none is asked, 404 when it is not in
    the grid."""
    pk = request.GET.get("indikator", "")
    if not pk:
        return None
    ada = list(
        indikator.filter(pk=int(pk) if pk.isdigit() else 0)
        .annotate(kelompok_sasaran=SASARAN_INDIKATOR)
        .values_list("kelompok_sasaran", flat=True)
    )
    if not ada:
        raise Http404("Indikator ini tidak ada di tabel ini.")
    return TANPA_SASARAN if ada[0] is None else str(ada[0])


def _sel(indikator: list[Indikator], tahun: list[int], sumber, terkunci: set[int]) -> list[SelTarget]:
    """Every indicator × year × source, each with its stored yearly target (one query)."""
    tersimpan = {
        (t.indikator_id, t.tahun, t.sumber): t
        for t in Target.objects.filter(
            indikator__in=indikator, tahun__in=tahun, sumber__in=sumber, triwulan__isnull=True
        )
    }
    return [
        SelTarget(i, th, sb, tersimpan.get((i.pk, th, sb)), th in terkunci)
        for i in indikator
        for th in tahun
        for sb in sumber
    ]


def kisi_target(
    request,
    ruang: akses.Akses,
    sel: list[SelTarget],
    template: str,
    konteks: dict,
    kelompok,
    acuan=None,
    nama="target",
    form_class=KisiTargetForm,
):
    """The body every target grid shares: validate every cell, write all or nothing, 409 on
    a conflict, and list the latest changes to the grid's targets (years and quarters).

    `acuan` is a read-only column beside the cells (indicator pk → shown value), titled by
    `judul_acuan` in `konteks`; `nama` says what the cells are in the message after saving.
    """
    konflik = []
    if request.method == "POST":
        form = form_class(request.POST, sel=sel)
        if form.is_valid():
            perubahan = form.perubahan()
            ruang.pastikan_terbuka({t.letak["tahun"] for t in perubahan})
            try:
                form.pastikan_susunan_sama()
                tulis_semua(perubahan)
            except Konflik as exc:
                konflik = exc.daftar
            else:
                messages.success(request, f"{len(perubahan)} {nama} diubah.")
                return redirect(request.get_full_path())  # the same sasaran's page
    else:
        form = form_class(sel=sel)
    riwayat = Target.history.filter(
        indikator_id__in={s.indikator.pk for s in sel},
        tahun__in={s.tahun for s in sel},
        sumber__in={s.sumber for s in sel},
    ).select_related("history_user", "indikator")[:RIWAYAT]
    konteks |= ruang.konteks() | {
        "form": form,
        "baris": form.baris(kelompok, acuan),
        "konflik": konflik,
        "boleh_ubah": ruang.boleh_tulis and not all(s.terkunci for s in sel),
        "riwayat": [
            (r, periode(r.tahun, r.triwulan), format_masukan(r.nilai, r.indikator.desimal)) for r in riwayat
        ],
    }
    return render(request, template, konteks, status=409 if konflik else 200)


@login_required
def target_renstra(request, slug: str, pk: int):
    """The Renstra's targets: every sasaran indicator × every year of the period."""
    ruang = akses.buka(request, slug)
    renstra = get_object_or_404(Renstra, pk=pk, instansi=ruang.instansi)
    tahun = list(renstra.tahun)
    indikator, konteks = halaman_sasaran(
        request, Indikator.objects.filter(renstra=renstra, sasaran__isnull=False)
    )
    indikator = list(indikator.select_related("sasaran").order_by("urutan", "id"))
    sel = _sel(indikator, tahun, [Target.Sumber.RENSTRA], ruang.terkunci_bagi(tahun))
    konteks |= {"renstra": renstra, "judul_kolom": tahun}
    return kisi_target(
        request, ruang, sel, "kinerja/rencana/target_renstra.html", konteks, lambda i: i.sasaran.uraian
    )


def _renstra_tahun(instansi, tahun: int) -> Renstra:
    renstra = Renstra.objects.berlaku(instansi, tahun).first()
    if renstra is None:
        raise Http404(f"Tidak ada Renstra yang mencakup tahun {tahun}.")
    return renstra


def _urut(indikator: QuerySet[Indikator]) -> list[Indikator]:
    """The indicators in the order of the cascade, each with its level."""
    return list(dengan_tingkat(indikator).order_by(*URUTAN_CASCADE))


@login_required
def perjanjian_kinerja(request, slug: str, tahun: int):
    """The year's Perjanjian Kinerja: PK murni and PK perubahan targets side by side, with
    the Renstra target of the year beside them for reference."""
    ruang = akses.buka(request, slug, tahun)
    renstra = _renstra_tahun(ruang.instansi, tahun)
    indikator, konteks = halaman_sasaran(request, Indikator.objects.filter(renstra=renstra))
    indikator = _urut(indikator)
    sel = _sel(indikator, [tahun], PK, ruang.terkunci_bagi([tahun]))
    acuan = {
        t.indikator_id: format_masukan(t.nilai, t.indikator.desimal)
        for t in Target.objects.select_related("indikator").filter(
            indikator__in=indikator, tahun=tahun, sumber=Target.Sumber.RENSTRA, triwulan__isnull=True
        )
    }
    konteks |= {
        "renstra": renstra,
        "tahun": tahun,
        "judul_acuan": f"Target Renstra {tahun}",
        "judul_kolom": [Target.Sumber(s).label for s in PK],
    }
    return kisi_target(
        request, ruang, sel, "kinerja/rencana/perjanjian_kinerja.html", konteks, label_tingkat, acuan
    )


@login_required
@require_safe
def perjanjian_kinerja_perubahan(request, slug: str, tahun: int):
    """What the PK perubahan changed: the indicators whose target differs from the PK murni.

    The database picks the changed targets, so the page reads only those rows, whatever
    the number of indicators."""
    ruang = akses.buka(request, slug, tahun)
    renstra = _renstra_tahun(ruang.instansi, tahun)
    tahunan = Target.objects.filter(indikator__renstra=renstra, tahun=tahun, triwulan__isnull=True)
    murni = tahunan.filter(indikator=OuterRef("indikator"), sumber=Target.Sumber.PK_MURNI)
    perubahan = {
        t.indikator_id: t
        for t in tahunan.filter(sumber=Target.Sumber.PK_PERUBAHAN)
        .annotate(murni=Subquery(murni.values("nilai")[:1]))
        .filter(Q(murni__isnull=True) | ~Q(nilai=F("murni")))
    }
    berubah = [
        (
            label_tingkat(i),
            i,
            format_masukan(perubahan[i.pk].murni, i.desimal) or "–",
            format_masukan(perubahan[i.pk].nilai, i.desimal),
        )
        for i in _urut(Indikator.objects.filter(pk__in=perubahan))
    ]
    return render(
        request,
        "kinerja/rencana/perjanjian_kinerja_perubahan.html",
        ruang.konteks() | {"renstra": renstra, "berubah": berubah},
    )


def sumber_berlaku(instansi, tahun: int) -> str:
    """The agreement whose quarters are planned: the PK perubahan once the year has one."""
    perubahan = Target.objects.filter(
        indikator__renstra__instansi=instansi, tahun=tahun, sumber=Target.Sumber.PK_PERUBAHAN
    )
    return Target.Sumber.PK_PERUBAHAN if perubahan.exists() else Target.Sumber.PK_MURNI


def _sel_triwulan(request, ruang: akses.Akses, tahun: int, dengan_aksi: bool = False):
    """The page's indicators × TW I–IV of the agreement in force (with each quarter's stored
    action when `dengan_aksi`), the page's context and the yearly targets beside the cells."""
    instansi = ruang.instansi
    sumber = sumber_berlaku(instansi, tahun)
    indikator, konteks = halaman_sasaran(
        request, Indikator.objects.filter(renstra=Renstra.objects.berlaku(instansi, tahun))
    )
    if not konteks["halaman"]:
        # No indicator at all: a Renstra yet to be filled (an empty grid) or no Renstra for
        # the year (404, as the PK's grid); asked only then, so a filled grid costs nothing.
        _renstra_tahun(instansi, tahun)
    indikator = _urut(indikator)
    tersimpan = {
        (t.indikator_id, t.triwulan): t
        for t in Target.objects.filter(indikator__in=indikator, tahun=tahun, sumber=sumber)
    }
    aksi = (
        {
            (r.indikator_id, r.triwulan): r
            for r in RencanaAksi.objects.filter(indikator__in=indikator, tahun=tahun)
        }
        if dengan_aksi
        else {}
    )
    terkunci = bool(ruang.terkunci_bagi([tahun]))
    sel = [
        SelTarget(
            i, tahun, sumber, tersimpan.get((i.pk, tw)), terkunci, triwulan=tw, aksi=aksi.get((i.pk, tw))
        )
        for i in indikator
        for tw in TRIWULAN
    ]
    desimal = {i.pk: i.desimal for i in indikator}
    tahunan = {i: format_masukan(t.nilai, desimal[i]) for (i, tw), t in tersimpan.items() if tw is None}
    konteks |= {
        "tahun": tahun,
        "sumber": Target.Sumber(sumber).label,
        "judul_acuan": "Target tahunan",
        "judul_kolom": [label_triwulan(tw) for tw in TRIWULAN],
    }
    return sel, konteks, tahunan


@login_required
def target_triwulan(request, slug: str, tahun: int):
    """Every indicator × TW I–IV of the agreement in force, beside its yearly target."""
    ruang = akses.buka(request, slug, tahun)
    sel, konteks, tahunan = _sel_triwulan(request, ruang, tahun)
    return kisi_target(
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
def rencana_aksi(request, slug: str, tahun: int):
    """The action plan: per indicator and quarter, the quarter's target (the same cell as on
    the quarterly targets screen) and what will be done to reach it."""
    ruang = akses.buka(request, slug, tahun)
    sel, konteks, tahunan = _sel_triwulan(request, ruang, tahun, dengan_aksi=True)
    return kisi_target(
        request,
        ruang,
        sel,
        "kinerja/triwulan/rencana_aksi.html",
        konteks,
        label_tingkat,
        tahunan,
        "isian rencana aksi",
        KisiRencanaAksiForm,
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
    if form.is_bound and form.simpan(ruang):
        messages.success(request, f"{perjanjian} tersimpan.")
        return redirect(request.path)
    konteks = ruang.konteks() | {
        "perjanjian": perjanjian,
        "baru": baru,
        "form": form,
        "terbaca": isian_terbaca(form),
    }
    return render(request, "kinerja/triwulan/naskah.html", konteks, status=409 if form.konflik else 200)
