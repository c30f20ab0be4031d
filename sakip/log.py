"""Structured logs: one JSON object per line on stdout, each carrying the request's id.

A deployment's log collector (journald, Docker, a cloud agent) reads stdout; JSON lines
need no parsing rules there. `IdPermintaan` (early in `MIDDLEWARE`) takes the id the proxy
sent in `X-Request-ID` (when it looks like one) or makes one, keeps it for the request's
logs, returns it in the response's `X-Request-ID`, and logs the request itself once, with
its status and duration: gunicorn's own access log stays off. `FormatJson` is the
formatter, `LOG_FORMAT=teks` in the environment gives plain lines for a developer.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

log = logging.getLogger("sakip.permintaan")

_id_permintaan = contextvars.ContextVar("id_permintaan", default="")
# What a proxy's id may be: short, and nothing a log reader could mistake for structure.
ID_SAH = re.compile(r"[A-Za-z0-9._-]{8,64}")
# Fields of every LogRecord, left out of the extra fields a call passes.
_BAWAAN = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class FormatJson(logging.Formatter):
    """A record as one JSON line: time (UTC, ISO 8601), level, logger, message, request id,
    the call's `extra` fields, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        isi = {
            "waktu": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
        }
        if id_ := _id_permintaan.get():
            isi["id_permintaan"] = id_
        for kunci, nilai in vars(record).items():
            if kunci not in _BAWAAN and kunci != "request":
                isi[kunci] = nilai
        if record.exc_info:
            isi["jejak"] = self.formatException(record.exc_info)
        return json.dumps(isi, ensure_ascii=False, default=str)


class IdPermintaan:
    """Give each request an id, return it in `X-Request-ID`, and log the request once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dari_proxy = request.META.get("HTTP_X_REQUEST_ID", "")
        id_ = dari_proxy if ID_SAH.fullmatch(dari_proxy) else uuid.uuid4().hex
        token = _id_permintaan.set(id_)
        mulai = time.perf_counter()
        try:
            respons = self.get_response(request)
            respons["X-Request-ID"] = id_
            log.info(
                "%s %s %s",
                request.method,
                request.path,
                respons.status_code,
                extra={
                    "metode": request.method,
                    "jalur": request.path,
                    "status": respons.status_code,
                    "durasi_ms": round((time.perf_counter() - mulai) * 1000, 1),
                },
            )
            return respons
        finally:
            _id_permintaan.reset(token)
