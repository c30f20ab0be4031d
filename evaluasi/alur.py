"""An evaluation's life as data, who may answer what, and the functions that change it.

Per agency and year an evaluation starts (`mulai`: the chosen instrument copied, frozen) as
a draft in which the agency's planners assess themselves (draf); the planner hands it to the
inspectorate, whose reviewer answers as evaluator (dinilai); a second reviewer, the
pengendali teknis, who wrote none of the evaluator's answers, approves it (disetujui) or
sends it back; then it is made final, which locks it for good and shows the evaluator's
answers to the agency.

`TRANSISI` says for each step from which states it starts, where it leads, who may make it
and what the person is told before confirming; `terapkan` is the only way an evaluation
moves. `MENJAWAB` says which side a role answers in which state; `pihak_ditulis` and
`boleh_lihat_evaluator` read it, and `simpan_jawaban` enforces it — the one place that
decides who writes answers. `instansi.akses.buka` gives planners write and reviewers read
only; here the evaluator's writes get their own rule (the region's reviewer may write the
evaluator's answers, planners may not), so the screens call `buka(…, menulis=False)` and
leave the decision to this module. The year lock (`KunciTahun`, set when the LKjIP is
submitted) does not apply: an evaluation is made after the year's report is in.

Every change is recorded: the evaluation's and the answers' rows are `BerVersi` (who, when,
old → new in their history), and each transition a `PeristiwaLke` with its note.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from evaluasi.models import (
    EvaluasiLke,
    Instrumen,
    JawabanLke,
    KomponenLke,
    KriteriaLke,
    PeristiwaLke,
    Pihak,
    StatusLke,
    SubKomponenLke,
)
from instansi.akses import ADMIN, PEMERIKSA, PERENCANA, peran
from instansi.models import Instansi
from inti.versi import Tulis, tulis_semua

PEMERIKSA_ATAU_ADMIN = frozenset({PEMERIKSA, ADMIN})
PERENCANA_ATAU_ADMIN = frozenset({PERENCANA, ADMIN})

# Which side answers in which state, and who answers it.
MENJAWAB = {
    Pihak.MANDIRI: (StatusLke.DRAF, PERENCANA_ATAU_ADMIN),
    Pihak.EVALUATOR: (StatusLke.DINILAI, PEMERIKSA_ATAU_ADMIN),
}


@dataclass(frozen=True)
class Transisi:
    """One step of the life: `dari` → `ke`, made by one of `pelaku`.

    `bukan_evaluator`: the person must have written none of the evaluator's answers (the
    pengendali teknis checks someone else's work). `evaluator_lengkap`: every criterion
    must have the evaluator's answer. `akibat` is told on the confirmation page."""

    kode: str
    nama: str
    dari: frozenset[str]
    ke: str
    pelaku: frozenset[str]
    akibat: tuple[str, ...]
    catatan_wajib: bool = False
    bukan_evaluator: bool = False
    evaluator_lengkap: bool = False


TRANSISI = {
    t.kode: t
    for t in (
        Transisi(
            "serahkan",
            "Serahkan ke evaluator",
            frozenset({StatusLke.DRAF}),
            StatusLke.DINILAI,
            PERENCANA_ATAU_ADMIN,
            (
                "Penilaian mandiri tidak dapat diubah lagi, kecuali evaluator mengembalikannya.",
                "Evaluator Inspektorat {pemda} mulai menilai setiap kriteria.",
            ),
        ),
        Transisi(
            "kembalikan",
            "Kembalikan ke instansi",
            frozenset({StatusLke.DINILAI}),
            StatusLke.DRAF,
            PEMERIKSA_ATAU_ADMIN,
            (
                "Perencana dapat memperbaiki penilaian mandiri, lalu menyerahkannya kembali.",
                "Jawaban evaluator yang sudah diisi tetap tersimpan dan tetap tidak terlihat oleh instansi.",
            ),
            catatan_wajib=True,
        ),
        Transisi(
            "setujui",
            "Setujui (pengendali teknis)",
            frozenset({StatusLke.DINILAI}),
            StatusLke.DISETUJUI,
            PEMERIKSA_ATAU_ADMIN,
            (
                "Jawaban evaluator tidak dapat diubah lagi, kecuali persetujuan ditolak.",
                "Anda tercatat sebagai pengendali teknis evaluasi ini.",
            ),
            bukan_evaluator=True,
            evaluator_lengkap=True,
        ),
        Transisi(
            "tolak",
            "Tolak persetujuan",
            frozenset({StatusLke.DISETUJUI}),
            StatusLke.DINILAI,
            PEMERIKSA_ATAU_ADMIN,
            ("Evaluator dapat memperbaiki jawabannya, lalu evaluasi diajukan untuk disetujui lagi.",),
            catatan_wajib=True,
            bukan_evaluator=True,
        ),
        Transisi(
            "finalkan",
            "Tetapkan final",
            frozenset({StatusLke.DISETUJUI}),
            StatusLke.FINAL,
            PEMERIKSA_ATAU_ADMIN,
            (
                "Evaluasi terkunci: tidak ada jawaban yang dapat diubah lagi.",
                "Instansi melihat jawaban, nilai dan predikat dari evaluator.",
            ),
        ),
    )
}

GILIRAN = {
    StatusLke.DRAF: "Perencana instansi mengisi penilaian mandiri, lalu menyerahkannya ke evaluator.",
    StatusLke.DINILAI: "Evaluator Inspektorat menilai; pengendali teknis lain menyetujuinya.",
    StatusLke.DISETUJUI: "Menunggu penetapan final oleh Inspektorat.",
    StatusLke.FINAL: "Evaluasi final dan terkunci.",
}


class TidakBoleh(PermissionDenied):
    """The user's role may not do this on this evaluation now (403)."""


class TahapSalah(Exception):
    """The evaluation is not in a state this transition starts from (409)."""


class SyaratBelum(Exception):
    """A condition of the transition is not met; the message says what the person must do."""


def pihak_ditulis(peran_user: frozenset[str], status: str) -> str | None:
    """The side whose answers a person with these roles writes in `status`, if any."""
    for pihak, (tahap, pelaku) in MENJAWAB.items():
        if status == tahap and pelaku & peran_user:
            return pihak
    return None


def boleh_lihat_evaluator(peran_user: frozenset[str], status: str) -> bool:
    """Whether the evaluator's answers are shown: to the inspectorate always, to the agency
    only once the evaluation is final (before, they could steer the self-assessment)."""
    return status == StatusLke.FINAL or bool(PEMERIKSA_ATAU_ADMIN & peran_user)


def boleh_mulai(peran_user: frozenset[str]) -> bool:
    """The agency's planners (to prepare), the region's reviewers and admins start one."""
    return bool(peran_user & {PERENCANA, PEMERIKSA, ADMIN})


def transisi_bagi(peran_user: frozenset[str], status: str) -> list[Transisi]:
    """The transitions a person with these roles may make from `status`, in the life's order."""
    return [t for t in TRANSISI.values() if status in t.dari and t.pelaku & peran_user]


def mulai(user, instansi: Instansi, tahun: int, instrumen: Instrumen) -> EvaluasiLke:
    """Start the evaluation of `instansi` for `tahun` on a frozen copy of `instrumen`.

    Raises `TidakBoleh`, or `inti.versi.Konflik` when someone started it meanwhile. The copy
    is read and written in a fixed number of queries, whatever the instrument's size."""
    if not boleh_mulai(peran(user, instansi)):
        raise TidakBoleh("Anda tidak berwenang memulai evaluasi instansi ini.")
    komponen = list(instrumen.komponen.prefetch_related("sub_komponen__kriteria__skala__nilai"))
    with transaction.atomic():
        [evaluasi] = tulis_semua(
            [
                Tulis(
                    EvaluasiLke,
                    f"Evaluasi {instansi} {tahun}",
                    {"instansi_id": instansi.pk, "tahun": tahun},
                    0,
                    {"status": StatusLke.DRAF},
                    tampil=lambda e: f"{e.nama_instrumen}, {e.get_status_display()}",
                    baru={
                        "instrumen": instrumen,
                        "nama_instrumen": instrumen.nama,
                        "dasar": instrumen.dasar,
                        "dimulai_oleh": user,
                        "dimulai_pada": timezone.now(),
                    },
                    alasan=f"Dimulai dengan {instrumen.nama}"[:100],
                )
            ]
        )
        _salin(evaluasi, komponen)
    return evaluasi


def _salin(evaluasi: EvaluasiLke, komponen: list) -> None:
    """Copy the instrument's tree under `evaluasi`, each criterion with its scale's answers."""
    baru_k = KomponenLke.objects.bulk_create(
        KomponenLke(evaluasi=evaluasi, urutan=k.urutan, kode=k.kode, nama=k.nama, bobot=k.bobot)
        for k in komponen
    )
    asal_s = [(s, kb) for k, kb in zip(komponen, baru_k, strict=True) for s in k.sub_komponen.all()]
    baru_s = SubKomponenLke.objects.bulk_create(
        SubKomponenLke(komponen=kb, urutan=s.urutan, kode=s.kode, nama=s.nama, jenis=s.jenis, bobot=s.bobot)
        for s, kb in asal_s
    )
    asal_r = [(r, sb) for (s, _), sb in zip(asal_s, baru_s, strict=True) for r in s.kriteria.all()]
    baru_r = KriteriaLke.objects.bulk_create(
        KriteriaLke(
            sub_komponen=sb,
            urutan=r.urutan,
            kode=r.kode,
            teks=r.teks,
            nama_skala=r.skala.nama,
            pilihan=[[n.label, str(n.nilai.normalize())] for n in r.skala.nilai.all()],
            bukti_diharapkan=r.bukti_diharapkan,
        )
        for r, sb in asal_r
    )
    salinan = {r.pk: rb for (r, _), rb in zip(asal_r, baru_r, strict=True)}
    bergantung = []
    for r, _ in asal_r:
        # A prerequisite outside this instrument (an admin's slip) is left out of the copy.
        if r.prasyarat_id in salinan:
            salinan[r.pk].prasyarat = salinan[r.prasyarat_id]
            bergantung.append(salinan[r.pk])
    KriteriaLke.objects.bulk_update(bergantung, ["prasyarat"])


def jawaban_evaluator_oleh(evaluasi: EvaluasiLke, user) -> bool:
    """Whether `user` ever wrote an evaluator's answer of `evaluasi` (from the history)."""
    return JawabanLke.history.filter(
        kriteria__sub_komponen__komponen__evaluasi=evaluasi, pihak=Pihak.EVALUATOR, history_user=user
    ).exists()


def belum_dijawab_evaluator(evaluasi: EvaluasiLke) -> int:
    """How many criteria lack the evaluator's answer."""
    semua = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=evaluasi)
    dijawab = semua.filter(jawaban__pihak=Pihak.EVALUATOR).exclude(jawaban__nilai_skala="")
    return semua.count() - dijawab.count()


def periksa(user, evaluasi: EvaluasiLke, transisi: Transisi) -> None:
    """Refuse a transition the user's role may not make here, or that the state does not allow."""
    if not transisi.pelaku & peran(user, evaluasi.instansi):
        raise TidakBoleh(f"Anda tidak berwenang untuk «{transisi.nama}» evaluasi ini.")
    if evaluasi.status not in transisi.dari:
        raise TahapSalah(
            f"Evaluasi berstatus «{evaluasi.get_status_display()}»; "
            f"«{transisi.nama}» tidak berlaku dari status itu."
        )
    if transisi.bukan_evaluator and jawaban_evaluator_oleh(evaluasi, user):
        raise TidakBoleh(
            "Anda mengisi jawaban evaluator evaluasi ini; persetujuan harus diberikan pengendali teknis lain."
        )


def terapkan(user, evaluasi: EvaluasiLke, transisi: str, catatan: str, versi: int) -> EvaluasiLke:
    """Make `transisi` on `evaluasi` as `user`, who saw it at `versi`.

    Raises `TidakBoleh` (role, region, or the evaluator approving their own work),
    `TahapSalah` (state), `SyaratBelum` (a missing note or answers) or `inti.versi.Konflik`
    (someone moved the evaluation meanwhile); then nothing is written."""
    t = TRANSISI[transisi]
    catatan = catatan.strip()
    with transaction.atomic():
        periksa(user, evaluasi, t)
        if t.catatan_wajib and not catatan:
            raise SyaratBelum(f"Tuliskan alasan «{t.nama}».")
        if t.evaluator_lengkap and (kurang := belum_dijawab_evaluator(evaluasi)):
            raise SyaratBelum(f"Masih ada {kurang} kriteria tanpa jawaban evaluator.")
        [baru] = tulis_semua(
            [
                Tulis(
                    EvaluasiLke,
                    str(evaluasi),
                    {"pk": evaluasi.pk},
                    versi,
                    {"status": t.ke},
                    tampil=lambda e: e.get_status_display(),
                    alasan=t.nama,
                )
            ]
        )
        PeristiwaLke.objects.create(
            evaluasi=evaluasi,
            transisi=t.kode,
            dari=evaluasi.status,
            ke=t.ke,
            oleh=user,
            pada=timezone.now(),
            catatan=catatan,
        )
    return baru


@dataclass(frozen=True)
class Isian:
    """One answer as a person submitted it: the criterion, the label (empty: none yet),
    the note, the version of the stored answer they saw (0: none)."""

    kriteria: KriteriaLke
    nilai_skala: str
    catatan: str
    versi: int


def simpan_jawaban(user, evaluasi: EvaluasiLke, pihak: str, isian: list[Isian]) -> None:
    """Write one side's answers on `evaluasi`, all or none (`inti.versi.Konflik` when one
    moved on); `TidakBoleh` when this user may not write that side now. Only answers that
    differ from what is stored are written; one changed by someone else since the page was
    opened differs, and meets the person's version as a conflict."""
    with transaction.atomic():
        # The state is read again under lock: a page opened before a transition cannot
        # write into the next state.
        kini = EvaluasiLke.objects.select_for_update().get(pk=evaluasi.pk)
        if pihak_ditulis(peran(user, evaluasi.instansi), kini.status) != pihak:
            raise TidakBoleh(
                f"Evaluasi berstatus «{kini.get_status_display()}»: Anda tidak dapat mengisi "
                f"jawaban {Pihak(pihak).label.lower()} sekarang."
            )
        ada = {
            j.kriteria_id: j
            for j in JawabanLke.objects.filter(pihak=pihak, kriteria__in=[i.kriteria for i in isian])
        }
        rencana = []
        for i in isian:
            tersimpan = ada.get(i.kriteria.pk)
            sekarang = (tersimpan.nilai_skala, tersimpan.catatan) if tersimpan else ("", "")
            if sekarang == (i.nilai_skala, i.catatan):
                continue
            rencana.append(
                Tulis(
                    JawabanLke,
                    f"Jawaban {Pihak(pihak).label.lower()} kriteria {i.kriteria.kode}",
                    {"kriteria_id": i.kriteria.pk, "pihak": pihak},
                    i.versi,
                    {"nilai_skala": i.nilai_skala, "catatan": i.catatan},
                    tampil=lambda j: f"{j.nilai_skala or '–'}: {j.catatan}"[:200],
                )
            )
        tulis_semua(rencana)
