"""Template context the top app gives every page: the way back up to the agency's year.

The year page is a screen of `sakip`; the lower apps' templates link to it through
`url_tahun` instead of naming `sakip`'s URL, so that no lower app depends on a higher one.
"""

from django.urls import reverse


def navigasi(request) -> dict:
    """`url_tahun`: the agency year of the page's URL (`instansi/<slug>/<tahun>/…`), if any."""
    rute = getattr(request, "resolver_match", None)
    if rute is None or not {"slug", "tahun"} <= rute.kwargs.keys():
        return {}
    return {"url_tahun": reverse("instansi-tahun", args=[rute.kwargs["slug"], rute.kwargs["tahun"]])}
