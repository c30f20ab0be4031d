"""Checks of the budget: its tree (a parent's own figure against its children's) and what
it says beside the indicators of the same program, kegiatan or sub kegiatan."""

from collections.abc import Iterator
from decimal import Decimal

from anggaran.hitung import Tahap
from anggaran.ringkasan import NodeAnggaran
from inti.angka import format_rupiah, jumlah_ada
from kinerja import hitung
from reviu.pemeriksaan import Temuan, alamat, alamat_instansi, persen
from sakip.lkjip.data import DataLaporan

SERAPAN_TINGGI = Decimal(90)  # percent of the budget: «almost all spent»
TERCAPAI = Decimal(100)
NAMA_TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
ANAK = {"program": "kegiatannya", "kegiatan": "sub kegiatannya"}


def _semua(data: DataLaporan) -> Iterator[tuple[NodeAnggaran, NodeAnggaran]]:
    """Every node of the budget tree in the report's order, with the program it belongs to
    (whose budget screen edits it)."""

    def turun(node, program):
        yield node, program
        for anak in node.anak:
            yield from turun(anak, program)

    for program in data.program:
        yield from turun(program, program)


def _objek(node: NodeAnggaran) -> str:
    return f"{NAMA_TINGKAT[node.tingkat]} «{node.objek.nama}»"


def _layar_anggaran(data: DataLaporan, program: NodeAnggaran) -> str:
    return alamat(data, "anggaran-program", program.objek.pk)


def serapan_tinggi_capaian_rendah(data: DataLaporan) -> Iterator[Temuan]:
    """Budget absorbed above 90 % while the node's capaian (the mean of its indicators', as
    the efficiency table computes it) lies in the agency's lowest rating band."""
    if not data.pita:
        return
    terendah = min(data.pita, key=lambda p: p.batas_bawah if p.batas_bawah is not None else Decimal("-inf"))
    for node, program in _semua(data):
        indikator = data.indikator_dari(node.tingkat, node.objek)
        capaian = hitung.rata_rata(i.ukur.capaian for i in indikator)
        serapan = node.penyerapan()
        if not (isinstance(capaian, Decimal) and isinstance(serapan, Decimal)):
            continue
        if serapan > SERAPAN_TINGGI and terendah.memuat(capaian):
            yield Temuan(
                kode="serapan-tinggi-capaian-rendah",
                judul="Anggaran terserap, kinerja rendah",
                pesan=f"Anggaran terserap {persen(data, serapan)} ({format_rupiah(node.realisasi())} "
                f"dari {format_rupiah(node.pagu_akhir())}), tetapi capaian kinerjanya "
                f"{persen(data, capaian)}, pada predikat terendah «{terendah.label}».",
                objek=_objek(node),
                tautan=_layar_anggaran(data, program),
            )


def tercapai_tanpa_belanja(data: DataLaporan) -> Iterator[Temuan]:
    """A node with a budget and nothing of it spent (a realisation of 0, not a missing one)
    whose indicator is reported achieved: Bandar Lampung's sub kegiatan of Rp 170.000.000."""
    for node, program in _semua(data):
        pagu = node.pagu_akhir()
        if not pagu or node.realisasi() != 0:
            continue
        tercapai = [
            i
            for i in data.indikator_dari(node.tingkat, node.objek)
            if isinstance(i.ukur.capaian, Decimal) and i.ukur.capaian >= TERCAPAI
        ]
        if tercapai:
            indikator = "; ".join(f"«{i.nama}» {persen(data, i.ukur.capaian)}" for i in tercapai)
            yield Temuan(
                kode="tercapai-tanpa-belanja",
                judul="Keluaran tercapai tanpa belanja",
                pesan=f"Pagu {format_rupiah(pagu)}, realisasi anggaran {format_rupiah(Decimal(0))}, "
                f"tetapi capaian indikatornya: {indikator}.",
                objek=_objek(node),
                tautan=_layar_anggaran(data, program),
            )


def program_tanpa_indikator(data: DataLaporan) -> Iterator[Temuan]:
    """A program with a budget in force but no indicator of its own: what it buys is not
    measured."""
    for program in data.program:
        pagu = program.pagu_akhir()
        if pagu and not data.indikator_dari("program", program.objek):
            yield Temuan(
                kode="program-tanpa-indikator",
                judul="Program beranggaran tanpa indikator",
                pesan=f"Pagu {format_rupiah(pagu)}, tetapi program ini belum memiliki indikator kinerja.",
                objek=_objek(program),
                tautan=alamat_instansi(data, "indikator-tambah", "program", program.objek.pk),
            )


def anak_beda_induk(data: DataLaporan) -> Iterator[Temuan]:
    """A parent's own pagu (per stage) or realisation, entered beside its children's, that
    is not their sum: the report rolls the children up and never shows the parent's own
    figure, so one of the two is wrong."""
    for node, program in _semua(data):
        if not node.anak:
            continue
        beda = [
            (f"pagu {tahap.label}", node.pagu_sendiri[tahap], jumlah_ada(a.pagu(tahap) for a in node.anak))
            for tahap in Tahap
            if tahap in node.pagu_sendiri
        ]
        beda.append(("realisasi", node.realisasi_sendiri, jumlah_ada(a.realisasi() for a in node.anak)))
        for apa, sendiri, anak in beda:
            if sendiri is not None and anak is not None and sendiri != anak:
                yield Temuan(
                    kode="anggaran-anak-beda-induk",
                    judul="Rincian anggaran tidak sama dengan induknya",
                    pesan=f"Tercatat {apa} {format_rupiah(sendiri)}, sedangkan jumlah "
                    f"{ANAK[node.tingkat]} {format_rupiah(anak)} (selisih {format_rupiah(sendiri - anak)}); "
                    "laporan memakai jumlah rinciannya.",
                    objek=_objek(node),
                    tautan=_layar_anggaran(data, program),
                )
