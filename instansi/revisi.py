"""The agencies' revision counters (`instansi.models.Revisi`), bumped in the transaction of
every write that can reach an agency, so that a fingerprint of its data is one small read
(`sakip.lkjip.sidik`, `dasbor.data.sidik`) instead of an aggregate over every history table.

Which writes bump:
- every save and deletion of a row with a history (`inti.models.BerVersi`, whatever app),
  the admin's, `inti.versi.tulis_semua`'s, a cascade's and a fixture's (loaddata saves raw,
  and still sends `post_save`) alike: `post_save`/`post_delete` receivers, connected to
  every such model when the app registry is ready, so a model added later is covered;
- the bulk paths that write rows without signals call `naikkan` themselves
  (`sakip.demo`);
- the rows without a history that the report reads (settings, rating and evaluation bands,
  the older evaluation scores, the LKE's frozen copies) are not counted: the fingerprints
  read those few rows, or their highest id and count, themselves.

A row's agency is found through its foreign keys (`saringan_instansi`, the lookups per
model computed once), one query per parent row and transaction; a row that moves to another
agency bumps both (the foreign keys it was read with: `inti.models.Terbaca` keeps the
columns a row was read with, and a save keeps its own after it). A row that
reaches no agency, or whose agency cannot be found any more, bumps row 0, which every
fingerprint reads. The bump is one INSERT … ON CONFLICT DO UPDATE (PostgreSQL and SQLite):
race-safe, and the row's lock orders concurrent writers of one agency. An agency is bumped
once per transaction (the writes after it commit with it), unless a fingerprint was read in
between; the record of what was bumped rides on the transaction's `on_commit` list, which
Django empties on a rollback, so a bump undone by a rollback is never taken for done.
"""

import functools

from django.apps import apps
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save

from instansi.models import Instansi, Revisi

# The apps whose rows the report reads; a write in an app above them (a review's state or
# notes) bumps the `lain` counter, which only the dashboard reads.
LAPISAN = ("instansi", "kinerja", "anggaran", "evaluasi", "sakip")
GLOBAL = 0
_KEDALAMAN = 6


def _jalur(model, kedalaman: int = _KEDALAMAN) -> list[tuple[str, bool]]:
    """The shortest lookup from `model` to its agency through each forward foreign key, with
    whether every step of it is required: [("indikator__renstra__instansi", True)]."""
    if model is Instansi:
        return [("", True)]
    if kedalaman == 0:
        return []
    hasil = []
    for f in model._meta.concrete_fields:
        if not f.is_relation or f.related_model is None or f.related_model is model:
            continue
        lanjut = _jalur(f.related_model, kedalaman - 1)
        if lanjut:
            sisa, wajib = min(lanjut, key=lambda j: (not j[1], j[0].count("__")))
            hasil.append(((f"{f.name}__{sisa}" if sisa else f.name), wajib and not f.null))
    return hasil


@functools.cache
def saringan_instansi(model) -> tuple[str, ...] | None:
    """The lookups that tie a row of `model` to its agency (any one of them does), or None
    for reference data that belongs to no agency. A required path alone when there is one
    (an indicator's Renstra); else every optional one (a budget figure sits on a program,
    a kegiatan or a sub kegiatan)."""
    jalur = _jalur(model)
    if not jalur:
        return None
    wajib = [j for j, w in jalur if w]
    if wajib:
        return (min(wajib, key=lambda j: j.count("__")),)
    return tuple(j for j, _ in jalur)


@functools.cache
def _langkah(model) -> tuple[tuple[str, type | None, str], ...]:
    """Per lookup of `saringan_instansi`: the first foreign key's attname, the model it
    points to (None when it is the agency itself) and the rest of the lookup from there."""
    hasil = []
    for jalur in saringan_instansi(model) or ():
        langkah, _, sisa = jalur.partition("__")
        if not langkah:
            continue
        f = model._meta.get_field(langkah)
        hasil.append((f.attname, f.related_model if sisa else None, sisa))
    return tuple(hasil)


class _Catatan:
    """A do-nothing `on_commit` callback that carries what a (sub)transaction bumped and the
    agencies of the parent rows it looked up. Django drops it with the savepoint or the
    transaction it was registered in when that rolls back."""

    def __init__(self, titik: frozenset):
        self.titik = titik
        self.naik: set[tuple[int, str]] = set()
        self.induk: dict[tuple, int | None] = {}

    def __call__(self):
        pass


class _Ingatan:
    """What the open transaction bumped and looked up, as far as its savepoints stand: the
    union of its records, with each savepoint's own, so that a write finds them in one
    lookup (a scan of the commit hooks per write made a 10 000-row spreadsheet apply, one
    savepoint per row, quadratic: 64 s instead of 5). Django appends to a transaction's list
    of commit hooks, and replaces the list when a savepoint rolls back (dropping its
    hooks) or the transaction ends: a list that is no longer the one remembered means the
    union is rebuilt from the records that survived."""

    def __init__(self, kait: list):
        self.kait = kait
        self.per_titik: dict[frozenset, _Catatan] = {}
        self.naik: set[tuple[int, str]] = set()
        self.induk: dict[tuple, int | None] = {}
        for _, f, _ in kait:
            if isinstance(f, _Catatan):
                self.per_titik[f.titik] = f
                self.naik |= f.naik
                self.induk.update(f.induk)

    def kini(self, koneksi) -> _Catatan:
        """The record of the current savepoint, registered when missing."""
        titik = frozenset(koneksi.savepoint_ids)
        catatan = self.per_titik.get(titik)
        if catatan is None:
            catatan = self.per_titik[titik] = _Catatan(titik)
            transaction.on_commit(catatan, using=koneksi.alias)
        return catatan


def _ingatan(koneksi) -> _Ingatan | None:
    """The open transaction's memory; none outside a transaction, where each statement
    commits alone."""
    if not koneksi.in_atomic_block:
        return None
    ingatan = getattr(koneksi, "_revisi_ingatan", None)
    if ingatan is None or ingatan.kait is not koneksi.run_on_commit:
        ingatan = koneksi._revisi_ingatan = _Ingatan(koneksi.run_on_commit)
    return ingatan


def lupakan(using: str = "default") -> None:
    """Forget what this transaction bumped, so that its next writes bump again: a fingerprint
    read now must differ from one read after them."""
    ingatan = _ingatan(connections[using])
    if ingatan is not None:
        ingatan.naik.clear()
        for catatan in ingatan.per_titik.values():
            catatan.naik.clear()


def naikkan(instansi_ids, kolom: str = "laporan", using: str = "default") -> None:
    """Bump the counters of these agencies (GLOBAL: reference data), once per transaction."""
    koneksi = connections[using]
    ingatan = _ingatan(koneksi)
    sudah = ingatan.naik if ingatan is not None else set()
    baru = sorted({i for i in instansi_ids if (i, kolom) not in sudah})
    if not baru:
        return
    tabel = koneksi.ops.quote_name(Revisi._meta.db_table)
    nilai = ", ".join(["(%s, %s, %s)"] * len(baru))
    parameter = [x for i in baru for x in (i, int(kolom == "laporan"), int(kolom == "lain"))]
    with koneksi.cursor() as kursor:
        kursor.execute(
            f"INSERT INTO {tabel} (instansi_id, laporan, lain) VALUES {nilai} "
            f"ON CONFLICT (instansi_id) DO UPDATE SET {kolom} = {tabel}.{kolom} + 1",
            parameter,
        )
    if ingatan is not None:
        naik = [(i, kolom) for i in baru]
        ingatan.kini(koneksi).naik.update(naik)
        ingatan.naik.update(naik)


def _instansi_baris(obj, nilai: dict, using: str) -> set[int]:
    """The agencies a row with these first foreign keys (`{attname: id}`) reaches."""
    koneksi = connections[using]
    ingatan = _ingatan(koneksi)
    hasil = set()
    for attname, induk, sisa in _langkah(type(obj)):
        pk = nilai.get(attname)
        if pk is None:
            continue
        if induk is None:
            hasil.add(pk)
            continue
        kunci = (induk, pk)
        if ingatan is not None and kunci in ingatan.induk:
            instansi_id = ingatan.induk[kunci]
        else:
            instansi_id = induk._base_manager.using(using).filter(pk=pk).values_list(sisa, flat=True).first()
            if ingatan is not None:
                ingatan.kini(koneksi).induk[kunci] = instansi_id
                ingatan.induk[kunci] = instansi_id
        if instansi_id is not None:
            hasil.add(instansi_id)
    return hasil


def _kunci_asing(obj) -> dict:
    return {attname: getattr(obj, attname) for attname, _, _ in _langkah(type(obj))}


def _kunci_asal(obj) -> dict | None:
    """The foreign keys a stored row was last saved (`_saat_ditulis`) or else read with, to
    find the agency it leaves if it moves; None for a row never read nor saved. A deferred
    column is not among the columns read, and counts as unset: reading it would cost a
    query per row."""
    if "_kunci_asal" in obj.__dict__:
        return obj._kunci_asal
    dibaca = obj.__dict__.get("_dibaca")
    if dibaca is None:
        return None
    nilai = dict(zip(*dibaca, strict=True))
    return {a: nilai.get(a) for a, _, _ in _langkah(type(obj))}


def _saat_ditulis(sender, instance, using="default", **kwargs):
    kolom = "laporan" if sender._meta.app_label in LAPISAN else "lain"
    if saringan_instansi(sender) is None:
        naikkan([GLOBAL], kolom, using)
        return
    if sender is Instansi:
        naikkan([instance.pk], kolom, using)
        return
    kunci = _kunci_asing(instance)
    ids = _instansi_baris(instance, kunci, using)
    asal = _kunci_asal(instance)
    if asal is not None and not kwargs.get("created"):
        ids |= _instansi_baris(instance, asal, using)
    instance._kunci_asal = kunci
    # A row whose agency is gone or was never set moves every fingerprint.
    naikkan(ids or [GLOBAL], kolom, using)


def hubungkan() -> None:
    """Connect the receivers to every model with a history (`AppConfig.ready`)."""
    for model in apps.get_models():
        if hasattr(model, "history") and not model._meta.abstract:
            uid = f"revisi-{model._meta.label_lower}"
            post_save.connect(_saat_ditulis, sender=model, dispatch_uid=f"{uid}-simpan")
            post_delete.connect(_saat_ditulis, sender=model, dispatch_uid=f"{uid}-hapus")
