"""A report's fingerprint (sidik): a hash that changes whenever anything an agency-year's
LKjIP shows may have changed, read in a few small queries instead of building the report.

The PDF store (`render.pdf_laporan`, `sakip.models.BerkasPdf`) is keyed by it, so that a
report whose data did not move is served in milliseconds: building the HTML to hash it took
0,5 s for one agency and 3–4 s for ten times its data.

What the fingerprint reads:
- every edited row keeps a history (`inti.models.BerVersi`, django-simple-history), and a
  created, changed or deleted row adds a history record with a higher id: per history
  table, the highest id and the count of the records that reach the agency through their
  foreign keys (reference tables that reach no agency, e.g. the LKE instruments, count
  whole). One query, a UNION ALL of one aggregate per table. A deleted row's own record
  may no longer reach the agency (its parent deleted with it), but the topmost deleted
  row's record does, through a parent that still stands;
- the few rows without a history the report reads (the agency's settings and rating bands,
  the evaluation bands, the older evaluation scores, its region's name) are read whole:
  a handful per agency;
- the code: the project's Python files and templates, hashed once per process, and the
  versions of the libraries that draw and lay out.

Only the layers the report reads count (`LAPISAN`): a reviewer's note or a publication
changes no report.
"""

import functools
import hashlib
from importlib.metadata import version
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import Count, IntegerField, Max, Q, Value

from evaluasi.models import KomponenLke, KriteriaLke, PeristiwaLke, SubKomponenLke
from instansi.models import Instansi, Pemda, PengaturanLaporan, PredikatCapaian
from kinerja.models import EvaluasiSakip, KomponenEvaluasi, PredikatEvaluasi, TindakLanjutEvaluasi

LAPISAN = ("instansi", "kinerja", "anggaran", "evaluasi", "sakip")
PUSTAKA = ("django", "matplotlib", "weasyprint", "graphviz")
# Folders of the checkout that hold no code a report runs.
BUKAN_KODE = {"tests", "benchmarks", "fixtures", "media", "staticfiles", "build"}
_KEDALAMAN = 6


@functools.cache
def versi_kode() -> str:
    """The hash of the project's code and templates and of the drawing libraries' versions:
    a deployment of new code makes every report new."""
    akar = Path(settings.BASE_DIR)
    h = hashlib.sha256()
    for nama in PUSTAKA:
        h.update(f"{nama}={_versi_pustaka(nama)};".encode())
    for folder in sorted(akar.iterdir()):
        if not folder.is_dir() or folder.name.startswith(".") or folder.name in BUKAN_KODE:
            continue
        for p in sorted(folder.rglob("*")):
            if p.suffix in (".py", ".html", ".css", ".js", ".txt", ".xml", ".svg") and p.is_file():
                h.update(str(p.relative_to(akar)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()


def _versi_pustaka(nama: str) -> str:
    try:
        return version(nama)
    except ImportError:
        return "-"


def _jalur(model, kedalaman: int = _KEDALAMAN) -> list[tuple[str, bool]]:
    """The shortest lookup from `model` to its agency through each forward foreign key, with
    whether every step of it is required: [("indikator__renstra__instansi", True)]."""
    if model is Instansi:
        return [("", True)]
    if kedalaman == 0:
        return []
    hasil = []
    for f in model._meta.concrete_fields:
        if not f.is_relation or f.related_model is None or f.related_model._meta.app_label not in LAPISAN:
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


def _saring(qs, model, instansi_id: int):
    """`qs` (rows of `model` or of its history) narrowed to those that reach the agency: a
    foreign key in the ids of its parents that do, which the database answers from the
    key's index (a chain of joins made PostgreSQL scan the history tables whole)."""
    lewat = saringan_instansi(model)
    if lewat is None:
        return qs
    if lewat == ("",):
        return qs.filter(id=instansi_id)
    q = Q()
    for jalur in lewat:
        langkah, _, sisa = jalur.partition("__")
        if not sisa:
            q |= Q(**{f"{langkah}_id": instansi_id})
        else:
            induk = model._meta.get_field(langkah).related_model
            q |= Q(**{f"{langkah}_id__in": induk._base_manager.filter(**{sisa: instansi_id}).values("pk")})
    return qs.filter(q)


def model_berriwayat() -> list:
    """The models with a history in the report's layers."""
    return [m for m in apps.get_models() if m._meta.app_label in LAPISAN and hasattr(m, "history")]


# An agency id no agency has, where the compiled query of `_jejak` takes the agency's.
_SIAPA = -7_000_000_007


@functools.cache
def _sql_jejak(alias: str) -> tuple[str, tuple]:
    """`_jejak`'s query compiled once per database: building and compiling its forty-odd
    parts cost more than running them."""
    sumber = [(m.history.model, m, "history_id") for m in model_berriwayat()]
    sumber += [(m, m, "id") for m in (KomponenLke, SubKomponenLke, KriteriaLke, PeristiwaLke)]
    bagian = [
        _saring(tabel._base_manager.order_by(), model, _SIAPA)
        .annotate(t=Value(nomor, output_field=IntegerField()))
        .values("t")
        .annotate(m=Max(kolom), n=Count(kolom))
        .values_list("t", "m", "n")
        for nomor, (tabel, model, kolom) in enumerate(sumber)
    ]
    pertama, *lain = bagian
    sql, parameter = pertama.union(*lain, all=True).query.sql_with_params()
    return sql, tuple(parameter)


def _jejak(instansi: Instansi) -> list[tuple]:
    """(part, highest id, count) per history table and per table of rows only ever added or
    removed, as far as each reaches the agency: one query."""
    sql, parameter = _sql_jejak(connection.alias)
    with connection.cursor() as kursor:
        kursor.execute(sql, [instansi.pk if p == _SIAPA else p for p in parameter])
        return sorted(tuple(baris) for baris in kursor.fetchall())


def sidik_laporan(instansi: Instansi, tahun: int) -> str:
    """The agency-year's report fingerprint, in seven queries whatever its size."""
    urut = ("pk",)
    tanpa_riwayat = [
        Pemda.objects.filter(instansi=instansi).values_list(),
        PengaturanLaporan.objects.filter(instansi=instansi).values_list(),
        PredikatCapaian.objects.filter(instansi=instansi).order_by(*urut).values_list(),
        PredikatEvaluasi.objects.order_by(*urut).values_list(),
        EvaluasiSakip.objects.filter(instansi=instansi).order_by(*urut).values_list(),
        KomponenEvaluasi.objects.filter(evaluasi__instansi=instansi).order_by(*urut).values_list(),
        TindakLanjutEvaluasi.objects.filter(evaluasi__instansi=instansi).order_by(*urut).values_list(),
    ]
    isi = repr((versi_kode(), instansi.pk, tahun, _jejak(instansi), [list(q) for q in tanpa_riwayat]))
    return hashlib.sha256(isi.encode()).hexdigest()
