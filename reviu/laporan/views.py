"""A report's review page and the confirmation of its transitions.

The review page (`instansi/<slug>/<tahun>/reviu/`) shows where the report stands, what the
user may do next, the automatic findings as gathered now, the reviewer's notes (a form for
a new one for the region's reviewer and admins) and every transition made. A transition is
a GET page that spells out its consequences and a POST that applies it through
`reviu.alur.terapkan`, which decides who may and when.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from instansi import akses
from inti.versi import Konflik
from publikasi.terbitan import terbitan_terkini
from reviu import alur
from reviu.laporan.forms import CatatanBaruForm, TransisiForm
from reviu.models import CatatanReviu, Objek, PeristiwaLaporan, StatusCatatan
from reviu.temuan import temukan
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.susun import susun


def _dokumen(instansi, tahun: int):
    try:
        return susun(kumpulkan(instansi, tahun))
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None


def pilihan_objek(dokumen) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a note may be about, as the report shows it, grouped by kind."""
    data = dokumen.data
    indikator = [i for s in data.sasaran for i in s.indikator] + [
        i for daftar in data.indikator_node.values() for i in daftar
    ]
    return [
        (Objek.LAPORAN.label, [("laporan:", "Laporan secara keseluruhan")]),
        (Objek.BAB.label, [(f"bab:{b.id}", f"Bab {b.nomor} {b.judul}") for b in dokumen.bab]),
        (Objek.SASARAN.label, [(f"sasaran:{s.sasaran.pk}", s.sasaran.uraian) for s in data.sasaran]),
        (Objek.INDIKATOR.label, [(f"indikator:{i.indikator.pk}", i.nama) for i in indikator]),
        (
            Objek.TABEL.label,
            [(f"tabel:{t.nomor}", f"{t.nomor} {t.judul}") for t in dokumen.daftar_tabel if t.nomor],
        ),
    ]


@login_required
def laporan(request, slug: str, tahun: int):
    """The review page; a POST writes a new note (the region's reviewer and admins)."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    instansi = ruang.instansi
    dokumen = _dokumen(instansi, tahun)
    peran = alur.peran(request.user, instansi)
    form = None
    if alur.boleh_mencatat(peran):
        form = CatatanBaruForm(request.POST or None, pilihan=pilihan_objek(dokumen))
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Hanya pemeriksa wilayah ini atau admin yang menulis catatan reviu.")
        if form.is_valid():
            objek, kunci, label = form.objek()
            alur.buat_catatan(request.user, instansi, tahun, objek, kunci, label, form.cleaned_data["teks"])
            messages.success(request, f"Catatan tentang «{label}» tersimpan.")
            return redirect("reviu-laporan", slug=slug, tahun=tahun)
    status = alur.status_kini(instansi, tahun)
    catatan = CatatanReviu.objects.filter(instansi=instansi, tahun=tahun).select_related(
        "dibuat_oleh", "dijawab_oleh", "ditutup_oleh"
    )
    return render(
        request,
        "reviu/laporan.html",
        ruang.konteks()
        | {
            "status": status,
            "transisi": alur.transisi_bagi(peran, status.status),
            "temuan": temukan(dokumen),
            "catatan": catatan,
            "terbuka": sum(1 for c in catatan if c.status == StatusCatatan.TERBUKA),
            "form": form,
            "peristiwa": PeristiwaLaporan.objects.filter(instansi=instansi, tahun=tahun).select_related(
                "oleh"
            ),
            "terbitan": terbitan_terkini(instansi, tahun),
        },
    )


@login_required
def transisi(request, slug: str, tahun: int, kode: str):
    """«Sampaikan laporan 2023?»: the consequences, the note, then the transition."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    instansi = ruang.instansi
    t = alur.TRANSISI.get(kode)
    if t is None:
        raise Http404("Tidak ada langkah itu.")
    status = alur.status_kini(instansi, tahun)
    form = TransisiForm(request.POST or None, initial={"versi": status.versi})
    galat, konflik, kode_status, temuan = "", [], 200, None
    try:
        alur.periksa(request.user, instansi, t, status)
        if form.is_valid():
            alur.terapkan(
                request.user,
                instansi,
                tahun,
                t.kode,
                form.cleaned_data["catatan"],
                form.cleaned_data["versi"],
            )
            messages.success(request, f"Laporan {tahun}: {t.nama.lower()} — tercatat.")
            return redirect("reviu-laporan", slug=slug, tahun=tahun)
    except alur.TahapSalah as exc:
        galat, kode_status = str(exc), 409
    except alur.SyaratBelum as exc:
        form.add_error("catatan", str(exc))
        temuan = exc.temuan
    except Konflik as exc:
        konflik, kode_status = exc.daftar, 409
    if temuan is None:
        temuan = alur.temuan_laporan(instansi, tahun) if t.ke == alur.Status.DISAMPAIKAN and not galat else []
    return render(
        request,
        "reviu/transisi.html",
        ruang.konteks()
        | {
            "t": t,
            "status": status,
            "akibat": [a.format(tahun=tahun, pemda=instansi.pemda.nama) for a in t.akibat],
            "form": form,
            "galat": galat,
            "konflik": konflik,
            "temuan": temuan,
            "catatan_terbuka": alur.catatan_terbuka(instansi, tahun) if t.perlu_catatan_terbuka else [],
        },
        status=kode_status,
    )
