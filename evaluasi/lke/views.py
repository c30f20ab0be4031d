"""The evaluation's screens: its summary, the worksheet per component, its start and its steps.

Every view opens with `instansi.akses.buka(…, menulis=False)`: reading the agency decides
404, and what may be written — which side's answers, which step — is `evaluasi.alur`'s
decision (a planner writes the self-assessment, the region's reviewer the evaluator's),
not the prologue's, which would let planners write everything and reviewers nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from evaluasi import alur, hitung, lembar
from evaluasi.lke.forms import JawabanForm, MulaiForm, TransisiForm
from evaluasi.models import EvaluasiLke, KomponenLke, Pihak
from instansi import akses
from inti.versi import Konflik
from kinerja.models import PredikatEvaluasi


def _evaluasi(ruang: akses.Akses) -> EvaluasiLke:
    try:
        return EvaluasiLke.objects.get(instansi=ruang.instansi, tahun=ruang.tahun)
    except EvaluasiLke.DoesNotExist:
        raise Http404("Evaluasi tahun ini belum dimulai.") from None


def _skor(data: lembar.Lembar) -> dict:
    """Both sides' scores and predikat as the pages show them (the evaluator's only to whom may see)."""
    ambang = list(PredikatEvaluasi.objects.values_list("lebih_dari", "label"))
    hasil = {}
    for pihak in Pihak:
        skor = data.skor(pihak)
        hasil[pihak.value] = skor and {"skor": skor, "predikat": hitung.predikat(skor.nilai, ambang)}
    return hasil


@login_required
@require_safe
def ringkasan(request, slug: str, tahun: int):
    """Where the evaluation stands: scores per component for both sides, the next steps, the
    record of steps made; or, before it starts, the choice of instrument."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    peran = alur.peran(request.user, ruang.instansi)
    evaluasi = EvaluasiLke.objects.filter(instansi=ruang.instansi, tahun=tahun).first()
    if evaluasi is None:
        return render(
            request,
            "evaluasi/mulai.html",
            ruang.konteks() | {"form": MulaiForm() if alur.boleh_mulai(peran) else None},
        )
    lihat = alur.boleh_lihat_evaluator(peran, evaluasi.status)
    data = lembar.kumpulkan(evaluasi, lihat)
    skor = _skor(data)
    mandiri, evaluator = skor["mandiri"]["skor"], skor["evaluator"] and skor["evaluator"]["skor"]
    baris = []
    for n, k in enumerate(data.komponen):
        m, e = mandiri.komponen[n], evaluator and evaluator.komponen[n]
        baris.append((k, m, e, hitung.selisih(m.nilai, e and e.nilai)))
    return render(
        request,
        "evaluasi/ringkasan.html",
        ruang.konteks()
        | {
            "evaluasi": evaluasi,
            "skor": skor,
            "baris": baris,
            "selisih": hitung.selisih(mandiri.nilai, evaluator and evaluator.nilai),
            "lihat_evaluator": lihat,
            "peringatan": [
                (p, data.baris_kode[p.kriteria].kriteria.sub_komponen.komponen_id)
                for p in data.peringatan[Pihak.EVALUATOR if lihat else Pihak.MANDIRI]
            ],
            "pihak_ditulis": alur.pihak_ditulis(peran, evaluasi.status),
            "transisi": alur.transisi_bagi(peran, evaluasi.status),
            "giliran": alur.GILIRAN[evaluasi.status],
            "peristiwa": evaluasi.peristiwa.select_related("oleh"),
        },
    )


@login_required
@require_POST
def mulai(request, slug: str, tahun: int):
    """Start the year's evaluation on the chosen instrument (copied, frozen)."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    if not alur.boleh_mulai(alur.peran(request.user, ruang.instansi)):
        raise alur.TidakBoleh("Anda tidak berwenang memulai evaluasi instansi ini.")
    form = MulaiForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pilih instrumen evaluasi.")
    else:
        instrumen = form.cleaned_data["instrumen"]
        try:
            alur.mulai(request.user, ruang.instansi, tahun, instrumen)
            messages.success(request, f"Evaluasi {tahun} dimulai dengan {instrumen.nama}.")
        except Konflik:
            messages.info(request, "Evaluasi tahun ini baru saja dimulai orang lain; inilah evaluasinya.")
    return redirect("evaluasi-lke", slug=slug, tahun=tahun)


@login_required
def komponen(request, slug: str, tahun: int, pk: int):
    """The worksheet of one component: each criterion with the evidence it expects, the
    self-assessment, the evaluator's answer (to whom may see it) and their difference; the
    side the user answers now as inputs, written all or none."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    evaluasi = _evaluasi(ruang)
    get_object_or_404(KomponenLke, evaluasi=evaluasi, pk=pk)
    peran = alur.peran(request.user, ruang.instansi)
    pihak = alur.pihak_ditulis(peran, evaluasi.status)
    if request.method == "POST" and pihak is None:
        raise alur.TidakBoleh(
            f"Evaluasi berstatus «{evaluasi.get_status_display()}»: "
            "tidak ada jawaban yang dapat Anda isi sekarang."
        )
    data = lembar.kumpulkan(evaluasi, alur.boleh_lihat_evaluator(peran, evaluasi.status))
    k = next(k for k in data.komponen if k.pk == pk)
    baris = [data.baris[r.pk] for s in k.sub_komponen.all() for r in s.kriteria.all()]
    forms = {}
    if pihak:
        forms = {
            b.kriteria.pk: JawabanForm(
                request.POST if request.method == "POST" else None,
                kriteria=b.kriteria,
                jawaban=b.mandiri if pihak == Pihak.MANDIRI else b.evaluator,
            )
            for b in baris
        }
    konflik, kode = [], 200
    if request.method == "POST" and all(f.is_valid() for f in forms.values()):
        isian = [
            alur.Isian(
                f.kriteria, f.cleaned_data["nilai_skala"], f.cleaned_data["catatan"], f.cleaned_data["versi"]
            )
            for f in forms.values()
        ]
        try:
            alur.simpan_jawaban(request.user, evaluasi, pihak, isian)
        except Konflik as exc:
            konflik, kode = exc.daftar, 409
        else:
            messages.success(request, f"Jawaban {Pihak(pihak).label.lower()} {k.nama} tersimpan.")
            return redirect("evaluasi-komponen", slug=slug, tahun=tahun, pk=pk)
    skor = _skor(data)
    n = data.komponen.index(k)
    return render(
        request,
        "evaluasi/komponen.html",
        ruang.konteks()
        | {
            "evaluasi": evaluasi,
            "komponen": k,
            "semua_komponen": data.komponen,
            "sub": [
                (
                    s,
                    skor["mandiri"]["skor"].komponen[n].sub[i],
                    skor["evaluator"] and skor["evaluator"]["skor"].komponen[n].sub[i],
                    [(data.baris[r.pk], forms.get(r.pk)) for r in s.kriteria.all()],
                )
                for i, s in enumerate(k.sub_komponen.all())
            ],
            "skor_mandiri": skor["mandiri"]["skor"].komponen[n],
            "skor_evaluator": skor["evaluator"] and skor["evaluator"]["skor"].komponen[n],
            "lihat_evaluator": data.lihat_evaluator,
            "pihak": pihak,
            "konflik": konflik,
        },
        status=kode,
    )


@login_required
def langkah(request, slug: str, tahun: int, kode: str):
    """«Setujui evaluasi 2023?»: the consequences, the note, then the step (`alur.terapkan`)."""
    ruang = akses.buka(request, slug, tahun, menulis=False)
    t = alur.TRANSISI.get(kode)
    if t is None:
        raise Http404("Tidak ada langkah itu.")
    evaluasi = _evaluasi(ruang)
    form = TransisiForm(request.POST if request.method == "POST" else None, initial={"versi": evaluasi.versi})
    galat, konflik, status = "", [], 200
    try:
        alur.periksa(request.user, evaluasi, t)
        if form.is_valid():
            alur.terapkan(
                request.user, evaluasi, t.kode, form.cleaned_data["catatan"], form.cleaned_data["versi"]
            )
            messages.success(request, f"Evaluasi {tahun}: {t.nama.lower()} — tercatat.")
            return redirect("evaluasi-lke", slug=slug, tahun=tahun)
    except alur.TahapSalah as exc:
        galat, status = str(exc), 409
    except alur.SyaratBelum as exc:
        form.add_error("catatan", str(exc))
    except Konflik as exc:
        konflik, status = exc.daftar, 409
    return render(
        request,
        "evaluasi/langkah.html",
        ruang.konteks()
        | {
            "evaluasi": evaluasi,
            "t": t,
            "akibat": [a.format(tahun=tahun, pemda=ruang.instansi.pemda.nama) for a in t.akibat],
            "form": form,
            "galat": galat,
            "konflik": konflik,
        },
        status=status,
    )
