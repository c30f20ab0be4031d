"""Reference data: the answer scales and the two instruments (PermenPAN-RB 88/2021 and 12/2015),
editable in the admin afterwards.

Components, sub-components and weights are the regulations'; 88/2021 splits each component
into pemenuhan 20 %, kualitas 30 %, pemanfaatan 50 % of its weight, 12/2015 into pemenuhan
20 %, kualitas 50 %, implementasi 30 %, plus «Capaian Kinerja» (output 5, outcome 10,
benchmark 5). The criteria are this project's own words (the regulations' lists were not
at hand), enough to score every sub-component; each names the evidence it expects and,
for a quality or use question, the «pemenuhan» question it depends on (the document must
exist first). Rows are found by their codes, so running this again changes nothing.
"""

from decimal import Decimal

from django.db import migrations

SKALA = {
    "Y/T": [("Y", "1"), ("T", "0")],
    "A–E": [("A", "1"), ("B", "0.75"), ("C", "0.5"), ("D", "0.25"), ("E", "0")],
}
YT, AE = "Y/T", "A–E"
PEMENUHAN, KUALITAS, PEMANFAATAN, LAIN = "pemenuhan", "kualitas", "pemanfaatan", "lain"

# (kode, teks, skala, bukti diharapkan, kode prasyarat)
PERENCANAAN_88 = [
    ("a", "Pemenuhan", PEMENUHAN, "6", [
        ("1.a.1", "Renstra untuk periode yang berjalan telah disusun dan ditetapkan.", YT,
         "Dokumen Renstra beserta keputusan penetapannya.", None),
        ("1.a.2", "Rencana Kinerja Tahunan (RKT) tahun yang dievaluasi telah disusun.", YT,
         "Dokumen RKT.", None),
        ("1.a.3", "Perjanjian Kinerja tahun yang dievaluasi telah disusun dan ditandatangani pimpinan.", YT,
         "Dokumen PK yang ditandatangani; PK perubahan bila ada.", None),
        ("1.a.4", "Indikator Kinerja Utama (IKU) telah ditetapkan.", YT,
         "Keputusan penetapan IKU.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "9", [
        ("1.b.1", "Tujuan dan sasaran Renstra berorientasi hasil (outcome), bukan kegiatan.", AE,
         "Rumusan tujuan, sasaran dan indikatornya dalam Renstra.", "1.a.1"),
        ("1.b.2", "Indikator kinerja terukur, relevan, dan dilengkapi formulasi serta sumber data.", AE,
         "Daftar IKU dengan formulasi dan sumber datanya (manual indikator).", "1.a.4"),
        ("1.b.3", "Target dalam PK selaras dengan target Renstra tahun yang sama dan menantang.", AE,
         "PK dan tabel target Renstra tahun yang sama.", "1.a.3"),
        ("1.b.4", "Program dan kegiatan menjadi jalan yang jelas menuju sasaran (pohon kinerja).", AE,
         "Pohon kinerja atau cascading; RKT.", "1.a.2"),
    ]),
    ("c", "Pemanfaatan", PEMANFAATAN, "15", [
        ("1.c.1", "Target PK menjadi dasar penyusunan kegiatan dan anggaran (DPA).", AE,
         "DPA dan PK: target dan pagu yang saling merujuk.", "1.a.3"),
        ("1.c.2", "PK dijabarkan sampai ke pejabat dan pegawai di bawah pimpinan.", AE,
         "PK pejabat eselon III/IV; sasaran kinerja pegawai (SKP).", "1.a.3"),
        ("1.c.3", "Rencana aksi disusun dan dipantau untuk mencapai target PK.", AE,
         "Rencana aksi per triwulan dan laporan pemantauannya.", "1.a.3"),
    ]),
]

PENGUKURAN_88 = [
    ("a", "Pemenuhan", PEMENUHAN, "6", [
        ("2.a.1", "Mekanisme pengumpulan data kinerja telah ditetapkan.", YT,
         "SOP atau keputusan tentang pengumpulan data kinerja.", None),
        ("2.a.2", "Realisasi setiap indikator kinerja diukur dan dicatat secara berkala (triwulanan).", YT,
         "Laporan realisasi triwulanan.", None),
        ("2.a.3", "Pengukuran kinerja didukung sistem informasi (aplikasi atau basis data).", YT,
         "Akses atau tangkapan layar aplikasi pengukuran kinerja.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "9", [
        ("2.b.1", "Data kinerja dapat ditelusuri ke sumbernya dan dapat diandalkan.", AE,
         "Dokumen sumber data; kertas kerja perhitungan capaian.", "2.a.2"),
        ("2.b.2", "Pengukuran dilakukan berjenjang dari individu dan unit sampai instansi.", AE,
         "Hasil pengukuran kinerja unit dan individu.", "2.a.1"),
        ("2.b.3", "Capaian dihitung sesuai formulasi dan polaritas setiap indikator.", AE,
         "Kertas kerja capaian; manual indikator.", "2.a.2"),
    ]),
    ("c", "Pemanfaatan", PEMANFAATAN, "15", [
        ("2.c.1", "Hasil pengukuran dipakai untuk menyesuaikan strategi dan kegiatan dalam tahun berjalan.", AE,
         "Notulen rapat evaluasi triwulanan; perubahan rencana aksi.", "2.a.2"),
        ("2.c.2", "Hasil pengukuran menjadi dasar penghargaan dan sanksi bagi pegawai.", AE,
         "Keputusan tunjangan kinerja atau penghargaan yang merujuk capaian.", "2.a.2"),
        ("2.c.3", "Hasil pengukuran dipakai dalam perencanaan dan penganggaran tahun berikutnya.", AE,
         "Renja atau RKA tahun berikutnya yang merujuk capaian.", "2.a.2"),
    ]),
]

PELAPORAN_88 = [
    ("a", "Pemenuhan", PEMENUHAN, "3", [
        ("3.a.1", "LKjIP telah disusun dan disampaikan tepat waktu.", YT,
         "LKjIP dan tanda terima penyampaiannya.", None),
        ("3.a.2", "LKjIP dipublikasikan dan dapat diakses masyarakat.", YT,
         "Alamat publikasi LKjIP.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "4.5", [
        ("3.b.1", "LKjIP menyajikan capaian setiap IKU dibandingkan dengan target, tahun lalu dan "
         "target akhir Renstra.", AE, "Bab III LKjIP.", "3.a.1"),
        ("3.b.2", "LKjIP menganalisis penyebab keberhasilan atau kegagalan dan efisiensi sumber daya.", AE,
         "Analisis per sasaran dan tabel efisiensi dalam LKjIP.", "3.a.1"),
        ("3.b.3", "Angka dalam LKjIP konsisten dengan data pengukuran dan realisasi anggaran.", AE,
         "LKjIP; laporan realisasi; laporan realisasi anggaran.", "3.a.1"),
    ]),
    ("c", "Pemanfaatan", PEMANFAATAN, "7.5", [
        ("3.c.1", "Informasi LKjIP dipakai pimpinan untuk memperbaiki perencanaan dan penganggaran.", AE,
         "Notulen atau disposisi pimpinan yang merujuk LKjIP.", "3.a.1"),
        ("3.c.2", "Langkah perbaikan yang dijanjikan dalam LKjIP dilaksanakan.", AE,
         "Dokumen pelaksanaan langkah perbaikan dari LKjIP.", "3.a.1"),
    ]),
]

EVALUASI_88 = [
    ("a", "Pemenuhan", PEMENUHAN, "5", [
        ("4.a.1", "Evaluasi internal atas program dan kegiatan telah dilaksanakan tahun ini.", YT,
         "Laporan evaluasi internal.", None),
        ("4.a.2", "Rekomendasi evaluasi akuntabilitas kinerja tahun lalu telah didokumentasikan.", YT,
         "LHE tahun lalu dan daftar rekomendasinya.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "7.5", [
        ("4.b.1", "Evaluasi dilakukan oleh pihak yang kompeten dengan metode yang terencana.", AE,
         "Surat tugas tim evaluasi; kertas kerja evaluasi.", "4.a.1"),
        ("4.b.2", "Evaluasi menghasilkan rekomendasi perbaikan yang dapat dilaksanakan.", AE,
         "Bagian rekomendasi laporan evaluasi internal.", "4.a.1"),
    ]),
    ("c", "Pemanfaatan", PEMANFAATAN, "12.5", [
        ("4.c.1", "Rekomendasi evaluasi akuntabilitas tahun lalu telah ditindaklanjuti.", AE,
         "Tabel tindak lanjut rekomendasi dengan bukti pelaksanaannya.", "4.a.2"),
        ("4.c.2", "Hasil evaluasi internal dipakai untuk memperbaiki perencanaan dan kinerja.", AE,
         "Perubahan rencana atau kegiatan yang merujuk hasil evaluasi.", "4.a.1"),
        ("4.c.3", "Implementasi SAKIP meningkat dibandingkan tahun sebelumnya.", AE,
         "Nilai evaluasi SAKIP dua tahun terakhir.", "4.a.2"),
    ]),
]

PERENCANAAN_12 = [
    ("a", "Pemenuhan", PEMENUHAN, "6", [
        ("1.a.1", "Renstra telah disusun dan ditetapkan.", YT, "Dokumen Renstra dan penetapannya.", None),
        ("1.a.2", "RKT dan Perjanjian Kinerja tahun yang dievaluasi telah disusun.", YT,
         "Dokumen RKT dan PK yang ditandatangani.", None),
        ("1.a.3", "Indikator Kinerja Utama telah ditetapkan.", YT, "Keputusan penetapan IKU.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "15", [
        ("1.b.1", "Sasaran dan indikatornya berorientasi hasil dan terukur.", AE,
         "Rumusan sasaran dan indikator dalam Renstra dan PK.", "1.a.1"),
        ("1.b.2", "Target PK selaras dengan target Renstra.", AE, "PK dan tabel target Renstra.", "1.a.2"),
        ("1.b.3", "IKU dilengkapi formulasi dan sumber data.", AE, "Manual indikator.", "1.a.3"),
    ]),
    ("c", "Implementasi", PEMANFAATAN, "9", [
        ("1.c.1", "Dokumen perencanaan menjadi acuan penyusunan kegiatan dan anggaran.", AE,
         "DPA yang merujuk PK.", "1.a.2"),
        ("1.c.2", "Target kinerja dipantau pencapaiannya secara berkala.", AE,
         "Laporan pemantauan rencana aksi.", "1.a.2"),
    ]),
]

PENGUKURAN_12 = [
    ("a", "Pemenuhan", PEMENUHAN, "5", [
        ("2.a.1", "Realisasi indikator kinerja diukur secara berkala.", YT, "Laporan realisasi triwulanan.", None),
        ("2.a.2", "Mekanisme pengumpulan data kinerja telah ditetapkan.", YT,
         "SOP pengumpulan data kinerja.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "12.5", [
        ("2.b.1", "Data kinerja dapat ditelusuri ke sumbernya.", AE, "Dokumen sumber data.", "2.a.1"),
        ("2.b.2", "Pengukuran dilakukan berjenjang sampai individu.", AE,
         "Hasil pengukuran kinerja unit dan individu.", "2.a.2"),
    ]),
    ("c", "Implementasi", PEMANFAATAN, "7.5", [
        ("2.c.1", "Hasil pengukuran dipakai untuk memperbaiki kegiatan dan anggaran.", AE,
         "Notulen rapat evaluasi capaian.", "2.a.1"),
        ("2.c.2", "Hasil pengukuran menjadi dasar penghargaan dan sanksi.", AE,
         "Keputusan tunjangan kinerja yang merujuk capaian.", "2.a.1"),
    ]),
]

PELAPORAN_12 = [
    ("a", "Pemenuhan", PEMENUHAN, "3", [
        ("3.a.1", "LKjIP telah disusun dan disampaikan tepat waktu.", YT, "LKjIP dan tanda terimanya.", None),
        ("3.a.2", "LKjIP dipublikasikan.", YT, "Alamat publikasi LKjIP.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "7.5", [
        ("3.b.1", "LKjIP menyajikan dan menganalisis capaian setiap IKU.", AE, "Bab III LKjIP.", "3.a.1"),
        ("3.b.2", "Angka dalam LKjIP konsisten dengan data pengukuran.", AE,
         "LKjIP dan laporan realisasi.", "3.a.1"),
    ]),
    ("c", "Implementasi", PEMANFAATAN, "4.5", [
        ("3.c.1", "Informasi LKjIP dipakai untuk perbaikan perencanaan.", AE,
         "Disposisi atau notulen yang merujuk LKjIP.", "3.a.1"),
        ("3.c.2", "Langkah perbaikan dalam LKjIP dilaksanakan.", AE, "Bukti pelaksanaan perbaikan.", "3.a.1"),
    ]),
]

EVALUASI_12 = [
    ("a", "Pemenuhan", PEMENUHAN, "2", [
        ("4.a.1", "Evaluasi internal atas program dan kegiatan telah dilaksanakan.", YT,
         "Laporan evaluasi internal.", None),
        ("4.a.2", "Rekomendasi evaluasi tahun lalu telah didokumentasikan.", YT, "LHE tahun lalu.", None),
    ]),
    ("b", "Kualitas", KUALITAS, "5", [
        ("4.b.1", "Evaluasi dilakukan dengan metode yang terencana dan oleh pihak yang kompeten.", AE,
         "Surat tugas dan kertas kerja evaluasi.", "4.a.1"),
        ("4.b.2", "Evaluasi menghasilkan rekomendasi yang dapat dilaksanakan.", AE,
         "Rekomendasi dalam laporan evaluasi.", "4.a.1"),
    ]),
    ("c", "Implementasi", PEMANFAATAN, "3", [
        ("4.c.1", "Rekomendasi evaluasi tahun lalu telah ditindaklanjuti.", AE,
         "Tabel tindak lanjut rekomendasi.", "4.a.2"),
        ("4.c.2", "Hasil evaluasi internal dipakai untuk perbaikan kinerja.", AE,
         "Perubahan rencana yang merujuk hasil evaluasi.", "4.a.1"),
    ]),
]

CAPAIAN_12 = [
    ("a", "Kinerja yang dilaporkan (output)", LAIN, "5", [
        ("5.a.1", "Target kinerja output tercapai.", AE, "Tabel capaian indikator output.", None),
        ("5.a.2", "Capaian output dapat diyakini kebenarannya.", AE, "Dokumen sumber realisasi output.", None),
    ]),
    ("b", "Kinerja yang dilaporkan (outcome)", LAIN, "10", [
        ("5.b.1", "Target IKU (outcome) tercapai.", AE, "Tabel capaian IKU dalam LKjIP.", None),
        ("5.b.2", "Capaian outcome dapat diyakini kebenarannya.", AE, "Dokumen sumber realisasi IKU.", None),
        ("5.b.3", "Capaian outcome meningkat dibandingkan tahun sebelumnya.", AE,
         "Perbandingan capaian dua tahun terakhir.", None),
    ]),
    ("c", "Kinerja tahun berjalan (benchmark)", LAIN, "5", [
        ("5.c.1", "Kinerja lebih baik daripada instansi sejenis atau rata-rata provinsi dan nasional.", AE,
         "Tabel pembanding provinsi dan nasional.", None),
        ("5.c.2", "Terdapat inovasi atau prestasi yang diakui pihak luar.", AE,
         "Piagam penghargaan atau publikasi inovasi.", None),
    ]),
]

INSTRUMEN = [
    (
        "LKE PermenPAN-RB 88/2021",
        "PermenPAN-RB 88/2021",
        "Komponen dan bobot sesuai PermenPAN-RB 88/2021; kriteria dirumuskan ulang.",
        [
            ("1", "Perencanaan Kinerja", "30", PERENCANAAN_88),
            ("2", "Pengukuran Kinerja", "30", PENGUKURAN_88),
            ("3", "Pelaporan Kinerja", "15", PELAPORAN_88),
            ("4", "Evaluasi Akuntabilitas Kinerja Internal", "25", EVALUASI_88),
        ],
    ),
    (
        "LKE PermenPAN-RB 12/2015",
        "PermenPAN-RB 12/2015",
        "Komponen dan bobot sesuai PermenPAN-RB 12/2015; kriteria dirumuskan ulang.",
        [
            ("1", "Perencanaan Kinerja", "30", PERENCANAAN_12),
            ("2", "Pengukuran Kinerja", "25", PENGUKURAN_12),
            ("3", "Pelaporan Kinerja", "15", PELAPORAN_12),
            ("4", "Evaluasi Internal", "10", EVALUASI_12),
            ("5", "Capaian Kinerja", "20", CAPAIAN_12),
        ],
    ),
]


def isi(apps, schema_editor):
    m = {n: apps.get_model("evaluasi", n) for n in (
        "SkalaJawaban", "NilaiSkala", "Instrumen", "KomponenInstrumen", "SubKomponenInstrumen",
        "KriteriaInstrumen",
    )}
    skala = {}
    for nama, nilai in SKALA.items():
        skala[nama], _ = m["SkalaJawaban"].objects.get_or_create(nama=nama)
        for urutan, (label, angka) in enumerate(nilai):
            m["NilaiSkala"].objects.update_or_create(
                skala=skala[nama], label=label, defaults={"urutan": urutan, "nilai": Decimal(angka)}
            )
    for nama, dasar, keterangan, komponen in INSTRUMEN:
        instrumen, _ = m["Instrumen"].objects.update_or_create(
            nama=nama, defaults={"dasar": dasar, "keterangan": keterangan}
        )
        kriteria, prasyarat = {}, {}
        for uk, (kode, nama_k, bobot, sub) in enumerate(komponen):
            k, _ = m["KomponenInstrumen"].objects.update_or_create(
                instrumen=instrumen, kode=kode, defaults={"urutan": uk, "nama": nama_k, "bobot": Decimal(bobot)}
            )
            for us, (kode_s, nama_s, jenis, bobot_s, daftar) in enumerate(sub):
                s, _ = m["SubKomponenInstrumen"].objects.update_or_create(
                    komponen=k,
                    kode=kode_s,
                    defaults={"urutan": us, "nama": nama_s, "jenis": jenis, "bobot": Decimal(bobot_s)},
                )
                for ur, (kode_r, teks, nama_skala, bukti, syarat) in enumerate(daftar):
                    kriteria[kode_r], _ = m["KriteriaInstrumen"].objects.update_or_create(
                        sub_komponen=s,
                        kode=kode_r,
                        defaults={"urutan": ur, "teks": teks, "skala": skala[nama_skala], "bukti_diharapkan": bukti},
                    )
                    prasyarat[kode_r] = syarat
        for kode_r, syarat in prasyarat.items():
            kriteria[kode_r].prasyarat = kriteria[syarat] if syarat else None
            kriteria[kode_r].save(update_fields=["prasyarat"])


def hapus(apps, schema_editor):
    apps.get_model("evaluasi", "Instrumen").objects.filter(nama__in=[i[0] for i in INSTRUMEN]).delete()
    apps.get_model("evaluasi", "SkalaJawaban").objects.filter(nama__in=SKALA).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0001_awal")]
    operations = [migrations.RunPython(isi, hapus)]
