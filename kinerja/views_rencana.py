"""Planners' screens for the plan: the Renstra as a tree (tujuan, sasaran, program → kegiatan
→ sub kegiatan, each with its indicators), and adding, changing and deleting its nodes.

One set of views serves every level through `TINGKAT`; access goes through
`instansi.akses`, and every node is fetched through its agency, so another agency's node
answers 404. A node with budget or realisations cannot be deleted.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import router, transaction
from django.db.models import Prefetch
from django.db.models.deletion import Collector
from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from instansi import akses
from kinerja.forms_rencana import NodeForm, RenstraForm, isian_terbaca
from kinerja.models import Kegiatan, Program, Renstra, Sasaran, SubKegiatan, Target, Tujuan

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
    instansi = akses.instansi_untuk(request, slug)
    renstra = Renstra.objects.filter(instansi=instansi).prefetch_related(
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
        {
            "instansi": instansi,
            "daftar_renstra": [(r, range(r.tahun_awal, r.tahun_akhir + 1)) for r in renstra],
            "boleh_tulis": akses.boleh_tulis(request.user, instansi),
        },
    )


def _simpan_node(request, instansi, t: Tingkat, obj, judul: str):
    """The shared body of adding and changing a node: read-only for readers."""
    if request.method == "POST":
        form = t.form(request.POST, instance=obj)
        if form.is_valid():
            with transaction.atomic():
                obj = form.save()
            messages.success(request, f"{obj._meta.verbose_name.capitalize()} «{obj}» tersimpan.")
            return redirect(url_pohon(instansi, obj))
    else:
        form = t.form(instance=obj)
    return render(
        request,
        "kinerja/rencana/node.html",
        {
            "instansi": instansi,
            "form": form,
            "terbaca": isian_terbaca(form),
            "judul": judul,
            "obj": obj,
            "tingkat": t.nama,
            "boleh_ubah": akses.boleh_tulis(request.user, instansi),
        },
    )


@login_required
def node_tambah(request, slug: str, tingkat: str, induk: int | None = None):
    """Add a Renstra (no parent) or a node under `induk` (a Renstra, program or kegiatan)."""
    instansi = akses.instansi_untuk(request, slug, tulis=request.method == "POST")
    t = cari_tingkat(tingkat)
    if (t.induk is None) != (induk is None):
        raise Http404("Tingkat ini tidak berada di bawah induk tersebut.")
    if t.induk is None:
        obj = t.model(instansi=instansi)
    else:
        obj = t.model(**{t.induk: node(t.tingkat_induk, instansi, induk)})
    return _simpan_node(request, instansi, t, obj, f"Tambah {t.model._meta.verbose_name}")


@login_required
def node_ubah(request, slug: str, tingkat: str, pk: int):
    """Change a node of the plan; a reader sees it without inputs."""
    instansi = akses.instansi_untuk(request, slug, tulis=request.method == "POST")
    t = cari_tingkat(tingkat)
    obj = node(t, instansi, pk)
    return _simpan_node(request, instansi, t, obj, f"{t.model._meta.verbose_name.capitalize()}: {obj}")


def dampak_hapus(obj) -> tuple[list[tuple[str, int]], list[tuple[str, int]], set[int]]:
    """What deleting `obj` would remove: (every kind with its count, the kinds that forbid
    it, the years of the targets it would take along)."""
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
    return jumlah, penghalang, {t.tahun for t in isi.get(Target, [])}


@login_required
def node_hapus(request, slug: str, tingkat: str, pk: int):
    """Confirm (GET) and delete (POST) a node and what hangs under it, unless it holds
    budget or realisations; a target of a locked year cannot be taken along by a planner."""
    menulis = request.method == "POST"
    instansi = akses.instansi_untuk(request, slug, tulis=menulis)
    t = cari_tingkat(tingkat)
    obj = node(t, instansi, pk)
    jumlah, penghalang, tahun_target = dampak_hapus(obj)
    if menulis and not penghalang:
        for tahun in sorted(tahun_target):
            akses.pastikan_terbuka(request.user, instansi, tahun)
        with transaction.atomic():
            obj.delete()
        messages.success(request, f"{obj._meta.verbose_name.capitalize()} «{obj}» dihapus.")
        return redirect(url_pohon(instansi))
    return render(
        request,
        "kinerja/rencana/hapus.html",
        {
            "instansi": instansi,
            "obj": obj,
            "tingkat": tingkat,
            "jumlah": jumlah,
            "penghalang": penghalang,
            "boleh_ubah": akses.boleh_tulis(request.user, instansi),
        },
        status=409 if menulis else 200,
    )
