"""Screens: the pemda dashboard (`/dasbor/<pemda>/<tahun>/`) for the region's reviewers and
admins, and the regions side by side (`/dasbor/<tahun>/`): every region for an admin, a
reviewer's own regions for a reviewer. Both sortable, filtered, downloadable as CSV and XLSX
(`?ekspor=csv|xlsx`, the rows as filtered and sorted) and drawn as two bar charts.

Access follows `instansi.akses.buka`'s rules for a region instead of an agency: a region
the reviewer does not review answers 404 (another
region's dashboard does not reveal that it exists), a planner 403, an anonymous visitor the
sign-in page. Nothing here writes.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from dasbor import data, grafik
from dasbor.filters import InstansiFilter, PemdaFilter
from dasbor.tables import TabelInstansi, TabelPemda, persen
from instansi.models import Pemda
from inti.ekspor import unduh
from sakip.lkjip.grafik import warna_pita

PER_HALAMAN = 100


def _wilayah(request):
    """The regions the user may see on a dashboard (the year's range is the URL converter's);
    403 for anyone who reviews no region (planners)."""
    pemda = data.wilayah(request.user)
    if not request.user.is_superuser and not pemda.exists():
        raise PermissionDenied("Dasbor pemda hanya untuk pemeriksa inspektorat dan admin.")
    return pemda


def _grafik(jenis: str, baris, nama, capaian, serapan, tulis, warna) -> list:
    """The capaian and absorption charts over `baris`, one bar each, by the given accessors."""
    return [
        grafik.batang(
            "capaian",
            f"Capaian rata-rata IKU per {jenis}",
            [(nama(b), capaian(b), tulis(b, capaian(b)), warna(b)) for b in baris],
        ),
        grafik.batang(
            "penyerapan",
            f"Penyerapan anggaran per {jenis}",
            [(nama(b), serapan(b), tulis(b, serapan(b)), None) for b in baris],
        ),
    ]


def _warna_predikat(b: data.BarisInstansi) -> str | None:
    """The bar takes its predikat's colour among the agency's bands, as in the report."""
    return warna_pita(b.pita).get(b.tahun.predikat) if b.pita else None


@login_required
@require_safe
def dasbor_pemda(request, pemda: str, tahun: int):
    try:
        wilayah = _wilayah(request).get(slug=pemda)
    except Pemda.DoesNotExist:
        raise Http404("Pemda tidak ditemukan.") from None
    satu = Pemda.objects.filter(pk=wilayah.pk)
    saring = InstansiFilter(request.GET, queryset=data.instansi_wilayah(satu, tahun))
    # The figures of every agency come from the cache while the data stands; the filter
    # picks its agencies in one query.
    terpilih = set(saring.qs.values_list("pk", flat=True))
    kunci, semua = data.kumpulkan_tersimpan(satu, tahun)
    baris = [b for b in semua if b.instansi.pk in terpilih]
    tabel = TabelInstansi(baris, tahun=tahun, order_by_field="urut")
    RequestConfig(request, paginate={"per_page": PER_HALAMAN}).configure(tabel)
    if unduhan := unduh(request, tabel, f"dasbor-{wilayah.slug}-{tahun}", f"Dasbor {tahun}"):
        return unduhan
    return render(
        request,
        "dasbor/pemda.html",
        {
            "pemda": wilayah,
            "tahun": tahun,
            "saring": saring,
            "tabel": tabel,
            # Drawn only when the cached fragment is not (a template calls a callable).
            "grafik": lambda: _grafik(
                f"instansi tahun {tahun}",
                baris,
                lambda b: b.instansi.nama,
                lambda b: b.tahun.capaian,
                lambda b: b.tahun.penyerapan,
                lambda b, n: persen(n, b.instansi.pengaturan_laporan()),
                _warna_predikat,
            ),
            "jumlah": len(baris),
            "sidik": kunci,
        },
    )


@login_required
@require_safe
def dasbor_nasional(request, tahun: int):
    saring = PemdaFilter(request.GET, queryset=_wilayah(request).order_by("nama"))
    kunci, semua = data.kumpulkan_tersimpan(saring.qs, tahun)
    baris = data.per_pemda(semua)
    tabel = TabelPemda(baris, tahun=tahun, order_by_field="urut")
    RequestConfig(request, paginate={"per_page": PER_HALAMAN}).configure(tabel)
    if unduhan := unduh(request, tabel, f"dasbor-pemda-{tahun}", f"Dasbor pemda {tahun}"):
        return unduhan
    return render(
        request,
        "dasbor/nasional.html",
        {
            "tahun": tahun,
            "saring": saring,
            "tabel": tabel,
            # Drawn only when the cached fragment is not (a template calls a callable).
            "grafik": lambda: _grafik(
                f"pemda tahun {tahun}",
                baris,
                lambda b: b.pemda.nama,
                lambda b: b.capaian,
                lambda b: b.penyerapan,
                lambda b, n: persen(n),
                lambda b: None,
            ),
            "jumlah": len(baris),
            "sidik": kunci,
        },
    )
