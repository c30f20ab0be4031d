"""Job screens: a job's progress page and its JSON for the bar's polling, «Coba lagi», its
result file; the LKjIP PDF download, served from the store when current and made by a
worker otherwise; the LKjIP workbook, made by a worker for a big report; a pemda's «Buat
semua PDF»; a big spreadsheet applied by a worker.

A job is seen by whoever may read its agency (`instansi.akses.buka`), a pemda's job by
that region's reviewers and admins; anyone else gets 404, as for the agency itself.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from instansi.akses import buka
from instansi.models import Pemda
from inti.ekspor import respons_xlsx
from kinerja.models import Renstra
from pekerjaan.antrean import jalankan, sapu, ulang
from pekerjaan.models import Pekerjaan
from pekerjaan.tugas import buku_lkjip, instansi_berlaporan
from sakip.lkjip.data import LaporanTidakAda, kumpulkan
from sakip.lkjip.render import pdf_tersimpan
from sakip.models import BerkasPdf, UnggahanExcel

# Jobs that write an agency's data: retrying one is a write (403 for readers, year lock).
TUGAS_MENULIS = {"terapkan_excel"}


def buka_pemda(request, slug: str) -> Pemda:
    """The access prologue of a region's pages: its reviewers and admins; others 404."""
    daftar = Pemda.objects.all()
    if not request.user.is_superuser:
        daftar = daftar.filter(pemeriksa__user=request.user)
    try:
        return daftar.get(slug=slug)
    except Pemda.DoesNotExist:
        raise Http404("Pemda tidak ditemukan.") from None


def _buka_pekerjaan(request, pk: int) -> Pekerjaan:
    # Reading a job is when a dead worker's job gets noticed, whoever else is looking.
    sapu()
    pekerjaan = get_object_or_404(Pekerjaan.objects.select_related("instansi", "pemda", "oleh"), pk=pk)
    if pekerjaan.instansi is not None:
        buka(request, pekerjaan.instansi.slug, pekerjaan.tahun, menulis=False)
    elif pekerjaan.pemda is not None:
        buka_pemda(request, pekerjaan.pemda.slug)
    elif not request.user.is_superuser:
        raise Http404("Pekerjaan tidak ditemukan.")
    return pekerjaan


@login_required
@require_safe
def pekerjaan(request, pk: int):
    p = _buka_pekerjaan(request, pk)
    return render(request, "pekerjaan/pekerjaan.html", {"pekerjaan": p})


@login_required
@require_safe
def status(request, pk: int):
    respons = JsonResponse(_buka_pekerjaan(request, pk).sebagai_json())
    respons["Cache-Control"] = "no-store"
    return respons


@login_required
@require_POST
def coba_lagi(request, pk: int):
    p = _buka_pekerjaan(request, pk)
    if p.nama_tugas in TUGAS_MENULIS:
        buka(request, p.instansi.slug, p.tahun)
    if p.status == Pekerjaan.Status.GAGAL:
        ulang(p)
    return redirect(p)


@login_required
@require_safe
def laporan_pdf(request, slug: str, tahun: int):
    """The stored PDF while it is current; otherwise a worker makes it and the browser waits
    on the progress page (which offers the PDF when done), not on a 5–40 s request."""
    instansi = buka(request, slug, tahun).instansi
    isi = pdf_tersimpan(instansi, tahun)
    if isi is None:
        if not Renstra.objects.berlaku(instansi, tahun).exists():
            raise Http404(f"{instansi} tidak memiliki laporan tahun {tahun}.")
        judul = f"PDF LKjIP {instansi} tahun {tahun}"
        p = jalankan("pdf_lkjip", oleh=request.user, judul=judul, instansi=instansi, tahun=tahun)
        if p.status != Pekerjaan.Status.SELESAI:
            return redirect(p)
        # A backend that ran it at once (the immediate one) left it in the store already.
        isi = bytes(BerkasPdf.objects.get(instansi=instansi, tahun=tahun).isi)
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'inline; filename="LKjIP-{instansi.slug}-{tahun}.pdf"'
    return respons


@login_required
@require_safe
def berkas(request, pk: int):
    """A job's own result file (the workbook), for who may see the job."""
    p = _buka_pekerjaan(request, pk)
    if p.status != Pekerjaan.Status.SELESAI or not p.nama_berkas:
        raise Http404("Pekerjaan ini tidak menghasilkan berkas.")
    return respons_xlsx(bytes(p.berkas), p.nama_berkas)


@login_required
@require_safe
def tabel_lkjip(request, slug: str, tahun: int):
    """Every table of the LKjIP as one workbook: in the request for a report of ordinary size
    (about a second); by a worker, with the progress page, for one with more indicators than
    `PEKERJAAN_AMBANG_INDIKATOR_XLSX`, which takes several."""
    instansi = buka(request, slug, tahun).instansi
    try:
        data = kumpulkan(instansi, tahun)
    except LaporanTidakAda as exc:
        raise Http404(str(exc)) from None
    if len(data.semua_indikator()) <= settings.PEKERJAAN_AMBANG_INDIKATOR_XLSX:
        return respons_xlsx(buku_lkjip(data), f"LKjIP-{instansi.slug}-{tahun}-tabel.xlsx")
    judul = f"Tabel Excel LKjIP {instansi} tahun {tahun}"
    p = jalankan("xlsx_lkjip", oleh=request.user, judul=judul, instansi=instansi, tahun=tahun)
    if p.status != Pekerjaan.Status.SELESAI:
        return redirect(p)
    return respons_xlsx(bytes(p.berkas), p.nama_berkas)


@login_required
def pdf_pemda(request, slug: str, tahun: int):
    """Every agency's PDF of a region's year, made by the workers: one part per agency."""
    pemda = buka_pemda(request, slug)
    if request.method == "POST":
        judul = f"Semua PDF LKjIP {pemda.nama} tahun {tahun}"
        jalankan("pdf_pemda", oleh=request.user, judul=judul, pemda=pemda, tahun=tahun)
        return redirect("pdf-pemda", slug=pemda.slug, tahun=tahun)
    sapu()
    instansi = list(instansi_berlaporan(pemda, tahun))
    tersimpan = dict(
        BerkasPdf.objects.filter(instansi__in=instansi, tahun=tahun).values_list("instansi_id", "dibuat")
    )
    terakhir = Pekerjaan.objects.filter(nama_tugas="pdf_pemda", pemda=pemda, tahun=tahun).first()
    return render(
        request,
        "pekerjaan/pdf_pemda.html",
        {
            "pemda": pemda,
            "tahun": tahun,
            "daftar": [(i, tersimpan.get(i.pk)) for i in instansi],
            "pekerjaan": terakhir,
        },
    )


@login_required
@require_POST
def terapkan_excel(request, slug: str, tahun: int, pk: int):
    """The preview's «Terapkan» for a file too big to apply inside the request."""
    ruang = buka(request, slug, tahun)
    unggahan = get_object_or_404(
        UnggahanExcel, pk=pk, instansi=ruang.instansi, tahun=tahun, user=request.user
    )
    if unggahan.diterapkan is not None:
        raise PermissionDenied("Unggahan ini sudah diterapkan.")
    p = jalankan(
        "terapkan_excel",
        oleh=request.user,
        judul=f"Menerapkan «{unggahan.nama_berkas}» ({ruang.instansi} tahun {tahun})",
        instansi=ruang.instansi,
        tahun=tahun,
        unggahan=unggahan.pk,
    )
    return redirect(p)
