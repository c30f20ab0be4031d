"""Indonesian numbers: what people paste is read strictly, what people read is formatted."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from inti.angka import (
    AngkaTidakValid,
    Pembulatan,
    bulatkan,
    format_angka,
    format_nilai,
    format_persen,
    format_rupiah,
    parse_angka,
)
from inti.forms import AngkaField, format_masukan


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1.200,87", "1200.87"),
        ("18,11%", "18.11"),
        ("18,11 %", "18.11"),
        ("Rp. 7.085.233.615,00", "7085233615.00"),
        ("Rp 18.424.991.230", "18424991230"),
        ("Rp.18.424.991.230,-", "18424991230"),
        ("'31,25%", "31.25"),
        ("-3,83", "-3.83"),
        ("\u22123,83", "-3.83"),
        ("(1.500)", "-1500"),
        ("1200.87", "1200.87"),
        ("0.5", "0.5"),
        ("0,21", "0.21"),
        ("1.899", "1899"),
        (" 80,70\u00a0", "80.70"),
        ("74", "74"),
    ],
)
def test_it_reads_what_people_paste_from_word_and_excel(teks, nilai):
    assert parse_angka(teks) == Decimal(nilai)


@pytest.mark.parametrize(
    "teks",
    [
        *(
            "18.83.1",
            "1,200.87",
            "12,3,4",
            "1.20,5",
            "0.500",
            "1e5",
            "abc",
            "",
            "   ",
            "%",
            "Rp",
            "1 200",
            "NaN",
        ),
        # Brackets already mean negative; digits of other scripts are not a column's figures.
        *("(-5)", "(+5)", "\u0661\u0662\u0663", "\uff11\uff12\uff13"),
    ],
)
def test_it_rejects_malformed_or_ambiguous_input_naming_the_value(teks):
    with pytest.raises(AngkaTidakValid) as exc:
        parse_angka(teks)
    assert f"«{teks}»" in str(exc.value)


def test_a_dot_before_three_digits_is_a_thousands_separator_as_in_indonesian():
    assert parse_angka("18.830") == Decimal(18830)


def test_truncation_and_rounding_follow_the_two_documents():
    assert bulatkan(Decimal("103.9757"), Pembulatan.POTONG) == Decimal("103.97")
    assert bulatkan(Decimal("103.9757"), Pembulatan.SETENGAH_KE_ATAS) == Decimal("103.98")
    assert bulatkan(Decimal("-95.9899"), Pembulatan.POTONG) == Decimal("-95.98")
    assert bulatkan(Decimal("2.465"), Pembulatan.SETENGAH_KE_ATAS) == Decimal("2.47")


def test_it_formats_the_indonesian_way():
    assert format_angka(Decimal("1200.87")) == "1.200,87"
    assert format_angka(Decimal("1200.871"), 0) == "1.201"
    assert format_rupiah(Decimal("18424991230")) == "Rp 18.424.991.230"
    assert format_rupiah(Decimal("7085233615.50")) == "Rp 7.085.233.615,50"
    assert format_rupiah(Decimal("-1040848458")) == "-Rp 1.040.848.458"
    assert format_persen(Decimal("103.9757"), mode=Pembulatan.POTONG) == "103,97 %"
    assert format_persen(None) == "–"


def test_indicator_values_keep_whole_numbers_whole_and_show_entered_decimals():
    assert format_nilai(Decimal("80.0000")) == "80"
    assert format_nilai(Decimal("80.7000")) == "80,70"
    assert format_nilai(Decimal("825.2730")) == "825,273"
    assert format_nilai(Decimal(74) / Decimal(393) * 100, mode=Pembulatan.POTONG) == "18,82"
    assert format_nilai(None) == "–"


def test_template_filters_show_numbers_and_reasons():
    html = Template(
        "{% load angka %}{{ a|angka }}|{{ b|rupiah }}|{{ c|persen }}|{{ d|persen }}|{{ e|angka:0 }}"
    ).render(
        Context(
            {
                "a": Decimal("1200.87"),
                "b": Decimal("18424991230"),
                "c": Decimal("103.97"),
                "d": "Belum diukur",
                "e": None,
            }
        )
    )
    assert html == "1.200,87|Rp 18.424.991.230|103,97 %|Belum diukur|–"


def test_form_field_names_the_field_and_the_value_when_refusing():
    field = AngkaField(label="Realisasi", max_digits=20, decimal_places=4)
    with pytest.raises(Exception) as exc:
        field.clean("18.83.1")
    assert "Realisasi" in str(exc.value) and "«18.83.1»" in str(exc.value)
    assert field.clean("18,83") == Decimal("18.83")
    assert AngkaField(required=False).clean("  ") is None


def test_form_field_enforces_the_columns_precision():
    field = AngkaField(label="Pagu", max_digits=18, decimal_places=2)
    with pytest.raises(Exception, match="2"):
        field.clean("1,234")


def test_stored_values_are_shown_back_as_people_type_them():
    assert format_masukan(Decimal("1200.8700")) == "1.200,87"
    assert format_masukan(Decimal("18424991230.00")) == "18.424.991.230"
    assert format_masukan(Decimal("-3.8300")) == "-3,83"


@given(
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False),
)
def test_format_then_parse_gives_the_same_decimal(nilai):
    assert parse_angka(format_angka(nilai, 2)) == nilai
    assert parse_angka(format_persen(nilai, 2)) == nilai


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_round_trips(nilai):
    assert parse_angka(format_rupiah(Decimal(nilai))) == nilai
