"""Planners' screens for the plan: the Renstra as a tree (tujuan, sasaran, program → kegiatan
→ sub kegiatan, each with its indicators), and adding, changing and deleting its nodes.

One set of views serves every level through `TINGKAT`; access goes through
`instansi.akses.buka`, and every node is fetched through its agency, so another agency's
node answers 404. Changes and deletions are checked against the version the planner saw
(`inti.versi`). A node with budget or realisations cannot be deleted, nor one whose
deletion would take along data of a year locked for the planner.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, router, transaction
from django.db.models import Prefetch
from django.db.models.deletion import Collector
from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from instansi import akses
from inti.forms import isian_terbaca
from inti.versi import Bentrok, Konflik, Tulis, tulis_semua
from kinerja.models import Kegiatan, Program, Renstra, Sasaran, SubKegiatan, Tujuan
from kinerja.rencana.forms import HapusForm, NodeForm, RenstraForm

# Deleting a node must not take recorded facts with it. Named by label because `kinerja`
# may not import `anggaran` (dependencies point one way).
PENGHALANG_HAPUS = {"kinerja.realisasi", "anggaran.pagu", "anggaran.realisasianggaran"}


@dataclass(frozen=True)
class Tingkat:
    """A level of the cascade as the URLs name it (`sub-kegiatan`)."""

    model: type
    form: type
    induk: str | None  # the foreign key to the parent node
    ke_instansi: str  # lookup from a node to its agency

    @property
    def nama(self) -> str:
        return NAMA_TINGKAT[self.model]

    @property
    def field(self) -> str:
        """The level's name as a field of `Indikator` (`sub_kegiatan`)."""
        return self.nama.replace("-", "_")

    @property
    def tingkat_induk(self) -> "Tingkat":
        return TINGKAT[NAMA_TINGKAT[self.model._meta.get_field(self.induk).related_model]]


def _form(model, *fields):
    return modelform_factory(model, form=NodeForm, fields=fields)


TINGKAT = {
    "renstra": Tingkat(Renstra, RenstraForm, None, "instansi"),
    "tujuan": Tingkat(Tujuan, _form(Tujuan, "kode", "uraian", "urutan"), "renstra", "renstra__instansi"),
    "sasaran": Tingkat(
        Sasaran, _form(Sasaran, "tujuan", "kode", "uraian", "urutan"), "renstra", "renstra__instansi"
    ),
    "program": Tingkat(
        Program,
        _form(Program, "sasaran", "kode", "nama", "uraian_sasaran", "urutan"),
        "renstra",
        "renstra__instansi",
    ),
    "kegiatan": Tingkat(
        Kegiatan,
        _form(Kegiatan, "kode", "nama", "uraian_sasaran", "urutan"),
        "program",
        "program__renstra__instansi",
    ),
    "sub-kegiatan": Tingkat(
        SubKegiatan,
        _form(SubKegiatan, "kode", "nama", "uraian_sasaran", "urutan"),
        "kegiatan",
        "kegiatan__program__renstra__instansi",
    ),
}
NAMA_TINGKAT = {t.model: nama for nama, t in TINGKAT.items()}


def cari_tingkat(nama: str) -> Tingkat:
    try:
        return TINGKAT[nama]
    except KeyError:
        raise Http404("Tingkat rencana tidak dikenal.") from None


def node(t: Tingkat, instansi, pk: int):
    """The node `pk` of level `t`, only if it belongs to `instansi` (404 otherwise)."""
    return get_object_or_404(t.model, pk=pk, **{t.ke_instansi: instansi})


def url_pohon(instansi, obj=None) -> str:
    """The tree page, scrolled to `obj` when given."""
    url = reverse("rencana", args=[instansi.slug])
    return f"{url}#{NAMA_TINGKAT[type(obj)]}-{obj.pk}" if obj is not None else url


def _program(queryset=None, **kwargs) -> Prefetch:
    """Programs with their kegiatan, sub kegiatan and every level's indicators."""
    isi = ("indikator", "kegiatan__indikator", "kegiatan__sub_kegiatan__indikator")
    queryset = Program.objects.all() if queryset is None else queryset
    return Prefetch("program", queryset=queryset.prefetch_related(*isi), **kwargs)


@login_required
@require_safe
def pohon(request, slug: str):
    """The agency's Renstra as a tree, every node with its indicators; a fixed number of queries."""
    ruang = akses.buka(request, slug)
    renstra = Renstra.objects.filter(instansi=ruang.instansi).prefetch_related(
        "tujuan__indikator",
        Prefetch(
            "sasaran",
            queryset=Sasaran.objects.select_related("tujuan").prefetch_related("indikator", _program()),
        ),
        # Programs not (yet) placed under a sasaran would otherwise be missing from the tree.
        _program(Program.objects.filter(sasaran__isnull=True), to_attr="program_lepas"),
    )
    return render(
        request,
        "kinerja/rencana/pohon.html",
        ruang.konteks() | {"daftar_renstra": [(r, r.tahun) for r in renstra]},
    )


def _simpan_node(request, ruang: akses.Akses, t: Tingkat, obj, judul: str):
    """The shared body of adding and changing a node: read-only for readers."""
    form = t.form(request.POST if request.method == "POST" else None, instance=obj)
    if form.is_bound and form.simpan(ruang):
        baru = form.tersimpan
        messages.success(request, f"{baru._meta.verbose_name.capitalize()} «{baru}» tersimpan.")
        return redirect(url_pohon(ruang.instansi, baru))
    konteks = ruang.konteks() | {
        "form": form,
        "terbaca": isian_terbaca(form),
        "judul": judul,
        "obj": obj,
        "tingkat": t.nama,
    }
    return render(request, "kinerja/rencana/node.html", konteks, status=409 if form.konflik else 200)


@login_required
def node_tambah(request, slug: str, tingkat: str, induk: int | None = None):
    """Add a Renstra (no parent) or a node under `induk` (a Renstra, program or kegiatan)."""
    ruang = akses.buka(request, slug)
    t = cari_tingkat(tingkat)
    if (t.induk is None) != (induk is None):
        raise Http404("Tingkat ini tidak berada di bawah induk tersebut.")
    if t.induk is None:
        obj = t.model(instansi=ruang.instansi)
    else:
        obj = t.model(**{t.induk: node(t.tingkat_induk, ruang.instansi, induk)})
    return _simpan_node(request, ruang, t, obj, f"Tambah {t.model._meta.verbose_name}")


@login_required
def node_ubah(request, slug: str, tingkat: str, pk: int):
    """Change a node of the plan; a reader sees it without inputs."""
    ruang = akses.buka(request, slug)
    t = cari_tingkat(tingkat)
    obj = node(t, ruang.instansi, pk)
    return _simpan_node(request, ruang, t, obj, f"{t.model._meta.verbose_name.capitalize()}: {obj}")


def dampak_hapus(obj) -> tuple[list[tuple[str, int]], list[tuple[str, int]], set[int]]:
    """What deleting `obj` would remove: (every kind with its count, the kinds that forbid
    it, the years whose data it would take along, a Renstra's own years included)."""
    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    isi = defaultdict(list)
    for model, objs in collector.data.items():
        isi[model].extend(objs)
    for qs in collector.fast_deletes:
        isi[qs.model].extend(qs)
    jumlah = [(m._meta.verbose_name_plural, len(o)) for m, o in isi.items() if o]
    penghalang = [
        (m._meta.verbose_name_plural, len(o))
        for m, o in isi.items()
        if o and m._meta.label_lower in PENGHALANG_HAPUS
    ]
    tahun = {o.tahun for daftar in isi.values() for o in daftar if isinstance(getattr(o, "tahun", None), int)}
    for renstra in isi.get(Renstra, []):
        tahun |= set(renstra.tahun)
    return jumlah, penghalang, tahun


@login_required
def node_hapus(request, slug: str, tingkat: str, pk: int):
    """Confirm (GET) and delete (POST) a node and what hangs under it, unless it holds
    budget or realisations, or would take along data of a year locked for the planner; the
    deletion is checked against the version the planner saw, like every write."""
    ruang = akses.buka(request, slug)
    t = cari_tingkat(tingkat)
    obj = node(t, ruang.instansi, pk)
    konflik: list[Bentrok] = []
    if request.method == "POST":
        form = HapusForm(request.POST)
        versi = form.cleaned_data["versi"] if form.is_valid() else 0
        try:
            with transaction.atomic():
                # Checked inside the transaction, against what is stored at the moment of deleting.
                _, penghalang, tahun = dampak_hapus(obj)
                if not penghalang:
                    ruang.pastikan_terbuka(tahun)
                    tulis_semua([Tulis(type(obj), str(obj), {"pk": obj.pk}, versi, None)])
        except Konflik as exc:
            konflik = exc.daftar
        except IntegrityError:
            # Something was recorded under the node while it was being deleted.
            konflik = [Bentrok(str(obj), "(data baru baru saja dicatat di bawahnya)", None, None)]
        else:
            if not penghalang:
                messages.success(request, f"{obj._meta.verbose_name.capitalize()} «{obj}» dihapus.")
                return redirect(url_pohon(ruang.instansi))
    jumlah, penghalang, tahun = dampak_hapus(obj)
    konteks = ruang.konteks() | {
        "obj": obj,
        "versi": obj.versi,
        "tingkat": tingkat,
        "jumlah": jumlah,
        "penghalang": penghalang,
        "tahun_terkunci": sorted(ruang.terkunci_bagi(tahun)),
        "konflik": konflik,
    }
    return render(
        request, "kinerja/rencana/hapus.html", konteks, status=409 if request.method == "POST" else 200
    )
