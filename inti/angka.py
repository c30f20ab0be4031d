"""Indonesian numbers: reading what people type or paste, writing what people read.

The lowest layer of the project (every app uses it, it uses no app). Pure functions over
`Decimal`, no database. Indonesian writes `1.200,87`: a dot groups thousands, a comma
marks decimals. Parsing is strict, through Babel's locale data, because a number read
wrongly (1.200 taken for 1,2) is worse than a number refused.
"""

import functools
import re
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from babel import Locale
from babel.numbers import NumberFormatError, NumberPattern, parse_decimal, parse_pattern
from django.db import models

LOCALE = "id"


class Pembulatan(models.TextChoices):
    """How a shown figure is cut to its decimals; the documents differ (see DESIGN.md)."""

    SETENGAH_KE_ATAS = "half_up", "Dibulatkan (setengah ke atas)"
    POTONG = "truncate", "Dipotong (tanpa pembulatan)"


_ROUNDING = {Pembulatan.SETENGAH_KE_ATAS: ROUND_HALF_UP, Pembulatan.POTONG: ROUND_DOWN}


def bulatkan(nilai: Decimal, mode: str = Pembulatan.SETENGAH_KE_ATAS, desimal: int = 2) -> Decimal:
    """Cut `nilai` to `desimal` places. Truncation goes toward zero (-95,989 -> -95,98)."""
    return nilai.quantize(Decimal(1).scaleb(-desimal), rounding=_ROUNDING[Pembulatan(mode)])


def jumlah_ada(nilai: Iterable[Decimal | int | None]) -> Decimal | int | None:
    """The sum of the figures there are: `[3, None, 4]` → 7; `[None]` → None («-»), not 0."""
    ada = [n for n in nilai if n is not None]
    return sum(ada) if ada else None


class AngkaTidakValid(ValueError):
    """Raised with a message, in Indonesian, that names the value and says what is wrong."""


# Things people paste around a number: currency, percent sign, Excel's text apostrophe,
# the accountant's trailing ",-" and non-breaking spaces from Word.
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)
# ASCII digits only: Arabic-Indic or full-width digits are not what a column of figures holds.
_PLAIN_DOT_DECIMAL = re.compile(r"^[+-]?[0-9]+\.([0-9]{1,2}|[0-9]{4,})$")
_ALLOWED = re.compile(r"^[+-]?[0-9.,]+$")
_HINT = "tulis seperti 1.200,87 (titik pemisah ribuan, koma desimal)"


def parse_angka(teks: str | int | Decimal) -> Decimal:
    """Read a number as an Indonesian user writes it, or raise `AngkaTidakValid`.

    Accepts `1.200,87`, `18,11%`, `Rp. 7.085.233.615,00`, `'31,25%`, `-3,83`, `(1.500)`
    and a plain `1200.87` where the dot cannot be a thousands separator (not followed by
    exactly three digits). Rejects everything else, including exponents and `18.83.1`.
    """
    if isinstance(teks, bool):
        raise AngkaTidakValid(f"«{teks}» bukan angka")
    if isinstance(teks, (int, Decimal)):
        return Decimal(teks)
    asli = str(teks)
    s = asli.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-").strip()
    s = s.lstrip("'").strip()
    negatif = s.startswith("(") and s.endswith(")")
    if negatif:
        s = s[1:-1].strip()
        if s[:1] in ("-", "+"):
            raise AngkaTidakValid(f"«{asli}» bukan angka: tanda kurung sudah berarti negatif; {_HINT}")
    s = _RP.sub("", s)
    if s.endswith(",-"):
        s = s[:-2]
    s = s.removesuffix("%").strip()
    if not s:
        raise AngkaTidakValid(f"«{asli}» kosong: isi dengan angka, {_HINT}")
    if not _ALLOWED.match(s):
        raise AngkaTidakValid(f"«{asli}» bukan angka: hanya angka, titik dan koma; {_HINT}")
    if _PLAIN_DOT_DECIMAL.match(s):
        nilai = Decimal(s)
    else:
        try:
            nilai = parse_decimal(s, locale=LOCALE, strict=True)
        except (NumberFormatError, InvalidOperation):
            raise AngkaTidakValid(
                f"«{asli}» bukan angka yang sah: titik hanya untuk memisahkan ribuan "
                f"(setiap tiga digit) dan hanya satu koma desimal; {_HINT}"
            ) from None
    return -nilai if negatif else nilai


def format_angka(
    nilai: Decimal | int | None,
    desimal: int = 2,
    mode: str = Pembulatan.SETENGAH_KE_ATAS,
) -> str:
    """`Decimal('1200.871')` -> `'1.200,87'`; None (nothing measured) -> `'–'`."""
    if nilai is None:
        return "–"
    return _pola(desimal).apply(bulatkan(Decimal(nilai), mode, desimal), _LOKAL)


# babel's format_decimal parses the locale and the pattern on every call: a ten-times
# report formats some 12 000 figures, and that parsing was most of their cost.
_LOKAL = Locale.parse(LOCALE)


@functools.cache
def _pola(desimal: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * desimal if desimal > 0 else ""))


def format_nilai(
    nilai: Decimal | int | None,
    desimal: int = 2,
    mode: str = Pembulatan.SETENGAH_KE_ATAS,
    tetap: int | None = None,
) -> str:
    """A stored or computed indicator value: with `tetap`, the decimals the indicator states
    (31,5 -> 31,50 for 2); else whole numbers stay whole (30, 185 unit), fractions show at
    least `desimal` places (80,70) and more when entered so (825,273), and a computed
    value with many decimals is cut to `desimal`."""
    if nilai is None:
        return "–"
    nilai = Decimal(nilai)
    if tetap is not None:
        return format_angka(nilai, tetap, mode)
    sendiri = max(0, -nilai.normalize().as_tuple().exponent)
    if sendiri > 4:
        sendiri = desimal
    return format_angka(nilai, max(sendiri, desimal) if sendiri else 0, mode)


def format_rupiah(nilai: Decimal | int | None) -> str:
    """`18424991230` -> `'Rp 18.424.991.230'`; sen are shown only where there are any."""
    if nilai is None:
        return "–"
    nilai = Decimal(nilai)
    desimal = 0 if nilai == nilai.to_integral_value() else 2
    teks = format_angka(abs(nilai), desimal)
    return f"-Rp {teks}" if nilai < 0 else f"Rp {teks}"


def format_persen(
    nilai: Decimal | None,
    desimal: int = 2,
    mode: str = Pembulatan.SETENGAH_KE_ATAS,
) -> str:
    """`Decimal('103.9757')` -> `'103,98 %'` (or `'103,97 %'` when truncating)."""
    if nilai is None:
        return "–"
    return f"{format_angka(nilai, desimal, mode)} %"
