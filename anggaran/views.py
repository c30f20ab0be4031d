"""Planners' screens for budgets: a year's overview per program, the budget grid of one
program (pagu per stage and realisasi on the program, its kegiatan and sub kegiatan) and
belanja per jenis.

Access goes through `instansi.akses.buka`; a grid is written all or nothing, every cell
checked against the version it was read at (`inti.versi.tulis_semua`). Figures shown
beside the inputs are the rolled-up ones of `anggaran.ringkasan`, as in the report.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from anggaran.filters import ProgramFilter
from anggaran.forms import KOLOM, KisiAnggaran, KisiBelanja, letak_node, pada_program, tersimpan_program
from anggaran.hitung import gulung
from anggaran.models import BelanjaJenis, Pagu, RealisasiAnggaran
from anggaran.ringkasan import NodeAnggaran, anggaran_instansi, jumlah
from anggaran.tables import AnggaranProgramTable
from instansi import akses
from inti.angka import format_rupiah
from inti.ekspor import unduh
from inti.versi import Konflik, catatan_riwayat, tulis_semua

BATAS_RIWAYAT = 30


def _simpan(request, grid, pesan: str):
    """Save a posted grid: (a redirect, []) when saved, else (None, the conflicting rows)."""
    if not grid.is_valid():
        return None, []
    try:
        tulis_semua(grid.rencana())
    except Konflik as exc:
        return None, exc.daftar
    messages.success(request, pesan)
    return redirect(request.path), []


def _halaman(request, template: str, akses_: akses.Akses, grid, konflik: list, **konteks):
    """Render a grid page; 409 when it is shown again because of a conflict."""
    konteks |= akses_.konteks() | {
        "grid": grid,
        "galat": grid.galat(),
        "konflik": konflik,
        "pengaturan": akses_.instansi.pengaturan_laporan(),
    }
    return render(request, template, konteks, status=409 if konflik else 200)


@login_required
@require_safe
def anggaran_tahun(request, slug: str, tahun: int):
    """Every program of the year with pagu akhir, realisasi, penyerapan and sisa."""
    instansi = akses.buka(request, slug, tahun).instansi
    saring = ProgramFilter(request.GET, instansi=instansi, tahun=tahun)
    dipilih = set(saring.qs.values_list("pk", flat=True))
    program = [n for n in anggaran_instansi(instansi, tahun) if n.objek.pk in dipilih]
    table = AnggaranProgramTable(program, instansi=instansi, tahun=tahun)
    RequestConfig(request, paginate=False).configure(table)
    if unduhan := unduh(request, table, f"anggaran-{instansi.slug}-{tahun}", f"Anggaran {tahun}"):
        return unduhan
    konteks = {
        "instansi": instansi,
        "tahun": tahun,
        "table": table,
        "saring": saring,
        "pagu": jumlah(program, NodeAnggaran.pagu_akhir),
        "realisasi": jumlah(program, NodeAnggaran.realisasi),
    }
    return render(request, "anggaran/tahun.html", konteks)


@login_required
def anggaran_program(request, slug: str, tahun: int, pk: int):
    """Pagu per stage and realisasi of a program, its kegiatan and sub kegiatan, as one grid."""
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    program = next(iter(anggaran_instansi(instansi, tahun, program=pk)), None)
    if program is None:
        raise Http404("Program tidak ditemukan pada Renstra tahun ini.")
    tersimpan = tersimpan_program(program.objek, tahun)
    konflik = []
    if request.method == "POST":
        grid = KisiAnggaran(program, tahun, tersimpan, request.POST)
        selesai, konflik = _simpan(request, grid, f"Anggaran «{program.objek}» tahun {tahun} tersimpan.")
        if selesai:
            return selesai
    else:
        grid = KisiAnggaran(program, tahun, tersimpan)
    nama = {(node.tingkat, node.objek.pk): node.objek.nama for node, _ in grid.baris}
    riwayat = catatan_riwayat(
        [
            (
                Pagu.history.filter(pada_program(program.objek), tahun=tahun),
                lambda h: f"{h.get_tahap_display()} «{nama.get(letak_node(h), '(dihapus)')}»",
                lambda h: format_rupiah(h.jumlah),
            ),
            (
                RealisasiAnggaran.history.filter(pada_program(program.objek), tahun=tahun),
                lambda h: f"Realisasi «{nama.get(letak_node(h), '(dihapus)')}»",
                lambda h: format_rupiah(h.jumlah),
            ),
        ],
        BATAS_RIWAYAT,
    )
    return _halaman(
        request, "anggaran/program.html", ruang, grid, konflik, program=program, kolom=KOLOM, riwayat=riwayat
    )


@login_required
def belanja(request, slug: str, tahun: int):
    """Belanja per jenis of a year: DPA murni, perubahan and the reason, with totals."""
    ruang = akses.buka(request, slug, tahun)
    instansi = ruang.instansi
    tersimpan = {b.jenis: b for b in BelanjaJenis.objects.filter(instansi=instansi, tahun=tahun)}
    konflik = []
    if request.method == "POST":
        grid = KisiBelanja(instansi, tahun, tersimpan, request.POST)
        selesai, konflik = _simpan(request, grid, f"Belanja per jenis tahun {tahun} tersimpan.")
        if selesai:
            return selesai
    else:
        grid = KisiBelanja(instansi, tahun, tersimpan)
    riwayat = catatan_riwayat(
        [
            (
                BelanjaJenis.history.filter(instansi=instansi, tahun=tahun),
                lambda h: h.get_jenis_display(),
                lambda h: f"murni {format_rupiah(h.murni)}, perubahan {format_rupiah(h.perubahan)}",
            ),
        ],
        BATAS_RIWAYAT,
    )
    # Totals as the report adds them: a perubahan total only from the jenis that have one.
    total = {
        "murni": gulung(None, (b.murni for b in tersimpan.values())),
        "perubahan": gulung(None, (b.perubahan for b in tersimpan.values())),
    }
    return _halaman(request, "anggaran/belanja.html", ruang, grid, konflik, total=total, riwayat=riwayat)
