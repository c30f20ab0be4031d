"""The shape of every agency URL: a year converter and the two prefixes each app's
`urls.py` builds on (`instansi/<slug>/` and `instansi/<slug>/<tahun>/`)."""

from django.urls import register_converter

from inti.periode import tahun_sah


class TahunConverter:
    """A year in a URL: four digits within the models' range, else the URL does not match
    (404) — so no view ever sees year 0 or 32768."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        tahun = int(value)
        if not tahun_sah(tahun):
            raise ValueError(value)
        return tahun

    def to_url(self, value) -> str:
        return str(value)


register_converter(TahunConverter, "tahun")

AWALAN_INSTANSI = "instansi/<slug:slug>/"
AWALAN_TAHUN = AWALAN_INSTANSI + "<tahun:tahun>/"
