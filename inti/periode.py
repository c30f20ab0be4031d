"""Years and quarters as the application and the documents write them: the range of years
every model accepts, Roman numerals (Bab IV, TW III), a quarter's labels, and reading a
quarter from a request. Pure functions, no database."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import Http404

TAHUN_AWAL, TAHUN_AKHIR = 2000, 2100
VALIDATOR_TAHUN = [MinValueValidator(TAHUN_AWAL), MaxValueValidator(TAHUN_AKHIR)]
TRIWULAN = (1, 2, 3, 4)
_ROMAWI = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def tahun_sah(tahun: int) -> bool:
    return TAHUN_AWAL <= tahun <= TAHUN_AKHIR


def romawi(n: int) -> str:
    """`4` -> `'IV'` (chapters, programs and quarters are numbered so; 1 to 39)."""
    hasil = ""
    for nilai, huruf in _ROMAWI:
        while n >= nilai:
            hasil += huruf
            n -= nilai
    return hasil


def arab(teks: str) -> int:
    """`'IV'` -> `4`, the inverse of `romawi`."""
    for n in range(1, 40):
        if romawi(n) == teks:
            return n
    raise ValueError(f"{teks!r} bukan angka Romawi 1–39")


def label_triwulan(triwulan: int) -> str:
    """`2` -> `'TW II'`, as the tables write a quarter."""
    return f"TW {romawi(triwulan)}"


def nama_periode(triwulan: int | None) -> str:
    """`None` -> `'Tahunan'`, `2` -> `'Triwulan II'`, as a screen names the period."""
    return f"Triwulan {romawi(triwulan)}" if triwulan else "Tahunan"


def periode(tahun: int, triwulan: int | None) -> str:
    """A period as the documents write it: `'2023'`, or `'TW II 2023'` for a quarter."""
    return f"{label_triwulan(triwulan)} {tahun}" if triwulan else str(tahun)


def baca_triwulan(teks) -> int | None:
    """A quarter from a request or a form: empty or «tahunan» is the whole year, 1–4 a
    quarter, anything else no page (404)."""
    if teks in (None, "", "tahunan"):
        return None
    if str(teks) not in ("1", "2", "3", "4"):
        raise Http404("Triwulan harus 1 sampai 4.")
    return int(teks)
