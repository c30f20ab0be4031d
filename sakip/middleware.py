"""Middleware of the whole site: requests too large are refused before their body is read.

Django reads a POST body in full when something first asks for it (CsrfViewMiddleware
does, for every POST), so a 50 MB body would be read, parsed and written to a temporary
file before the upload form could refuse it. Listed before CsrfViewMiddleware, this answers
from the declared Content-Length alone. Django never reads past that length, and reads a
request without one as having no body, so the declared length is the whole risk.
"""

from django.conf import settings
from django.http import HttpResponse

from sakip.excel.aman import UKURAN_MAKS


class BatasUkuranPermintaan:
    """Answer 413 to a request whose declared body exceeds `settings.UKURAN_PERMINTAAN_MAKS`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            # Django itself reads a malformed length as an empty body.
            panjang = 0
        batas = settings.UKURAN_PERMINTAAN_MAKS
        if panjang > batas:
            return HttpResponse(
                f"Permintaan terlalu besar: batasnya {batas // 1024 // 1024} MB. "
                f"Berkas Excel yang diunggah paling besar {UKURAN_MAKS // 1024 // 1024} MB.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
