"""The LKE's arithmetic (`evaluasi.hitung`): worked examples, property tests, Bandar Lampung's
history under 12/2015 from the fixture, and a whole 88/2021 worksheet built and answered here."""

from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase
from hypothesis import given
from hypothesis import strategies as st

from evaluasi import hitung
from evaluasi.alur import mulai
from evaluasi.lembar import kumpulkan
from evaluasi.models import EvaluasiLke, Instrumen, JawabanLke, KriteriaLke, Pihak
from kinerja.models import EvaluasiSakip, PredikatEvaluasi
from tests.factories import buat_instansi

PITA = [
    (D(90), "AA"),
    (D(80), "A"),
    (D(70), "BB"),
    (D(60), "B"),
    (D(50), "CC"),
    (D(30), "C"),
    (None, "D"),
]
AE = {"A": D(1), "B": D("0.75"), "C": D("0.5"), "D": D("0.25"), "E": D(0)}

# 88/2021's structure as its weights split: pemenuhan 20 %, kualitas 30 %, pemanfaatan 50 %.
BOBOT_88 = {"1": D(30), "2": D(30), "3": D(15), "4": D(25)}
BAGIAN = {"a": D("0.2"), "b": D("0.3"), "c": D("0.5")}


def lembar_88(nilai: dict[str, list]) -> list[hitung.KomponenMasukan]:
    """An 88/2021 worksheet whose sub-component `kode` ("1a") has the criteria values given."""
    return [
        hitung.KomponenMasukan(
            k,
            f"Komponen {k}",
            bobot,
            tuple(
                hitung.SubMasukan(s, s, bobot * bagian, tuple(nilai.get(k + s, [D(0)])))
                for s, bagian in BAGIAN.items()
            ),
        )
        for k, bobot in BOBOT_88.items()
    ]


class WorkedExampleTests(SimpleTestCase):
    def test_a_sub_component_scores_the_mean_of_its_criteria_times_its_weight(self):
        # Perencanaan's kualitas (9) answered A, B, C and one not answered: (1 + 0,75 + 0,5 + 0) / 4 × 9.
        self.assertEqual(hitung.nilai_sub_komponen([D(1), D("0.75"), D("0.5"), None], D(9)), D("5.0625"))

    def test_an_unanswered_criterion_counts_as_zero_not_left_out(self):
        self.assertEqual(hitung.nilai_sub_komponen([D(1), None], D(6)), D(3))
        self.assertEqual(hitung.nilai_sub_komponen([None, None], D(6)), D(0))

    def test_a_sub_component_without_criteria_scores_zero(self):
        self.assertEqual(hitung.nilai_sub_komponen([], D(6)), D(0))

    def test_answer_values_come_from_the_scale(self):
        self.assertEqual(hitung.nilai_jawaban("B", AE), D("0.75"))
        self.assertIsNone(hitung.nilai_jawaban("", AE))
        self.assertIsNone(hitung.nilai_jawaban("Z", AE))

    def test_difference_is_the_evaluators_minus_the_self_assessments(self):
        self.assertEqual(hitung.selisih(D(1), D("0.5")), D("-0.5"))
        self.assertIsNone(hitung.selisih(None, D(1)))

    def test_predikat_needs_a_score_strictly_above_the_band(self):
        self.assertEqual(hitung.predikat(D("90.00"), PITA), "A")
        self.assertEqual(hitung.predikat(D("90.01"), PITA), "AA")
        self.assertEqual(hitung.predikat(D("80"), PITA), "BB")
        self.assertEqual(hitung.predikat(D("30"), PITA), "D")
        self.assertEqual(hitung.predikat(D(0), PITA), "D")
        self.assertIsNone(hitung.predikat(None, PITA))

    def test_a_worksheet_counts_what_is_still_unanswered(self):
        skor = hitung.skor(lembar_88({"1a": [D(1), None, None, D(1)], "2b": [None]}))
        self.assertEqual(skor.belum_dijawab, 3)
        self.assertEqual(skor.komponen[0].sub[0].nilai, D(3))


nilai_skala = st.sampled_from([*AE.values(), None])
jumlah_kriteria = st.integers(min_value=1, max_value=5)


def lembar_acak():
    """Any 88/2021 worksheet: 1–5 criteria per sub-component, each answered on A–E or not."""
    kode = [k + s for k in BOBOT_88 for s in BAGIAN]
    return st.fixed_dictionaries({k: st.lists(nilai_skala, min_size=1, max_size=5) for k in kode})


class PropertyTests(SimpleTestCase):
    @given(st.dictionaries(st.sampled_from(["1a", "2b", "3c", "4a"]), jumlah_kriteria))
    def test_every_answer_at_the_top_gives_100(self, banyak):
        kode = [k + s for k in BOBOT_88 for s in BAGIAN]
        skor = hitung.skor(lembar_88({k: [D(1)] * banyak.get(k, 2) for k in kode}))
        self.assertEqual(skor.nilai, D(100))
        self.assertEqual(hitung.predikat(skor.nilai, PITA), "AA")

    @given(st.dictionaries(st.sampled_from(["1a", "2b", "3c", "4a"]), jumlah_kriteria))
    def test_every_answer_at_the_bottom_gives_0(self, banyak):
        kode = [k + s for k in BOBOT_88 for s in BAGIAN]
        skor = hitung.skor(lembar_88({k: [D(0)] * banyak.get(k, 2) for k in kode}))
        self.assertEqual(skor.nilai, D(0))
        self.assertEqual(hitung.predikat(skor.nilai, PITA), "D")

    @given(lembar_acak())
    def test_the_total_is_the_sum_of_the_components_and_each_the_sum_of_its_parts(self, nilai):
        skor = hitung.skor(lembar_88(nilai))
        self.assertEqual(skor.nilai, sum((k.nilai for k in skor.komponen), D(0)))
        for k in skor.komponen:
            self.assertEqual(k.nilai, sum((s.nilai for s in k.sub), D(0)))
            self.assertLessEqual(k.nilai, k.bobot)
        self.assertTrue(D(0) <= skor.nilai <= D(100))

    @given(lembar_acak(), st.sampled_from([k + s for k in BOBOT_88 for s in BAGIAN]))
    def test_answering_an_unanswered_criterion_never_lowers_the_score(self, nilai, kode):
        sebelum = hitung.skor(lembar_88(nilai)).nilai
        isi = [D(0) if n is None else n for n in nilai[kode]]
        sesudah = hitung.skor(lembar_88(nilai | {kode: isi})).nilai
        self.assertGreaterEqual(sesudah, sebelum)


class BandarLampungHistoryTests(TestCase):
    """12/2015: the inspectorate's component scores of Bandar Lampung's DISKOPUKM (Tabel 3.1)."""

    fixtures = ["bandar_lampung_2022"]

    def setUp(self):
        self.pita = list(PredikatEvaluasi.objects.values_list("lebih_dari", "label"))

    def komponen(self, tahun):
        return EvaluasiSakip.objects.get(
            instansi__slug="diskopukm-bandar-lampung", tahun=tahun
        ).komponen.all()

    def test_2020_is_80_37_a(self):
        nilai = [k.nilai for k in self.komponen(2020)]
        self.assertEqual(nilai, [D("27.31"), D("19.06"), D("10.88"), D("8.43"), D("14.69")])
        self.assertEqual(hitung.jumlah(nilai), D("80.37"))
        self.assertEqual(hitung.predikat(hitung.jumlah(nilai), self.pita), "A")

    def test_2021_is_73_31_printed_73_30_from_its_components_bb(self):
        # The printed components add up to 73,30 (ERRATA BL-T3.1-2021-NILAI: the inspectorate
        # summed before rounding); «Capaian» has no score that year («-»), left out, not 0.
        nilai = [k.nilai for k in self.komponen(2021) if k.nilai is not None]
        self.assertEqual(nilai, [D("24.30"), D("21.00"), D("10.50"), D("17.50")])
        self.assertEqual(hitung.jumlah(nilai), D("73.30"))
        self.assertEqual(hitung.predikat(hitung.jumlah(nilai), self.pita), "BB")
        self.assertEqual(hitung.predikat(D("73.31"), self.pita), "BB")

    def test_the_12_2015_instrument_has_the_weights_the_inspectorate_scored_2020_against(self):
        instrumen = Instrumen.objects.get(dasar="PermenPAN-RB 12/2015")
        dipakai = [k.bobot for k in self.komponen(2020)]
        self.assertEqual(dipakai, [k.bobot for k in instrumen.komponen.all()])
        for k in self.komponen(2020):
            self.assertLessEqual(k.nilai, k.bobot, k.nama)

    def test_2021s_scores_fit_88_2021s_weights_not_the_12_2015_ones_the_table_prints(self):
        # Evaluasi 17,50 exceeds 12/2015's 10 but not 88/2021's 25: the four components
        # scored in 2021 are 88/2021's, printed under the old table's weights.
        bobot_88 = [k.bobot for k in Instrumen.objects.get(dasar="PermenPAN-RB 88/2021").komponen.all()]
        nilai = [k.nilai for k in self.komponen(2021) if k.nilai is not None]
        self.assertEqual(len(nilai), len(bobot_88))
        for n, b in zip(nilai, bobot_88, strict=True):
            self.assertLessEqual(n, b)
        self.assertGreater(nilai[3], self.komponen(2021)[3].bobot)


class Worksheet88Tests(TestCase):
    """A full 88/2021 worksheet: started from the shipped instrument, every criterion answered."""

    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi("dinas-lke")
        admin = get_user_model().objects.create_superuser("admin-lke", password="rahasia-lke-1")
        instrumen = Instrumen.objects.get(dasar="PermenPAN-RB 88/2021")
        cls.evaluasi = mulai(admin, cls.instansi, 2023, instrumen)
        cls.pita = list(PredikatEvaluasi.objects.values_list("lebih_dari", "label"))

    def jawab(self, pilih):
        """Answer every criterion on the evaluator's side with `pilih(criterion)`."""
        kriteria = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=self.evaluasi).select_related(
            "sub_komponen"
        )
        JawabanLke.objects.filter(kriteria__in=kriteria).delete()
        JawabanLke.objects.bulk_create(
            JawabanLke(kriteria=r, pihak=Pihak.EVALUATOR, nilai_skala=pilih(r)) for r in kriteria
        )
        return kumpulkan(EvaluasiLke.objects.get(pk=self.evaluasi.pk), lihat_evaluator=True).skor(
            Pihak.EVALUATOR
        )

    def test_the_copy_has_88_2021s_weights(self):
        skor = self.jawab(lambda r: "")
        self.assertEqual([k.bobot for k in skor.komponen], [D(30), D(30), D(15), D(25)])
        self.assertEqual(
            [s.bobot for s in skor.komponen[0].sub], [D(6), D(9), D(15)], "Perencanaan 6 / 9 / 15"
        )
        self.assertEqual(skor.bobot, D(100))
        self.assertEqual(skor.nilai, D(0))
        self.assertEqual(
            skor.belum_dijawab,
            KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=self.evaluasi).count(),
        )

    def test_all_at_the_top_is_100_aa_and_all_at_the_bottom_0_d(self):
        atas = self.jawab(lambda r: r.pilihan[0][0])
        self.assertEqual((atas.nilai, hitung.predikat(atas.nilai, self.pita)), (D(100), "AA"))
        bawah = self.jawab(lambda r: r.pilihan[-1][0])
        self.assertEqual((bawah.nilai, hitung.predikat(bawah.nilai, self.pita)), (D(0), "D"))

    def test_a_worked_worksheet(self):
        # Every pemenuhan Y; kualitas B (0,75); pemanfaatan C (0,5), except Perencanaan's
        # pemanfaatan A: 6 + 9 × 0,75 + 15 = 27,75 for Perencanaan; 6 + 6,75 + 7,5 = 20,25
        # for Pengukuran; 3 + 3,375 + 3,75 = 10,125 for Pelaporan; 5 + 5,625 + 6,25 = 16,875
        # for Evaluasi; 75 in all, BB.
        def pilih(r):
            jenis = r.sub_komponen.jenis
            if jenis == "pemenuhan":
                return "Y"
            if jenis == "kualitas":
                return "B"
            return "A" if r.kode.startswith("1.") else "C"

        skor = self.jawab(pilih)
        self.assertEqual([k.nilai for k in skor.komponen], [D("27.75"), D("20.25"), D("10.125"), D("16.875")])
        self.assertEqual(skor.nilai, D(75))
        self.assertEqual(hitung.predikat(skor.nilai, self.pita), "BB")
        self.assertEqual(skor.belum_dijawab, 0)
