"""Report tables about the organisation: staff, facilities, evaluations, supporting data."""

from collections import defaultdict
from decimal import Decimal

from django.utils.formats import date_format

from instansi.models import KomposisiPegawai
from inti.angka import jumlah_ada
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.isi import ANGKA, NILAI, Sel, Tabel, sel, teks_sel
from sakip.lkjip.tabel_kinerja import sumber_instansi


def sdm(data: DataLaporan) -> list:
    """One table per SDM dimension; group subtotals and the total are added up here."""
    per_dimensi = defaultdict(list)
    for p in data.pegawai:
        per_dimensi[p.dimensi].append(p)
    sumber = sumber_instansi(data, "Data Kepegawaian")
    return [
        _tabel_sdm(dimensi, label, per_dimensi[dimensi], sumber)
        for dimensi, label in KomposisiPegawai.Dimensi.choices
        if per_dimensi[dimensi]
    ]


def _tabel_sdm(dimensi: str, label: str, sel_sel: list[KomposisiPegawai], sumber: str) -> Tabel:
    kolom = list(dict.fromkeys(p.kolom for p in sel_sel if p.kolom))
    uraian: dict[tuple[str, str], dict[str, int | None]] = {}
    for p in sel_sel:
        uraian.setdefault((p.kelompok, p.uraian), {})[p.kolom] = p.jumlah
    kelompok = list(dict.fromkeys(k for k, _ in uraian))
    baris = []
    for nama in kelompok:
        anggota = [(u, nilai) for (k, u), nilai in uraian.items() if k == nama]
        baris += [
            [sel(u), *(sel(nilai.get(k), ANGKA) for k in kolom), sel(jumlah_ada(nilai.values()), ANGKA)]
            for u, nilai in anggota
        ]
        if len(kelompok) > 1:
            baris.append(_barisjumlah_ada(f"Jumlah {nama}", [nilai for _, nilai in anggota], kolom))
    return Tabel(
        f"Komposisi Pegawai menurut {label}",
        [teks_sel(label, *kolom, "Jumlah (orang)", tebal=True)],
        baris,
        [_barisjumlah_ada("Jumlah", list(uraian.values()), kolom)],
        sumber=sumber,
        kunci=f"sdm-{dimensi}",
    )


def _barisjumlah_ada(judul: str, daftar: list[dict[str, int | None]], kolom: list[str]) -> list[Sel]:
    """A (sub)total row: each column summed, and the row totals summed."""
    return [
        Sel(judul, tebal=True),
        *(sel(jumlah_ada(n.get(k) for n in daftar), ANGKA, tebal=True) for k in kolom),
        sel(jumlah_ada(jumlah_ada(n.values()) for n in daftar), ANGKA, tebal=True),
    ]


def sarana(data: DataLaporan) -> list:
    if not data.sarana:
        return []
    baris = [
        [
            sel(str(n)),
            sel(s.nama_barang),
            sel(s.jumlah, ANGKA),
            sel(s.kondisi_baik, ANGKA),
            sel(s.kondisi_sedang, ANGKA),
            sel(s.kondisi_rusak, ANGKA),
        ]
        for n, s in enumerate(data.sarana, start=1)
    ]
    return [
        Tabel(
            f"Sarana dan Prasarana Tahun {data.tahun}",
            [
                [
                    Sel("No", rowspan=2, tebal=True),
                    Sel("Jenis Barang", rowspan=2, tebal=True),
                    Sel("Jumlah", rowspan=2, tebal=True),
                    Sel("Kondisi", colspan=3, tebal=True),
                ],
                teks_sel("Baik", "Cukup / Kurang Baik", "Rusak", tebal=True),
            ],
            baris,
            sumber=sumber_instansi(data, "Pengelola Barang"),
            kunci="sarana",
        )
    ]


def _baris_tindak_lanjut(n: int, t, lke: bool) -> list:
    baris = [sel(str(n)), sel(t.rekomendasi), sel(t.tindak_lanjut or "–"), sel(t.rencana_aksi or "–")]
    if lke:
        batas = date_format(t.batas_waktu, "j F Y") if t.batas_waktu else "–"
        baris += [sel(batas), sel(t.status or "–")]
    return baris


def evaluasi(data: DataLaporan) -> list:
    """The inspectorate's evaluations: components, score (their sum) and predikat."""
    if not data.evaluasi:
        return []
    komponen = list(dict.fromkeys((k.nama, k.bobot) for e in data.evaluasi for k in e.komponen))
    nilai = {(e.evaluasi.tahun, k.nama): k.nilai for e in data.evaluasi for k in e.komponen}
    tahun = [e.evaluasi.tahun for e in data.evaluasi]
    baris = [
        [sel(str(n)), sel(nama), sel(bobot, NILAI), *(sel(nilai.get((t, nama)), NILAI) for t in tahun)]
        for n, (nama, bobot) in enumerate(komponen, start=1)
    ]
    kaki = [
        [
            Sel(""),
            Sel("Nilai hasil evaluasi", tebal=True),
            sel(sum((b for _, b in komponen), Decimal(0)), NILAI, tebal=True),
            *(sel(e.nilai, ANGKA, tebal=True) for e in data.evaluasi),
        ],
        [
            Sel(""),
            Sel("Predikat", tebal=True),
            Sel(""),
            *(sel(e.predikat, tebal=True) for e in data.evaluasi),
        ],
    ]
    sumber_evaluasi = f"Laporan Hasil Evaluasi AKIP oleh Inspektorat {data.instansi.pemda.nama}"
    hasil = [
        Tabel(
            "Nilai Hasil Evaluasi Akuntabilitas Kinerja",
            [teks_sel("No", "Komponen yang dinilai", "Bobot", *(f"Nilai {t}" for t in tahun), tebal=True)],
            baris,
            kaki,
            sumber=sumber_evaluasi,
            kunci="nilai-evaluasi",
        )
    ]
    tindak = [(e.evaluasi.tahun, t) for e in data.evaluasi for t in e.tindak_lanjut]
    if tindak:
        # A final LKE's follow-ups carry a due date and a state; years recorded before the
        # LKE have neither, and their table keeps the document's four columns.
        lke = any(t.status for _, t in tindak)
        hasil.append(
            Tabel(
                "Tindak Lanjut atas Hasil Evaluasi",
                [
                    teks_sel(
                        "No",
                        "Rekomendasi",
                        "Tindak Lanjut",
                        "Rencana Aksi",
                        *(("Batas Waktu", "Status") if lke else ()),
                        tebal=True,
                    )
                ],
                [_baris_tindak_lanjut(n, t, lke) for n, (_, t) in enumerate(tindak, start=1)],
                sumber=sumber_evaluasi,
                kunci="tindak-lanjut",
            )
        )
    return hasil


def tabel_pendukung(data: DataLaporan) -> list:
    """The supporting data tables, as the agency entered them (numbers shown its way)."""
    hasil = []
    for t in data.tabel_pendukung:
        jenis = [NILAI if k["jenis"] == "angka" else "teks" for k in t.kolom]
        baris = [
            [
                sel(Decimal(str(v)) if j == NILAI and v is not None else v, j)
                for v, j in zip(b, jenis, strict=True)
            ]
            for b in t.baris
        ]
        hasil.append(
            Tabel(
                t.judul,
                [teks_sel(*(k["judul"] for k in t.kolom), tebal=True)],
                baris,
                # The source the planner recorded, else the agency's own records.
                sumber=t.sumber or sumber_instansi(data, "Data"),
                kunci=f"pendukung-{t.kunci}",
            )
        )
    return hasil
