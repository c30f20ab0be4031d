"""The automatic findings of a report: every check of `reviu.pemeriksaan`, in reading order.

`temukan(dokumen)` runs them over a report assembled (`sakip.lkjip.susun.susun`, with its
charts) from the data `sakip.lkjip.data.kumpulkan` gathered, without a query of its own:
the checks of the data over `dokumen.data`, the narratives' over the assembled report,
which the review page assembles anyway to show the report's parts, so a request gathers
and assembles a report once. The planner sees the list before submitting, the reviewer on
the report's review page, and the submission records it (`reviu.alur`).
"""

from reviu.pemeriksaan import Temuan, anggaran, indikator, narasi
from sakip.lkjip.susun import Dokumen

__all__ = ["PEMERIKSAAN", "Temuan", "temukan"]

# In the order a reader meets what they concern: the plan and the agreement (Bab II), the
# indicators and their measurement (Bab III), the budget beside them; the narratives follow.
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
]


def temukan(dokumen: Dokumen) -> list[Temuan]:
    """Every finding of every check, check by check in the order of `PEMERIKSAAN`, then the
    narratives' (`reviu.pemeriksaan.narasi`, which reads the assembled report)."""
    return [t for periksa in PEMERIKSAAN for t in periksa(dokumen.data)] + list(narasi.narasi(dokumen))
