"""The pemda dashboard and the regions side by side: for admins and reviewers (of A's region:
A's pemda; another region's reviewer does not see it exist, 404); planners 403. Read only:
a POST is 405 after the login redirect. The health endpoints answer anyone, signed in or not,
and say nothing of the data."""

from tests.matriks import Entri, semua

TAHUN = 2022

MATRIKS = {
    "dasbor-nasional": Entri(
        lambda d: [TAHUN],
        semua(200, anonim=302) | {"perencana_a": 403, "perencana_b": 403},
        semua(405, anonim=302),
    ),
    "dasbor-pemda": Entri(
        lambda d: [d.a.pemda.slug, TAHUN],
        semua(200, anonim=302) | {"perencana_a": 403, "perencana_b": 403, "pemeriksa_b": 404},
        semua(405, anonim=302),
    ),
    # The load balancer's probes: anyone, signed in or not; nothing else than GET or HEAD.
    "sehat": Entri(lambda d: [], semua(200), semua(405)),
    "siap": Entri(lambda d: [], semua(200), semua(405)),
}
