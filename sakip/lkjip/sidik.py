"""A report's fingerprint (sidik): a hash that changes whenever anything an agency-year's
LKjIP shows may have changed, read in a few small queries instead of building the report.

The PDF store (`render.pdf_laporan`, `sakip.models.BerkasPdf`) is keyed by it, so that a
report whose data did not move is served in milliseconds: building the HTML to hash it took
0,5 s for one agency and 3–4 s for ten times its data.

What the fingerprint reads, in one query (a UNION ALL of a dozen small parts):
- the agency's revision counter and the one of reference data (`instansi.revisi`): bumped
  in the transaction of every save or deletion of a row with a history that reaches the
  agency (through its foreign keys), whoever makes it, and by the bulk paths;
- the LKE's frozen copies (rows only ever added or removed, in bulk): their highest id and
  count as far as they reach the agency, in the same query;
- the few rows without a history the report reads (the agency's settings and rating bands,
  the evaluation bands, the older evaluation scores, its region's name), read whole as
  text in the same query: a handful per agency, and a queryset `update()` on them is seen
  too;
- the code: the project's Python files and templates, hashed once per process, and the
  versions of the libraries that draw and lay out.

Only the layers the report reads bump the counter it reads (`LAPISAN`): a reviewer's note
or a publication changes no report.
"""

import functools
import hashlib
from importlib.metadata import version
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import Count, F, IntegerField, Max, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat

from evaluasi.models import KomponenLke, KriteriaLke, PeristiwaLke, SubKomponenLke
from instansi.models import Instansi, Pemda, PengaturanLaporan, PredikatCapaian, Revisi
from instansi.revisi import GLOBAL, LAPISAN, lupakan, saringan_instansi
from kinerja.models import EvaluasiSakip, KomponenEvaluasi, PredikatEvaluasi, TindakLanjutEvaluasi

PUSTAKA = ("django", "matplotlib", "weasyprint", "graphviz")
# Folders of the checkout that hold no code a report runs.
BUKAN_KODE = {"tests", "benchmarks", "fixtures", "media", "staticfiles", "build"}


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


def _saring(qs, model, instansi):
    """`qs` (rows of `model`) narrowed to those that reach the agency (an id) or agencies (a
    queryset of ids): a foreign key in the ids of its parents that do, which the database
    answers from the key's index (a chain of joins made PostgreSQL scan the tables whole)."""
    di = "__in" if isinstance(instansi, QuerySet) else ""
    q = Q()
    for jalur in saringan_instansi(model):
        langkah, _, sisa = jalur.partition("__")
        if not sisa:
            q |= Q(**{f"{langkah}_id{di}": instansi})
        else:
            induk = model._meta.get_field(langkah).related_model
            induk_di = induk._base_manager.filter(**{f"{sisa}{di}": instansi}).values("pk")
            q |= Q(**{f"{langkah}_id__in": induk_di})
    return qs.filter(q)


def model_berriwayat() -> list:
    """The models with a history in the report's layers."""
    return [m for m in apps.get_models() if m._meta.app_label in LAPISAN and hasattr(m, "history")]


# The LKE's frozen copies of an instrument, and its events: rows only ever added (in bulk)
# or removed, without a history.
SALINAN_LKE = (KomponenLke, SubKomponenLke, KriteriaLke, PeristiwaLke)


def _utuh(nomor: int, qs: QuerySet) -> QuerySet:
    """The rows of `qs`, a few without a history, read whole: (part, 0, 0, the row's fields
    as text), to go in `sql_jejak`'s one query."""
    kolom = []
    for f in qs.model._meta.concrete_fields:
        kolom += [Coalesce(Cast(f.attname, TextField()), Value("∅"), output_field=TextField()), Value("|")]
    nol = Value(0, output_field=IntegerField())
    return (
        qs.order_by()
        .annotate(t=Value(nomor, output_field=IntegerField()), a=nol, b=nol)
        .annotate(s=Concat(*kolom, output_field=TextField()))
        .values_list("t", "a", "b", "s")
    )


def sql_jejak(instansi, lain: bool, utuh: list[QuerySet]) -> QuerySet:
    """One query for what changes reach the agency (an id) or agencies (a queryset of ids),
    rows of (part, number, number, text):
    - per revision row, the agencies' and reference data's (GLOBAL): (-1, counter of the
      report's layers, counter of the layers above them or 0 without `lain`, agency);
    - per table of `SALINAN_LKE`, as far as it reaches them: (part, highest id, count, "");
    - the rows of `utuh` read whole (`_utuh`)."""
    di = "__in" if isinstance(instansi, QuerySet) else ""
    nol = Value(0, output_field=IntegerField())
    revisi = (
        Revisi.objects.filter(Q(**{f"instansi_id{di}": instansi}) | Q(instansi_id=GLOBAL))
        .order_by()
        .annotate(t=Value(-1, output_field=IntegerField()), atas=F("lain") if lain else nol)
        .annotate(s=Cast("instansi_id", TextField()))
        .values_list("t", "laporan", "atas", "s")
    )
    lke = [
        _saring(model.objects.order_by(), model, instansi)
        .annotate(t=Value(nomor, output_field=IntegerField()))
        .values("t")
        .annotate(m=Max("id"), n=Count("id"), s=Value("", output_field=TextField()))
        .values_list("t", "m", "n", "s")
        for nomor, model in enumerate(SALINAN_LKE)
    ]
    baris = [_utuh(100 + nomor, qs) for nomor, qs in enumerate(utuh)]
    return revisi.union(*lke, *baris, all=True)


def baca_jejak(sql: str, parameter) -> list[tuple]:
    """`sql_jejak`'s rows in a stable order. A fingerprint read now must differ from one read
    after this transaction's next write: it forgets what it bumped (`instansi.revisi.lupakan`)."""
    lupakan(connection.alias)
    with connection.cursor() as kursor:
        kursor.execute(sql, parameter)
        return sorted(tuple(baris) for baris in kursor.fetchall())


# An id no agency or region has, where a query compiled once takes the real one: within
# every id column's range (Django drops a filter on a value its column cannot hold).
SIAPA = 7_000_000_007


@functools.cache
def _sql_jejak(alias: str) -> tuple[str, tuple]:
    """`sql_jejak` for one agency, compiled once per database."""
    sql, parameter = sql_jejak(SIAPA, False, tanpa_riwayat(SIAPA)).query.sql_with_params()
    return sql, tuple(parameter)


def _jejak(instansi: Instansi) -> list[tuple]:
    sql, parameter = _sql_jejak(connection.alias)
    return baca_jejak(sql, [instansi.pk if p == SIAPA else p for p in parameter])


def tanpa_riwayat(instansi: int) -> list[QuerySet]:
    """The rows without a history the agency's report reads: its region, settings and rating
    bands, the evaluation bands, its older evaluation scores and their follow-ups."""
    return [
        Pemda.objects.filter(instansi=instansi),
        PengaturanLaporan.objects.filter(instansi=instansi),
        PredikatCapaian.objects.filter(instansi=instansi),
        PredikatEvaluasi.objects.all(),
        EvaluasiSakip.objects.filter(instansi=instansi),
        KomponenEvaluasi.objects.filter(evaluasi__instansi=instansi),
        TindakLanjutEvaluasi.objects.filter(evaluasi__instansi=instansi),
    ]


def sidik_laporan(instansi: Instansi, tahun: int) -> str:
    """The agency-year's report fingerprint, in one query whatever its size."""
    isi = repr((versi_kode(), instansi.pk, tahun, _jejak(instansi)))
    return hashlib.sha256(isi.encode()).hexdigest()
