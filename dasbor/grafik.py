"""The dashboard's charts as plain SVG: one horizontal bar per agency (or region), drawn by the
template `dasbor/_grafik.html` from the geometry computed here.

Plain SVG rather than matplotlib (which draws the report's charts): a bar chart is a few
rectangles and labels whose places are arithmetic, and the page is drawn on every request,
where matplotlib costs tens of milliseconds a chart and grows with the number of bars (the
report's charts took 81 % of its time). Here a chart of fifty bars costs a loop. The chart's
accessible name is a sentence with its key values (`Grafik.alt`), the SVG's `<title>` and
`aria-label`, as the report's charts do.
"""

from dataclasses import dataclass
from decimal import Decimal

from inti.angka import format_persen

TINGGI_BARIS = 22
LEBAR_LABEL = 280
LEBAR_BATANG = 420
LEBAR_NILAI = 90
ATAS = 26  # room for the reference line's label
PANJANG_LABEL = 42  # characters of a name before it is cut with «…»
WARNA_BAWAAN = "#1f4e79"


@dataclass(frozen=True)
class Batang:
    label: str  # the name as drawn, cut to PANJANG_LABEL
    nama: str  # the whole name, the bar's own <title>
    teks: str  # the value as shown
    y: int
    x: float
    lebar: float
    warna: str


@dataclass(frozen=True)
class Grafik:
    kunci: str
    judul: str
    alt: str
    batang: list[Batang]
    lebar: int
    tinggi: int
    x_nol: float
    x_acuan: float | None  # the 100 % line, when the scale reaches it
    label_acuan: str
    y_bawah: int


def _potong(nama: str) -> str:
    return nama if len(nama) <= PANJANG_LABEL else nama[: PANJANG_LABEL - 1].rstrip() + "…"


def batang(
    kunci: str,
    judul: str,
    isi: list[tuple[str, object, str, str | None]],
    acuan: Decimal | None = Decimal(100),
) -> Grafik:
    """A bar per (name, value, value as shown, colour); a value that is not a number draws no
    bar and says why.

    The scale runs from zero (or the lowest negative value) to the highest value or the
    reference, so that a 100 % line is always on the chart and bars start at zero.
    """
    angka = [n for _, n, _, _ in isi if isinstance(n, Decimal)]
    bawah = min([Decimal(0), *angka])
    atas = max([acuan or Decimal(0), *angka, Decimal(1)])
    skala = LEBAR_BATANG / float(atas - bawah)
    x_nol = LEBAR_LABEL + float(-bawah) * skala
    daftar = []
    for n, (nama, nilai, teks, warna) in enumerate(isi):
        y = ATAS + n * TINGGI_BARIS
        if isinstance(nilai, Decimal):
            ujung = LEBAR_LABEL + float(nilai - bawah) * skala
            x, lebar = min(x_nol, ujung), abs(ujung - x_nol)
        else:
            x, lebar = x_nol, 0.0
        daftar.append(Batang(_potong(nama), nama, teks, y, x, lebar, warna or WARNA_BAWAAN))
    terukur = sorted(((n, nama, teks) for nama, n, teks, _ in isi if isinstance(n, Decimal)), reverse=True)
    if terukur:
        (_, nama_atas, teks_atas), (_, nama_bawah, teks_bawah) = terukur[0], terukur[-1]
        alt = (
            f"{judul}: {len(isi)} batang; tertinggi {nama_atas} {teks_atas}, "
            f"terendah {nama_bawah} {teks_bawah}"
        )
    else:
        alt = f"{judul}: belum ada yang terukur"
    belum = len(isi) - len(terukur)
    if belum:
        alt += f"; {belum} belum terukur"
    return Grafik(
        kunci=kunci,
        judul=judul,
        alt=alt + ".",
        batang=daftar,
        lebar=LEBAR_LABEL + LEBAR_BATANG + LEBAR_NILAI,
        tinggi=ATAS + len(isi) * TINGGI_BARIS + 6,
        x_nol=x_nol,
        x_acuan=LEBAR_LABEL + float(acuan - bawah) * skala if acuan is not None else None,
        label_acuan=format_persen(acuan) if acuan is not None else "",
        y_bawah=ATAS + len(isi) * TINGGI_BARIS,
    )


LEBAR_GARIS, TINGGI_GARIS = 96, 24


def garis_kecil(nilai: list[tuple[int, object]], tulis=format_persen) -> tuple[list[tuple[str, str]], str]:
    """A sparkline of (year, value) pairs: its points (x, y as text, the measured years only)
    and its accessible name, each year with its value written by `tulis` (the agency's
    rounding) or why there is none. Zero at the foot, the top at the higher of 100 % and the
    highest value, so that lines of different agencies read alike."""
    terukur = [(t, n) for t, n in nilai if isinstance(n, Decimal)]
    atas = float(max([Decimal(100), *(n for _, n in terukur)]))
    bawah = float(min([Decimal(0), *(n for _, n in terukur)]))
    langkah = (LEBAR_GARIS - 6) / max(len(nilai) - 1, 1)
    urutan = {t: k for k, (t, _) in enumerate(nilai)}
    titik = [
        (
            f"{3 + urutan[t] * langkah:.1f}",
            f"{(TINGGI_GARIS - 6) * (1 - (float(n) - bawah) / (atas - bawah)) + 3:.1f}",
        )
        for t, n in terukur
    ]
    nama = "; ".join(f"{t}: {tulis(n) if isinstance(n, Decimal) else n}" for t, n in nilai)
    return titik, nama
