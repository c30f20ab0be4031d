"""The evidence screens: a criterion's evidence (list, add a link or a file), deleting one,
and the one view that serves an uploaded file.

Every view opens with `instansi.akses.buka(…, menulis=False)`: who may read the agency sees
its evidence (another agency's, or another region's reviewer, answers 404); who may add or
remove it is the evaluation's rule, not the year lock's (`evaluasi.alur`: the side that
answers the self-assessment now, i.e. the agency's planners while the evaluation is a
draft), checked again under lock when writing, so a page opened before the hand-over cannot
write after it. A file is checked while the form is validated; its bytes (`BerkasBukti`,
once per content) and the row are written in one transaction, so a refused file or a
conflict stores nothing.
"""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from evaluasi import alur
from evaluasi.bukti import tautan
from evaluasi.bukti.forms import BuktiForm
from evaluasi.bukti.periksa import JENIS
from evaluasi.models import BerkasBukti, BuktiDukung, EvaluasiLke, KriteriaLke, Pihak
from instansi import akses
from instansi.hapus import hapus
from inti.versi import Konflik, tulis_semua


def boleh_ubah(user, evaluasi: EvaluasiLke) -> bool:
    """Whether `user` may add or remove evidence now: the self-assessment's side, in its state."""
    return alur.pihak_ditulis(alur.peran(user, evaluasi.instansi), evaluasi.status) == Pihak.MANDIRI


def _tolak(evaluasi: EvaluasiLke):
    raise PermissionDenied(
        f"Evaluasi berstatus «{evaluasi.get_status_display()}»: bukti dukung hanya dapat diubah "
        "perencana instansi selama penilaian mandiri."
    )


def _pastikan_boleh(user, evaluasi: EvaluasiLke) -> None:
    """Refuse (403) a write, reading the evaluation's state again under lock (in a transaction)."""
    kini = EvaluasiLke.objects.select_for_update().select_related("instansi").get(pk=evaluasi.pk)
    if not boleh_ubah(user, kini):
        _tolak(kini)


def _kriteria(ruang: akses.Akses, pk: int) -> KriteriaLke:
    return get_object_or_404(
        KriteriaLke.objects.select_related("sub_komponen__komponen__evaluasi__instansi"),
        pk=pk,
        sub_komponen__komponen__evaluasi__instansi=ruang.instansi,
        sub_komponen__komponen__evaluasi__tahun=ruang.tahun,
    )


def _bukti(ruang: akses.Akses, pk: int, **lain) -> BuktiDukung:
    return get_object_or_404(
        BuktiDukung.objects.select_related("kriteria__sub_komponen__komponen__evaluasi__instansi", "berkas")
        .defer("berkas__isi")
        .filter(**lain),
        pk=pk,
        kriteria__sub_komponen__komponen__evaluasi__instansi=ruang.instansi,
        kriteria__sub_komponen__komponen__evaluasi__tahun=ruang.tahun,
    )


def daftar_bukti(kriteria: list[KriteriaLke]) -> dict[int, list[BuktiDukung]]:
    """Each criterion's evidence, in one query, each with its link's address resolved
    (`alamat`: None for a record that is gone) — for this page and the worksheet."""
    hasil: dict[int, list[BuktiDukung]] = {k.pk: [] for k in kriteria}
    for b in BuktiDukung.objects.filter(kriteria__in=kriteria).select_related("berkas").defer("berkas__isi"):
        b.alamat = tautan.alamat(b.tautan, b.tautan_argumen) if b.tautan else None
        hasil[b.kriteria_id].append(b)
    return hasil


def _simpan(form: BuktiForm, user, kriteria: KriteriaLke) -> bool:
    """Store the checked file (if one came) and the row, or nothing (`form.konflik`)."""
    if not form.is_valid():
        return False
    try:
        with transaction.atomic():
            _pastikan_boleh(user, kriteria.sub_komponen.komponen.evaluasi)
            tulis = form.tulis(str(form.instance))
            tulis.isian["judul"] = form.cleaned_data["judul"]
            if form.bersih is not None:
                b = form.bersih
                berkas, _ = BerkasBukti.objects.get_or_create(
                    sha256=b.sha256, defaults={"jenis": b.jenis, "ukuran": len(b.isi), "isi": b.isi}
                )
                tulis.baru["berkas_id"] = berkas.pk
            [form.tersimpan] = tulis_semua([tulis])
    except Konflik as exc:
        form.konflik = exc.daftar
        return False
    return True


@login_required
def bukti_kriteria(request, slug: str, tahun: int, kriteria: int):
    """A criterion's evidence: what is there (links and files), and a form to add one."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    kriteria = _kriteria(ruang, kriteria)
    evaluasi = kriteria.sub_komponen.komponen.evaluasi
    ubah = boleh_ubah(request.user, evaluasi)
    if request.method == "POST" and not ubah:
        _tolak(evaluasi)
    objek = BuktiDukung(kriteria=kriteria, urutan=kriteria.bukti.count() + 1)
    pilihan = tautan.pilihan(ruang.instansi, tahun) if ubah else []
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    form = BuktiForm(*data, instance=objek, pilihan=pilihan)
    if form.is_bound and _simpan(form, request.user, kriteria):
        messages.success(request, f"Bukti «{form.tersimpan.judul}» tersimpan.")
        return redirect(reverse("bukti-kriteria", args=[slug, tahun, kriteria.pk]))
    konteks = ruang.konteks() | {
        "evaluasi": evaluasi,
        "kriteria": kriteria,
        "daftar": daftar_bukti([kriteria])[kriteria.pk],
        "form": form,
        "boleh_ubah": ubah,
    }
    return render(request, "evaluasi/bukti/kriteria.html", konteks, status=409 if form.konflik else 200)


@login_required
def bukti_hapus(request, slug: str, tahun: int, pk: int):
    """Remove a piece of evidence; an uploaded file's bytes stay, for the history."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    bukti = _bukti(ruang, pk)
    evaluasi = bukti.kriteria.sub_komponen.komponen.evaluasi
    kembali = reverse("bukti-kriteria", args=[slug, tahun, bukti.kriteria_id])
    # The evaluation's rule stands in for the year lock (see the module's docstring).
    ruang = replace(ruang, boleh_tulis=boleh_ubah(request.user, evaluasi), terkunci=False)
    if request.method != "POST":
        return hapus(request, ruang, bukti, kembali)
    if not ruang.boleh_tulis:
        _tolak(evaluasi)
    with transaction.atomic():
        _pastikan_boleh(request.user, evaluasi)
        return hapus(request, ruang, bukti, kembali)


@login_required
@require_safe
def bukti_berkas(request, slug: str, tahun: int, pk: int):
    """An uploaded file, to those who may read the agency: always as a download
    (`attachment`), never sniffed as another type, never run by the browser (a sandbox
    without scripts even if it were opened), never cached for other users."""
    ruang = akses.buka(request, slug, tahun)
    bukti = _bukti(ruang, pk, berkas__isnull=False)
    berkas = BerkasBukti.objects.get(pk=bukti.berkas_id)
    respons = HttpResponse(bytes(berkas.isi), content_type=JENIS[berkas.jenis][0])
    nama = f"bukti-{bukti.pk}-{bukti.nama_berkas or 'berkas'}"
    if not nama.lower().endswith("." + berkas.jenis):
        nama += "." + berkas.jenis
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Content-Security-Policy"] = "default-src 'none'; sandbox"
    respons["Cache-Control"] = "private, no-store"
    return respons
