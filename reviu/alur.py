"""A report's life as data, and the one function that moves it.

Per agency and year an LKjIP is a draft (draf), submitted (disampaikan), returned with
reasons (dikembalikan), accepted (diterima) or published (diterbitkan). `TRANSISI` says, for
each transition, from which states it starts, where it leads, who may make it, what it does
to the year lock and what the person is told before confirming. `terapkan` is the only way
a report moves: it checks the role and region, the state at the version the person saw
(compare-and-swap through `inti.versi.tulis_semua`), the transition's conditions, then in one
transaction writes the new state, locks or unlocks the year (`KunciTahun`, which
`instansi.akses` already enforces), records a `PeristiwaLaporan` and, to publish, stores the
snapshot (`publikasi.terbitan.terbitkan`). No view decides any of this itself.

A note's life is data here too (`AKSI_CATATAN`): the reviewer opens and closes notes, the
planner answers them; `ubah_catatan` applies one step the same way.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from instansi.akses import ADMIN, PEMERIKSA, PERENCANA, peran
from instansi.models import Instansi, KunciTahun
from inti.versi import Tulis, tulis_semua
from publikasi.terbitan import terbitkan
from reviu.models import CatatanReviu, PeristiwaLaporan, Status, StatusCatatan, StatusLaporan
from reviu.temuan import Temuan, temukan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.susun import susun

PEMERIKSA_ATAU_ADMIN = frozenset({PEMERIKSA, ADMIN})


@dataclass(frozen=True)
class Transisi:
    """One step of the life: `dari` → `ke`, made by one of `pelaku`.

    `kunci`: True locks the year's data for planners, False unlocks it, None leaves it.
    `akibat` spells out the consequences on the confirmation page ({tahun}, {pemda} filled in).
    """

    kode: str
    nama: str
    dari: frozenset[str]
    ke: str
    pelaku: frozenset[str]
    kunci: bool | None
    akibat: tuple[str, ...]
    catatan_wajib: bool = False  # a note is always required (why a published report is corrected)
    perlu_catatan_terbuka: bool = False  # at least one open reviewer note (the reasons to return)


TRANSISI = {
    t.kode: t
    for t in (
        Transisi(
            "sampaikan",
            "Sampaikan",
            frozenset({Status.DRAF, Status.DIKEMBALIKAN}),
            Status.DISAMPAIKAN,
            frozenset({PERENCANA}),
            kunci=True,
            akibat=(
                "Data tahun {tahun} dikunci: perencana tidak dapat mengubahnya lagi sampai laporan "
                "dikembalikan.",
                "Pemeriksa Inspektorat {pemda} melihat laporan ini di meja reviu sebagai menunggu reviu.",
                "Temuan otomatis yang masih terbuka dicatat bersama penyampaian, dengan alasan Anda.",
            ),
        ),
        Transisi(
            "kembalikan",
            "Kembalikan",
            frozenset({Status.DISAMPAIKAN}),
            Status.DIKEMBALIKAN,
            PEMERIKSA_ATAU_ADMIN,
            kunci=False,
            akibat=(
                "Kunci data tahun {tahun} dibuka: perencana dapat memperbaiki data.",
                "Catatan reviu yang masih terbuka menjadi alasan pengembalian; perencana menjawabnya.",
                "Perencana menyampaikan laporan kembali setelah memperbaikinya.",
            ),
            perlu_catatan_terbuka=True,
        ),
        Transisi(
            "terima",
            "Terima",
            frozenset({Status.DISAMPAIKAN}),
            Status.DITERIMA,
            PEMERIKSA_ATAU_ADMIN,
            kunci=None,
            akibat=(
                "Data tahun {tahun} tetap terkunci.",
                "Anda tercatat sebagai pereviu pada «Pernyataan Telah Direviu» laporan yang diterbitkan.",
                "Laporan siap diterbitkan oleh pemeriksa atau admin.",
            ),
        ),
        Transisi(
            "terbitkan",
            "Terbitkan",
            frozenset({Status.DITERIMA}),
            Status.DITERBITKAN,
            PEMERIKSA_ATAU_ADMIN,
            kunci=None,
            akibat=(
                "Laporan disusun sekarang dan disimpan sebagai terbitan baru: HTML, PDF dan angkanya "
                "(JSON), masing-masing dengan SHA-256.",
                "Terbitan dapat dibaca dan diunduh publik tanpa masuk, dan tidak dapat diubah lagi.",
                "Data tahun {tahun} tetap terkunci.",
            ),
        ),
        Transisi(
            "koreksi",
            "Koreksi",
            frozenset({Status.DITERBITKAN}),
            Status.DRAF,
            PEMERIKSA_ATAU_ADMIN,
            kunci=False,
            akibat=(
                "Terbitan yang ada tetap dapat dibaca publik; setelah koreksi diterbitkan, ia ditandai "
                "telah digantikan versi berikutnya.",
                "Laporan kembali menjadi draf dan kunci data tahun {tahun} dibuka untuk perbaikan.",
                "Koreksi melalui penyampaian, reviu dan penerbitan lagi, sebagai versi berikutnya.",
            ),
            catatan_wajib=True,
        ),
    )
}


# Whose move it is in each state, told to those who have none to make.
GILIRAN = {
    Status.DRAF: "Perencana menyiapkan laporan lalu menyampaikannya.",
    Status.DISAMPAIKAN: "Menunggu reviu Inspektorat.",
    Status.DIKEMBALIKAN: "Perencana memperbaiki, menjawab catatan reviu, lalu menyampaikan kembali.",
    Status.DITERIMA: "Menunggu penerbitan oleh Inspektorat.",
    Status.DITERBITKAN: "Laporan telah diterbitkan.",
}


class TidakBoleh(PermissionDenied):
    """The user's role may not make this transition on this agency (403)."""


class TahapSalah(Exception):
    """The report is not in a state this transition starts from (409)."""


class SyaratBelum(Exception):
    """A condition of the transition is not met; the message says what the person must do.
    `temuan`: the automatic findings found on the way, so that the page listing them again
    does not gather and assemble the report a second time."""

    def __init__(self, pesan: str, temuan: list[Temuan] | None = None):
        super().__init__(pesan)
        self.temuan = temuan


def status_kini(instansi: Instansi, tahun: int) -> StatusLaporan:
    """The report's state; a report nobody acted on is a draft at version 0 (no row)."""
    ada = StatusLaporan.objects.filter(instansi=instansi, tahun=tahun).first()
    return ada or StatusLaporan(instansi=instansi, tahun=tahun, status=Status.DRAF, versi=0)


def transisi_bagi(peran_user: frozenset[str], status: str) -> list[Transisi]:
    """The transitions a person with these roles may make from `status`, in the life's order."""
    return [t for t in TRANSISI.values() if status in t.dari and t.pelaku & peran_user]


def temuan_laporan(instansi: Instansi, tahun: int) -> list[Temuan]:
    """The automatic findings of the agency's year as gathered and assembled now."""
    return temukan(susun(kumpulkan(instansi, tahun)))


def periksa(user, instansi: Instansi, transisi: Transisi, status: StatusLaporan) -> None:
    """Refuse a transition the user's role may not make here, or that the state does not allow."""
    if not transisi.pelaku & peran(user, instansi):
        raise TidakBoleh(f"Anda tidak berwenang untuk «{transisi.nama}» laporan ini.")
    if status.status not in transisi.dari:
        raise TahapSalah(
            f"Laporan {instansi} {status.tahun} berstatus «{status.get_status_display()}»; "
            f"«{transisi.nama}» tidak berlaku dari status itu."
        )


def terapkan(user, instansi: Instansi, tahun: int, transisi: str, catatan: str, versi: int) -> StatusLaporan:
    """Make `transisi` on the agency's report for `tahun` as `user`, who saw it at `versi`.

    Raises `TidakBoleh` (role or region), `TahapSalah` (state), `SyaratBelum` (a missing
    reason or open note) or `inti.versi.Konflik` (someone moved the report meanwhile); then
    nothing is written. Returns the new state.
    """
    t = TRANSISI[transisi]
    catatan = catatan.strip()
    with transaction.atomic():
        status = status_kini(instansi, tahun)
        periksa(user, instansi, t, status)
        if t.catatan_wajib and not catatan:
            raise SyaratBelum(f"Tuliskan alasan «{t.nama}» laporan ini.")
        if t.perlu_catatan_terbuka and not catatan_terbuka(instansi, tahun).exists():
            raise SyaratBelum(
                "Laporan hanya dapat dikembalikan dengan sedikitnya satu catatan reviu terbuka."
            )
        temuan = temuan_laporan(instansi, tahun) if t.ke == Status.DISAMPAIKAN else []
        if temuan and not catatan:
            raise SyaratBelum(
                f"Masih ada {len(temuan)} temuan otomatis: perbaiki, atau tuliskan mengapa laporan "
                "disampaikan dengan temuan itu.",
                temuan,
            )
        sekarang = timezone.now()
        isian = {"status": t.ke, "sejak": sekarang}
        if t.ke == Status.DISAMPAIKAN:
            isian["jumlah_temuan"] = len(temuan)
        [baru] = tulis_semua(
            [
                Tulis(
                    StatusLaporan,
                    f"Status LKjIP {instansi} {tahun}",
                    {"instansi_id": instansi.pk, "tahun": tahun},
                    versi,
                    isian,
                    tampil=lambda s: s.get_status_display(),
                    alasan=t.nama,
                )
            ]
        )
        _kunci(user, instansi, tahun, t.kunci)
        PeristiwaLaporan.objects.create(
            instansi=instansi,
            tahun=tahun,
            transisi=t.kode,
            dari=status.status,
            ke=t.ke,
            oleh=user,
            pada=sekarang,
            catatan=catatan,
            temuan=[{"kode": x.kode, "objek": x.objek, "pesan": x.pesan} for x in temuan],
        )
        if t.ke == Status.DITERBITKAN:
            diterima = (
                PeristiwaLaporan.objects.filter(instansi=instansi, tahun=tahun, transisi="terima")
                .select_related("oleh")
                .latest("pada", "pk")
            )
            terbitkan(
                instansi,
                tahun,
                oleh=user,
                direviu_oleh=nama_orang(diterima.oleh),
                direviu_pada=diterima.pada,
            )
    return baru


def _kunci(user, instansi: Instansi, tahun: int, kunci: bool | None) -> None:
    """Lock or unlock the year's data for planners, with who did it in the lock's history."""
    if kunci:
        KunciTahun.objects.get_or_create(instansi=instansi, tahun=tahun, defaults={"dikunci_oleh": user})
    elif kunci is False:
        for ada in KunciTahun.objects.filter(instansi=instansi, tahun=tahun):
            ada._history_user = user
            ada.delete()


def nama_orang(user) -> str:
    return user.get_full_name() or user.get_username()


def catatan_terbuka(instansi: Instansi, tahun: int):
    return CatatanReviu.objects.filter(instansi=instansi, tahun=tahun, status=StatusCatatan.TERBUKA)


@dataclass(frozen=True)
class AksiCatatan:
    """One step of a note's life: from which states, to which, by whom."""

    kode: str
    nama: str
    dari: frozenset[str]
    ke: str
    pelaku: frozenset[str]


AKSI_CATATAN = {
    a.kode: a
    for a in (
        AksiCatatan(
            "jawab",
            "Kirim jawaban",
            frozenset({StatusCatatan.TERBUKA, StatusCatatan.DIJAWAB}),
            StatusCatatan.DIJAWAB,
            frozenset({PERENCANA}),
        ),
        AksiCatatan(
            "tutup",
            "Tutup catatan",
            frozenset({StatusCatatan.TERBUKA, StatusCatatan.DIJAWAB}),
            StatusCatatan.DITUTUP,
            PEMERIKSA_ATAU_ADMIN,
        ),
        AksiCatatan(
            "buka",
            "Buka kembali",
            frozenset({StatusCatatan.DIJAWAB, StatusCatatan.DITUTUP}),
            StatusCatatan.TERBUKA,
            PEMERIKSA_ATAU_ADMIN,
        ),
    )
}


def aksi_catatan_bagi(peran_user: frozenset[str], catatan: CatatanReviu) -> list[AksiCatatan]:
    return [a for a in AKSI_CATATAN.values() if catatan.status in a.dari and a.pelaku & peran_user]


def boleh_mencatat(peran_user: frozenset[str]) -> bool:
    """Whether these roles write notes: the region's reviewer and admins."""
    return bool(PEMERIKSA_ATAU_ADMIN & peran_user)


def ubah_catatan(user, catatan: CatatanReviu, aksi: str, jawaban: str, versi: int) -> CatatanReviu:
    """Answer, close or reopen `catatan` as `user`, who saw it at `versi` (same refusals as
    `terapkan`; an answer must say something)."""
    a = AKSI_CATATAN[aksi]
    if not a.pelaku & peran(user, catatan.instansi):
        raise TidakBoleh(f"Anda tidak berwenang untuk «{a.nama}».")
    if catatan.status not in a.dari:
        raise TahapSalah(f"Catatan ini berstatus «{catatan.get_status_display()}».")
    sekarang = timezone.now()
    if a.kode == "jawab":
        if not jawaban.strip():
            raise SyaratBelum("Tuliskan jawaban Anda.")
        isian = {"jawaban": jawaban.strip(), "dijawab_oleh": user, "dijawab_pada": sekarang}
    elif a.kode == "tutup":
        isian = {"ditutup_oleh": user, "ditutup_pada": sekarang}
    else:
        isian = {"ditutup_oleh": None, "ditutup_pada": None}
    [baru] = tulis_semua(
        [
            Tulis(
                CatatanReviu,
                f"Catatan reviu «{catatan.label}»",
                {"pk": catatan.pk},
                versi,
                isian | {"status": a.ke},
                tampil=lambda c: f"{c.get_status_display()}: {c.jawaban or c.teks}"[:200],
                alasan=a.nama,
            )
        ]
    )
    return baru


def buat_catatan(user, instansi: Instansi, tahun: int, objek: str, kunci: str, label: str, teks: str):
    """A new open note by the region's reviewer or an admin. The same note sent again by
    its author while it is still open (a double click, a resubmitted form) is the note
    already written, returned as it is: nobody means one note twice on one object."""
    if not boleh_mencatat(peran(user, instansi)):
        raise TidakBoleh("Hanya pemeriksa wilayah ini atau admin yang menulis catatan reviu.")
    with transaction.atomic():
        # The agency's row, held until the note is written, makes two copies sent at once
        # meet here one after the other (on PostgreSQL, the store; SQLite has no row locks).
        Instansi.objects.select_for_update().get(pk=instansi.pk)
        sama = CatatanReviu.objects.filter(
            instansi=instansi,
            tahun=tahun,
            objek=objek,
            kunci=kunci,
            teks=teks,
            dibuat_oleh=user,
            status=StatusCatatan.TERBUKA,
        ).first()
        if sama is not None:
            return sama
        [baru] = tulis_semua(
            [
                Tulis(
                    CatatanReviu,
                    f"Catatan reviu «{label}»",
                    {},
                    0,
                    {"objek": objek, "kunci": kunci, "label": label, "teks": teks},
                    baru={
                        "instansi": instansi,
                        "tahun": tahun,
                        "dibuat_oleh": user,
                        "dibuat_pada": timezone.now(),
                    },
                )
            ]
        )
    return baru
