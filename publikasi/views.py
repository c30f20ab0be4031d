"""The public pages, no login: published LKjIP per pemda, agency and year, their files and
figures, and the verification of a printed identifier or a downloaded PDF.

These views do not begin with `instansi.akses.buka`, which decides who may read an
agency's working data: what they show is only what was published, for everyone alike. Their
prologue is `_terbitan` / `_versi`: an agency-year without a publication answers 404 with
the same words as one that does not exist, so nothing unpublished is visible or guessable.
Every document is served from the stored snapshot, never rendered again.
"""

import hashlib
import json
from collections import defaultdict

from django import forms
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from instansi.models import Pemda
from publikasi.models import Terbitan
from publikasi.terbitan import cari, tulis_csv, versi_terkini

# An uploaded PDF to verify: the size of any upload the site takes (sakip.excel.aman),
# below the request cap of sakip.middleware. A larger file is checked by its hash.
UKURAN_PDF_MAKS = 5 * 1024 * 1024
# A published file never changes: browsers and proxies may keep it.
SIMPAN_LAMA = "public, max-age=31536000, immutable"
TIDAK_DITEMUKAN = "Laporan tidak ditemukan."


def _terbitan(pemda: str, slug: str, tahun: int):
    """Every published version of the agency-year, newest first (without their files), or 404."""
    versi = list(
        Terbitan.objects.tanpa_isi()
        .filter(instansi__pemda__slug=pemda, instansi__slug=slug, tahun=tahun)
        .select_related("instansi__pemda", "diterbitkan_oleh")
        .order_by("-versi")
    )
    if not versi:
        raise Http404(TIDAK_DITEMUKAN)
    return versi


def _versi(pemda: str, slug: str, tahun: int, versi: int) -> Terbitan:
    """One published version with its files, or 404."""
    try:
        return Terbitan.objects.select_related("instansi__pemda").get(
            instansi__pemda__slug=pemda, instansi__slug=slug, tahun=tahun, versi=versi
        )
    except Terbitan.DoesNotExist:
        raise Http404(TIDAK_DITEMUKAN) from None


def _nama_berkas(t: Terbitan, akhiran: str) -> str:
    return f"LKjIP-{t.instansi.slug}-{t.tahun}-v{t.versi}.{akhiran}"


def _berkas(t: Terbitan, isi: bytes, content_type: str, akhiran: str, unduh: bool = False) -> HttpResponse:
    respons = HttpResponse(isi, content_type=content_type)
    cara = "attachment" if unduh else "inline"
    respons["Content-Disposition"] = f'{cara}; filename="{_nama_berkas(t, akhiran)}"'
    respons["Cache-Control"] = SIMPAN_LAMA
    return respons


@require_safe
def indeks(request):
    """Every pemda, with how many agency-years it has published."""
    daftar = Pemda.objects.annotate(
        jumlah=Count("instansi__terbitan", filter=Q(instansi__terbitan__versi=1))
    ).order_by("nama")
    return render(request, "publikasi/indeks.html", {"daftar": daftar})


@require_safe
def pemda(request, pemda: str):
    """A pemda's published reports by year and agency, each with its current version."""
    pemda = get_object_or_404(Pemda, slug=pemda)
    semua = (
        Terbitan.objects.tanpa_isi()
        .filter(instansi__pemda=pemda)
        .select_related("instansi")
        .order_by("-tahun", "instansi__nama", "-versi")
    )
    per_tahun: dict[int, dict] = defaultdict(dict)
    for t in semua:
        # Newest first: the first row of an agency-year is its current version.
        per_tahun[t.tahun].setdefault(t.instansi_id, {"terkini": t, "jumlah": 0})["jumlah"] += 1
    tahun = [(th, list(laporan.values())) for th, laporan in per_tahun.items()]
    return render(request, "publikasi/pemda.html", {"pemda": pemda, "tahun": tahun})


@require_safe
def laporan(request, pemda: str, slug: str, tahun: int):
    """A published report: its current version and every earlier one."""
    versi = _terbitan(pemda, slug, tahun)
    return render(
        request,
        "publikasi/laporan.html",
        {"terkini": versi[0], "versi": versi, "instansi": versi[0].instansi, "tahun": tahun},
    )


@require_safe
def baca(request, pemda: str, slug: str, tahun: int, versi: int):
    """The stored HTML as the web page, under a banner saying which version this is and
    whether a newer one replaced it. The banner is added to the response, after <body>;
    the stored bytes are served unchanged at `html`."""
    t = _versi(pemda, slug, tahun, versi)
    spanduk = render_to_string(
        "publikasi/_spanduk.html", {"t": t, "terkini": versi_terkini(t)}, request=request
    )
    return HttpResponse(t.html.replace("<body>", "<body>\n" + spanduk, 1))


@require_safe
def html(request, pemda: str, slug: str, tahun: int, versi: int):
    """The stored HTML, byte for byte: its SHA-256 is the identifier the PDF prints."""
    t = _versi(pemda, slug, tahun, versi)
    return _berkas(t, t.html.encode("utf-8"), "text/html; charset=utf-8", "html", unduh=True)


@require_safe
def pdf(request, pemda: str, slug: str, tahun: int, versi: int):
    t = _versi(pemda, slug, tahun, versi)
    return _berkas(t, bytes(t.pdf), "application/pdf", "pdf")


@require_safe
def data_json(request, pemda: str, slug: str, tahun: int, versi: int):
    """The stored figures, byte for byte."""
    t = _versi(pemda, slug, tahun, versi)
    return _berkas(t, t.data.encode("utf-8"), "application/json; charset=utf-8", "json")


@require_safe
def data_csv(request, pemda: str, slug: str, tahun: int, versi: int):
    t = _versi(pemda, slug, tahun, versi)
    return _berkas(t, tulis_csv([json.loads(t.data)]), "text/csv; charset=utf-8", "csv", unduh=True)


def _data_pemda(pemda: str, tahun: int) -> tuple[Pemda, list[dict]]:
    """The stored figures of each agency's current version for the pemda's year, or 404."""
    pemda = get_object_or_404(Pemda, slug=pemda)
    terkini = {}
    for t in (
        Terbitan.objects.filter(instansi__pemda=pemda, tahun=tahun)
        .defer("html", "pdf")
        .order_by("instansi__nama", "-versi")
    ):
        terkini.setdefault(t.instansi_id, json.loads(t.data))
    if not terkini:
        raise Http404(TIDAK_DITEMUKAN)
    return pemda, list(terkini.values())


def _unduhan(isi: bytes, content_type: str, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=content_type)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


@require_safe
def pemda_json(request, pemda: str, tahun: int):
    """Every agency's current figures for the year, each as its snapshot stored them."""
    pemda, semua = _data_pemda(pemda, tahun)
    isi = {"pemda": pemda.nama, "tahun": tahun, "laporan": semua}
    teks = json.dumps(isi, ensure_ascii=False, indent=1).encode("utf-8")
    return _unduhan(teks, "application/json; charset=utf-8", f"LKjIP-{pemda.slug}-{tahun}.json")


@require_safe
def pemda_csv(request, pemda: str, tahun: int):
    pemda, semua = _data_pemda(pemda, tahun)
    return _unduhan(tulis_csv(semua), "text/csv; charset=utf-8", f"LKjIP-{pemda.slug}-{tahun}.csv")


class VerifikasiForm(forms.Form):
    sidik = forms.RegexField(
        label="Kode verifikasi atau SHA-256 berkas PDF",
        regex=r"^\s*[0-9a-fA-F]{64}\s*$",
        required=False,
        error_messages={"invalid": "Kode verifikasi terdiri atas 64 angka dan huruf a–f."},
        widget=forms.TextInput(attrs={"size": 70, "autocomplete": "off", "spellcheck": "false"}),
    )
    berkas = forms.FileField(
        label="atau unggah berkas PDF",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas is not None and berkas.size > UKURAN_PDF_MAKS:
            raise forms.ValidationError(
                "Berkas lebih dari 5 MB: periksa dengan kodenya (SHA-256 berkas, misalnya dari sha256sum)."
            )
        return berkas

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("sidik") and not data.get("berkas"):
            raise forms.ValidationError("Tempelkan kode verifikasi atau pilih berkas PDF.")
        return data

    def sidik_diperiksa(self) -> str:
        """The SHA-256 to look up: of the uploaded file, read in chunks, or as pasted."""
        berkas = self.cleaned_data.get("berkas")
        if berkas is None:
            return self.cleaned_data["sidik"].strip().lower()
        hitung = hashlib.sha256()
        for potongan in berkas.chunks():
            hitung.update(potongan)
        return hitung.hexdigest()


@require_http_methods(["GET", "HEAD", "POST"])
def verifikasi(request):
    """Is this a published report, which one, and is it the current version?"""
    if request.method == "POST":
        form = VerifikasiForm(request.POST, request.FILES)
    else:
        # The pasted identifier comes by GET too, so a result can be linked to.
        form = VerifikasiForm(request.GET or None)
    hasil = None
    if form.is_bound and form.is_valid():
        sidik = form.sidik_diperiksa()
        t = cari(sidik)
        hasil = {"sidik": sidik, "t": t}
        if t is not None:
            hasil["terkini"] = versi_terkini(t)
            hasil["cocok"] = "naskah" if t.sha256_html == sidik else "pdf"
            hasil["url"] = reverse("publik-laporan", args=[t.instansi.pemda.slug, t.instansi.slug, t.tahun])
    return render(request, "publikasi/verifikasi.html", {"form": form, "hasil": hasil})
