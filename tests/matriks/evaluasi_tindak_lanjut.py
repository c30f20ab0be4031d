"""The evaluation's conclusions, its report and follow-up: the evaluator's recommendations
and the LHE (A's 2020 evaluation, with the evaluator), the agency's follow-up (A's 2021
evaluation, final), and the reviewer's list of open follow-ups. The agency does not see
recommendations nor the LHE's PDF before final (404; the LHE page says it is not final
yet); who writes which in which state is tested in tests/test_tindak_lanjut.py."""

from evaluasi import alur
from evaluasi.models import EvaluasiLke, Instrumen, KriteriaLke, Pihak, RekomendasiLke
from tests.matriks import Entri, baca, semua, tulis

DINILAI, FINAL = 2020, 2021


def _evaluasi(d, tahun: int) -> EvaluasiLke:
    """A's evaluation of `tahun`, handed to the evaluator (2020) or made final (2021)."""
    ada = EvaluasiLke.objects.filter(instansi=d.a, tahun=tahun).first()
    if ada is not None:
        return ada
    perencana, pemeriksa, admin = (d.pengguna[p] for p in ("perencana_a", "pemeriksa", "admin"))
    e = alur.mulai(perencana, d.a, tahun, Instrumen.objects.get(nama__contains="12/2015"))
    e = alur.terapkan(perencana, e, "serahkan", "", e.versi)
    RekomendasiLke.objects.create(evaluasi=e, urutan=1, teks="Dokumentasikan pengukuran kinerja.")
    if tahun == FINAL:
        kriteria = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=e)
        alur.simpan_jawaban(
            pemeriksa, e, Pihak.EVALUATOR, [alur.Isian(k, k.pilihan[0][0], "", 0) for k in kriteria]
        )
        e = alur.terapkan(admin, e, "setujui", "", e.versi)
        e = alur.terapkan(admin, e, "finalkan", "", e.versi)
    return e


def _tahun(d, tahun: int) -> list:
    return [d.a.slug, _evaluasi(d, tahun).tahun]


def _rekomendasi(d, tahun: int) -> list:
    return [d.a.slug, tahun, _evaluasi(d, tahun).rekomendasi.first().pk]


# The region's reviewer and admins read and write the recommendations while evaluating;
# A's planner sees them only once final.
SEBELUM_FINAL = baca() | {"perencana_a": 404}
MENILAI = tulis(200) | {"perencana_a": 404, "pemeriksa": 200}

MATRIKS = {
    "lhe-html": Entri(lambda d: _tahun(d, DINILAI), baca(), semua(405, anonim=302)),
    "lhe-pdf": Entri(lambda d: _tahun(d, DINILAI), SEBELUM_FINAL, semua(405, anonim=302)),
    # A POST adding an empty recommendation is re-shown with its error.
    "rekomendasi-lke": Entri(
        lambda d: _tahun(d, DINILAI), SEBELUM_FINAL, MENILAI, lambda d: {"aksi": "baru"}
    ),
    "rekomendasi-ubah": Entri(lambda d: _rekomendasi(d, DINILAI), SEBELUM_FINAL, MENILAI),
    # Deleting without the version seen is a conflict.
    "rekomendasi-hapus": Entri(
        lambda d: _rekomendasi(d, DINILAI), SEBELUM_FINAL, MENILAI | {"admin": 409, "pemeriksa": 409}
    ),
    "tindak-lanjut-lke": Entri(
        lambda d: _tahun(d, FINAL),
        baca(),
        semua(405, anonim=302),
    ),
    # An empty follow-up is re-shown with its error (the state is required).
    "tindak-lanjut-ubah": Entri(lambda d: _rekomendasi(d, FINAL), baca(), tulis(200)),
    "tindak-lanjut-pemeriksa": Entri(
        lambda d: [],
        semua(200, anonim=302) | {"perencana_a": 403, "perencana_b": 403},
        semua(405, anonim=302),
    ),
}
