"""The automatic findings of a report: every check of `reviu.pemeriksaan`, in reading order.

`temukan(data)` runs them over the data `sakip.lkjip.data.kumpulkan` gathered, without a
query of its own; the planner sees the list before submitting, the reviewer on the report's
review page, and the submission records it (`reviu.alur`).
"""

from reviu.pemeriksaan import Temuan, anggaran, indikator, narasi
from sakip.lkjip.data import DataLaporan

__all__ = ["PEMERIKSAAN", "Temuan", "temukan"]

# In the order a reader meets what they concern: the plan and the agreement (Bab II), the
# indicators and their measurement (Bab III), the budget beside them, then the narratives.
PEMERIKSAAN = [
    indikator.renstra_tanpa_target,
    indikator.pk_beda_renstra,
    indikator.tanpa_definisi,
    indikator.realisasi_kosong,
    indikator.capaian_tidak_wajar,
    indikator.triwulan_melebihi_tahun,
    indikator.tahun_beda_triwulan_iv,
    anggaran.program_tanpa_indikator,
    anggaran.anak_beda_induk,
    anggaran.serapan_tinggi_capaian_rendah,
    anggaran.tercapai_tanpa_belanja,
    narasi.narasi,
]


def temukan(data: DataLaporan) -> list[Temuan]:
    """Every finding of every check, check by check in the order of `PEMERIKSAAN`."""
    return [t for periksa in PEMERIKSAAN for t in periksa(data)]
