"""The realisation template: download it filled, take it back, change only what changed.

The workbook has an instructions sheet (which also records agency, year and quarter) and a
"Realisasi" sheet with one row per indicator: the key columns are locked, the entry
columns carry Excel validation and Indonesian number formats. Reading it back validates
every row before anything is written (`baca`), lists the changes old -> new, and applies
them in one transaction with audit entries naming the upload (`terapkan`).
"""

from django.db.models import Q

from instansi import akses
from instansi.models import Instansi
from inti.versi import Tulis
from kinerja.models import LEVEL_INDIKATOR, Indikator, Realisasi, Renstra, letak
from kinerja.pengukuran import baca_ukuran, realisasi_tahun, target_periode
from kinerja.realisasi.forms import RealisasiForm, ringkas_realisasi
from kinerja.tingkat import LABEL_TINGKAT
from sakip.excel.lembar import (
    HasilBaca,
    Masalah,
    baca_lembar,
    basi,
    buku_baru,
    id_baris,
    lindungi,
    simpan,
    terapkan_tulis,
)

JENIS = "realisasi"
LEMBAR = "Realisasi"
KOLOM = ["ID", "Tingkat", "Sasaran / Program / Kegiatan", "Indikator", "Satuan", "Target",
         "Realisasi", "Komponen A", "Komponen B", "Belum diukur", "Keterangan", "Versi"]  # fmt: skip
PETUNJUK = [
    "Isi kolom berwarna kuning pada lembar «Realisasi»: Realisasi untuk indikator bernilai langsung,",
    "Komponen A dan B untuk indikator rasio/pertumbuhan (realisasinya dihitung dari komponen),",
    "atau «Ya» di Belum diukur. Angka boleh ditulis 18,83 atau 18,83%.",
    "Jangan mengubah kolom ID dan Versi, nama lembar, atau judul kolom.",
    "Unggah kembali berkas ini; perubahan ditampilkan dulu sebelum diterapkan.",
]


def _indikator(instansi: Instansi, tahun: int) -> list[Indikator]:
    return baca_ukuran(
        Indikator.objects.filter(renstra=Renstra.objects.berlaku(instansi, tahun))
        .select_related("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
        .order_by("urutan", "pk"),
        Q(tahun=tahun),
    )


def _tempat(i: Indikator) -> tuple[str, str]:
    """The level an indicator measures and that node's words, for the sheet's reader."""
    level, _ = letak(i, LEVEL_INDIKATOR)
    node = getattr(i, level)
    return LABEL_TINGKAT[level], getattr(node, "uraian", None) or node.nama


def templat(instansi: Instansi, tahun: int, triwulan: int | None = None) -> bytes:
    """The template for a year (or a quarter), filled with targets and realisations so far."""
    buku = buku_baru(JENIS, instansi, tahun, triwulan, PETUNJUK)
    lembar = buku.create_sheet(LEMBAR)
    lembar.append(KOLOM)
    for i in _indikator(instansi, tahun):
        tingkat, tempat = _tempat(i)
        target = target_periode(i.daftar_target, tahun, triwulan)
        r = realisasi_tahun(i.daftar_realisasi, tahun, triwulan)
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


# The sheet's entry columns and the realisation form's fields they go through.
FIELD = {"Realisasi": "nilai", "Komponen A": "komponen_a", "Komponen B": "komponen_b",
         "Belum diukur": "belum_diukur", "Keterangan": "keterangan", "Versi": "versi"}  # fmt: skip


def baca(isi: bytes, ruang: akses.Akses, triwulan: int | None) -> HasilBaca:
    """Validate every row of an uploaded template; nothing is written here.

    Each row goes through the realisation screen's own form (`kinerja.realisasi.forms.RealisasiForm`),
    so a value refused on the screen is refused here, with the same message.
    """
    instansi, tahun = ruang.instansi, ruang.tahun
    baris = baca_lembar(isi, JENIS, LEMBAR, KOLOM, ruang, triwulan)
    indikator = {i.pk: i for i in _indikator(instansi, tahun)}
    hasil = HasilBaca()
    dilihat: dict[int, int] = {}
    for sel in baris:
        n = sel["_baris"]
        pk = id_baris(sel["ID"])
        if pk not in indikator:
            hasil.masalah.append(
                Masalah(LEMBAR, n, "ID", sel["ID"], "bukan indikator instansi ini untuk tahun ini")
            )
            continue
        if pk in dilihat:
            hasil.masalah.append(
                Masalah(LEMBAR, n, "ID", sel["ID"], f"indikator yang sama sudah ada di baris {dilihat[pk]}")
            )
            continue
        dilihat[pk] = n
        _baris(sel, n, indikator[pk], tahun, triwulan, hasil)
    return hasil


def _baris(sel: dict, n: int, i: Indikator, tahun: int, triwulan: int | None, hasil: HasilBaca) -> None:
    """One row: its change added to `hasil`, or its problems (nothing for an empty or unchanged row)."""
    belum = str(sel["Belum diukur"] or "").strip().lower() in ("ya", "y")
    data = {nama: sel[kolom] for kolom, nama in FIELD.items()} | {"belum_diukur": belum}
    data["keterangan"] = "" if data["keterangan"] is None else str(data["keterangan"])
    if data["nilai"] is None and data["komponen_a"] is None and data["komponen_b"] is None and not belum:
        return  # nothing entered on this row
    r = realisasi_tahun(i.daftar_realisasi, tahun, triwulan)
    form = RealisasiForm(data, indikator=i, tersimpan=r)
    if not form.is_valid():
        kolom = {nama: k for k, nama in FIELD.items()}
        for nama, daftar in form.errors.items():
            k = kolom.get(nama, "Realisasi")
            for pesan in daftar:
                hasil.masalah.append(Masalah(LEMBAR, n, k, sel.get(k), pesan))
        return
    baru = Realisasi(indikator=i, tahun=tahun, triwulan=triwulan, **form.isian())
    lama, sesudah = (ringkas_realisasi(r) if r else "–"), ringkas_realisasi(baru)
    if lama == sesudah:
        return
    versi = form.cleaned_data["versi"]
    if versi != (r.versi if r else 0):
        hasil.masalah.append(Masalah(LEMBAR, n, "Versi", sel["Versi"], basi(lama)))
        return
    hasil.ringkasan.append((i.nama, lama, sesudah))
    hasil.perubahan.append(
        Tulis(
            model=Realisasi,
            label=f"Realisasi «{i.nama}»",
            letak={"indikator": i, "tahun": tahun, "triwulan": triwulan},
            versi=versi,
            isian=form.isian(),
            tampil=ringkas_realisasi,
        )
    )


def terapkan(hasil: HasilBaca, nama_berkas: str, ruang: akses.Akses) -> int:
    """Write every change in one transaction, or none (a conflict rolls all back)."""
    return terapkan_tulis(hasil.perubahan, nama_berkas, ruang)
