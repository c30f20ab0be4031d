"""The LKE's worksheet: its summary, its start, a component's grid and the life's steps.

Agency A's 2022 evaluation is started (or found, when another module of the matrix started
it) in its draft: A's planner writes the self-assessment and hands it over; the region's
reviewer reads it but has no side to write yet (403) and no step to make (403); B's planner
and B's reviewer do not see A (404). Who may write which side in which state, and each
step, is tested in tests/test_evaluasi_alur.py and tests/test_evaluasi_layar.py.
"""

from evaluasi import alur
from evaluasi.models import EvaluasiLke, Instrumen
from tests.matriks import TIDAK_ADA, Entri, baca, tulis

TAHUN = 2022


def evaluasi_a(d) -> EvaluasiLke:
    ada = EvaluasiLke.objects.filter(instansi=d.a, tahun=TAHUN).first()
    return ada or alur.mulai(
        d.pengguna["perencana_a"], d.a, TAHUN, Instrumen.objects.get(nama__contains="88/2021")
    )


def _tahun(d) -> list:
    return [d.a.slug, TAHUN]


# Starting: the agency's planner, the region's reviewer and admins (one already started
# answers with the evaluation as it is: a redirect too).
MEMULAI = tulis(302) | {"pemeriksa": 302}

MATRIKS = {
    "evaluasi-lke": Entri(_tahun, baca(), TIDAK_ADA),
    "evaluasi-mulai": Entri(
        _tahun,
        TIDAK_ADA,
        MEMULAI,
        data=lambda d: {"instrumen": str(Instrumen.objects.get(nama__contains="12/2015").pk)},
    ),
    # An empty POST changes no answer and saves (302) for whoever writes the draft's side.
    "evaluasi-komponen": Entri(lambda d: [*_tahun(d), evaluasi_a(d).komponen.first().pk], baca(), tulis(302)),
    "evaluasi-langkah": Entri(
        lambda d: [*_tahun(d), "serahkan"],
        tulis(200),
        tulis(302),
        data=lambda d: {"versi": str(evaluasi_a(d).versi)},
    ),
}
