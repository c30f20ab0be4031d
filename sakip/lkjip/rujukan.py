"""Live figures in the LKjIP narrative: which codes a narrative may write, and what they show.

Where a source document typed «130,07 %», its narrative now writes
`{{indikator.100001.capaian}}`, and the report prints the figure computed from the data,
with the same text as the table cell of that figure (`sakip.templatetags.lkjip.tampil_nilai`,
the agency's decimals and rounding). `{{tabel.capaian-iku}}` prints the number the table
ended up with («Tabel 4.2»). Rupiah figures print bare, as the tables print them
(«18.265.491.430»): the sentence says «Rp {{total.anggaran}}».

- `katalog(data)`: every figure code of a report, from the gathered data (no query);
- `sambungkan(dokumen)`: gives every text of an assembled report the text of its codes,
  the figures' and the numbered tables' and charts' (and keeps them in `Dokumen.daftar_rujukan`);
- `periksa(dokumen)`: what points nowhere (a deleted indicator, an unknown code, a marker
  that placed nothing), with its place — for the report page and the narrative editor.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.text import slugify

from anggaran import hitung as hitung_anggaran
from anggaran.hitung import Tahap
from anggaran.ringkasan import NodeAnggaran, jumlah, tahap_terisi
from instansi.pengaturan import cari_predikat
from inti.angka import jumlah_ada
from kinerja import hitung
from kinerja.models import Target
from kinerja.pengukuran import ukur
from sakip.lkjip.data import DataLaporan, IndikatorTerukur
from sakip.lkjip.isi import (
    ANGKA,
    NILAI,
    PERSEN,
    POLA_RUJUKAN,
    RASIO,
    RUPIAH,
    TEKS,
    Grafik,
    Sel,
    Tabel,
    Teks,
    kode_rujukan,
)
from sakip.templatetags.lkjip import tampil_nilai

if TYPE_CHECKING:
    from sakip.lkjip.susun import Dokumen

# The groups of the narrative editor's list, in its order.
INDIKATOR, SASARAN, PROGRAM, KEGIATAN, SUB_KEGIATAN = (
    "Indikator",
    "Sasaran",
    "Program",
    "Kegiatan",
    "Sub kegiatan",
)
TOTAL, SDM, EVALUASI, LAPORAN, NOMOR = "Total", "SDM", "Evaluasi", "Laporan", "Tabel & grafik"
KELOMPOK = (INDIKATOR, SASARAN, PROGRAM, KEGIATAN, SUB_KEGIATAN, TOTAL, SDM, EVALUASI, LAPORAN, NOMOR)

# Budget stages by the short names a narrative writes: `{{program.5.anggaran_murni}}`.
TAHAP_SINGKAT = {
    Tahap.RENJA_MURNI: "renja",
    Tahap.RKA: "rka",
    Tahap.DPA_PENGESAHAN: "murni",
    Tahap.DPA_PERGESERAN: "pergeseran",
    Tahap.DPA_PERUBAHAN: "perubahan",
}
TINGKAT_NODE = {"program": PROGRAM, "kegiatan": KEGIATAN, "sub_kegiatan": SUB_KEGIATAN}
# The categories `anggaran.hitung.kategori_efisiensi` gives: `total.program_efisien`…
KATEGORI_EFISIENSI = ("Efisien", "Tidak efisien")


@dataclass(frozen=True)
class Rujukan:
    """One code a narrative may write: what it is (`objek`, `label`) and its raw value."""

    kode: str
    kelompok: str
    objek: str  # what the figure belongs to: an indicator's name, a program's…
    label: str  # which figure of it: «Capaian», «Anggaran DPA perubahan»…
    nilai: object  # Decimal, str, a `TidakTerhitung` reason, or None (shown «–» as in tables)
    jenis: str = TEKS  # how it shows: isi.TEKS / ANGKA / NILAI / RUPIAH / PERSEN / RASIO
    desimal: int | None = None  # an indicator's value: the decimals the indicator states

    def teks(self, pengaturan) -> str:
        """The text the report prints: the table cell's text of the same figure."""
        if self.nilai is None or self.nilai == "":
            return "–"
        if isinstance(self.nilai, (Decimal, int)) and not isinstance(self.nilai, bool):
            return tampil_nilai(Sel(self.nilai, self.jenis, desimal=self.desimal), pengaturan)
        return str(self.nilai)


@dataclass(frozen=True)
class Gantung:
    """A reference or marker that points nowhere, and where it is written."""

    kode: str
    jenis: str  # "rujukan" ({{…}}) or "penanda" ([[…]])
    narasi: str  # the narrative's key, "" for a text a block wrote (a sasaran's analysis)
    tempat: str  # the section it appears in, as the reader sees it: «BAB IV C. Efisiensi»
    narasi_pk: int | None = None  # the `Narasi` row to correct, for a link to its editor

    @property
    def pesan(self) -> str:
        if self.jenis == "penanda":
            return f"Penanda [[{self.kode}]] tidak menempatkan apa pun"
        return f"Rujukan {{{{{self.kode}}}}} tidak dikenal"


class _Daftar(dict):
    """The catalogue while it is filled: code → Rujukan."""

    def tambah(self, kode, kelompok, objek, label, nilai, jenis=TEKS, desimal=None) -> None:
        self[kode] = Rujukan(kode, kelompok, objek, label, nilai, jenis, desimal)


def _indikator(daftar: _Daftar, data: DataLaporan, i: IndikatorTerukur) -> None:
    ind, tahun = i.indikator, data.tahun
    awal, nama = f"indikator.{ind.pk}", i.nama

    def nilai(ukuran, label, x, jenis=NILAI):
        daftar.tambah(
            f"{awal}.{ukuran}", INDIKATOR, nama, label, x, jenis, ind.desimal if jenis == NILAI else None
        )

    lalu = ukur(ind, tahun - 1, data.pengaturan, data.pita)
    rumus_turun = ind.rumus_turun(data.pengaturan)
    target_renstra = i.target_renstra.get(tahun)
    nilai("nama", "Nama indikator", nama, TEKS)
    nilai("satuan", "Satuan", ind.satuan, TEKS)
    nilai("target", f"Target {tahun} ({i.ukur.sumber_target or 'tidak ada'})", i.ukur.target)
    nilai("realisasi", f"Realisasi {tahun}", i.ukur.realisasi)
    nilai("capaian", f"Capaian {tahun}", i.ukur.capaian, PERSEN)
    nilai("predikat", "Predikat capaian", i.ukur.predikat, TEKS)
    for sumber in (Target.Sumber.PK_MURNI, Target.Sumber.PK_PERUBAHAN):
        if sumber in i.target_per_sumber:
            nilai(f"target_{sumber.value}", f"Target {tahun} {sumber.label}", i.target_per_sumber[sumber])
    nilai("target_renstra", f"Target Renstra {tahun}", target_renstra)
    capaian_renstra = hitung.capaian(target_renstra, i.ukur.realisasi, ind.polaritas, rumus_turun)
    nilai("capaian_renstra", f"Capaian terhadap target Renstra {tahun}", capaian_renstra, PERSEN)
    nilai("target_lalu", f"Target {tahun - 1}", lalu.target)
    nilai("realisasi_lalu", f"Realisasi {tahun - 1}", i.tahun_lalu)
    nilai("capaian_lalu", f"Capaian {tahun - 1}", lalu.capaian, PERSEN)
    nilai("banding_lalu", f"Realisasi {tahun} terhadap {tahun - 1}", i.banding_tahun_lalu, PERSEN)
    nilai("target_akhir", f"Target akhir Renstra ({data.renstra.tahun_akhir})", i.target_akhir)
    nilai("capaian_akhir", "Realisasi terhadap target akhir Renstra", i.banding_target_akhir, PERSEN)
    nilai("provinsi", "Realisasi provinsi", i.pembanding.get("provinsi"))
    nilai("nasional", "Realisasi nasional", i.pembanding.get("nasional"))
    for t in sorted(i.realisasi_per_tahun):
        if t < tahun:
            nilai(f"realisasi_{t}", f"Realisasi {t}", i.realisasi_per_tahun[t])
    # The counts a ratio's realisation is computed from (Tabel «Komponen Perhitungan Realisasi»).
    for r in ind.daftar_realisasi:
        if r.triwulan is None and r.dari_komponen and r.tahun <= tahun:
            akhiran = "" if r.tahun == tahun else f"_{r.tahun}"
            for huruf, label, x in (
                ("a", ind.label_komponen_a, r.komponen_a),
                ("b", ind.label_komponen_b, r.komponen_b),
            ):
                daftar.tambah(
                    f"{awal}.komponen_{huruf}{akhiran}",
                    INDIKATOR,
                    nama,
                    f"{label or huruf.upper()} {r.tahun}",
                    x,
                    NILAI,
                )
    for tw, target, realisasi, capaian in i.triwulan:
        nilai(f"target_tw{tw}", f"Target triwulan {tw}", target)
        nilai(f"realisasi_tw{tw}", f"Realisasi triwulan {tw}", realisasi)
        nilai(f"capaian_tw{tw}", f"Capaian triwulan {tw}", capaian, PERSEN)


def _uang(daftar: _Daftar, kelompok, awal, objek, pagu, realisasi, tahap: dict) -> None:
    """Budget, spending, absorption and remainder of a node, a sasaran or the whole year."""
    daftar.tambah(f"{awal}.anggaran", kelompok, objek, "Anggaran (tahap terakhir)", pagu, RUPIAH)
    for t, x in tahap.items():
        daftar.tambah(
            f"{awal}.anggaran_{TAHAP_SINGKAT[t]}", kelompok, objek, f"Anggaran {Tahap(t).label}", x, RUPIAH
        )
    serapan = hitung_anggaran.penyerapan(pagu, realisasi)
    if realisasi is None:  # as the tables: nothing reported spent shows a dash
        serapan = None
    nama_realisasi = "realisasi_anggaran" if kelompok == TOTAL else "realisasi"
    daftar.tambah(f"{awal}.{nama_realisasi}", kelompok, objek, "Realisasi anggaran", realisasi, RUPIAH)
    daftar.tambah(f"{awal}.serapan", kelompok, objek, "Penyerapan anggaran", serapan, PERSEN)
    daftar.tambah(
        f"{awal}.sisa",
        kelompok,
        objek,
        "Sisa anggaran (lebih/kurang)",
        hitung_anggaran.sisa(pagu, realisasi),
        RUPIAH,
    )


def _efisiensi(daftar: _Daftar, data: DataLaporan, kelompok, awal, objek, capaian, serapan, jenis) -> None:
    """Efficiency as the agency's method computes it in the efficiency tables."""
    metode = data.pengaturan.metode_efisiensi
    nilai = hitung_anggaran.efisiensi(capaian, serapan, metode)
    daftar.tambah(f"{awal}.efisiensi", kelompok, objek, "Tingkat efisiensi", nilai, jenis)
    kategori = hitung_anggaran.kategori_efisiensi(nilai, metode)
    daftar.tambah(f"{awal}.kategori_efisiensi", kelompok, objek, "Kategori efisiensi", kategori, TEKS)


def _node(daftar: _Daftar, data: DataLaporan, node: NodeAnggaran, tahap: list[str]) -> None:
    kelompok, awal = TINGKAT_NODE[node.tingkat], f"{node.tingkat}.{node.objek.pk}"
    nama = node.objek.nama
    daftar.tambah(f"{awal}.nama", kelompok, nama, f"Nama {kelompok.lower()}", nama)
    _uang(daftar, kelompok, awal, nama, node.pagu_akhir(), node.realisasi(), {t: node.pagu(t) for t in tahap})
    indikator = data.indikator_dari(node.tingkat, node.objek)
    if indikator:
        capaian = hitung.rata_rata(i.ukur.capaian for i in indikator)
        daftar.tambah(
            f"{awal}.capaian", kelompok, nama, "Capaian kinerja (rata-rata indikatornya)", capaian, PERSEN
        )
        _efisiensi(daftar, data, kelompok, awal, nama, capaian, node.penyerapan(), RASIO)
    for anak in node.anak:
        _node(daftar, data, anak, tahap)


def _sasaran(daftar: _Daftar, data: DataLaporan, tahap: list[str]) -> None:
    selisih = data.pengaturan.metode_efisiensi == "selisih"
    for s in data.sasaran:
        awal, nama = f"sasaran.{s.sasaran.pk}", s.sasaran.uraian
        capaian = s.capaian()
        daftar.tambah(f"{awal}.nama", SASARAN, nama, "Uraian sasaran", nama)
        daftar.tambah(f"{awal}.capaian", SASARAN, nama, "Capaian (rata-rata indikatornya)", capaian, PERSEN)
        predikat = _predikat(data, capaian)
        daftar.tambah(f"{awal}.predikat", SASARAN, nama, "Predikat capaian", predikat)
        daftar.tambah(f"{awal}.jumlah_indikator", SASARAN, nama, "Jumlah indikator", len(s.indikator), ANGKA)
        if s.program:
            pagu = jumlah(s.program, NodeAnggaran.pagu_akhir)
            realisasi = jumlah(s.program, NodeAnggaran.realisasi)
            per_tahap = {t: jumlah(s.program, lambda p, t=t: p.pagu(t)) for t in tahap}
            _uang(daftar, SASARAN, awal, nama, pagu, realisasi, per_tahap)
            serapan = hitung_anggaran.penyerapan(pagu, realisasi)
            _efisiensi(daftar, data, SASARAN, awal, nama, capaian, serapan, PERSEN if selisih else RASIO)


def _predikat(data: DataLaporan, capaian) -> str | None:
    return cari_predikat(capaian if isinstance(capaian, Decimal) else None, data.pita)


def _total(daftar: _Daftar, data: DataLaporan, tahap: list[str]) -> None:
    program = data.program
    per_tahap = {t: jumlah(program, lambda p, t=t: p.pagu(t)) for t in tahap}
    pagu, realisasi = jumlah(program, NodeAnggaran.pagu_akhir), jumlah(program, NodeAnggaran.realisasi)
    _uang(daftar, TOTAL, "total", "Seluruh program", pagu, realisasi, per_tahap)
    kegiatan = [k for p in program for k in p.anak]
    daftar.tambah("total.jumlah_program", TOTAL, "Seluruh program", "Jumlah program", len(program), ANGKA)
    daftar.tambah("total.jumlah_kegiatan", TOTAL, "Seluruh program", "Jumlah kegiatan", len(kegiatan), ANGKA)
    jumlah_sub = sum(len(k.anak) for k in kegiatan)
    daftar.tambah(
        "total.jumlah_sub_kegiatan", TOTAL, "Seluruh program", "Jumlah sub kegiatan", jumlah_sub, ANGKA
    )
    beranggaran = [p for p in program if isinstance(p.pagu_akhir(), Decimal) and p.pagu_akhir() > 0]
    daftar.tambah(
        "total.jumlah_program_beranggaran",
        TOTAL,
        "Seluruh program",
        "Jumlah program beranggaran",
        len(beranggaran),
        ANGKA,
    )
    # Programs per efficiency category, as `_node` put each program's in the catalogue.
    kategori = [daftar.get(f"program.{p.objek.pk}.kategori_efisiensi") for p in program]
    for nama in KATEGORI_EFISIENSI:
        daftar.tambah(
            f"total.program_{slugify(nama).replace('-', '_')}",
            TOTAL,
            "Seluruh program",
            f"Jumlah program «{nama}»",
            sum(1 for k in kategori if k and k.nilai == nama),
            ANGKA,
        )
    iku = [i for s in data.sasaran for i in s.indikator]
    objek = "Indikator Kinerja Utama (IKU)"
    capaian = hitung.rata_rata(i.ukur.capaian for i in iku)
    daftar.tambah("total.capaian_iku", TOTAL, objek, "Capaian rata-rata IKU", capaian, PERSEN)
    daftar.tambah(
        "total.predikat_iku", TOTAL, objek, "Predikat capaian rata-rata IKU", _predikat(data, capaian)
    )
    daftar.tambah("total.jumlah_iku", TOTAL, objek, "Jumlah IKU", len(iku), ANGKA)
    per_predikat = defaultdict(int)
    for i in iku:
        if i.ukur.predikat:
            per_predikat[i.ukur.predikat] += 1
    for pita in data.pita:
        kode = f"total.iku_{slugify(pita.label).replace('-', '_')}"
        daftar.tambah(
            kode, TOTAL, objek, f"Jumlah IKU berpredikat «{pita.label}»", per_predikat[pita.label], ANGKA
        )
    if data.belanja:
        murni = sum((b.murni for b in data.belanja), Decimal(0))
        perubahan = hitung_anggaran.gulung(None, (b.perubahan for b in data.belanja))
        daftar.tambah("total.belanja_murni", TOTAL, "Belanja per jenis", "Jumlah DPA murni", murni, RUPIAH)
        daftar.tambah(
            "total.belanja_perubahan", TOTAL, "Belanja per jenis", "Jumlah DPA perubahan", perubahan, RUPIAH
        )


def _sdm(daftar: _Daftar, data: DataLaporan) -> None:
    """Staff counts: per dimension its total, each row's, each group's and each column's."""
    per_dimensi = defaultdict(list)
    for p in data.pegawai:
        per_dimensi[p.dimensi].append(p)
    total = {}
    for dimensi, baris in per_dimensi.items():
        label = baris[0].get_dimensi_display()
        total[dimensi] = jumlah_ada(p.jumlah for p in baris)
        daftar.tambah(f"sdm.{dimensi}.jumlah", SDM, label, "Jumlah", total[dimensi], ANGKA)
        for ambil in (lambda p: p.kelompok, lambda p: p.uraian, lambda p: p.kolom):
            bagian = defaultdict(list)
            for p in baris:
                if ambil(p):
                    bagian[ambil(p)].append(p.jumlah)
            for judul, isi in bagian.items():
                kode = f"sdm.{dimensi}.{slugify(judul).replace('-', '_')}"
                n = jumlah_ada(isi)
                daftar.setdefault(kode, Rujukan(kode, SDM, label, judul, n, ANGKA))
                # Its share of the dimension's staff: «S1 sebanyak 19 orang atau 48,71 %».
                bagi = Decimal(n) * 100 / total[dimensi] if n is not None and total[dimensi] else None
                kode_persen = f"{kode}_persen"
                daftar.setdefault(
                    kode_persen, Rujukan(kode_persen, SDM, label, f"{judul} (persen)", bagi, PERSEN)
                )
    # A dimension may list only part of the staff (Lampung Barat's jabatan table lists the
    # structural posts): every person is counted in the dimension with the largest total.
    terisi = [t for t in total.values() if t is not None]
    if terisi:
        daftar.tambah("sdm.jumlah", SDM, "Seluruh pegawai", "Jumlah pegawai", max(terisi), ANGKA)


def _evaluasi(daftar: _Daftar, data: DataLaporan) -> None:
    for e in data.evaluasi:
        tahun = e.evaluasi.tahun
        objek = f"Evaluasi SAKIP {tahun}"
        daftar.tambah(f"evaluasi.{tahun}.nilai", EVALUASI, objek, "Nilai hasil evaluasi", e.nilai, ANGKA)
        daftar.tambah(f"evaluasi.{tahun}.predikat", EVALUASI, objek, "Predikat", e.predikat)


def _laporan(daftar: _Daftar, data: DataLaporan) -> None:
    objek = "Laporan ini"
    daftar.tambah("laporan.tahun", LAPORAN, objek, "Tahun laporan", str(data.tahun))
    daftar.tambah("laporan.tahun_lalu", LAPORAN, objek, "Tahun sebelumnya", str(data.tahun - 1))
    daftar.tambah("laporan.instansi", LAPORAN, objek, "Nama instansi", data.instansi.nama)
    daftar.tambah("laporan.pemda", LAPORAN, objek, "Pemerintah daerah", data.instansi.pemda.nama)
    daftar.tambah("laporan.renstra_awal", LAPORAN, objek, "Tahun awal Renstra", str(data.renstra.tahun_awal))
    daftar.tambah(
        "laporan.renstra_akhir", LAPORAN, objek, "Tahun akhir Renstra", str(data.renstra.tahun_akhir)
    )


def katalog(data: DataLaporan) -> dict[str, Rujukan]:
    """Every figure code of the report → its Rujukan, in the editor's order. Built from the
    gathered data alone: no query."""
    daftar = _Daftar()
    for i in data.semua_indikator():
        _indikator(daftar, data, i)
    tahap = tahap_terisi(data.program)
    _sasaran(daftar, data, tahap)
    for node in data.program:
        _node(daftar, data, node, tahap)
    _total(daftar, data, tahap)
    _sdm(daftar, data)
    _evaluasi(daftar, data)
    _laporan(daftar, data)
    urutan = {k: n for n, k in enumerate(KELOMPOK)}
    return dict(sorted(daftar.items(), key=lambda kv: urutan[kv[1].kelompok]))


def rujukan_nomor(dokumen: "Dokumen") -> dict[str, Rujukan]:
    """`tabel.<kunci>` / `grafik.<kunci>` → the number the item got, by the item's own key
    or by the key of the block that built it (then its first item in reading order)."""
    hasil = {}
    for _, _, item in _semua_isi(dokumen):
        if isinstance(item, (Tabel, Grafik)):
            for kunci in (item.kunci, item.blok):
                kode = f"{item.jenis}.{kunci}"
                # The front matter's tables have no number: a reference names the chapter's.
                if kunci and item.nomor and kode not in hasil:
                    hasil[kode] = Rujukan(kode, NOMOR, item.judul, item.nomor, item.nomor)
    return hasil


def _semua_isi(dokumen: "Dokumen") -> Iterator[tuple[str, str, object]]:
    """(section as the reader sees it, anchor, item) for everything in the report."""
    for item in dokumen.kata_pengantar:
        yield "Kata Pengantar", "kata-pengantar", item
    for item in dokumen.ikhtisar:
        yield "Ikhtisar Eksekutif", "ikhtisar-eksekutif", item
    for bab in dokumen.bab:
        for bagian in bab.bagian:
            for item in bagian.isi:
                yield f"BAB {bab.nomor} {bagian.huruf}. {bagian.judul}", bagian.id, item
    for bagian in dokumen.lampiran:
        for item in bagian.isi:
            yield f"Lampiran {bagian.huruf}. {bagian.judul}", bagian.id, item


def semua_rujukan(dokumen: "Dokumen") -> dict[str, Rujukan]:
    """The figures' codes and the numbered items' codes of an assembled report."""
    return katalog(dokumen.data) | rujukan_nomor(dokumen)


def sambungkan(dokumen: "Dokumen") -> None:
    """Give every text of the report the printed text of each code it writes, and keep
    the catalogue in `dokumen.daftar_rujukan` for what reads it later (`angka_narasi.periksa`)."""
    dokumen.daftar_rujukan = semua_rujukan(dokumen)
    for _, _, item in _semua_isi(dokumen):
        if isinstance(item, Teks):
            terjemahkan(item, dokumen.daftar_rujukan, dokumen.data.pengaturan)


def terjemahkan(teks: Teks, daftar: dict[str, Rujukan], pengaturan) -> None:
    """Give one text the printed text of each code it writes that `daftar` knows."""
    teks.terjemah = {kode: daftar[kode].teks(pengaturan) for kode in _kode_dalam(teks) if kode in daftar}


def _kode_dalam(teks: Teks) -> set[str]:
    return {kode_rujukan(c.group(1)) for c in POLA_RUJUKAN.finditer(teks.teks)}


def periksa(dokumen: "Dokumen") -> list[Gantung]:
    """Every reference and marker of the report that points nowhere, in reading order."""
    narasi = dokumen.data.narasi
    return [
        Gantung(kode, jenis, item.kunci, tempat, getattr(narasi.get(item.kunci), "pk", None))
        for tempat, _, item in _semua_isi(dokumen)
        if isinstance(item, Teks)
        for jenis, kode in item.gantung
    ]


def bagian_narasi(dokumen: "Dokumen", kunci: str) -> tuple[str, list] | None:
    """The section of the report that shows the narrative `kunci` (its heading and items,
    tables it places included), None when the layout does not show that narrative."""
    tempat = {}
    for judul, _, item in _semua_isi(dokumen):
        tempat.setdefault(judul, []).append(item)
    for judul, isi in tempat.items():
        if any(isinstance(i, Teks) and i.kunci == kunci for i in isi):
            return judul, isi
    return None


def kelompokkan(daftar: dict[str, Rujukan], pengaturan) -> list[tuple[str, list[tuple[str, list]]]]:
    """The codes for the editor's list: per group, per object, (code, label, printed text)."""
    hasil: dict[str, dict[str, list]] = {}
    for r in daftar.values():
        hasil.setdefault(r.kelompok, {}).setdefault(r.objek, []).append((r.kode, r.label, r.teks(pengaturan)))
    return [(k, list(hasil[k].items())) for k in KELOMPOK if k in hasil]
