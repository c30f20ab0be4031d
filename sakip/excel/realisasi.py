"""The realisation template: download it filled, take it back, change only what changed.

The workbook has an instructions sheet (which also records agency, year and quarter) and a
"Realisasi" sheet with one row per indicator: the key columns are locked, the entry
columns carry Excel validation and Indonesian number formats. Reading it back validates
every row before anything is written (`baca`), lists the changes old -> new, and applies
them in one transaction with audit entries naming the upload (`terapkan`).
"""

from dataclasses import dataclass, field

from django.db import transaction

from instansi import akses
from instansi.forms import format_masukan
from instansi.models import Instansi
from instansi.versi import Konflik, simpan_bersyarat
from kinerja.hitung import JenisRumus
from kinerja.models import Indikator, Realisasi, Renstra
from kinerja.pengukuran import target_periode
from sakip.excel.aman import BerkasDitolak
from sakip.excel.lembar import Masalah, angka, baca_lembar, buku_baru, lindungi, simpan

JENIS = "realisasi"
LEMBAR = "Realisasi"
KOLOM = ["ID", "Tingkat", "Sasaran / Program / Kegiatan", "Indikator", "Satuan", "Target",
         "Realisasi", "Komponen A", "Komponen B", "Belum diukur", "Keterangan", "Versi"]  # fmt: skip
PETUNJUK = [
    "Isi kolom berwarna kuning pada lembar «Realisasi»: Realisasi, atau Komponen A dan B untuk",
    "indikator rasio/pertumbuhan, atau «Ya» di Belum diukur. Angka boleh ditulis 18,83 atau 18,83%.",
    "Jangan mengubah kolom ID dan Versi, nama lembar, atau judul kolom.",
    "Unggah kembali berkas ini; perubahan ditampilkan dulu sebelum diterapkan.",
]


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

    def ringkasan(self) -> list[tuple[str, str, str]]:
        """(what, now, after) for the preview."""
        return [(p.indikator.nama, p.lama, p.baru) for p in self.perubahan]


def _indikator(instansi: Instansi, tahun: int):
    return (
        Indikator.objects.filter(renstra=Renstra.objects.berlaku(instansi, tahun))
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
    buku = buku_baru(JENIS, instansi, tahun, triwulan, PETUNJUK)
    lembar = buku.create_sheet(LEMBAR)
    lembar.append(KOLOM)
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
    lindungi(
        lembar,
        isian={"Realisasi", "Komponen A", "Komponen B", "Belum diukur", "Keterangan"},
        angka={"Target", "Realisasi", "Komponen A", "Komponen B"},
        lebar={"Indikator", "Sasaran / Program / Kegiatan"},
        ya={"Belum diukur"},
    )
    lembar.freeze_panes = "E2"
    return simpan(buku)


def baca(isi: bytes, instansi: Instansi, tahun: int, triwulan: int | None, user) -> Hasil:
    """Validate every row of an uploaded template; nothing is written here."""
    baris = baca_lembar(isi, JENIS, LEMBAR, KOLOM, instansi, tahun, triwulan)
    if not akses.boleh_ubah(user, instansi, tahun):
        raise BerkasDitolak(
            f"Data {instansi} tahun {tahun} tidak dapat diubah (terkunci atau bukan instansi Anda)."
        )
    indikator = {i.pk: i for i in _indikator(instansi, tahun)}
    hasil = Hasil()
    for sel in baris:
        perubahan = _perubahan(sel, sel["_baris"], indikator, tahun, triwulan, hasil.masalah)
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
    nilai = angka(sel["Realisasi"], LEMBAR, n, "Realisasi", masalah)
    a = angka(sel["Komponen A"], LEMBAR, n, "Komponen A", masalah)
    b = angka(sel["Komponen B"], LEMBAR, n, "Komponen B", masalah)
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
