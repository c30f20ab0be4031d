"""The budget template: pagu per stage and realisasi of every program, kegiatan and sub
kegiatan of a year, as one sheet.

Reading it back turns the sheet into the same input as the budget screen's grid
(`anggaran.forms.KisiAnggaran`: one AngkaField and one version per cell), so the
spreadsheet is validated, compared and saved exactly as the screen is: every cell checked,
then all written or none (`inti.versi.tulis_semua`).
"""

from anggaran.forms import KOLOM as KOLOM_GRID
from anggaran.forms import REALISASI, KisiAnggaran, tersimpan_program, urut_node
from anggaran.ringkasan import anggaran_instansi
from instansi.akses import Akses
from instansi.models import Instansi
from inti.angka import format_rupiah
from inti.versi import Tulis
from sakip.excel.lembar import (
    HasilBaca,
    Masalah,
    baca_lembar,
    basi,
    buku_baru,
    lindungi,
    simpan,
    terapkan_tulis,
)

JENIS = "anggaran"
LEMBAR = "Anggaran"
JUDUL = [judul for _, judul in KOLOM_GRID]
KOLOM = ["ID", "Tingkat", "Program / Kegiatan / Sub kegiatan", *JUDUL, *(f"Versi {j}" for j in JUDUL)]
PETUNJUK = [
    "Isi kolom berwarna kuning pada lembar «Anggaran» pada tingkat paling rinci yang tersedia:",
    "angka program dan kegiatan dijumlahkan dari rinciannya. Sel kosong berarti tidak ada angka.",
    "Rupiah boleh ditulis 7.085.233.615 atau Rp 7.085.233.615,00.",
    "Jangan mengubah kolom ID dan Versi, nama lembar, atau judul kolom.",
]
TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


def _pohon(instansi: Instansi, tahun: int):
    """Each program's budget tree with the stored rows by (level, node id, column): every
    program's rows in the same two queries, however many programs there are."""
    program = anggaran_instansi(instansi, tahun)
    tersimpan = tersimpan_program([p.objek for p in program], tahun)
    return [(p, tersimpan) for p in program]


def templat(instansi: Instansi, tahun: int) -> bytes:
    buku = buku_baru(JENIS, instansi, tahun, None, PETUNJUK)
    lembar = buku.create_sheet(LEMBAR)
    lembar.append(KOLOM)
    for program, tersimpan in _pohon(instansi, tahun):
        for node in urut_node(program):
            baris = [tersimpan.get((node.tingkat, node.objek.pk, kolom)) for kolom, _ in KOLOM_GRID]
            lembar.append(
                [f"{node.tingkat}-{node.objek.pk}", TINGKAT[node.tingkat], node.objek.nama]
                + [b.jumlah if b else None for b in baris]
                + [b.versi if b else 0 for b in baris]
            )
    lindungi(lembar, isian=set(JUDUL), angka=set(JUDUL), lebar={"Program / Kegiatan / Sub kegiatan"})
    lembar.freeze_panes = "D2"
    return simpan(buku)


def _masukan(sel) -> str:
    """A cell as the grid's text input: Excel's numbers exactly, text as it was typed."""
    if sel is None:
        return ""
    if isinstance(sel, float):
        return repr(sel)
    return str(sel)


def baca(isi: bytes, ruang: Akses, triwulan: None) -> HasilBaca:
    """Validate every cell of an uploaded budget template; nothing is written here."""
    instansi, tahun = ruang.instansi, ruang.tahun
    baris = baca_lembar(isi, JENIS, LEMBAR, KOLOM, ruang, None)
    hasil = HasilBaca()
    data, letak = {}, {}
    for sel in baris:
        if str(sel["ID"]) in letak:
            hasil.masalah.append(
                Masalah(
                    LEMBAR,
                    sel["_baris"],
                    "ID",
                    sel["ID"],
                    f"baris yang sama sudah ada di baris {letak[str(sel['ID'])]}",
                )
            )
            continue
        letak[str(sel["ID"])] = sel["_baris"]
        for kolom, judul in KOLOM_GRID:
            awalan = f"{sel['ID']}-{kolom}"
            data[f"{awalan}-jumlah"] = _masukan(sel[judul])
            data[f"{awalan}-versi"] = _masukan(sel[f"Versi {judul}"]) or "0"
    dikenal = set()
    for program, tersimpan in _pohon(instansi, tahun):
        _tetap(program, tersimpan, letak, data)
        grid = KisiAnggaran(program, tahun, tersimpan, data)
        for node, sel_sel in grid.baris:
            kunci = f"{node.tingkat}-{node.objek.pk}"
            dikenal.add(kunci)
            if kunci not in letak:
                continue  # a node left out of the sheet keeps its figures
            for sel in sel_sel:
                if not sel.form.is_valid():
                    judul = dict(KOLOM_GRID)[sel.kolom]
                    nilai = data.get(f"{kunci}-{sel.kolom}-jumlah")
                    for pesan in sel.form.galat():
                        hasil.masalah.append(Masalah(LEMBAR, letak[kunci], judul, nilai, pesan))
        if grid.is_valid():
            for t in grid.rencana():
                lama = tersimpan.get(_kunci_sel(t))
                if t.versi != (lama.versi if lama else 0):
                    judul = dict(KOLOM_GRID)[t.letak.get("tahap", REALISASI)]
                    hasil.masalah.append(Masalah(LEMBAR, letak[_id(t)], judul, t.label, basi(_jumlah(lama))))
                    continue
                hasil.perubahan.append(t)
                hasil.ringkasan.append((t.label, _jumlah(lama), _jumlah_isian(t)))
    for kunci in sorted(set(letak) - dikenal):
        hasil.masalah.append(
            Masalah(LEMBAR, letak[kunci], "ID", kunci, "bukan program/kegiatan instansi ini")
        )
    return hasil


def _tetap(program, tersimpan: dict, letak: dict, data: dict) -> None:
    """A node left out of the sheet keeps its figures: its cells read as what is stored."""
    for node in urut_node(program):
        kunci = f"{node.tingkat}-{node.objek.pk}"
        if kunci in letak:
            continue
        for kolom, _ in KOLOM_GRID:
            row = tersimpan.get((node.tingkat, node.objek.pk, kolom))
            data[f"{kunci}-{kolom}-jumlah"] = str(row.jumlah) if row else ""
            data[f"{kunci}-{kolom}-versi"] = str(row.versi) if row else "0"


def _id(t: Tulis) -> str:
    """The sheet's ID of the node a cell's row sits on (`sub_kegiatan-12`)."""
    tingkat = next(k for k in TINGKAT if k in t.letak)
    return f"{tingkat}-{t.letak[tingkat].pk}"


def _kunci_sel(t: Tulis) -> tuple:
    tingkat = next(k for k in TINGKAT if k in t.letak)
    return tingkat, t.letak[tingkat].pk, t.letak.get("tahap", REALISASI)


def _jumlah(row) -> str:
    return format_rupiah(row.jumlah) if row else "kosong"


def _jumlah_isian(t: Tulis) -> str:
    return format_rupiah(t.isian["jumlah"]) if t.isian else "kosong"


def terapkan(hasil: HasilBaca, nama_berkas: str, ruang: Akses) -> int:
    """Write every changed cell in one transaction, or none."""
    return terapkan_tulis(hasil.perubahan, nama_berkas, ruang)
