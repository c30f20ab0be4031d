"""The one write path for everything a person edits: versioned, all or nothing.

Every screen and both spreadsheet applies describe what they want written as a list of
`Tulis` — one row each, with the version (`BerVersi.versi`) the person saw, 0 when they saw
no row — and hand it to `tulis_semua`, which writes every row or none:

- an update or a deletion first takes the row with a conditional UPDATE on the version
  seen (a compare-and-swap that holds on PostgreSQL and SQLite alike), so a row saved or
  deleted by someone else meanwhile is a conflict, never overwritten or resurrected; every
  save of a row, the admin's included, makes it a new version (`BerVersi.save`);
- a creation is a conflict when the row now exists (the database's unique constraint
  decides, so two people creating the same row at once cannot both succeed, and neither
  gets a 500);
- the conflicts are collected over the whole list and raised together as `Konflik`, with
  what is stored now, who saved it and when (from the row's history), after the
  transaction has undone everything this request wrote.

Rows with a natural key (a target: indicator, year, source, quarter) are placed by that
key; a row created there again after a deletion starts at the version after the deleted
one's, so a page opened before the deletion can never save over the newcomer.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction

from inti.models import BerVersi

# django-simple-history keeps the reason in a CharField of 100 characters.
PANJANG_ALASAN = 100


@dataclass
class Tulis:
    """One row to write: `isian` stored on it (created if it does not exist), or the row
    deleted when `isian` is None; only if it is still at `versi` (0: the person saw none).

    `letak` finds the row: its natural key, or `{"pk": …}` for rows that have none. `baru`
    adds the fields a created row also needs (its agency and year, its parent node).
    `tampil` shows a row's value to the person, for the conflict message.
    """

    model: type[BerVersi]
    label: str
    letak: dict
    versi: int
    isian: dict | None
    tampil: Callable[[BerVersi | None], str] = str
    baru: dict = field(default_factory=dict)
    alasan: str = ""  # the audit trail's reason, e.g. the upload the change came from


@dataclass(frozen=True)
class Bentrok:
    """A row that moved on since the person read it: what is stored now, who, when."""

    label: str
    sekarang: str
    oleh: object  # the user of the last change, if the history knows one
    pada: datetime | None


@dataclass(frozen=True)
class CatatanRiwayat:
    """One recorded change of a row, as a page lists it: when, who, its value before and
    after, and (where a page lists several rows) which row."""

    waktu: datetime
    oleh: object
    lama: str
    baru: str
    uraian: str = ""


class Konflik(Exception):
    """Rows saved by someone else since the page was opened; nothing was written."""

    def __init__(self, daftar: list[Bentrok]):
        super().__init__("; ".join(b.label for b in daftar))
        self.daftar = daftar


def tulis_semua(rencana: list[Tulis]) -> list[BerVersi | None]:
    """Write every row of `rencana` in one transaction, or none and raise `Konflik`.

    Returns the rows as written, in order (None for a deletion, or for nothing to do).
    """
    try:
        with transaction.atomic():
            hasil, gagal = [], []
            versi_lanjut = _versi_lanjut(rencana)
            for t in rencana:
                berhasil, obj = _tulis(t, versi_lanjut.get(id(t)))
                hasil.append(obj)
                if not berhasil:
                    gagal.append(t)
            if gagal:
                daftar = [_bentrok(t) for t in gagal]
                # Leaving the block by an exception undoes what the other rows wrote.
                raise Konflik(daftar)
    except IntegrityError:
        # Foreign keys are checked at commit: a row whose parent (an indicator, a node) was
        # deleted by someone else while this request wrote under it.
        raise Konflik(
            [Bentrok(t.label, "(induknya telah dihapus orang lain)", None, None) for t in rencana]
        ) from None
    return hasil


def _versi_lanjut(rencana: list[Tulis]) -> dict[int, int]:
    """The version each row to create starts at (after any deleted row at its place), read
    from the history for all of them at once: {id of the Tulis: version}."""
    hasil = {}
    per_model: dict[type, list[tuple[Tulis, BerVersi]]] = {}
    for t in rencana:
        if t.versi == 0 and t.isian is not None and t.model.kunci_alami:
            per_model.setdefault(t.model, []).append((t, t.model(**(t.letak | t.baru | t.isian))))
    for model, daftar in per_model.items():
        letak = [obj.letak_alami() for _, obj in daftar]
        terakhir = model.versi_terakhir(letak)
        for (t, _), tempat in zip(daftar, letak, strict=True):
            hasil[id(t)] = terakhir.get(tuple(tempat.values()), 0) + 1
    return hasil


def _tulis(t: Tulis, versi_lanjut: int | None) -> tuple[bool, BerVersi | None]:
    """Write one row: (False, None), and nothing of it written, when it moved on."""
    try:
        # A savepoint: on PostgreSQL an IntegrityError would otherwise spoil the transaction.
        with transaction.atomic():
            return _tulis_baru(t, versi_lanjut) if t.versi == 0 else _tulis_ada(t)
    except IntegrityError:
        return False, None  # created at the same place by someone else, just now


def _tulis_baru(t: Tulis, versi_lanjut: int | None) -> tuple[bool, BerVersi | None]:
    if t.isian is None:
        # Nothing seen, nothing wanted: unless someone created the row since the page was read.
        return not (t.letak and t.model.objects.filter(**t.letak).exists()), None
    obj = t.model(**(t.letak | t.baru | t.isian))
    if versi_lanjut is not None:
        obj.versi, obj.versi_dari_riwayat = versi_lanjut, True
    # A row created meanwhile at the same place makes the unique index refuse this one
    # (IntegrityError, a conflict); `BerVersi.save` continues a deleted row's versions.
    _simpan(obj, t.alasan)
    return True, obj


def pegang(model: type[BerVersi], letak: dict, versi: int) -> bool:
    """The compare-and-swap every write starts with: lock the row at `letak` if it is still
    at `versi` (a concurrent writer waits here, then finds the version moved on); False,
    and nothing locked, when it moved on or is gone. The save that follows makes the next
    version. A version without a row to hold it against is never a blind UPDATE."""
    return bool(letak) and model.objects.filter(**letak, versi=versi).update(versi=versi) > 0


def _tulis_ada(t: Tulis) -> tuple[bool, BerVersi | None]:
    if not pegang(t.model, t.letak, t.versi):
        return False, None
    obj = t.model.objects.get(**t.letak)
    if t.isian is None:
        if t.alasan:
            obj._change_reason = t.alasan[:PANJANG_ALASAN]
        obj.delete()
        return True, None
    for nama, nilai in t.isian.items():
        setattr(obj, nama, nilai)
    _simpan(obj, t.alasan)
    return True, obj


def _simpan(obj: BerVersi, alasan: str) -> None:
    # The model's own field rules (ranges, choices, lengths, digits) hold for every path
    # in, before the database sees the row; the forms have said the same in the person's
    # words already. Relations are left out: they were fetched through the agency.
    obj.clean_fields(exclude=[f.name for f in obj._meta.fields if f.is_relation])
    if alasan:
        obj._change_reason = alasan[:PANJANG_ALASAN]
    obj.save()


def riwayat_terakhir(model: type[BerVersi], letak: dict):
    """The latest history record of the row at `letak` (created, changed or deleted), with
    its user: who touched the row last, and when."""
    letak = {("id" if k == "pk" else k): v for k, v in letak.items()}
    return (
        model.history.filter(**letak)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )


TIDAK_TERCATAT = "(tidak tercatat)"


def catatan_riwayat(sumber: list[tuple], batas: int) -> list[CatatanRiwayat]:
    """The latest `batas` changes of the rows in `sumber`, newest first.

    Each source is (history queryset, describe the row, describe its value). The value
    before a change is the previous record at the same place (a row's natural key, so a
    row deleted and entered again continues), found in the one ascending read rather than
    with `prev_record`, which would query once per record. A row created has nothing
    before it («–»); a row changed without an earlier record was there before the history
    began, and the page says so rather than showing it as empty.
    """
    hasil = []
    for riwayat, uraian, nilai in sumber:
        model = riwayat.model.instance_type
        tempat = [model._meta.get_field(n).attname for n in model.kunci_alami] or ["id"]
        sebelumnya = {}
        for h in riwayat.select_related("history_user").order_by("history_date", "history_id"):
            kunci = tuple(getattr(h, n) for n in tempat)
            baru = "(dihapus)" if h.history_type == "-" else nilai(h)
            lama = sebelumnya.get(kunci, "–" if h.history_type == "+" else TIDAK_TERCATAT)
            hasil.append(CatatanRiwayat(h.history_date, h.history_user, lama, baru, uraian(h)))
            sebelumnya[kunci] = baru
    return sorted(hasil, key=lambda c: c.waktu, reverse=True)[:batas]


def _bentrok(t: Tulis) -> Bentrok:
    sekarang = t.model.objects.filter(**t.letak).first() if t.letak else None
    terakhir = riwayat_terakhir(t.model, t.letak) if t.letak else None
    if sekarang is not None:
        teks = t.tampil(sekarang)
    elif t.versi == 0:
        teks = "(baris yang sama baru saja dibuat orang lain)"
    else:
        teks = "(tidak ada lagi: telah dihapus)"
    return Bentrok(
        label=t.label,
        sekarang=teks,
        oleh=terakhir.history_user if terakhir else None,
        pada=terakhir.history_date if terakhir else None,
    )
