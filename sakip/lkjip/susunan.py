"""The two chapter layouts of the LKjIP, as data.

A layout is an ordered list of chapters (Bab), each an ordered list of sections whose
content is narrative (`N`, an `instansi.Narasi` key) or computed blocks (`B`, a key of
`sakip.lkjip.blok.BLOK`). A section with nothing to show for an agency is left out, so
one layout serves agencies whose documents have different sub-sections.
Which layout an agency uses is its `PengaturanLaporan.susunan_bab`.
"""

from dataclasses import dataclass

from instansi.pengaturan import SusunanBab


@dataclass(frozen=True)
class N:
    """Narrative: the agency's `Narasi` with this key for the report year."""

    kunci: str


@dataclass(frozen=True)
class B:
    """A computed block: tables or charts built from the data."""

    kunci: str


@dataclass(frozen=True)
class Bagian:
    judul: str
    isi: tuple[N | B, ...]


@dataclass(frozen=True)
class Bab:
    nomor: str
    judul: str
    bagian: tuple[Bagian, ...]


PENDAHULUAN_AWAL = (
    Bagian("Latar Belakang", (N("latar-belakang"),)),
    Bagian("Tugas dan Fungsi", (N("tugas-fungsi"),)),
    Bagian(
        "Struktur Organisasi",
        (N("struktur-organisasi"), B("bagan-organisasi"), B("gambar-struktur-organisasi")),
    ),
)
ANGGARAN = (
    N("realisasi-anggaran"),
    B("realisasi-anggaran"),
    B("grafik-penyerapan"),
)

LIMA_BAB = (
    Bab(
        "I",
        "Pendahuluan",
        (
            *PENDAHULUAN_AWAL,
            Bagian("Peran Strategis Perangkat Daerah", (N("peran-strategis"),)),
            Bagian("Isu Strategis Perangkat Daerah", (N("isu-strategis"),)),
        ),
    ),
    Bab(
        "II",
        "Perencanaan Kinerja",
        (
            Bagian(
                "Rencana Strategis Perangkat Daerah",
                (
                    N("rencana-strategis"),
                    N("tujuan-sasaran"),
                    N("strategi-kebijakan"),
                    B("cascading"),
                    B("gambar-cascading-kinerja"),
                ),
            ),
            Bagian(
                "Perjanjian Kinerja dan Kerangka Pendanaan",
                (
                    N("perjanjian-kinerja"),
                    B("perjanjian-kinerja"),
                    B("anggaran-perjanjian"),
                    B("kerangka-pendanaan"),
                ),
            ),
            Bagian(
                "Target Kinerja",
                (
                    N("target-kinerja"),
                    N("indikator-kinerja-utama"),
                    B("iku"),
                    B("indikator-kinerja"),
                    B("target-renstra"),
                ),
            ),
        ),
    ),
    Bab(
        "III",
        "Kapasitas Organisasi",
        (
            Bagian(
                "Analisis Sumber Daya Manusia",
                # The staff chart is Lampung Barat's Gambar 3.1, right after its narrative.
                (N("sumber-daya-manusia"), B("grafik-sdm"), B("sdm"), B("gambar-sumber-daya-manusia")),
            ),
            Bagian("Analisis Sarana dan Prasarana", (N("sarana-prasarana"), B("sarana"))),
            Bagian("Analisis Dokumen Anggaran", (N("analisis-anggaran"), B("belanja-jenis"))),
        ),
    ),
    Bab(
        "IV",
        "Akuntabilitas Kinerja",
        (
            Bagian(
                "Capaian Kinerja",
                (
                    N("capaian-kinerja"),
                    B("capaian-iku"),
                    B("grafik-capaian"),
                    N("capaian-triwulan"),
                    B("triwulan"),
                    B("analisis-sasaran"),
                    B("komponen-realisasi"),
                    # Lampung Barat shows its process maps with the analysis of each sasaran.
                    B("gambar-capaian-kinerja"),
                    B("gambar-proses-bisnis"),
                ),
            ),
            Bagian(
                "Perbandingan Kinerja",
                (
                    N("perbandingan-kinerja"),
                    B("perbandingan-tahun"),
                    B("grafik-tren"),
                    B("target-akhir"),
                    B("pembanding"),
                ),
            ),
            Bagian(
                "Realisasi Anggaran dan Efisiensi",
                (N("efisiensi"), B("efisiensi-program"), B("skala-predikat"), *ANGGARAN),
            ),
            Bagian("Pemanfaatan Laporan Kinerja", (N("pemanfaatan"),)),
        ),
    ),
    Bab(
        "V",
        "Penutup",
        (
            Bagian("Kesimpulan", (N("kesimpulan"),)),
            Bagian("Faktor Pendukung Keberhasilan", (N("faktor-pendukung"),)),
            Bagian("Permasalahan", (N("permasalahan"),)),
            Bagian("Rekomendasi dan Tindak Lanjut", (N("rekomendasi"),)),
            Bagian("Saran", (N("saran"),)),
        ),
    ),
)

EMPAT_BAB = (
    Bab(
        "I",
        "Pendahuluan",
        (
            *PENDAHULUAN_AWAL,
            Bagian(
                "Sumber Daya Manusia", (N("sumber-daya-manusia"), B("sdm"), B("gambar-sumber-daya-manusia"))
            ),
            Bagian("Sarana dan Prasarana", (N("sarana-prasarana"), B("sarana"))),
            Bagian("Keuangan", (N("keuangan"), B("anggaran-program"))),
            Bagian(
                "Aspek Strategis Organisasi", (N("aspek-strategis"), N("peran-strategis"), N("isu-strategis"))
            ),
            Bagian(
                "Cascading Kinerja",
                (
                    N("cascading-kinerja"),
                    B("iku-formulasi"),
                    B("pohon-kinerja"),
                    B("program-anggaran-iku"),
                    B("gambar-cascading-kinerja"),
                ),
            ),
            Bagian("Peta Proses Bisnis", (N("proses-bisnis"), B("gambar-proses-bisnis"))),
        ),
    ),
    Bab(
        "II",
        "Perencanaan Kinerja",
        (
            Bagian(
                "Perencanaan Strategis",
                (
                    N("rencana-strategis"),
                    N("tujuan-sasaran"),
                    B("matriks-tujuan"),
                    N("strategi-kebijakan"),
                    B("target-renstra"),
                    B("program-sasaran"),
                ),
            ),
            Bagian("Indikator Kinerja Utama", (N("indikator-kinerja-utama"), B("iku"))),
            Bagian("Rencana Kinerja Tahunan", (N("rencana-kinerja-tahunan"), B("cascading"))),
            Bagian("Perjanjian Kinerja", (N("perjanjian-kinerja"), B("perjanjian-kinerja"))),
        ),
    ),
    Bab(
        "III",
        "Akuntabilitas Kinerja",
        (
            Bagian(
                "Hasil Evaluasi atas Implementasi SAKIP Tahun Sebelumnya",
                (N("evaluasi-sakip"), B("evaluasi")),
            ),
            Bagian("Pengukuran Capaian Kinerja Triwulan", (N("capaian-triwulan"), B("triwulan"))),
            Bagian(
                "Capaian Kinerja Organisasi",
                (
                    N("capaian-kinerja"),
                    B("capaian-iku"),
                    B("grafik-capaian"),
                    B("perbandingan-tahun"),
                    B("grafik-tren"),
                    B("target-akhir"),
                    N("perbandingan-kinerja"),
                    B("pembanding"),
                    B("analisis-sasaran"),
                    B("komponen-realisasi"),
                    B("gambar-capaian-kinerja"),
                ),
            ),
            Bagian("Analisis Program dan Kegiatan", (N("analisis-program"), B("capaian-program"))),
            Bagian(
                "Analisis Efisiensi Penggunaan Sumber Daya",
                (N("efisiensi"), B("efisiensi-sasaran"), B("anggaran-sasaran")),
            ),
            Bagian("Realisasi Anggaran", ANGGARAN),
        ),
    ),
    Bab(
        "IV",
        "Penutup",
        (
            Bagian("Kesimpulan", (N("kesimpulan"),)),
            Bagian("Permasalahan", (N("permasalahan"),)),
            Bagian("Rekomendasi", (N("rekomendasi"),)),
            Bagian("Saran", (N("saran"),)),
        ),
    ),
)

SUSUNAN = {SusunanBab.LIMA_BAB: LIMA_BAB, SusunanBab.EMPAT_BAB: EMPAT_BAB}

LAMPIRAN = (
    Bagian("Matriks Renstra", (B("target-renstra"),)),
    Bagian("Indikator Kinerja Utama", (B("iku-penanggung-jawab"),)),
    # The agreements as signed (murni, and perubahan when the year has one), then the plan
    # of how their targets will be reached quarter by quarter.
    Bagian("Perjanjian Kinerja", (B("naskah-perjanjian"),)),
    Bagian("Rencana Aksi Kinerja", (B("rencana-aksi"),)),
    Bagian("Pengukuran Kinerja", (B("pengukuran-kinerja"),)),
    Bagian("Data Pendukung", (B("tabel-pendukung"),)),
    Bagian("Cascading Kinerja dan Peta Proses Bisnis", (B("cascading-renstra"), B("cascading-sasaran"))),
    Bagian("Penghargaan", (N("penghargaan"), B("gambar-penghargaan"))),
    Bagian("Dokumentasi Kegiatan", (N("dokumentasi-kegiatan"), B("gambar-dokumentasi-kegiatan"))),
)
