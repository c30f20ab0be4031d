"""Report tables about performance: plan, agreement, targets, measurement, comparisons.

Each builder takes the gathered `DataLaporan` and returns the pieces of one block;
nothing here queries the database or formats a number. Every table says where its data
comes from (`Tabel.sumber`), as the documents do under theirs: the `sumber_*` helpers
name the agency's own documents, which the other `tabel_*` modules use too.
"""

from dataclasses import replace
from decimal import Decimal

from instansi.pengaturan import MetodeEfisiensi
from inti.periode import romawi
from sakip.lkjip.data import DataLaporan, IndikatorTerukur
from sakip.lkjip.isi import NILAI, PERSEN, RASIO, Sel, Tabel, Teks, nilai_indikator, sel, teks_sel


def _nama_singkat(data: DataLaporan) -> str:
    return data.instansi.singkatan or data.instansi.nama


def _periode(data: DataLaporan) -> str:
    return f"{data.renstra.tahun_awal}–{data.renstra.tahun_akhir}"


def sumber_renstra(data: DataLaporan) -> str:
    """«Renstra Dinas Koperindag 2023–2026»."""
    return f"Renstra {_nama_singkat(data)} {_periode(data)}"


def sumber_perjanjian(data: DataLaporan) -> str:
    return f"Perjanjian Kinerja {_nama_singkat(data)} Tahun {data.tahun}"


def sumber_pengukuran(data: DataLaporan, indikator=()) -> str:
    """The indicators' own data sources, then the agency's measurement the capaian come from."""
    asal = dict.fromkeys(i.indikator.sumber_data for i in indikator if i.indikator.sumber_data)
    return "; ".join([*asal, f"Pengukuran Kinerja {_nama_singkat(data)} Tahun {data.tahun}, data diolah"])


def sumber_anggaran(data: DataLaporan, realisasi: bool = False) -> str:
    dokumen = "DPA dan Laporan Realisasi Anggaran" if realisasi else "DPA"
    return f"{dokumen} {_nama_singkat(data)} Tahun {data.tahun}, data diolah"


def sumber_instansi(data: DataLaporan, apa: str) -> str:
    """The agency's own records of `apa` («Data Kepegawaian»), as of the report year."""
    return f"{apa} {_nama_singkat(data)} Tahun {data.tahun}"


def gabung_sel(baris: list[list[tuple[object, Sel]]]) -> list[list[Sel]]:
    """Rows of (key, cell) to rows of cells, merging down: a cell whose key, together with
    the keys left of it, repeats the row above's is folded into that cell (its rowspan)."""
    hasil: list[list[Sel]] = [[] for _ in baris]
    lebar = max((len(b) for b in baris), default=0)
    for k in range(lebar):
        awal, kunci_awal, rentang = None, None, 0
        for n, b in enumerate([*baris, None]):
            kunci = None if b is None else tuple(x[0] for x in b[: k + 1])
            if awal is not None and kunci == kunci_awal:
                rentang += 1
                continue
            if awal is not None:
                hasil[awal].append(replace(baris[awal][k][1], rowspan=rentang))
            awal, kunci_awal, rentang = n, kunci, 1
    return hasil


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
            sumber=sumber_pengukuran(data, data.semua_indikator()),
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
            sumber=sumber_renstra(data),
            kunci="iku",
        )
    ]


def _per_tujuan(data: DataLaporan, isi_indikator) -> list[list[Sel]]:
    """A row per sasaran indicator under its tujuan and sasaran, both spanning their rows."""
    baris = [
        [
            (s.sasaran.tujuan_id, sel(s.sasaran.tujuan.uraian if s.sasaran.tujuan else None)),
            (s.sasaran.pk, Sel(s.sasaran.uraian)),
            *((i.indikator.pk, c) for c in isi_indikator(i)),
        ]
        for s in data.sasaran
        for i in s.indikator
    ]
    return gabung_sel(baris)


def target_renstra(data: DataLaporan) -> list:
    """Renstra targets of the sasaran indicators for every year of the period, under their
    tujuan and sasaran: the Renstra's matrix (Bab II and its lampiran)."""
    # The years of the period that have a target (a document may give only the first).
    ada = {t for s in data.sasaran for i in s.indikator for t in i.target_renstra}
    tahun = [t for t in data.renstra.tahun if t in ada]
    if not tahun:
        return []

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            sel(i.indikator.satuan),
            *(nilai_indikator(i, i.target_renstra.get(t)) for t in tahun),
        ]

    return [
        Tabel(
            f"Tujuan, Sasaran dan Target Kinerja Renstra {_periode(data)}",
            [
                [
                    *(
                        Sel(j, rowspan=2, tebal=True)
                        for j in ("Tujuan", "Sasaran", "Indikator Sasaran", "Satuan")
                    ),
                    Sel("Target Kinerja Sasaran", colspan=len(tahun), tebal=True),
                ],
                teks_sel(*map(str, tahun), tebal=True),
            ],
            _per_tujuan(data, isi),
            sumber=sumber_renstra(data),
            kunci="target-renstra",
            # The year columns hold short figures: the table fits a portrait page, and a
            # landscape page would hold it alone (the Renstra lampiran).
            lebar=False,
        )
    ]


def matriks_tujuan(data: DataLaporan) -> list:
    """The tujuan–sasaran–indicator matrix of the Renstra (Bandar Lampung's Tabel 2.1)."""
    if not any(s.indikator for s in data.sasaran):
        return []
    return [
        Tabel(
            "Matriks Keterkaitan antara Tujuan dan Sasaran",
            _kolom("Tujuan", "Sasaran", "Indikator Sasaran"),
            _per_tujuan(data, lambda i: [sel(i.nama)]),
            sumber=sumber_renstra(data),
            kunci="matriks-tujuan",
        )
    ]


def _tabel_iku(data: DataLaporan, judul: str, kunci: str, kolom: dict) -> list:
    """The IKU under their sasaran with the columns `kolom` ({title: cell of an indicator})."""
    baris = _per_sasaran(data, lambda i: [sel(i.nama), *(isi(i) for isi in kolom.values())])
    if not baris:
        return []
    return [
        Tabel(
            judul,
            _kolom("Sasaran Strategis", "Indikator Kinerja Utama", *kolom),
            baris,
            sumber=sumber_renstra(data),
            kunci=kunci,
        )
    ]


def _teks_atau_strip(nilai: str) -> Sel:
    """A text the source may not give: a dash when it is empty."""
    return sel(nilai or None)


def iku_formulasi(data: DataLaporan) -> list:
    """The IKU and how each is computed (Bandar Lampung's Tabel 1.8, under cascading)."""
    return _tabel_iku(
        data,
        "Indikator Kinerja Utama dan Formulasi Perhitungannya",
        "iku-formulasi",
        {"Formulasi Perhitungan": lambda i: _teks_atau_strip(i.indikator.formulasi)},
    )


def iku_penanggung_jawab(data: DataLaporan) -> list:
    """Lampiran: the IKU as the agency set them, with data source and who answers for each."""
    return _tabel_iku(
        data,
        f"Indikator Kinerja Utama {_periode(data)}",
        "iku-penanggung-jawab",
        {
            "Formulasi Perhitungan": lambda i: _teks_atau_strip(i.indikator.formulasi),
            "Sumber Data": lambda i: _teks_atau_strip(i.indikator.sumber_data),
            "Penanggung Jawab": lambda i: _teks_atau_strip(i.indikator.penanggung_jawab),
        },
    )


def indikator_kinerja(data: DataLaporan) -> list:
    """Each sasaran, and the sasaran its programs and kegiatan state for themselves, with
    their indicators, formulation and this year's Renstra target (Lampung Barat's second
    Tabel 2.3). Only where programs or kegiatan state a sasaran of their own."""
    baris = []

    def tambah(nomor: str, uraian: str, indikator: list[IndikatorTerukur], tebal: bool = False):
        kunci = (nomor, uraian, len(baris))
        for i in indikator or [None]:
            baris.append(
                [
                    (kunci, Sel(nomor, tebal=tebal)),
                    (kunci, Sel(uraian, tebal=tebal)),
                    *(
                        ((None, sel(None)) for _ in range(4))
                        if i is None
                        else (
                            (i.indikator.pk, sel(i.nama)),
                            (i.indikator.pk, _teks_atau_strip(i.indikator.formulasi)),
                            (i.indikator.pk, nilai_indikator(i, i.target_renstra.get(data.tahun))),
                            (i.indikator.pk, sel(i.indikator.satuan)),
                        )
                    ),
                ]
            )

    ada_sasaran_sendiri = False
    for n, s in enumerate(data.sasaran):
        tambah(chr(ord("A") + n), s.sasaran.uraian, s.indikator, tebal=True)
        for m, program in enumerate((p for p in s.program if p.objek.uraian_sasaran), start=1):
            ada_sasaran_sendiri = True
            tambah(str(m), program.objek.uraian_sasaran, data.indikator_dari("program", program.objek))
            kegiatan = [k for k in program.anak if k.objek.uraian_sasaran]
            for k, node in enumerate(kegiatan):
                tambah(
                    f"{chr(ord('a') + k)}.",
                    node.objek.uraian_sasaran,
                    data.indikator_dari("kegiatan", node.objek),
                )
    if not ada_sasaran_sendiri:
        return []
    return [
        Tabel(
            f"Indikator Kinerja Sasaran, Program dan Kegiatan Tahun {data.tahun}",
            _kolom("No", "Sasaran Kinerja", "Indikator Kinerja", "Formulasi", "Target", "Satuan"),
            gabung_sel(baris),
            sumber=sumber_renstra(data),
            kunci="indikator-kinerja",
        )
    ]


def program_sasaran(data: DataLaporan) -> list:
    """The programs, kegiatan and sub kegiatan that serve each sasaran, under its tujuan
    (Bandar Lampung's Tabel 2.3): one row per sub kegiatan, the levels above spanning them."""
    baris = []
    for s in data.sasaran:
        if not s.program:
            continue
        depan = [
            (s.sasaran.tujuan_id, sel(s.sasaran.tujuan.uraian if s.sasaran.tujuan else None)),
            (s.sasaran.pk, Sel(s.sasaran.uraian)),
            (s.sasaran.pk, sel("; ".join(i.nama for i in s.indikator) or None)),
            (s.sasaran.pk, sel("; ".join(dict.fromkeys(i.indikator.satuan for i in s.indikator)) or None)),
        ]
        for program in s.program:
            for kegiatan in program.anak or [None]:
                for sub in (kegiatan.anak if kegiatan else None) or [None]:
                    baris.append(
                        [
                            *depan,
                            (program.objek.pk, Sel(program.objek.nama)),
                            (kegiatan and kegiatan.objek.pk, sel(kegiatan and kegiatan.objek.nama)),
                            (sub and sub.objek.pk, sel(sub and sub.objek.nama)),
                        ]
                    )
    if not baris:
        return []
    return [
        Tabel(
            "Program dan Kegiatan untuk Mencapai Tujuan dan Sasaran",
            _kolom("Tujuan", "Sasaran", "Indikator Sasaran", "Satuan", "Program", "Kegiatan", "Sub Kegiatan"),
            gabung_sel(baris),
            sumber=sumber_renstra(data),
            kunci="program-sasaran",
            lebar=True,
        )
    ]


def cascading_renstra(data: DataLaporan) -> list:
    """The whole cascade as a table: tujuan, sasaran, program, kegiatan, sub kegiatan, each
    with its indicators and this year's target (Bandar Lampung's Lampiran 6; its diagram is
    drawn from the same data elsewhere)."""
    baris = []

    def tambah(tingkat_label: str, uraian: str, indikator: list[IndikatorTerukur], tebal: bool):
        kunci = len(baris)
        for i in indikator or [None]:
            baris.append(
                [
                    (kunci, Sel(tingkat_label, tebal=tebal)),
                    (kunci, Sel(uraian, tebal=tebal)),
                    *(
                        ((None, sel(None)) for _ in range(3))
                        if i is None
                        else (
                            (i.indikator.pk, sel(i.nama)),
                            (i.indikator.pk, nilai_indikator(i, i.ukur.target)),
                            (i.indikator.pk, sel(i.indikator.satuan)),
                        )
                    ),
                ]
            )

    tujuan_tampil = set()
    for s in data.sasaran:
        tujuan = s.sasaran.tujuan
        if tujuan is not None and tujuan.pk not in tujuan_tampil:
            tujuan_tampil.add(tujuan.pk)
            tambah("Tujuan", tujuan.uraian, data.indikator_dari("tujuan", tujuan), True)
        tambah("Sasaran", s.sasaran.uraian, s.indikator, True)
        for program in s.program:
            for tingkat, node, tebal in _turunan(program):
                tambah(
                    LABEL_TINGKAT[tingkat], node.objek.nama, data.indikator_dari(tingkat, node.objek), tebal
                )
    if not data.program:
        return []
    return [
        Tabel(
            f"Cascading Kinerja Renstra {_periode(data)}",
            _kolom("Tingkat", "Uraian", "Indikator Kinerja", f"Target {data.tahun}", "Satuan"),
            gabung_sel(baris),
            sumber=sumber_renstra(data),
            kunci="cascading-renstra",
        )
    ]


LABEL_TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}


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
            sumber=sumber_renstra(data),
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
            sumber=sumber_pengukuran(data),
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
            sumber=sumber_perjanjian(data),
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
            sumber=sumber_pengukuran(data, data.semua_indikator()),
            kunci="triwulan",
        )
    ]


# How many earlier years a comparison with the years before shows: both documents show two
# (Lampung Barat's Tabel 4.2 and 4.4, Bandar Lampung's Tabel 3.5 and 3.10).
TAHUN_BANDING = 2


def perbandingan_tahun(data: DataLaporan) -> list:
    """Realisations of earlier years beside this year's, and this year against the last."""
    tahun_lalu = [t for t in data.tahun_realisasi if t < data.tahun][-TAHUN_BANDING:]
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
            sumber=sumber_pengukuran(data, data.semua_indikator()),
            kunci="perbandingan-tahun",
        )
    ]


def _banding_akhir(i: IndikatorTerukur) -> Sel:
    """Realisation against the end target; a dash where the Renstra states no end target."""
    return sel(None if i.target_akhir is None else i.banding_target_akhir, PERSEN)


def target_akhir(data: DataLaporan) -> list:
    """This year's realisation against the Renstra's final-year target."""

    def isi(i: IndikatorTerukur):
        return [
            sel(i.nama),
            *_terukur(i),
            nilai_indikator(i, i.target_akhir),
            _banding_akhir(i),
        ]

    # Shown even where the source gives no end-of-period target: the comparison is a part
    # of every LKjIP, and a missing target reads as «–», not as a missing table.
    baris = _per_sasaran(data, isi)
    if not baris:
        return []
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
            sumber=f"{sumber_renstra(data)}; {sumber_pengukuran(data)}",
            kunci="target-akhir",
        )
    ]


def _sumber_pembanding(data: DataLaporan, terbanding: list[IndikatorTerukur]) -> str:
    """Where the province's and nation's figures were taken from, as the planner recorded it."""
    asal = dict.fromkeys(
        p.sumber
        for i in terbanding
        for p in i.indikator.daftar_pembanding  # the report's year's
        if p.sumber
    )
    return "; ".join([*asal, sumber_pengukuran(data)])


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
            sumber=_sumber_pembanding(data, terbanding),
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
                    sumber=sumber_pengukuran(data, s.indikator),
                    kunci=f"capaian-sasaran-{n}",
                )
            )
            isi.extend(_banding_sasaran(data, n, s.indikator))
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


def _banding_sasaran(data: DataLaporan, n: int, indikator: list[IndikatorTerukur]) -> list[Tabel]:
    """A sasaran's realisations of the years before beside this year's (Lampung Barat's
    Tabel 4.2 and 4.4, Bandar Lampung's per-sasaran tables and Tabel 3.10), and this year
    against the Renstra's end target where the Renstra gives one."""
    hasil = []
    sebelum = sorted({t for i in indikator for t in i.realisasi_per_tahun if t < data.tahun})
    tahun = sebelum[-TAHUN_BANDING:]
    if tahun:
        hasil.append(
            Tabel(
                f"Realisasi Sasaran {n} Tahun {tahun[0]}–{data.tahun}",
                [
                    [
                        Sel("Indikator Kinerja", rowspan=2, tebal=True),
                        Sel("Realisasi", colspan=len(tahun), tebal=True),
                        Sel(f"Tahun {data.tahun}", colspan=3, tebal=True),
                        Sel(f"Realisasi {data.tahun} terhadap {data.tahun - 1}", rowspan=2, tebal=True),
                    ],
                    teks_sel(*map(str, tahun), "Target", "Realisasi", "Capaian", tebal=True),
                ],
                [
                    [
                        sel(i.nama),
                        *(nilai_indikator(i, i.realisasi_per_tahun.get(t)) for t in tahun),
                        *_terukur(i),
                        sel(i.banding_tahun_lalu, PERSEN),
                    ]
                    for i in indikator
                ],
                sumber=sumber_pengukuran(data, indikator),
                kunci=f"banding-sasaran-{n}",
            )
        )
    if any(i.target_akhir is not None for i in indikator):
        akhir = data.renstra.tahun_akhir
        hasil.append(
            Tabel(
                f"Capaian Sasaran {n} terhadap Target Akhir Periode Renstra ({akhir})",
                _kolom(
                    "Indikator Kinerja",
                    "Target",
                    "Realisasi",
                    "Capaian",
                    f"Target {akhir}",
                    f"Realisasi terhadap Target {akhir}",
                ),
                [
                    [
                        sel(i.nama),
                        *_terukur(i),
                        nilai_indikator(i, i.target_akhir),
                        _banding_akhir(i),
                    ]
                    for i in indikator
                ],
                sumber=f"{sumber_renstra(data)}; {sumber_pengukuran(data)}",
                kunci=f"akhir-sasaran-{n}",
            )
        )
    return hasil


def skala_predikat(data: DataLaporan) -> list:
    """The scales a reader needs to read the ratings: the agency's capaian bands, highest
    first, and the efficiency categories of its method (Bandar Lampung's ordinal scale in
    Bab III, Lampung Barat's «< 1 tidak efisien, ≥ 1 efisien» under Tabel 4.8)."""
    baris = [
        [sel("Capaian kinerja"), sel(p.batas_bawah, PERSEN), sel(p.batas_atas, PERSEN), sel(p.label)]
        for p in sorted(data.pita, key=lambda p: (p.batas_bawah is not None, p.batas_bawah), reverse=True)
    ]
    if data.pengaturan.metode_efisiensi == MetodeEfisiensi.SELISIH:
        ambang, jenis = Decimal(0), PERSEN
    else:
        ambang, jenis = Decimal(1), RASIO
    baris += [
        [sel("Tingkat efisiensi"), sel(ambang, jenis), sel(None), sel("Efisien")],
        [sel("Tingkat efisiensi"), sel(None), sel(ambang, jenis), sel("Tidak efisien")],
    ]
    return [
        Tabel(
            "Skala Predikat Capaian Kinerja dan Kategori Efisiensi",
            _kolom("Ukuran", "Paling Rendah (≥)", "Kurang dari (<)", "Predikat / Kategori"),
            baris,
            sumber=f"Pengaturan laporan {_nama_singkat(data)}: skala nilai dan metode efisiensi",
            kunci="skala-predikat",
        )
    ]


def komponen_realisasi(data: DataLaporan) -> list:
    """The evidence behind ratio and growth realisations: the counts they are computed from."""
    baris = []
    for i in data.semua_indikator():
        dari_komponen = [
            r
            for r in i.indikator.daftar_realisasi
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
            sumber=sumber_pengukuran(data, data.semua_indikator()),
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
            sumber=sumber_pengukuran(data),
            kunci="pengukuran-kinerja",
        )
    ]
