"""Property tests over the edge's validators: whatever a person types or a spreadsheet
holds, a form and the spreadsheet readers answer with a value or a validation message,
never with an exception (which the person would see as a 500)."""

import contextlib
import io
from decimal import Decimal

from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from openpyxl import load_workbook

from instansi.akses import akses_untuk
from inti.forms import AngkaField
from kinerja.models import Indikator
from kinerja.realisasi.forms import RealisasiForm
from sakip.excel import anggaran, realisasi
from sakip.excel.aman import BerkasDitolak
from tests.factories import buat_instansi, buat_pemeran

TAHUN = 2022
# Text a person can type or paste; openpyxl refuses control characters in a cell.
TEKS = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=80)
ANGKA_TEKS = st.from_regex(r"\A[-+(']?(Rp\.? ?)?[0-9.,eE+-]{0,45}%?\)?\Z")
SEL = st.one_of(
    st.none(),
    TEKS,
    ANGKA_TEKS,
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)


class AngkaFieldProperties(TestCase):
    @given(st.one_of(TEKS, ANGKA_TEKS, st.floats(), st.integers(), st.decimals()))
    def test_a_typed_number_is_a_bounded_decimal_or_a_message_naming_the_field(self, masukan):
        field = AngkaField(label="Realisasi", max_digits=20, decimal_places=4, required=False)
        try:
            nilai = field.clean(masukan)
        except forms.ValidationError as exc:
            self.assertTrue(all(m.startswith("Realisasi") for m in exc.messages), exc.messages)
            return
        if nilai is not None:
            self.assertIsInstance(nilai, Decimal)
            self.assertTrue(nilai.is_finite())
            self.assertLess(abs(nilai), Decimal(10) ** 16)
            self.assertGreaterEqual(nilai.as_tuple().exponent, -4)


class FormAndSheetProperties(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a")
        cls.perencana, _, _ = buat_pemeran(cls.a, buat_instansi("dinas-b"))
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)
        cls.templat = realisasi.templat(cls.a, TAHUN)
        cls.templat_anggaran = anggaran.templat(cls.a, TAHUN)

    @given(st.dictionaries(st.sampled_from(list(RealisasiForm.base_fields)), TEKS))
    def test_the_realisation_form_validates_any_text(self, data):
        form = RealisasiForm(data, indikator=self.iku)
        if form.is_valid():
            form.isian()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.fixed_dictionaries(
            {
                k: SEL
                for k in (
                    "ID",
                    "Realisasi",
                    "Komponen A",
                    "Komponen B",
                    "Belum diukur",
                    "Keterangan",
                    "Versi",
                )
            }
        )
    )
    def test_the_realisation_sheet_reads_any_cells_into_changes_or_problems(self, isi_sel):
        buku = load_workbook(io.BytesIO(self.templat))
        lembar = buku[realisasi.LEMBAR]
        for kolom, nilai in isi_sel.items():
            lembar.cell(2, realisasi.KOLOM.index(kolom) + 1).value = nilai
        keluaran = io.BytesIO()
        buku.save(keluaran)
        try:
            hasil = realisasi.baca(keluaran.getvalue(), akses_untuk(self.perencana, self.a, TAHUN), None)
        except BerkasDitolak:
            return  # refused whole, with its reason (a formula typed as text, say)
        self.assertLessEqual(len(hasil.perubahan), 1)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(SEL, min_size=len(anggaran.KOLOM) - 3, max_size=len(anggaran.KOLOM) - 3), SEL)
    def test_the_budget_sheet_reads_any_cells_into_changes_or_problems(self, isi_sel, id_sel):
        buku = load_workbook(io.BytesIO(self.templat_anggaran))
        lembar = buku[anggaran.LEMBAR]
        for k, nilai in enumerate(isi_sel, start=4):
            lembar.cell(2, k).value = nilai
        lembar.cell(3, 1).value = id_sel
        keluaran = io.BytesIO()
        buku.save(keluaran)
        # Refused whole, with its reason, is an answer too (a formula typed as text, say).
        with contextlib.suppress(BerkasDitolak):
            anggaran.baca(keluaran.getvalue(), akses_untuk(self.perencana, self.a, TAHUN), None)
