"""Report tables about money: budget stages, jenis belanja, realisation, efficiency.

Every figure comes from the budget tree (`anggaran.ringkasan`), rolled up from the most
detailed level; totals are sums of the rows shown, computed, never typed. Each table names
the budget documents it comes from (`tabel_kinerja.sumber_*`).
"""

from decimal import Decimal

from anggaran import hitung
from anggaran.hitung import Tahap
from anggaran.models import BelanjaJenis
from anggaran.ringkasan import NodeAnggaran, jumlah, tahap_terisi
from inti.periode import romawi
from kinerja.hitung import rata_rata
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.isi import PERSEN, RASIO, RUPIAH, Sel, Tabel, nilai_indikator, sel, teks_sel
from sakip.lkjip.tabel_kinerja import sumber_anggaran, sumber_instansi, sumber_pengukuran, sumber_perjanjian


def _kelompok_sasaran(data: DataLaporan) -> list[tuple[str, list[NodeAnggaran]]]:
    """Programs grouped under their sasaran, in the Renstra's order; unlinked ones last."""
    kelompok = [(s.sasaran.uraian, s.program) for s in data.sasaran if s.program]
    tanpa = [p for p in data.program if p.objek.sasaran_id is None]
    if tanpa:
        kelompok.append(("Program penunjang", tanpa))
    return kelompok


def kerangka_pendanaan(data: DataLaporan) -> list:
    """Budget per program and kegiatan at every stage of the year."""
    tahap = tahap_terisi(data.program)
    if not tahap:
        return []
    baris = []
    for n, (sasaran, program) in enumerate(_kelompok_sasaran(data)):
        baris.append(
            [
                Sel(chr(ord("A") + n), tebal=True),
                Sel(f"Sasaran: {sasaran}", colspan=len(tahap) + 1, tebal=True),
            ]
        )
        for m, node in enumerate(program, start=1):
            baris.append(
                [
                    Sel(romawi(m), tebal=True),
                    Sel(node.objek.nama, tebal=True),
                    *(sel(node.pagu(t), RUPIAH, tebal=True) for t in tahap),
                ]
            )
            for k, kegiatan in enumerate(node.anak, start=1):
                baris.append(
                    [sel(str(k)), sel(kegiatan.objek.nama), *(sel(kegiatan.pagu(t), RUPIAH) for t in tahap)]
                )
    total = [
        Sel("", tebal=True),
        Sel("TOTAL", tebal=True),
        *(sel(jumlah(data.program, lambda p, t=t: p.pagu(t)), RUPIAH, tebal=True) for t in tahap),
    ]
    return [
        Tabel(
            f"Kerangka Pendanaan Tahun {data.tahun}",
            [teks_sel("No", "Sasaran / Program / Kegiatan", *(Tahap(t).label for t in tahap), tebal=True)],
            baris,
            [total],
            sumber=sumber_instansi(data, "Renja, RKA dan DPA") + ", data diolah",
            kunci="kerangka-pendanaan",
            lebar=True,
        )
    ]


def anggaran_program(data: DataLaporan) -> list:
    """Each program's budget in force, with the total."""
    baris = [
        [sel(f"{n}. {p.objek.nama}"), sel(p.pagu_akhir(), RUPIAH)]
        for n, p in enumerate(data.program, start=1)
    ]
    if not baris:
        return []
    return [
        Tabel(
            f"Program dan Anggaran Tahun {data.tahun}",
            [teks_sel("Program", "Anggaran (Rp)", tebal=True)],
            baris,
            [
                [
                    Sel("Jumlah", tebal=True),
                    sel(jumlah(data.program, NodeAnggaran.pagu_akhir), RUPIAH, tebal=True),
                ]
            ],
            sumber=sumber_anggaran(data),
            kunci="anggaran-program",
        )
    ]


def anggaran_perjanjian(data: DataLaporan) -> list:
    """The program budgets of the agreement: DPA pengesahan (murni) and DPA perubahan."""
    if not data.perjanjian:
        return []
    kolom = [t for t in tahap_terisi(data.program) if t in (Tahap.DPA_PENGESAHAN, Tahap.DPA_PERUBAHAN)]
    if not kolom:
        return []
    baris = [
        [sel(f"{n}. {p.objek.nama}"), *(sel(p.pagu(t), RUPIAH) for t in kolom)]
        for n, p in enumerate(data.program, start=1)
    ]
    total = [
        Sel("Jumlah Anggaran", tebal=True),
        *(sel(jumlah(data.program, lambda p, t=t: p.pagu(t)), RUPIAH, tebal=True) for t in kolom),
    ]
    return [
        Tabel(
            f"Anggaran Program dalam Perjanjian Kinerja Tahun {data.tahun}",
            [teks_sel("Program", *(f"{Tahap(t).label} (Rp)" for t in kolom), tebal=True)],
            baris,
            [total],
            sumber=f"{sumber_perjanjian(data)}; {sumber_anggaran(data)}",
            kunci="anggaran-perjanjian",
        )
    ]


URUTAN_JENIS = list(BelanjaJenis.Jenis)


def belanja_jenis(data: DataLaporan) -> list:
    """Budget by jenis belanja, original and revised, with the reason for the change."""
    if not data.belanja:
        return []
    baris = [
        [
            sel(str(n)),
            sel(b.get_jenis_display()),
            sel(b.murni, RUPIAH),
            sel(b.perubahan, RUPIAH),
            sel(b.alasan_perubahan or "–"),
        ]
        for n, b in enumerate(sorted(data.belanja, key=lambda b: URUTAN_JENIS.index(b.jenis)), start=1)
    ]
    total = [
        Sel("", tebal=True),
        Sel("TOTAL", tebal=True),
        sel(sum((b.murni for b in data.belanja), Decimal(0)), RUPIAH, tebal=True),
        sel(hitung.gulung(None, (b.perubahan for b in data.belanja)), RUPIAH, tebal=True),
        Sel(""),
    ]
    return [
        Tabel(
            f"Struktur Dokumen Anggaran Tahun {data.tahun}",
            [
                teks_sel(
                    "No",
                    "Uraian",
                    f"DPA Murni {data.tahun} (Rp)",
                    f"DPA Perubahan {data.tahun} (Rp)",
                    "Alasan Perubahan",
                    tebal=True,
                )
            ],
            baris,
            [total],
            sumber=sumber_instansi(data, "Dokumen Anggaran"),
            kunci="belanja-jenis",
        )
    ]


def realisasi_anggaran(data: DataLaporan) -> list:
    """Budget, spending, absorption and remainder per program, kegiatan and sub kegiatan."""
    if not any(p.realisasi() is not None for p in data.program):
        return []

    def baris_node(label, node):
        # Levels that group others are bold, as in the documents; a node nothing was
        # reported spent on shows dashes rather than «not measured».
        tebal = bool(node.anak)
        dibelanjakan = node.realisasi() is not None
        return [
            Sel(label, tebal=tebal),
            Sel(node.objek.nama, tebal=tebal),
            sel(node.pagu_akhir(), RUPIAH, tebal=tebal),
            sel(node.realisasi(), RUPIAH, tebal=tebal),
            sel(node.penyerapan() if dibelanjakan else None, PERSEN, tebal=tebal),
            sel(node.sisa(), RUPIAH, tebal=tebal),
        ]

    baris, nomor = [], 0
    for m, program in enumerate(data.program, start=1):
        baris.append(baris_node(romawi(m), program))
        for kegiatan in program.anak:
            baris.append(baris_node("", kegiatan))
            for sub in kegiatan.anak:
                nomor += 1
                baris.append(baris_node(str(nomor), sub))
    pagu = jumlah(data.program, NodeAnggaran.pagu_akhir)
    realisasi = jumlah(data.program, NodeAnggaran.realisasi)
    total = [
        Sel("", tebal=True),
        Sel("JUMLAH", tebal=True),
        sel(pagu, RUPIAH, tebal=True),
        sel(realisasi, RUPIAH, tebal=True),
        sel(hitung.penyerapan(pagu, realisasi), PERSEN, tebal=True),
        sel(hitung.sisa(pagu, realisasi), RUPIAH, tebal=True),
    ]
    return [
        Tabel(
            f"Anggaran dan Realisasi Keuangan per Program/Kegiatan Tahun {data.tahun}",
            [
                teks_sel(
                    "No",
                    "Program / Kegiatan / Sub Kegiatan",
                    "Anggaran (Rp)",
                    "Realisasi (Rp)",
                    "%",
                    "Lebih/(Kurang) (Rp)",
                    tebal=True,
                )
            ],
            baris,
            [total],
            sumber=sumber_anggaran(data, realisasi=True),
            kunci="realisasi-anggaran",
        )
    ]


def anggaran_sasaran(data: DataLaporan) -> list:
    """Budget and spending per sasaran: the sums of its programs."""
    baris = []
    for n, s in enumerate(data.sasaran, start=1):
        if not s.program:
            continue
        pagu = jumlah(s.program, NodeAnggaran.pagu_akhir)
        realisasi = jumlah(s.program, NodeAnggaran.realisasi)
        indikator = "; ".join(i.nama for i in s.indikator) or "–"
        baris.append(
            [
                sel(str(n)),
                sel(s.sasaran.uraian),
                sel(indikator),
                sel(pagu, RUPIAH),
                sel(realisasi, RUPIAH),
                sel(hitung.penyerapan(pagu, realisasi), PERSEN),
            ]
        )
    if not baris:
        return []
    return [
        Tabel(
            f"Alokasi Anggaran per Sasaran Tahun {data.tahun}",
            [
                teks_sel(
                    "No",
                    "Sasaran",
                    "Indikator Kinerja",
                    f"Anggaran {data.tahun} (Rp)",
                    "Realisasi (Rp)",
                    "% Realisasi",
                    tebal=True,
                )
            ],
            baris,
            sumber=sumber_anggaran(data, realisasi=True),
            kunci="anggaran-sasaran",
        )
    ]


def _sumber_efisiensi(data: DataLaporan) -> str:
    return f"{sumber_pengukuran(data)}; {sumber_anggaran(data, realisasi=True)}"


def _label_efisiensi(data: DataLaporan, nilai) -> str:
    return hitung.kategori_efisiensi(nilai, data.pengaturan.metode_efisiensi) or "–"


def efisiensi_program(data: DataLaporan) -> list:
    """Efficiency per program: the program's capaian, the mean of its indicators', against
    its absorption. Each indicator's own capaian stands in its row beside the program's, so
    that a reader sees how the program's figure is made: Lampung Barat's Tabel 4.8 divides
    its IKM program's first indicator's 335 % by the absorption, where the program's capaian
    is (335 + 100) ÷ 2 = 217,5 % (fixtures/ERRATA.md, LB-T4.8-P10-EFISIENSI)."""
    metode = data.pengaturan.metode_efisiensi
    baris, n = [], 0
    for program in data.program:
        indikator = data.indikator_dari("program", program.objek)
        if not indikator:
            continue
        n += 1
        capaian = rata_rata(i.ukur.capaian for i in indikator)
        nilai = hitung.efisiensi(capaian, program.penyerapan(), metode)
        rentang = len(indikator)
        for k, i in enumerate(indikator):
            depan = [sel(str(n), rowspan=rentang), sel(program.objek.nama, rowspan=rentang)] if k == 0 else []
            belakang = (
                [
                    sel(capaian, PERSEN, rowspan=rentang),
                    sel(program.penyerapan(), PERSEN, rowspan=rentang),
                    sel(nilai, RASIO, rowspan=rentang),
                    sel(_label_efisiensi(data, nilai), rowspan=rentang),
                ]
                if k == 0
                else []
            )
            baris.append(
                [
                    *depan,
                    sel(i.nama),
                    nilai_indikator(i, i.ukur.target),
                    nilai_indikator(i, i.ukur.realisasi),
                    sel(i.ukur.capaian, PERSEN),
                    *belakang,
                ]
            )
    if not baris:
        return []
    return [
        Tabel(
            f"Tingkat Efisiensi Penggunaan Anggaran per Program Tahun {data.tahun}",
            [
                teks_sel(
                    "No",
                    "Program",
                    "Indikator Program",
                    "Target",
                    "Realisasi",
                    "Capaian Indikator",
                    "Capaian Program",
                    "Realisasi Anggaran",
                    "Tingkat Efisiensi",
                    "Kategori",
                    tebal=True,
                )
            ],
            baris,
            sumber=_sumber_efisiensi(data),
            kunci="efisiensi-program",
        )
    ]


def efisiensi_sasaran(data: DataLaporan) -> list:
    """Efficiency per sasaran: its capaian against the absorption of its programs' budget."""
    metode = data.pengaturan.metode_efisiensi
    baris = []
    for s in data.sasaran:
        if not s.indikator:
            continue
        pagu = jumlah(s.program, NodeAnggaran.pagu_akhir)
        serap = hitung.penyerapan(pagu, jumlah(s.program, NodeAnggaran.realisasi))
        capaian = s.capaian()
        nilai = hitung.efisiensi(capaian, serap, metode)
        satuan = PERSEN if metode == "selisih" else RASIO
        baris.append(
            [
                sel(s.sasaran.uraian),
                sel("; ".join(i.nama for i in s.indikator)),
                sel(capaian, PERSEN),
                sel(serap, PERSEN),
                sel(nilai, satuan),
                sel(_label_efisiensi(data, nilai)),
            ]
        )
    if not baris:
        return []
    return [
        Tabel(
            f"Efisiensi Penggunaan Sumber Daya Tahun {data.tahun}",
            [
                teks_sel(
                    "Sasaran",
                    "Indikator Kinerja",
                    "% Capaian Kinerja",
                    "% Penyerapan Anggaran",
                    "Tingkat Efisiensi",
                    "Kategori",
                    tebal=True,
                )
            ],
            baris,
            sumber=_sumber_efisiensi(data),
            kunci="efisiensi-sasaran",
        )
    ]
