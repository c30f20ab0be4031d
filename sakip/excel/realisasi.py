"""The realisation template: download it filled, take it back, change only what changed.

The workbook has an instructions sheet (which also records agency, year and quarter) and a
"Realisasi" sheet with one row per indicator: the key columns are locked, the entry
columns carry Excel validation and Indonesian number formats. Reading it back validates
every row before anything is written (`baca`), lists the changes old -> new, and applies
them in one transaction with audit entries naming the upload (`terapkan`).
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from instansi import akses
from instansi.angka import AngkaTidakValid, parse_angka
from instansi.forms import format_masukan
from instansi.models import Instansi
from instansi.versi import Konflik, simpan_bersyarat
from kinerja.hitung import JenisRumus
from kinerja.models import Indikator, Realisasi
from kinerja.pengukuran import target_periode
from sakip.excel.aman import BerkasDitolak, periksa_berkas

LEMBAR = "Realisasi"
PETUNJUK = "Petunjuk"
KOLOM = ["ID", "Tingkat", "Sasaran / Program / Kegiatan", "Indikator", "Satuan", "Target",
         "Realisasi", "Komponen A", "Komponen B", "Belum diukur", "Keterangan", "Versi"]  # fmt: skip
ISIAN = {"Realisasi", "Komponen A", "Komponen B", "Belum diukur", "Keterangan"}
BARIS_MAKS = 20_000
FORMAT_ANGKA = "#,##0.####"
KUNING = PatternFill("solid", fgColor="FFF7D6")


@dataclass
class Masalah:
    lembar: str
    baris: int
    kolom: str
    nilai: object
    pesan: str


@dataclass
class Perubahan:
    indikator: Indikator
    lama: str
    baru: str
    realisasi: Realisasi
    versi: int


@dataclass
class Hasil:
    perubahan: list[Perubahan] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)


def _indikator(instansi: Instansi, tahun: int):
    return (
        Indikator.objects.filter(
            renstra__instansi=instansi, renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun
        )
        .select_related("sasaran", "program", "kegiatan", "sub_kegiatan")
        .prefetch_related("target", "realisasi")
        .order_by("urutan", "pk")
    )


def _tempat(i: Indikator) -> tuple[str, str]:
    for tingkat, label in (
        ("sasaran", "Sasaran"),
        ("program", "Program"),
        ("kegiatan", "Kegiatan"),
        ("sub_kegiatan", "Sub kegiatan"),
    ):
        objek = getattr(i, tingkat)
        if objek is not None:
            return label, getattr(objek, "uraian", None) or objek.nama
    return "Tujuan", ""


def templat(instansi: Instansi, tahun: int, triwulan: int | None = None) -> bytes:
    """The template for a year (or a quarter), filled with targets and realisations so far."""
    buku = Workbook()
    petunjuk = buku.active
    petunjuk.title = PETUNJUK
    for baris in (
        ("Instansi", instansi.slug),
        ("Tahun", tahun),
        ("Triwulan", triwulan or "tahunan"),
        (),
        ("Cara mengisi",),
        ("Isi kolom berwarna kuning pada lembar «Realisasi»: Realisasi, atau Komponen A dan B untuk",),
        ("indikator rasio/pertumbuhan, atau «Ya» di Belum diukur. Angka boleh ditulis 18,83 atau 18,83%.",),
        ("Jangan mengubah kolom ID dan Versi, nama lembar, atau judul kolom.",),
        ("Unggah kembali berkas ini; perubahan ditampilkan dulu sebelum diterapkan.",),
    ):
        petunjuk.append(list(baris))
    petunjuk.protection.sheet = True

    lembar = buku.create_sheet(LEMBAR)
    lembar.append(KOLOM)
    for sel in lembar[1]:
        sel.font = Font(bold=True)
    for i in _indikator(instansi, tahun):
        tingkat, tempat = _tempat(i)
        target = target_periode(i.target.all(), tahun, triwulan)
        r = next((r for r in i.realisasi.all() if r.tahun == tahun and r.triwulan == triwulan), None)
        belum = r is not None and r.nilai is None and not r.dari_komponen
        lembar.append(
            [i.pk, tingkat, tempat, i.nama, i.satuan, target.nilai if target else None,
             r.nilai if r else None, r.komponen_a if r else None, r.komponen_b if r else None,
             "Ya" if belum else None, r.keterangan if r else None, r.versi if r else 0]
        )  # fmt: skip
    _lindungi(lembar)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _lindungi(lembar) -> None:
    """Lock every cell but the entry columns; validate and format those."""
    angka = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000000",
        formula2="1000000000000",
        allow_blank=True,
        errorTitle="Bukan angka",
        error="Isi dengan angka, misalnya 18,83.",
    )
    ya = DataValidation(type="list", formula1='"Ya"', allow_blank=True)
    lembar.add_data_validation(angka)
    lembar.add_data_validation(ya)
    akhir = lembar.max_row
    for kolom, judul in enumerate(KOLOM, start=1):
        huruf = lembar.cell(row=1, column=kolom).column_letter
        lembar.column_dimensions[huruf].width = (
            40 if judul in ("Indikator", "Sasaran / Program / Kegiatan") else 14
        )
        for baris in range(2, akhir + 1):
            sel = lembar.cell(row=baris, column=kolom)
            if judul in ("Target", "Realisasi", "Komponen A", "Komponen B"):
                sel.number_format = FORMAT_ANGKA
            if judul in ISIAN:
                sel.protection = Protection(locked=False)
                sel.fill = KUNING
        if akhir >= 2 and judul in ("Realisasi", "Komponen A", "Komponen B"):
            angka.add(f"{huruf}2:{huruf}{akhir}")
        if akhir >= 2 and judul == "Belum diukur":
            ya.add(f"{huruf}2:{huruf}{akhir}")
    lembar.protection.sheet = True
    lembar.freeze_panes = "E2"


def _angka(nilai, lembar, baris, kolom, masalah) -> Decimal | None:
    """A cell as a Decimal: a number Excel stored, or text as Indonesians type it."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float, Decimal, str)):
        masalah.append(Masalah(lembar, baris, kolom, nilai, "bukan angka"))
        return None
    try:
        return Decimal(repr(nilai)) if isinstance(nilai, float) else parse_angka(nilai)
    except (AngkaTidakValid, ArithmeticError) as exc:
        masalah.append(Masalah(lembar, baris, kolom, nilai, str(exc)))
        return None


def _baris(isi: bytes) -> tuple[dict, list[tuple]]:
    """The instructions sheet's settings and the data rows, formulas checked for cached values."""
    try:
        nilai = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
        rumus = load_workbook(io.BytesIO(isi), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise BerkasDitolak(
            f"Berkas tidak dapat dibaca sebagai lembar kerja Excel ({type(exc).__name__})."
        ) from None
    for nama in (PETUNJUK, LEMBAR):
        if nama not in nilai.sheetnames:
            raise BerkasDitolak(f"Lembar «{nama}» tidak ada; gunakan templat yang diunduh dari aplikasi.")
    pengaturan = {b[0]: b[1] for b in nilai[PETUNJUK].iter_rows(max_row=3, values_only=True) if b and b[0]}
    baris = []
    for n, (isi_baris, rumus_baris) in enumerate(
        zip(
            nilai[LEMBAR].iter_rows(values_only=True), rumus[LEMBAR].iter_rows(values_only=True), strict=False
        ),
        start=1,
    ):
        if n > BARIS_MAKS + 1:
            raise BerkasDitolak(
                f"Lembar «{LEMBAR}» berisi lebih dari {BARIS_MAKS:,} baris.".replace(",", ".")
            )
        for kolom, (v, r) in enumerate(zip(isi_baris, rumus_baris, strict=False)):
            if isinstance(r, str) and r.startswith("=") and v is None:
                huruf = chr(ord("A") + kolom)
                raise BerkasDitolak(
                    f"Sel {huruf}{n} berisi rumus tanpa nilai tersimpan; buka dan simpan berkas di Excel, "
                    "atau ganti rumus dengan angkanya."
                )
        baris.append(tuple(isi_baris))
    return pengaturan, baris


def baca(isi: bytes, instansi: Instansi, tahun: int, triwulan: int | None, user) -> Hasil:
    """Validate every row of an uploaded template; nothing is written here."""
    periksa_berkas(isi)
    pengaturan, baris = _baris(isi)
    hasil = Hasil()
    if str(pengaturan.get("Instansi")) != instansi.slug or str(pengaturan.get("Tahun")) != str(tahun):
        raise BerkasDitolak(
            f"Templat ini untuk {pengaturan.get('Instansi')} tahun {pengaturan.get('Tahun')}, "
            f"bukan {instansi.slug} tahun {tahun}."
        )
    if str(pengaturan.get("Triwulan")) != str(triwulan or "tahunan"):
        raise BerkasDitolak(f"Templat ini untuk triwulan «{pengaturan.get('Triwulan')}».")
    if not baris or list(baris[0][: len(KOLOM)]) != KOLOM:
        raise BerkasDitolak(f"Judul kolom lembar «{LEMBAR}» berubah; harus: {', '.join(KOLOM)}.")
    if not akses.boleh_tulis(user, instansi) or (not user.is_superuser and akses.terkunci(instansi, tahun)):
        raise BerkasDitolak(
            f"Data {instansi} tahun {tahun} tidak dapat diubah (terkunci atau bukan instansi Anda)."
        )
    indikator = {i.pk: i for i in _indikator(instansi, tahun)}
    for n, isi_baris in enumerate(baris[1:], start=2):
        sel = dict(zip(KOLOM, isi_baris, strict=False))
        if all(v is None for v in sel.values()):
            continue
        perubahan = _perubahan(sel, n, indikator, tahun, triwulan, hasil.masalah)
        if perubahan:
            hasil.perubahan.append(perubahan)
    return hasil


def _perubahan(sel, n, indikator, tahun, triwulan, masalah) -> Perubahan | None:
    """One row: what it changes, or None (unchanged, or its problems were recorded)."""
    sebelum = len(masalah)
    try:
        i = indikator[int(sel["ID"])]
    except (KeyError, TypeError, ValueError):
        masalah.append(Masalah(LEMBAR, n, "ID", sel["ID"], "bukan indikator instansi ini untuk tahun ini"))
        return None
    nilai = _angka(sel["Realisasi"], LEMBAR, n, "Realisasi", masalah)
    a = _angka(sel["Komponen A"], LEMBAR, n, "Komponen A", masalah)
    b = _angka(sel["Komponen B"], LEMBAR, n, "Komponen B", masalah)
    belum = str(sel["Belum diukur"] or "").strip().lower() in ("ya", "y")
    if (a is None) != (b is None):
        masalah.append(
            Masalah(LEMBAR, n, "Komponen A", sel["Komponen A"], "isi kedua komponen atau tidak keduanya")
        )
    if a is not None and i.jenis_rumus == JenisRumus.LANGSUNG:
        masalah.append(
            Masalah(LEMBAR, n, "Komponen A", sel["Komponen A"], "indikator ini tidak dihitung dari komponen")
        )
    if sum([nilai is not None, a is not None, belum]) > 1:
        masalah.append(
            Masalah(
                LEMBAR, n, "Realisasi", sel["Realisasi"], "pilih satu: realisasi, komponen, atau Belum diukur"
            )
        )
    if len(masalah) > sebelum:
        return None
    if nilai is None and a is None and not belum:
        return None  # nothing entered on this row
    r = next((r for r in i.realisasi.all() if r.tahun == tahun and r.triwulan == triwulan), None)
    lama = _ringkas(r.nilai, r.komponen_a, r.komponen_b, r.keterangan) if r else "–"
    keterangan = str(sel["Keterangan"] or "") or ("Belum diukur" if belum else "")
    baru = _ringkas(nilai, a, b, keterangan)
    if lama == baru:
        return None
    realisasi = r or Realisasi(indikator=i, tahun=tahun, triwulan=triwulan)
    realisasi.nilai, realisasi.komponen_a, realisasi.komponen_b, realisasi.keterangan = (
        nilai,
        a,
        b,
        keterangan,
    )
    return Perubahan(i, lama, baru, realisasi, int(sel["Versi"] or 0))


def _ringkas(nilai, a, b, keterangan) -> str:
    if a is not None:
        teks = f"{format_masukan(a)} / {format_masukan(b)}"
    else:
        teks = format_masukan(nilai) if nilai is not None else "–"
    return f"{teks} ({keterangan})" if keterangan else teks


def terapkan(hasil: Hasil, nama_berkas: str, user, instansi: Instansi, tahun: int) -> int:
    """Write every change in one transaction, or none (a conflict rolls all back)."""
    akses.pastikan_terbuka(user, instansi, tahun)
    with transaction.atomic():
        for p in hasil.perubahan:
            p.realisasi._change_reason = f"Unggahan Excel «{nama_berkas}»"
            try:
                simpan_bersyarat(p.realisasi, p.versi)
            except Konflik:
                raise BerkasDitolak(
                    f"«{p.indikator}» telah diubah orang lain sejak templat diunduh; unduh templat baru."
                ) from None
    return len(hasil.perubahan)
