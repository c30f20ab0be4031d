"""Report tables about performance: plan, agreement, targets, measurement, comparisons.

Each builder takes the gathered `DataLaporan` and returns the pieces of one block;
nothing here queries the database or formats a number.
"""

from inti.periode import romawi
from sakip.lkjip.data import DataLaporan, IndikatorTerukur
from sakip.lkjip.isi import NILAI, PERSEN, Sel, Tabel, Teks, nilai_indikator, sel, teks_sel


def _kolom(*judul) -> list[list[Sel]]:
    return [teks_sel(*judul, tebal=True)]


def _per_sasaran(data: DataLaporan, isi_indikator) -> list[list[Sel]]:
    """A row per sasaran indicator; the sasaran's name spans the rows of its indicators."""
    baris = []
    for s in data.sasaran:
        for n, item in enumerate(s.indikator):
            depan = [Sel(s.sasaran.uraian, rowspan=len(s.indikator))] if n == 0 else []
            baris.append(depan + isi_indikator(item))
    return baris


def _terukur(i: IndikatorTerukur) -> list[Sel]:
    """The three cells every measurement table shows: target, realisation, capaian."""
    return [
        nilai_indikator(i, i.ukur.target),
        nilai_indikator(i, i.ukur.realisasi),
        sel(i.ukur.capaian, PERSEN),
    ]


KEPALA_CAPAIAN = ["Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"]


def _capaian(i: IndikatorTerukur, dengan_predikat: bool) -> list[Sel]:
    """A row under `KEPALA_CAPAIAN`, with the rating when the agency has rating bands."""
    return [
        sel(i.nama),
        sel(i.indikator.satuan),
        *_terukur(i),
        *([sel(i.ukur.predikat)] if dengan_predikat else []),
    ]


def capaian_iku(data: DataLaporan) -> list:
    """Target, realisation, capaian and rating of every IKU (ikhtisar, Bab III/IV)."""
    dengan_predikat = bool(data.pita)

    kepala = ["Sasaran", *KEPALA_CAPAIAN]
    baris = _per_sasaran(data, lambda i: _capaian(i, dengan_predikat))
    return [
        Tabel(
            f"Capaian Indikator Kinerja Utama Tahun {data.tahun}",
            _kolom(*kepala, *(["Predikat"] if dengan_predikat else [])),
            baris,
            kunci="capaian-iku",
        )
    ]


def iku(data: DataLaporan) -> list:
    """The IKU with their formula, target and data source."""

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            sel(i.indikator.formulasi or "–"),
            nilai_indikator(i, i.ukur.target),
            sel(i.indikator.satuan),
            sel(i.indikator.sumber_data or "–"),
        ]

    baris = _per_sasaran(data, isi)
    return [
        Tabel(
            f"Indikator Kinerja Utama Tahun {data.tahun}",
            _kolom("Sasaran Strategis", "Indikator Kinerja", "Formulasi", "Target", "Satuan", "Sumber Data"),
            baris,
            kunci="iku",
        )
    ]


def target_renstra(data: DataLaporan) -> list:
    """Renstra targets of the sasaran indicators for every year of the period."""
    # The years of the period that have a target (a document may give only the first).
    ada = {t for s in data.sasaran for i in s.indikator for t in i.target_renstra}
    tahun = [t for t in data.renstra.tahun if t in ada]

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            sel(i.indikator.satuan),
            *(nilai_indikator(i, i.target_renstra.get(t)) for t in tahun),
        ]

    baris = _per_sasaran(data, isi)
    if not tahun:
        return []
    return [
        Tabel(
            f"Target Kinerja Sasaran Renstra {data.renstra.tahun_awal}–{data.renstra.tahun_akhir}",
            _kolom("Sasaran", "Indikator Sasaran", "Satuan", *map(str, tahun)),
            baris,
            kunci="target-renstra",
        )
    ]


def cascading(data: DataLaporan) -> list:
    """Program, kegiatan and sub kegiatan with their indicators and this year's targets."""
    baris = []
    for program in data.program:
        for tingkat, node, tebal in _turunan(program):
            indikator = data.indikator_dari(tingkat, node.objek) or [None]
            for n, i in enumerate(indikator):
                depan = [Sel(node.objek.nama, rowspan=len(indikator), tebal=tebal)] if n == 0 else []
                if i is None:
                    baris.append([*depan, sel("–"), sel(""), sel("")])
                else:
                    baris.append(
                        [*depan, sel(i.nama), nilai_indikator(i, i.ukur.target), sel(i.indikator.satuan)]
                    )
    return [
        Tabel(
            f"Program, Kegiatan dan Sub Kegiatan Tahun {data.tahun}",
            _kolom("Program / Kegiatan / Sub Kegiatan", "Indikator Kinerja", "Target", "Satuan"),
            baris,
            kunci="cascading",
        )
    ]


def _turunan(program):
    yield "program", program, True
    for kegiatan in program.anak:
        yield "kegiatan", kegiatan, False
        for sub in kegiatan.anak:
            yield "sub_kegiatan", sub, False


def capaian_program(data: DataLaporan) -> list:
    """Target, realisation and capaian of every program, kegiatan and sub kegiatan indicator."""
    baris = []
    for program in data.program:
        for tingkat, node, tebal in _turunan(program):
            indikator = data.indikator_dari(tingkat, node.objek)
            for n, i in enumerate(indikator):
                depan = [Sel(node.objek.nama, rowspan=len(indikator), tebal=tebal)] if n == 0 else []
                baris.append([*depan, *_capaian(i, dengan_predikat=False)])
    return [
        Tabel(
            f"Capaian Kinerja Program, Kegiatan dan Sub Kegiatan Tahun {data.tahun}",
            _kolom("Program / Kegiatan / Sub Kegiatan", *KEPALA_CAPAIAN),
            baris,
            kunci="capaian-program",
        )
    ]


def perjanjian_kinerja(data: DataLaporan) -> list:
    """The agreement's targets, murni and perubahan side by side, with what changed."""
    if not data.perjanjian:
        return []

    def isi(i: IndikatorTerukur):
        murni = i.target_per_sumber.get("pk_murni")
        ubah = i.target_per_sumber.get("pk_perubahan")
        berubah = "berubah" if murni is not None and ubah is not None and murni != ubah else ""
        return [
            sel(i.nama),
            sel(i.indikator.satuan),
            nilai_indikator(i, murni),
            nilai_indikator(i, ubah),
            sel(berubah),
        ]

    baris = _per_sasaran(data, isi)
    return [
        Tabel(
            f"Perjanjian Kinerja Tahun {data.tahun}",
            _kolom(
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Satuan",
                "Target PK",
                "Target PK Perubahan",
                "Keterangan",
            ),
            baris,
            kunci="perjanjian-kinerja",
        )
    ]


def triwulan(data: DataLaporan) -> list:
    """Quarterly targets, realisations and capaian of the IKU."""
    baris = []
    for s in data.sasaran:
        for i in s.indikator:
            for n, (tw, target, real, capaian) in enumerate(i.triwulan):
                depan = (
                    [
                        Sel(s.sasaran.uraian, rowspan=len(i.triwulan)),
                        Sel(i.nama, rowspan=len(i.triwulan)),
                        Sel(i.indikator.satuan, rowspan=len(i.triwulan)),
                        nilai_indikator(i, i.ukur.target, rowspan=len(i.triwulan)),
                    ]
                    if n == 0
                    else []
                )
                baris.append(
                    [
                        *depan,
                        sel(romawi(tw)),
                        nilai_indikator(i, target),
                        nilai_indikator(i, real),
                        sel(capaian, PERSEN),
                    ]
                )
    if not baris:
        return []
    return [
        Tabel(
            f"Capaian Kinerja Triwulan Tahun {data.tahun}",
            _kolom(
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Satuan",
                "Target Tahunan",
                "TW",
                "Target",
                "Realisasi",
                "Capaian",
            ),
            baris,
            kunci="triwulan",
        )
    ]


def perbandingan_tahun(data: DataLaporan) -> list:
    """Realisations of earlier years beside this year's, and this year against the last."""
    tahun_lalu = [t for t in data.tahun_realisasi if t < data.tahun][-3:]
    if not tahun_lalu:
        return []

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            *(nilai_indikator(i, i.realisasi_per_tahun.get(t)) for t in tahun_lalu),
            *_terukur(i),
            sel(i.banding_tahun_lalu, PERSEN),
        ]

    baris = _per_sasaran(data, isi)
    return [
        Tabel(
            f"Capaian Indikator Sasaran Tahun {data.tahun} Dibandingkan Tahun Sebelumnya",
            [
                [
                    Sel("Sasaran", rowspan=2, tebal=True),
                    Sel("Indikator Sasaran", rowspan=2, tebal=True),
                    Sel("Realisasi Tahun", colspan=len(tahun_lalu), tebal=True),
                    Sel(f"Tahun {data.tahun}", colspan=3, tebal=True),
                    Sel(f"Realisasi {data.tahun} terhadap {data.tahun - 1}", rowspan=2, tebal=True),
                ],
                teks_sel(*map(str, tahun_lalu), "Target", "Realisasi", "Capaian", tebal=True),
            ],
            baris,
            kunci="perbandingan-tahun",
        )
    ]


def target_akhir(data: DataLaporan) -> list:
    """This year's realisation against the Renstra's final-year target."""

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            *_terukur(i),
            nilai_indikator(i, i.target_akhir),
            sel(i.banding_target_akhir, PERSEN),
        ]

    if not any(i.target_akhir is not None for s in data.sasaran for i in s.indikator):
        return []
    baris = _per_sasaran(data, isi)
    akhir = data.renstra.tahun_akhir
    return [
        Tabel(
            "Perbandingan Capaian Tahun Ini dengan Target Akhir Renstra",
            _kolom(
                "Sasaran",
                "Indikator Kinerja",
                "Target",
                "Realisasi",
                "Capaian",
                f"Target Akhir Renstra ({akhir})",
                f"Realisasi terhadap Target {akhir}",
            ),
            baris,
            kunci="target-akhir",
        )
    ]


def pembanding(data: DataLaporan) -> list:
    """This year's realisations beside the province's and the nation's."""
    terbanding = [i for i in data.semua_indikator() if i.pembanding]
    if not terbanding:
        return []
    baris = [
        [
            sel(i.nama),
            nilai_indikator(i, i.ukur.realisasi),
            nilai_indikator(i, i.pembanding.get("provinsi")),
            nilai_indikator(i, i.pembanding.get("nasional")),
            sel(i.indikator.satuan),
        ]
        for i in terbanding
    ]
    return [
        Tabel(
            f"Perbandingan Realisasi Kinerja Tahun {data.tahun} dengan Provinsi dan Nasional",
            _kolom(
                "Indikator Kinerja",
                f"Realisasi {data.instansi.pemda.nama}",
                "Realisasi Provinsi",
                "Realisasi Nasional",
                "Satuan",
            ),
            baris,
            kunci="pembanding",
        )
    ]


def analisis_sasaran(data: DataLaporan) -> list:
    """Per sasaran: its capaian table, then why it was or was not achieved."""
    isi = []
    for n, s in enumerate(data.sasaran, start=1):
        if not s.indikator and not s.analisis:
            continue
        isi.append(Teks(f"Sasaran {n}: {s.sasaran.uraian}", ""))
        if s.indikator:
            isi.append(
                Tabel(
                    f"Capaian Kinerja Sasaran {n} Tahun {data.tahun}",
                    _kolom(
                        *KEPALA_CAPAIAN,
                        *(["Predikat"] if data.pita else []),
                    ),
                    [_capaian(i, bool(data.pita)) for i in s.indikator],
                    kunci=f"capaian-sasaran-{n}",
                )
            )
        if s.analisis:
            for judul, teks in [
                ("", s.analisis.uraian),
                ("Faktor pendukung", s.analisis.faktor_pendukung),
                ("Faktor penghambat", s.analisis.faktor_penghambat),
                ("Solusi", s.analisis.solusi),
            ]:
                if teks:
                    isi.append(Teks(judul, teks))
    return isi


def komponen_realisasi(data: DataLaporan) -> list:
    """The evidence behind ratio and growth realisations: the counts they are computed from."""
    baris = []
    for i in data.semua_indikator():
        dari_komponen = [
            r
            for r in i.indikator.realisasi.all()
            if r.triwulan is None and r.dari_komponen and r.tahun <= data.tahun
        ]
        for n, r in enumerate(dari_komponen):
            depan = [Sel(i.nama, rowspan=len(dari_komponen))] if n == 0 else []
            baris.append(
                [
                    *depan,
                    sel(str(r.tahun)),
                    sel(i.indikator.label_komponen_a or "A"),
                    sel(r.komponen_a, NILAI),
                    sel(i.indikator.label_komponen_b or "B"),
                    sel(r.komponen_b, NILAI),
                    nilai_indikator(i, r.nilai_efektif()),
                ]
            )
    if not baris:
        return []
    return [
        Tabel(
            "Komponen Perhitungan Realisasi",
            _kolom(
                "Indikator Kinerja", "Tahun", "Komponen A", "Nilai A", "Komponen B", "Nilai B", "Realisasi"
            ),
            baris,
            kunci="komponen-realisasi",
        )
    ]


def pengukuran_kinerja(data: DataLaporan) -> list:
    """Lampiran: the pengukuran kinerja form (sasaran, indicator, target, realisation, capaian)."""

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            *_terukur(i),
        ]

    baris = _per_sasaran(data, isi)
    return [
        Tabel(
            f"Pengukuran Kinerja Tahun {data.tahun}",
            _kolom("Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"),
            baris,
            kunci="pengukuran-kinerja",
        )
    ]
