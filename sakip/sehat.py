"""Health endpoints for the load balancer: `/sehat` (liveness: the process answers; no
database, no Redis) and `/siap` (readiness: the database answers a query and, when
`REDIS_URL` is set, Redis a PING; 503 otherwise, so the balancer sends no traffic to an
instance that cannot serve it).

No login and nothing of the data: the body says only whether each dependency answered, never
why not (an error's text can name hosts, users or paths); the reason goes to the log.
`JawabKesehatan`, first in `MIDDLEWARE`, answers both paths before anything else runs: a
balancer probes an instance by its address over plain http, which the host check
(`ALLOWED_HOSTS`) and the HTTPS redirect would otherwise refuse, and a probe needs no
session, no user and no CSRF. The URLs are also routed to the same views, so that they are
named, reversible and in the permission matrix.
"""

import logging

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

BATAS_WAKTU_REDIS = 2  # seconds: a readiness probe must answer before the balancer gives up


def _jawab(isi: dict, status: int = 200) -> JsonResponse:
    respons = JsonResponse(isi, status=status)
    respons["X-Content-Type-Options"] = "nosniff"
    return respons


@require_safe
@never_cache
def sehat(request):
    """Liveness: the process is up and answering."""
    return _jawab({"status": "sehat"})


def _basis_data() -> bool:
    try:
        with connection.cursor() as kursor:
            kursor.execute("SELECT 1")
            return kursor.fetchone() == (1,)
    except Exception:
        log.exception("Pemeriksaan kesiapan: basis data tidak menjawab")
        return False


def _redis() -> bool:
    try:
        return bool(
            redis.Redis.from_url(
                settings.REDIS_URL, socket_timeout=BATAS_WAKTU_REDIS, socket_connect_timeout=BATAS_WAKTU_REDIS
            ).ping()
        )
    except Exception:
        log.exception("Pemeriksaan kesiapan: Redis tidak menjawab")
        return False


@require_safe
@never_cache
def siap(request):
    """Readiness: the database and (when configured) Redis answer."""
    periksa = {"basis_data": _basis_data()}
    if settings.REDIS_URL:
        periksa["redis"] = _redis()
    siap_semua = all(periksa.values())
    return _jawab(
        {
            "status": "siap" if siap_semua else "tidak siap",
            "periksa": {k: "ok" if v else "gagal" for k, v in periksa.items()},
        },
        200 if siap_semua else 503,
    )


JALUR = {"/sehat": sehat, "/siap": siap}


class JawabKesehatan:
    """Answer `/sehat` and `/siap` (GET or HEAD) before the host check and the HTTPS redirect."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tampilan = JALUR.get(request.path_info.rstrip("/"))
        if tampilan is not None and request.method in ("GET", "HEAD"):
            return tampilan(request)
        return self.get_response(request)
