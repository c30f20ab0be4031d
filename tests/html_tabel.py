"""Reads the tables of a rendered report as a reader sees them: caption -> rows of cell texts."""

from html.parser import HTMLParser


class _Pembaca(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tabel: dict[str, list[list[str]]] = {}
        self._judul = None
        self._di_judul = False
        self._baris = None
        self._sel = None

    def handle_starttag(self, tag, attrs):
        if tag == "figcaption":
            self._di_judul, self._judul = True, ""
        elif tag == "tr":
            self._baris = []
        elif tag in ("td", "th"):
            self._sel = ""
        elif tag == "a" and self._di_judul:
            self._di_judul = False  # the "ubah data" link is not part of the caption

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self._di_judul = False
            self._judul = " ".join(self._judul.split())
            self.tabel.setdefault(self._judul, [])
        elif tag in ("td", "th") and self._baris is not None:
            self._baris.append(" ".join(self._sel.split()))
            self._sel = None
        elif tag == "tr" and self._baris is not None and self._judul is not None:
            self.tabel[self._judul].append(self._baris)
            self._baris = None

    def handle_data(self, data):
        if self._di_judul:
            self._judul += data
        if self._sel is not None:
            self._sel += data


def baca_tabel(html: str) -> dict[str, list[list[str]]]:
    """Every captioned table of `html`, keyed by its caption ("Tabel 2.4 Kerangka …")."""
    pembaca = _Pembaca()
    pembaca.feed(html)
    return pembaca.tabel


def cari(tabel: dict[str, list[list[str]]], *kata: str) -> list[list[str]]:
    """The rows of the one table whose caption contains every word in `kata`."""
    cocok = [judul for judul in tabel if all(k in judul for k in kata)]
    assert len(cocok) == 1, f"{kata}: {cocok or list(tabel)}"
    return tabel[cocok[0]]


def baris(rows: list[list[str]], *awal: str) -> list[str]:
    """The row whose cells contain `awal` in order, as the first matching cells."""
    for row in rows:
        teks = " | ".join(row)
        if all(a in teks for a in awal):
            return row
    raise AssertionError(f"tidak ada baris dengan {awal}")
