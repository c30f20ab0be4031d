"""The consistency rules between a worksheet's answers (`evaluasi.konsistensi`), each on its own."""

from decimal import Decimal as D

from django.test import SimpleTestCase

from evaluasi.konsistensi import (
    ATURAN_EVALUATOR,
    Butir,
    beda_tanpa_catatan,
    melebihi_prasyarat,
    pemanfaatan_tanpa_pemenuhan,
    periksa,
)

NILAI = {"Y": D(1), "T": D(0), "A": D(1), "B": D("0.75"), "C": D("0.5"), "E": D(0), "": None}


def butir(kode, jenis, label, prasyarat=None, catatan="", mandiri=None):
    return Butir(kode, kode[0], jenis, prasyarat, label, NILAI[label], catatan, NILAI.get(mandiri))


class MelebihiPrasyaratTests(SimpleTestCase):
    def test_a_quality_scored_for_a_document_that_does_not_exist_is_warned(self):
        hasil = melebihi_prasyarat(
            [butir("1.a.1", "pemenuhan", "T"), butir("1.b.1", "kualitas", "B", "1.a.1")]
        )
        self.assertEqual([(p.aturan, p.kriteria) for p in hasil], [("melebihi_prasyarat", "1.b.1")])
        self.assertIn("1.a.1 dijawab «T»", hasil[0].pesan)

    def test_a_quality_at_the_bottom_for_a_missing_document_is_consistent(self):
        self.assertEqual(
            melebihi_prasyarat([butir("1.a.1", "pemenuhan", "T"), butir("1.b.1", "kualitas", "E", "1.a.1")]),
            [],
        )

    def test_any_quality_for_a_document_that_exists_is_consistent(self):
        self.assertEqual(
            melebihi_prasyarat([butir("1.a.1", "pemenuhan", "Y"), butir("1.b.1", "kualitas", "A", "1.a.1")]),
            [],
        )

    def test_unanswered_answers_are_not_judged(self):
        self.assertEqual(
            melebihi_prasyarat([butir("1.a.1", "pemenuhan", ""), butir("1.b.1", "kualitas", "A", "1.a.1")]),
            [],
        )
        self.assertEqual(
            melebihi_prasyarat([butir("1.a.1", "pemenuhan", "T"), butir("1.b.1", "kualitas", "", "1.a.1")]),
            [],
        )


class PemanfaatanTanpaPemenuhanTests(SimpleTestCase):
    def test_use_scored_while_nothing_is_fulfilled_is_warned(self):
        hasil = pemanfaatan_tanpa_pemenuhan(
            [
                butir("2.a.1", "pemenuhan", "T"),
                butir("2.a.2", "pemenuhan", "T"),
                butir("2.c.1", "pemanfaatan", "C"),
                butir("2.c.2", "pemanfaatan", "E"),
            ]
        )
        self.assertEqual([p.kriteria for p in hasil], ["2.c.1"])

    def test_one_fulfilment_or_an_unanswered_one_is_enough_not_to_warn(self):
        for label in ("Y", ""):
            with self.subTest(label=label):
                self.assertEqual(
                    pemanfaatan_tanpa_pemenuhan(
                        [
                            butir("2.a.1", "pemenuhan", "T"),
                            butir("2.a.2", "pemenuhan", label),
                            butir("2.c.1", "pemanfaatan", "A"),
                        ]
                    ),
                    [],
                )

    def test_components_are_judged_each_on_their_own(self):
        hasil = pemanfaatan_tanpa_pemenuhan(
            [
                butir("1.a.1", "pemenuhan", "Y"),
                butir("2.a.1", "pemenuhan", "T"),
                butir("1.c.1", "pemanfaatan", "A"),
            ]
        )
        self.assertEqual(hasil, [])

    def test_a_component_without_fulfilment_questions_is_not_judged(self):
        self.assertEqual(pemanfaatan_tanpa_pemenuhan([butir("5.a.1", "lain", "A")]), [])


class BedaTanpaCatatanTests(SimpleTestCase):
    def test_a_difference_from_the_self_assessment_without_a_note_is_warned(self):
        hasil = beda_tanpa_catatan([butir("1.b.1", "kualitas", "C", mandiri="A")])
        self.assertEqual([p.kriteria for p in hasil], ["1.b.1"])

    def test_a_note_or_agreement_or_a_missing_side_is_enough(self):
        self.assertEqual(
            beda_tanpa_catatan([butir("1.b.1", "kualitas", "C", catatan="Tanpa manual IKU.", mandiri="A")]),
            [],
        )
        self.assertEqual(
            beda_tanpa_catatan([butir("1.b.1", "kualitas", "C", catatan="  ", mandiri="A")])[0].kriteria,
            "1.b.1",
        )
        self.assertEqual(beda_tanpa_catatan([butir("1.b.1", "kualitas", "A", mandiri="A")]), [])
        self.assertEqual(beda_tanpa_catatan([butir("1.b.1", "kualitas", "A", mandiri="")]), [])


class PeriksaTests(SimpleTestCase):
    def test_warnings_come_in_the_worksheets_order_whichever_rule_found_them(self):
        daftar = [
            butir("1.a.1", "pemenuhan", "T"),
            butir("1.b.1", "kualitas", "B", "1.a.1", mandiri="A"),
            butir("1.c.1", "pemanfaatan", "C", "1.a.1", catatan="Dipakai sebagian.", mandiri="C"),
        ]
        hasil = periksa(daftar, ATURAN_EVALUATOR)
        self.assertEqual(
            [(p.kriteria, p.aturan) for p in hasil],
            [
                ("1.b.1", "melebihi_prasyarat"),
                ("1.b.1", "beda_tanpa_catatan"),
                ("1.c.1", "melebihi_prasyarat"),
                ("1.c.1", "pemanfaatan_tanpa_pemenuhan"),
            ],
        )

    def test_the_self_assessment_is_not_asked_to_explain_differences(self):
        self.assertEqual(periksa([butir("1.b.1", "kualitas", "C", mandiri="A")]), [])
