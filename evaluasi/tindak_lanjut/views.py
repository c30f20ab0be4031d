"""The evaluation's conclusions and their follow-up.

- `rekomendasi`: the evaluator's strengths, weaknesses and recommendations (the LHE's
  sections C–E). The region's reviewers and admins write them while the evaluation is with
  the evaluator (dinilai), the same rule as the evaluator's answers (`evaluasi.alur`); the
  agency reads them once final, as it reads the evaluator's answers.
- `tindak_lanjut_daftar`, `tindak_lanjut`: each recommendation of the agency's final
  evaluations with its follow-up, open ones first; the agency's planners write a follow-up
  (what was done, the action plan, a due date, its state) once the evaluation is final.
- `tindak_lanjut_pemeriksa`: the open ones of every agency of the reviewer's regions.

Access: `buka(…, menulis=False)` decides reading (404); who writes is decided here by the
evaluation's state and the person's role, again under lock when writing, so a page opened
before a transition cannot write after it. The year lock does not apply (the evaluation is
made after the year's report is in). Writes go through `inti.versi.tulis_semua`.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from evaluasi import alur
from evaluasi.models import (
    EvaluasiLke,
    RekomendasiLke,
    SimpulanLhe,
    StatusLke,
    StatusTindakLanjut,
    TindakLanjutLke,
)
from evaluasi.tindak_lanjut.forms import RekomendasiForm, SimpulanForm, TindakLanjutForm
from instansi import akses
from instansi.hapus import hapus
from instansi.models import Pemda
from inti.versi import Konflik, tulis_semua


def boleh_rekomendasi(peran: frozenset[str], status: str) -> bool:
    """The evaluator's side writes the conclusions while evaluating."""
    return alur.pihak_ditulis(peran, status) == "evaluator"


def boleh_tindak_lanjut(peran: frozenset[str], status: str) -> bool:
    """The agency's planners (and admins) write follow-ups of a final evaluation."""
    return status == StatusLke.FINAL and bool(peran & alur.PERENCANA_ATAU_ADMIN)


def _evaluasi(ruang: akses.Akses) -> EvaluasiLke:
    return get_object_or_404(
        EvaluasiLke.objects.select_related("instansi__pemda"), instansi=ruang.instansi, tahun=ruang.tahun
    )


def _pastikan(user, evaluasi: EvaluasiLke, boleh, pesan: str) -> None:
    """Refuse (403) unless `boleh(roles, state)`, the state read again under lock."""
    kini = EvaluasiLke.objects.select_for_update().get(pk=evaluasi.pk)
    if not boleh(alur.peran(user, evaluasi.instansi), kini.status):
        raise PermissionDenied(f"Evaluasi berstatus «{kini.get_status_display()}»: {pesan}")


PESAN_REKOMENDASI = "simpulan dan rekomendasi ditulis evaluator selama penilaian evaluator."
PESAN_TINDAK_LANJUT = "tindak lanjut ditulis perencana instansi setelah evaluasi final."


def _tulis(form, user, evaluasi, boleh, pesan, sama=None) -> bool:
    """Write one form through the one write path after checking the rule under lock.
    `sama(form)`, the rows that are this very write already made (a new recommendation
    sent twice): when there is one, under the same lock, nothing is written again."""
    if not form.is_valid():
        return False
    try:
        with transaction.atomic():
            _pastikan(user, evaluasi, boleh, pesan)
            if sama is not None and (ada := sama(form).first()) is not None:
                form.tersimpan = ada
                return True
            [form.tersimpan] = tulis_semua([form.tulis(str(form.instance))])
    except Konflik as exc:
        form.konflik = exc.daftar
        return False
    return True


@login_required
def rekomendasi(request, slug: str, tahun: int):
    """The evaluator's conclusions: strengths and weaknesses, and the recommendations (each
    edited on its own page); a new recommendation is added below the list."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    evaluasi = _evaluasi(ruang)
    peran = alur.peran(request.user, ruang.instansi)
    if not alur.boleh_lihat_evaluator(peran, evaluasi.status):
        raise Http404("Rekomendasi evaluasi terlihat oleh instansi setelah evaluasi final.")
    ubah = boleh_rekomendasi(peran, evaluasi.status)
    simpulan = SimpulanLhe.objects.filter(evaluasi=evaluasi).first() or SimpulanLhe(evaluasi=evaluasi)
    daftar = list(RekomendasiLke.objects.filter(evaluasi=evaluasi))
    baru = RekomendasiLke(evaluasi=evaluasi, urutan=len(daftar) + 1)
    aksi = request.POST.get("aksi") if request.method == "POST" else None
    if aksi and not ubah:
        raise PermissionDenied(f"Evaluasi berstatus «{evaluasi.get_status_display()}»: {PESAN_REKOMENDASI}")
    form_simpulan = SimpulanForm(request.POST if aksi == "simpulan" else None, instance=simpulan, prefix="s")
    form_baru = RekomendasiForm(request.POST if aksi == "baru" else None, instance=baru, prefix="r")
    form = {"simpulan": form_simpulan, "baru": form_baru}.get(aksi)
    # One evaluation never recommends the same thing twice: the same text sent again is
    # the recommendation already added (a double click), not a second one.
    sama = None
    if aksi == "baru":

        def sama(f):
            return RekomendasiLke.objects.filter(evaluasi=evaluasi, teks=f.cleaned_data["teks"])

    if form is not None and _tulis(form, request.user, evaluasi, boleh_rekomendasi, PESAN_REKOMENDASI, sama):
        messages.success(request, "Simpulan tersimpan." if aksi == "simpulan" else "Rekomendasi ditambahkan.")
        return redirect(reverse("rekomendasi-lke", args=[slug, tahun]))
    konteks = ruang.konteks() | {
        "evaluasi": evaluasi,
        "boleh_ubah": ubah,
        "form_simpulan": form_simpulan,
        "form_baru": form_baru,
        "simpulan": simpulan,
        "daftar": daftar,
        "konflik": form.konflik if form is not None else [],
    }
    return render(
        request, "evaluasi/tindak_lanjut/rekomendasi.html", konteks, status=409 if konteks["konflik"] else 200
    )


def _rekomendasi(ruang: akses.Akses, pk: int) -> RekomendasiLke:
    return get_object_or_404(
        RekomendasiLke.objects.select_related("evaluasi__instansi__pemda"),
        pk=pk,
        evaluasi__instansi=ruang.instansi,
        evaluasi__tahun=ruang.tahun,
    )


def _rekomendasi_terlihat(request, ruang: akses.Akses, pk: int) -> tuple[RekomendasiLke, bool]:
    """The recommendation, 404 while the reader may not yet see the evaluator's side, and
    whether they may change it."""
    objek = _rekomendasi(ruang, pk)
    peran = alur.peran(request.user, ruang.instansi)
    if not alur.boleh_lihat_evaluator(peran, objek.evaluasi.status):
        raise Http404("Rekomendasi evaluasi terlihat oleh instansi setelah evaluasi final.")
    return objek, boleh_rekomendasi(peran, objek.evaluasi.status)


@login_required
def rekomendasi_ubah(request, slug: str, tahun: int, pk: int):
    ruang = akses.buka(request, slug, tahun, menulis=False)
    objek, ubah = _rekomendasi_terlihat(request, ruang, pk)
    if request.method == "POST" and not ubah:
        raise PermissionDenied(
            f"Evaluasi berstatus «{objek.evaluasi.get_status_display()}»: {PESAN_REKOMENDASI}"
        )
    form = RekomendasiForm(request.POST or None, instance=objek)
    kembali = reverse("rekomendasi-lke", args=[slug, tahun])
    if form.is_bound and _tulis(form, request.user, objek.evaluasi, boleh_rekomendasi, PESAN_REKOMENDASI):
        messages.success(request, "Rekomendasi tersimpan.")
        return redirect(kembali)
    konteks = ruang.konteks() | {
        "form": form,
        "objek": objek,
        "kembali": kembali,
        "boleh_ubah": ubah,
        "judul": "Rekomendasi",
    }
    return render(request, "evaluasi/tindak_lanjut/ubah.html", konteks, status=409 if form.konflik else 200)


@login_required
def rekomendasi_hapus(request, slug: str, tahun: int, pk: int):
    ruang = akses.buka(request, slug, tahun, menulis=False)
    objek, ubah = _rekomendasi_terlihat(request, ruang, pk)
    # The evaluation's rule stands in for the year lock.
    ruang = replace(ruang, boleh_tulis=ubah, terkunci=False)
    kembali = reverse("rekomendasi-lke", args=[slug, tahun])
    if request.method != "POST":
        return hapus(request, ruang, objek, kembali)
    if not ubah:
        raise PermissionDenied(
            f"Evaluasi berstatus «{objek.evaluasi.get_status_display()}»: {PESAN_REKOMENDASI}"
        )
    with transaction.atomic():
        _pastikan(request.user, objek.evaluasi, boleh_rekomendasi, PESAN_REKOMENDASI)
        return hapus(request, ruang, objek, kembali)


@dataclass(frozen=True)
class BarisRekomendasi:
    """A recommendation with its follow-up (None: none recorded yet), as the lists show it."""

    rekomendasi: RekomendasiLke
    tindak: TindakLanjutLke | None

    @property
    def selesai(self) -> bool:
        return self.tindak is not None and self.tindak.status == StatusTindakLanjut.SELESAI

    @property
    def lewat(self) -> bool:
        """Not done and past its due date."""
        batas = self.tindak.batas_waktu if self.tindak else None
        return not self.selesai and batas is not None and batas < date.today()


def baris_rekomendasi(rekomendasi) -> list[BarisRekomendasi]:
    """Recommendations with their follow-up, in two queries; open ones first, then by year."""
    rekomendasi = list(
        rekomendasi.select_related("evaluasi__instansi__pemda").order_by("-evaluasi__tahun", "urutan", "pk")
    )
    tindak = {
        t.rekomendasi_id: t
        for t in TindakLanjutLke.objects.filter(rekomendasi__in=[r.pk for r in rekomendasi])
    }
    return sorted((BarisRekomendasi(r, tindak.get(r.pk)) for r in rekomendasi), key=lambda b: b.selesai)


def terbuka(instansi, sampai: int) -> list[BarisRekomendasi]:
    """The agency's recommendations not yet done, of its final evaluations up to `sampai`:
    what the agency's evaluation page lists (`_terbuka.html`), in two queries."""
    rekomendasi = RekomendasiLke.objects.filter(
        evaluasi__instansi=instansi, evaluasi__tahun__lte=sampai, evaluasi__status=StatusLke.FINAL
    ).exclude(tindak_lanjut__status=StatusTindakLanjut.SELESAI)
    return baris_rekomendasi(rekomendasi)


@login_required
@require_safe
def tindak_lanjut_daftar(request, slug: str, tahun: int):
    """Every recommendation of the agency's final evaluations up to `tahun`, with its follow-up."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    peran = alur.peran(request.user, ruang.instansi)
    rekomendasi = RekomendasiLke.objects.filter(
        evaluasi__instansi=ruang.instansi, evaluasi__tahun__lte=tahun, evaluasi__status=StatusLke.FINAL
    )
    konteks = ruang.konteks() | {
        "daftar": baris_rekomendasi(rekomendasi),
        "boleh_ubah": bool(peran & alur.PERENCANA_ATAU_ADMIN),
    }
    return render(request, "evaluasi/tindak_lanjut/daftar.html", konteks)


@login_required
def tindak_lanjut(request, slug: str, tahun: int, rekomendasi: int):
    """The follow-up of one recommendation of the evaluation of `tahun` (once final)."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    rekomendasi = _rekomendasi(ruang, rekomendasi)
    evaluasi = rekomendasi.evaluasi
    peran = alur.peran(request.user, ruang.instansi)
    if evaluasi.status != StatusLke.FINAL:
        raise Http404("Tindak lanjut dicatat setelah evaluasi final.")
    ubah = boleh_tindak_lanjut(peran, evaluasi.status)
    if request.method == "POST" and not ubah:
        raise PermissionDenied(f"Evaluasi berstatus «{evaluasi.get_status_display()}»: {PESAN_TINDAK_LANJUT}")
    # One follow-up per recommendation. A save from a page that showed none (version 0: a
    # double submit, or two planners at once) is a creation, which the unique key answers
    # as a conflict with what is stored now, never as a second row.
    ada = TindakLanjutLke.objects.filter(rekomendasi=rekomendasi).first()
    if ada is None or request.POST.get("versi") == "0":
        ada = TindakLanjutLke(rekomendasi=rekomendasi)
    form = TindakLanjutForm(request.POST or None, instance=ada)
    kembali = reverse("tindak-lanjut-lke", args=[slug, tahun])
    if form.is_bound and _tulis(form, request.user, evaluasi, boleh_tindak_lanjut, PESAN_TINDAK_LANJUT):
        messages.success(request, "Tindak lanjut tersimpan.")
        return redirect(kembali)
    konteks = ruang.konteks() | {
        "form": form,
        "objek": rekomendasi,
        "kembali": kembali,
        "boleh_ubah": ubah,
        "judul": "Tindak lanjut rekomendasi",
    }
    return render(request, "evaluasi/tindak_lanjut/ubah.html", konteks, status=409 if form.konflik else 200)


@login_required
@require_safe
def tindak_lanjut_pemeriksa(request):
    """The reviewer's list: recommendations not yet done, of every agency in their regions."""
    pemda = (
        Pemda.objects.all()
        if request.user.is_superuser
        else Pemda.objects.filter(pemeriksa__user=request.user)
    )
    if not request.user.is_superuser and not pemda.exists():
        raise PermissionDenied("Daftar ini untuk pemeriksa inspektorat dan admin.")
    rekomendasi = RekomendasiLke.objects.filter(
        evaluasi__instansi__pemda__in=pemda, evaluasi__status=StatusLke.FINAL
    ).exclude(tindak_lanjut__status=StatusTindakLanjut.SELESAI)
    return render(
        request, "evaluasi/tindak_lanjut/pemeriksa.html", {"daftar": baris_rekomendasi(rekomendasi)}
    )
