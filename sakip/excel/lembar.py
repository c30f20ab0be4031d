"""What every planner template shares: its instructions sheet, protection, number cells,
and reading it back safely (`baca_lembar`).

A template is two sheets: «Petunjuk», whose first rows record what the template is for
(kind, agency, year, quarter) followed by instructions, and a data sheet whose first row
is the column headers. Only the yellow entry columns are unlocked. Names and notes that
look like formulas are written as text (`inti.ekspor.netralkan`), so they come back as
they went out.
"""

import io
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from instansi.akses import Akses
from instansi.models import Instansi
from inti.ekspor import netralkan
from inti.periode import romawi
from inti.versi import Konflik, Tulis, tulis_semua
from sakip.excel.aman import BerkasDitolak, periksa_berkas

PETUNJUK = "Petunjuk"
# What each kind of template is for, as a sentence names it.
NAMA_JENIS = {"realisasi": "realisasi kinerja", "anggaran": "anggaran"}
BARIS_MAKS = 20_000
LEMBAR_MAKS = 10
FORMAT_ANGKA = "#,##0.####"
KUNING = PatternFill("solid", fgColor="FFF7D6")
LEBAR = 40


@dataclass
class Masalah:
    """A problem with one cell, for the person who will fix the file."""

    lembar: str
    baris: int
    kolom: str
    nilai: object
    pesan: str


@dataclass
class HasilBaca:
    """What reading a template found: the rows to write, the problems, and for the preview
    each change as (what, now, after)."""

    perubahan: list[Tulis] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    ringkasan: list[tuple[str, str, str]] = field(default_factory=list)


def buku_baru(
    jenis: str, instansi: Instansi, tahun: int, triwulan: int | None, petunjuk: list[str]
) -> Workbook:
    """A workbook whose instructions sheet records what the template is for."""
    buku = Workbook()
    lembar = buku.active
    lembar.title = PETUNJUK
    for baris in (
        ("Jenis", jenis),
        ("Instansi", instansi.slug),
        ("Tahun", tahun),
        ("Triwulan", triwulan or "tahunan"),
        (),
    ):
        lembar.append(list(baris))
    lembar.append(["Cara mengisi"])
    for teks in petunjuk:
        lembar.append([teks])
    lembar.protection.sheet = True
    return buku


def lindungi(lembar, isian: set[str], angka: set[str], lebar: set[str], ya: set[str] = frozenset()) -> None:
    """Lock every cell but the `isian` columns; number formats and validation on `angka`;
    text that looks like a formula kept as text."""
    validasi_angka = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000000000",
        formula2="1000000000000000",
        allow_blank=True,
        errorTitle="Bukan angka",
        error="Isi dengan angka, misalnya 18,83.",
    )
    validasi_ya = DataValidation(type="list", formula1='"Ya"', allow_blank=True)
    lembar.add_data_validation(validasi_angka)
    lembar.add_data_validation(validasi_ya)
    akhir = lembar.max_row
    for sel_judul in lembar[1]:
        sel_judul.font = Font(bold=True)
        judul, huruf = sel_judul.value, sel_judul.column_letter
        lembar.column_dimensions[huruf].width = LEBAR if judul in lebar else 15
        for baris in range(2, akhir + 1):
            sel = lembar.cell(row=baris, column=sel_judul.column)
            netralkan(sel)
            if judul in angka:
                sel.number_format = FORMAT_ANGKA
            if judul in isian:
                sel.protection = Protection(locked=False)
                sel.fill = KUNING
        if akhir >= 2 and judul in isian and judul in angka:
            validasi_angka.add(f"{huruf}2:{huruf}{akhir}")
        if akhir >= 2 and judul in ya:
            validasi_ya.add(f"{huruf}2:{huruf}{akhir}")
    lembar.protection.sheet = True


def simpan(buku: Workbook) -> bytes:
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _buka(isi: bytes):
    """The workbook of a file that passed the screening, as values; `BerkasDitolak` if unreadable."""
    periksa_berkas(isi)
    try:
        return load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise BerkasDitolak(
            f"Berkas tidak dapat dibaca sebagai lembar kerja Excel ({type(exc).__name__})."
        ) from None


def _tertulis(buku) -> dict:
    """What the instructions sheet records: kind, agency, year and quarter."""
    if PETUNJUK not in buku.sheetnames:
        raise BerkasDitolak(f"Lembar «{PETUNJUK}» tidak ada; gunakan templat yang diunduh dari aplikasi.")
    return {b[0]: b[1] for b in buku[PETUNJUK].iter_rows(max_row=4, values_only=True) if b and b[0]}


def triwulan_templat(isi: bytes) -> int | None:
    """The period an uploaded template was downloaded for (None: the whole year), as its
    instructions sheet records it, so that the person is not asked again."""
    triwulan = _tertulis(_buka(isi)).get("Triwulan")
    if triwulan in (None, "tahunan"):
        return None
    if str(triwulan) not in ("1", "2", "3", "4"):
        raise BerkasDitolak(
            f"Lembar «{PETUNJUK}» mencatat triwulan «{triwulan}»; gunakan templat yang diunduh dari aplikasi."
        )
    return int(triwulan)


def _uraian(jenis, slug, tahun, triwulan, instansi: Instansi) -> str:
    """`realisasi kinerja Dinas X tahun 2022, triwulan I`: what a template is for, in words."""
    nama = instansi.nama if str(slug) == instansi.slug else f"instansi «{slug}»"
    periode = f"triwulan {romawi(int(triwulan))}" if str(triwulan) in ("1", "2", "3", "4") else "tahunan"
    return f"{NAMA_JENIS.get(jenis, jenis)} {nama} tahun {tahun}, {periode}"


def baca_lembar(
    isi: bytes, jenis: str, data: str, kolom: list[str], ruang: Akses, triwulan: int | None
) -> list[dict]:
    """The data rows of an uploaded template as {header: value}, or `BerkasDitolak`.

    Checks, in order: the file itself (`aman.periksa_berkas`), that openpyxl can read it,
    the number of sheets, both sheets, that the template is this kind, agency, year and quarter, the headers,
    the row cap, and that no formula lacks its cached value (read in a second pass:
    openpyxl gives either formulas or their cached values).
    """
    if not ruang.boleh_ubah:
        raise BerkasDitolak(
            f"Data {ruang.instansi} tahun {ruang.tahun} tidak dapat diubah "
            "(terkunci atau bukan instansi Anda)."
        )
    instansi, tahun = ruang.instansi, ruang.tahun
    nilai = _buka(isi)
    try:
        rumus = load_workbook(io.BytesIO(isi), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise BerkasDitolak(
            f"Berkas tidak dapat dibaca sebagai lembar kerja Excel ({type(exc).__name__})."
        ) from None
    if len(nilai.sheetnames) > LEMBAR_MAKS:
        raise BerkasDitolak(f"Berkas berisi {len(nilai.sheetnames)} lembar; templat hanya punya dua.")
    for nama in (PETUNJUK, data):
        if nama not in nilai.sheetnames:
            raise BerkasDitolak(f"Lembar «{nama}» tidak ada; gunakan templat yang diunduh dari aplikasi.")
    tertulis = _tertulis(nilai)
    seharusnya = {
        "Jenis": jenis,
        "Instansi": instansi.slug,
        "Tahun": str(tahun),
        "Triwulan": str(triwulan or "tahunan"),
    }
    if {k: str(tertulis.get(k)) for k in seharusnya} != seharusnya:
        ada = _uraian(*(tertulis.get(k) for k in seharusnya), instansi)
        halaman = _uraian(jenis, instansi.slug, tahun, triwulan, instansi)
        raise BerkasDitolak(
            f"Templat ini untuk {ada}; halaman ini untuk {halaman}. Unduh templat dari halaman ini."
        )
    try:
        return _baris_data(nilai[data], rumus[data], data, kolom)
    except BerkasDitolak:
        raise
    except Exception as exc:  # openpyxl reads lazily: a damaged cell surfaces only here
        raise BerkasDitolak(
            f"Lembar «{data}» berisi sel yang tidak dapat dibaca ({type(exc).__name__}); "
            "simpan ulang berkas di Excel atau unduh templat baru."
        ) from None


def _baris_data(lembar_nilai, lembar_rumus, data: str, kolom: list[str]) -> list[dict]:
    """The data rows of the sheet as {header: value}, checking headers, size and formulas."""
    baris = []
    pasangan = zip(
        lembar_nilai.iter_rows(values_only=True), lembar_rumus.iter_rows(values_only=True), strict=False
    )
    for n, (isi_baris, rumus_baris) in enumerate(pasangan, start=1):
        if n == 1:
            if list(isi_baris[: len(kolom)]) != kolom:
                raise BerkasDitolak(f"Judul kolom lembar «{data}» berubah; harus: {', '.join(kolom)}.")
            continue
        if n > BARIS_MAKS + 1:
            raise BerkasDitolak(f"Lembar «{data}» berisi lebih dari {BARIS_MAKS:,} baris.".replace(",", "."))
        for k, (v, r) in enumerate(zip(isi_baris, rumus_baris, strict=False)):
            if isinstance(r, str) and r.startswith("=") and v is None:
                raise BerkasDitolak(
                    f"Sel {chr(ord('A') + k)}{n} berisi rumus tanpa nilai tersimpan; buka dan simpan berkas "
                    "di Excel, atau ganti rumus dengan angkanya."
                )
        if any(v is not None for v in isi_baris):
            baris.append({"_baris": n, **dict(zip(kolom, isi_baris, strict=False))})
    return baris


def id_baris(nilai) -> int | None:
    """A row's ID cell as the whole number it must be (`100004.7` is no ID), else None."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, int):
        return nilai
    if isinstance(nilai, float):
        return int(nilai) if nilai.is_integer() else None
    if isinstance(nilai, str) and nilai.strip().isdigit() and len(nilai.strip()) < 19:
        return int(nilai.strip())
    return None


def basi(sekarang: str) -> str:
    """A row changed on the screen after the template was downloaded: said at the preview,
    before anything promises a change."""
    return f"telah diubah sejak templat diunduh (sekarang: {sekarang}); unduh templat baru"


def terapkan_tulis(rencana: list[Tulis], nama_berkas: str, ruang: Akses) -> int:
    """Write a template's changes in one transaction, or none: each row against the version
    it was downloaded with, the history naming the upload."""
    ruang.pastikan_terbuka([ruang.tahun])
    for t in rencana:
        t.alasan = f"Unggahan Excel «{nama_berkas}»"
    try:
        tulis_semua(rencana)
    except Konflik as exc:
        daftar = "; ".join(f"{b.label} (sekarang {b.sekarang})" for b in exc.daftar)
        raise BerkasDitolak(
            f"Tidak diterapkan: telah diubah orang lain sejak templat diunduh: {daftar}. Unduh templat baru."
        ) from None
    return len(rencana)
