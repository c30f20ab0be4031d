"""The computed blocks a layout can name, each a function of the gathered data."""

from sakip.lkjip import diagram, gambar, grafik, tabel_anggaran, tabel_kinerja, tabel_perjanjian, tabel_profil

BLOK = {
    "analisis-sasaran": tabel_kinerja.analisis_sasaran,
    "anggaran-perjanjian": tabel_anggaran.anggaran_perjanjian,
    "anggaran-program": tabel_anggaran.anggaran_program,
    "anggaran-sasaran": tabel_anggaran.anggaran_sasaran,
    "bagan-organisasi": diagram.bagan_organisasi,
    "belanja-jenis": tabel_anggaran.belanja_jenis,
    "capaian-iku": tabel_kinerja.capaian_iku,
    "capaian-program": tabel_kinerja.capaian_program,
    "cascading": tabel_kinerja.cascading,
    "cascading-renstra": tabel_kinerja.cascading_renstra,
    "cascading-sasaran": diagram.cascading_sasaran,
    "efisiensi-program": tabel_anggaran.efisiensi_program,
    "efisiensi-sasaran": tabel_anggaran.efisiensi_sasaran,
    "evaluasi": tabel_profil.evaluasi,
    "grafik-capaian": grafik.capaian_iku,
    "grafik-penyerapan": grafik.penyerapan_program,
    "grafik-sdm": grafik.sdm,
    "grafik-tren": grafik.tren_realisasi,
    "iku": tabel_kinerja.iku,
    "iku-formulasi": tabel_kinerja.iku_formulasi,
    "iku-penanggung-jawab": tabel_kinerja.iku_penanggung_jawab,
    "indikator-kinerja": tabel_kinerja.indikator_kinerja,
    "kerangka-pendanaan": tabel_anggaran.kerangka_pendanaan,
    "komponen-realisasi": tabel_kinerja.komponen_realisasi,
    "matriks-tujuan": tabel_kinerja.matriks_tujuan,
    "naskah-perjanjian": tabel_perjanjian.naskah_perjanjian,
    "pembanding": tabel_kinerja.pembanding,
    "pengukuran-kinerja": tabel_kinerja.pengukuran_kinerja,
    "pohon-kinerja": diagram.pohon_kinerja,
    "program-anggaran-iku": diagram.program_anggaran_iku,
    "program-sasaran": tabel_kinerja.program_sasaran,
    "perbandingan-tahun": tabel_kinerja.perbandingan_tahun,
    "perjanjian-kinerja": tabel_kinerja.perjanjian_kinerja,
    "realisasi-anggaran": tabel_anggaran.realisasi_anggaran,
    "rencana-aksi": tabel_perjanjian.rencana_aksi,
    "sarana": tabel_profil.sarana,
    "sdm": tabel_profil.sdm,
    "skala-predikat": tabel_kinerja.skala_predikat,
    "tabel-pendukung": tabel_profil.tabel_pendukung,
    "target-akhir": tabel_kinerja.target_akhir,
    "target-renstra": tabel_kinerja.target_renstra,
    "triwulan": tabel_kinerja.triwulan,
    **gambar.BLOK,
}
# The pictures (charts, diagrams, uploaded images): what an export without pictures need not draw.
GRAFIK = {
    kunci
    for kunci, blok in BLOK.items()
    if blok.__module__ in (grafik.__name__, diagram.__name__, gambar.__name__)
}
