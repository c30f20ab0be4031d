"""The automatic findings of a report: every check of `reviu.pemeriksaan`, in reading order.

`temukan(data)` runs them over the data `sakip.lkjip.data.kumpulkan` gathered, without a
query of its own; the planner sees the list before submitting, the reviewer on the report's
review page, and the submission records it (`reviu.alur`).
"""

from reviu.pemeriksaan import Temuan, indikator
from sakip.lkjip.data import DataLaporan

__all__ = ["PEMERIKSAAN", "Temuan", "temukan"]

PEMERIKSAAN = [
    indikator.pk_beda_renstra,
    indikator.tanpa_definisi,
]


def temukan(data: DataLaporan) -> list[Temuan]:
    """Every finding of every check, check by check in the order of `PEMERIKSAAN`."""
    return [t for periksa in PEMERIKSAAN for t in periksa(data)]
