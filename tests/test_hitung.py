"""The arithmetic of both documents: capaian, comparisons, averages, bands, efficiency."""

from decimal import Decimal as D
from decimal import localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anggaran import hitung as anggaran
from anggaran.hitung import Tahap
from instansi.pengaturan import (
    MetodeEfisiensi,
    Pita,
    PitaTidakValid,
    RumusPolaritasTurun,
    cari_predikat,
    validasi_pita,
)
from inti.angka import Pembulatan, bulatkan
from kinerja import hitung
from kinerja.hitung import Polaritas, TidakTerhitung

POTONG, BULAT = Pembulatan.POTONG, Pembulatan.SETENGAH_KE_ATAS

BANDAR_LAMPUNG = [
    Pita("Sangat Baik", D(85)),
    Pita("Berhasil", D(70), D(85)),
    Pita("Cukup Baik", D(55), D(70)),
    Pita("Tidak Baik", None, D(55)),
]
SKALA_EVALUASI = [
    (D(90), "AA"),
    (D(80), "A"),
    (D(70), "BB"),
    (D(60), "B"),
    (D(50), "CC"),
    (D(30), "C"),
    (None, "D"),
]


class TestCapaian:
    def test_bandar_lampung_koperasi_sehat_truncates_to_103_97(self):
        assert bulatkan(hitung.capaian(D("18.11"), D("18.83")), POTONG) == D("103.97")

    def test_lampung_barat_rounds_the_same_figure_to_103_98(self):
        assert bulatkan(hitung.capaian(D("18.11"), D("18.83")), BULAT) == D("103.98")

    def test_wirausaha_pemula_0_21_of_0_75_is_28(self):
        assert bulatkan(hitung.capaian(D("0.75"), D("0.21")), BULAT) == D("28.00")

    def test_negative_realisation_stays_negative(self):
        assert bulatkan(hitung.capaian(D("3.99"), D("-3.83")), POTONG) == D("-95.98")

    def test_umkm_laba_30_54_of_31_50(self):
        assert bulatkan(hitung.capaian(D("31.50"), D("30.54")), POTONG) == D("96.95")

    def test_missing_realisation_is_not_measured_rather_than_zero(self):
        assert hitung.capaian(D("80.70"), None) is TidakTerhitung.BELUM_DIUKUR
        assert hitung.capaian(D("80.70"), TidakTerhitung.BELUM_DIUKUR) is TidakTerhitung.BELUM_DIUKUR

    def test_target_zero_is_not_computable_and_does_not_crash(self):
        assert hitung.capaian(D(0), D(0)) is TidakTerhitung.PEMBAGI_NOL

    def test_lower_is_better_by_difference_formula(self):
        # Target rise of at most 3 %, prices rose 0,14 %: (2 × 3 − 0,14) / 3 × 100.
        nilai = hitung.capaian(D(3), D("0.14"), Polaritas.TURUN, RumusPolaritasTurun.SELISIH)
        assert bulatkan(nilai, BULAT) == D("195.33")

    def test_lower_is_better_by_inverse_formula(self):
        nilai = hitung.capaian(D(3), D("0.14"), Polaritas.TURUN, RumusPolaritasTurun.KEBALIKAN)
        assert bulatkan(nilai, BULAT) == D("2142.86")
        assert hitung.capaian(D(3), D(0), Polaritas.TURUN, RumusPolaritasTurun.KEBALIKAN) is (
            TidakTerhitung.PEMBAGI_NOL
        )

    def test_full_precision_is_carried_until_shown(self):
        capaian = hitung.capaian(D("18.11"), hitung.nilai_rasio(D(74), D(393)))
        penyerapan = anggaran.penyerapan(D(2516200000), D(2157122364))
        efisiensi = anggaran.efisiensi(capaian, penyerapan, MetodeEfisiensi.SELISIH)
        assert bulatkan(efisiensi, POTONG) == D("18.24")
        # Subtracting the shown, truncated figures would have given 18,25.
        assert bulatkan(capaian, POTONG) - bulatkan(penyerapan, POTONG) == D("18.25")

    @given(
        st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=4),
        st.sampled_from(list(Polaritas)),
        st.sampled_from(list(RumusPolaritasTurun)),
    )
    def test_realisation_equal_to_target_is_100_for_both_polarities(self, target, polaritas, rumus):
        assert hitung.capaian(target, target, polaritas, rumus) == 100

    @given(
        st.decimals(min_value=D("0.01"), max_value=D("1e6"), places=2),
        st.decimals(min_value=D("0"), max_value=D("1e6"), places=2),
    )
    def test_higher_is_better_grows_with_realisation_and_lower_is_better_shrinks(self, target, realisasi):
        naik = hitung.capaian(target, realisasi)
        turun = hitung.capaian(target, realisasi, Polaritas.TURUN)
        lebih = realisasi + 1
        assert hitung.capaian(target, lebih) > naik
        assert hitung.capaian(target, lebih, Polaritas.TURUN) < turun


class TestNilaiDariKomponen:
    def test_ratio_74_of_393_koperasi_is_18_83(self):
        assert bulatkan(hitung.nilai_rasio(D(74), D(393)), POTONG) == D("18.82")
        assert bulatkan(hitung.nilai_rasio(D(74), D(393)), BULAT) == D("18.83")

    def test_growth(self):
        assert hitung.nilai_pertumbuhan(D(100), D(110)) == 10
        assert hitung.nilai_pertumbuhan(D(0), D(5)) is TidakTerhitung.PEMBAGI_NOL

    def test_direct_indicators_are_not_computed_from_components(self):
        with pytest.raises(ValueError):
            hitung.nilai_dari_rumus("langsung", D(1), D(2))


class TestPerbandingan:
    def test_against_last_year_18_83_over_16_09_is_117_03(self):
        assert bulatkan(hitung.banding_tahun_lalu(D("18.83"), D("16.09")), POTONG) == D("117.02")
        assert bulatkan(hitung.banding_tahun_lalu(D("18.83"), D("16.09")), BULAT) == D("117.03")

    def test_against_renstra_end_target_18_83_over_21_53_is_87_45(self):
        assert bulatkan(hitung.banding_target_akhir(D("18.83"), D("21.53")), POTONG) == D("87.45")

    def test_comparison_with_unmeasured_year_is_not_computed(self):
        assert hitung.banding_tahun_lalu(D(1), None) is TidakTerhitung.BELUM_DIUKUR
        assert hitung.banding_target_akhir(TidakTerhitung.BELUM_DIUKUR, D(2)) is TidakTerhitung.BELUM_DIUKUR


class TestRataRata:
    def test_unmeasured_values_are_left_out(self):
        nilai = [D("103.97"), D("96.95"), TidakTerhitung.BELUM_DIUKUR, None]
        assert hitung.rata_rata(nilai) == D("100.46")

    def test_nothing_measured(self):
        assert hitung.rata_rata([None, TidakTerhitung.PEMBAGI_NOL]) is TidakTerhitung.BELUM_DIUKUR

    @given(st.lists(st.decimals(min_value=-1000, max_value=1000, places=2), min_size=1, max_size=20))
    def test_mean_lies_between_min_and_max(self, nilai):
        rata = hitung.rata_rata([*nilai, None])
        assert min(nilai) <= rata <= max(nilai)


class TestPredikat:
    def test_bandar_lampung_bands(self):
        pita = validasi_pita(BANDAR_LAMPUNG)
        assert cari_predikat(D("103.97"), pita) == "Sangat Baik"
        assert cari_predikat(D(85), pita) == "Sangat Baik"
        assert cari_predikat(D("84.99"), pita) == "Berhasil"
        assert cari_predikat(D(55), pita) == "Cukup Baik"
        assert cari_predikat(D("-95.98"), pita) == "Tidak Baik"
        assert cari_predikat(None, pita) is None

    def test_gap_is_rejected(self):
        with pytest.raises(PitaTidakValid, match="celah"):
            validasi_pita([Pita("A", D(85)), Pita("B", D(70), D(80))])

    def test_overlap_is_rejected(self):
        with pytest.raises(PitaTidakValid, match="tumpang tindih"):
            validasi_pita([Pita("A", D(80)), Pita("B", D(70), D(85))])

    def test_two_open_bands_are_rejected(self):
        with pytest.raises(PitaTidakValid):
            validasi_pita([Pita("A", D(80)), Pita("B", D(90))])

    def test_empty_band_is_rejected(self):
        with pytest.raises(PitaTidakValid, match="lebih kecil"):
            validasi_pita([Pita("A", D(80), D(80))])

    @given(
        st.lists(st.decimals(min_value=-100, max_value=200, places=1), min_size=1, max_size=6, unique=True)
    )
    def test_adjacent_bands_cover_every_value_exactly_once(self, batas):
        batas = sorted(batas)
        tepi = [None, *batas, None]
        pita = validasi_pita([Pita(str(i), tepi[i], tepi[i + 1]) for i in range(len(tepi) - 1)])
        for nilai in [*batas, batas[0] - 1, batas[-1] + 1]:
            assert sum(p.memuat(nilai) for p in pita) == 1


class TestEvaluasi:
    def test_score_is_the_sum_of_components(self):
        assert hitung.nilai_evaluasi([D("27.31"), D("19.06"), D("10.88"), D("8.43"), D("14.69")]) == D(
            "80.37"
        )
        assert hitung.nilai_evaluasi([D("24.30"), D("21.00"), D("10.50"), D("17.50"), None]) == D("73.30")
        assert hitung.nilai_evaluasi([None]) is None

    def test_predikat_needs_a_score_strictly_above_the_threshold(self):
        assert hitung.predikat_evaluasi(D("80.37"), SKALA_EVALUASI) == "A"
        assert hitung.predikat_evaluasi(D("80.00"), SKALA_EVALUASI) == "BB"
        assert hitung.predikat_evaluasi(D("73.31"), SKALA_EVALUASI) == "BB"
        assert hitung.predikat_evaluasi(D("95"), list(reversed(SKALA_EVALUASI))) == "AA"
        assert hitung.predikat_evaluasi(D("12"), SKALA_EVALUASI) == "D"
        assert hitung.predikat_evaluasi(None, SKALA_EVALUASI) is None


class TestAnggaran:
    def test_absorption_and_remainder(self):
        # The document prints 85,31: rounded here, although it truncates elsewhere.
        assert bulatkan(anggaran.penyerapan(D(7085233615), D(6044385157)), BULAT) == D("85.31")
        assert bulatkan(anggaran.penyerapan(D(7085233615), D(6044385157)), POTONG) == D("85.30")
        assert anggaran.sisa(D(7085233615), D(6044385157)) == D(1040848458)
        assert anggaran.penyerapan(D(0), D(0)) is TidakTerhitung.PEMBAGI_NOL
        assert anggaran.sisa(D(5), None) is None

    def test_efficiency_as_a_ratio_lampung_barat(self):
        nilai = anggaran.efisiensi(D("246.67"), D(100), MetodeEfisiensi.RASIO)
        assert bulatkan(nilai, BULAT) == D("2.47")
        assert anggaran.kategori_efisiensi(nilai, MetodeEfisiensi.RASIO) == "Efisien"
        rendah = anggaran.efisiensi(D(28), D("99.14"), MetodeEfisiensi.RASIO)
        assert bulatkan(rendah, BULAT) == D("0.28")
        assert anggaran.kategori_efisiensi(rendah, MetodeEfisiensi.RASIO) == "Tidak efisien"

    def test_efficiency_as_a_difference_bandar_lampung(self):
        nilai = anggaran.efisiensi(D("103.97"), D("85.73"), MetodeEfisiensi.SELISIH)
        assert nilai == D("18.24")
        assert anggaran.kategori_efisiensi(nilai, MetodeEfisiensi.SELISIH) == "Efisien"

    def test_efficiency_without_capaian_is_not_computed(self):
        assert anggaran.efisiensi(TidakTerhitung.BELUM_DIUKUR, D(80), MetodeEfisiensi.RASIO) is (
            TidakTerhitung.BELUM_DIUKUR
        )
        assert anggaran.efisiensi(D(80), D(0), MetodeEfisiensi.RASIO) is TidakTerhitung.PEMBAGI_NOL
        assert anggaran.kategori_efisiensi(TidakTerhitung.BELUM_DIUKUR, MetodeEfisiensi.RASIO) is None

    def test_roll_up_takes_children_over_own_figure(self):
        assert anggaran.gulung(D(999), [D(1), None, D(2)]) == D(3)
        assert anggaran.gulung(D(999), [None, None]) == D(999)
        assert anggaran.gulung(None, []) is None

    def test_a_stage_without_a_figure_keeps_the_previous_stages_budget(self):
        per_tahap = {Tahap.RKA: D(5), Tahap.DPA_PENGESAHAN: D(4), Tahap.DPA_PERUBAHAN: D(6)}
        assert anggaran.pagu_berlaku(per_tahap, Tahap.DPA_PERGESERAN) == D(4)
        assert anggaran.pagu_berlaku(per_tahap, Tahap.DPA_PERUBAHAN) == D(6)
        assert anggaran.pagu_berlaku(per_tahap, Tahap.RENJA_MURNI) is None

    def test_budget_in_force_is_the_latest_stage_with_a_figure(self):
        assert (
            anggaran.pagu_akhir({Tahap.RKA: D(1), Tahap.DPA_PERUBAHAN: D(3), Tahap.DPA_PERGESERAN: None}) == 3
        )
        assert anggaran.pagu_akhir({Tahap.RENJA_MURNI: D(5), Tahap.RKA: D(4)}) == 4
        assert anggaran.pagu_akhir({}) is None

    def test_a_program_is_the_sum_of_its_kegiatan_that_have_a_figure(self):
        # Three kegiatan: 2.516.200.000 + 1.250.000.000 + none entered = 3.766.200.000;
        # the 4.000.000.000 typed on the program itself no longer counts.
        kegiatan = [D(2516200000), D(1250000000), None]
        assert anggaran.gulung(D(4000000000), kegiatan) == D(3766200000)
        # Cents are kept: 1.200,87 + 0,13 = 1.201,00.
        assert anggaran.gulung(None, [D("1200.87"), D("0.13")]) == D("1201.00")
        # No kegiatan has a figure: the program's own 4.000.000.000 stands.
        assert anggaran.gulung(D(4000000000), [None, None, None]) == D(4000000000)

    @given(
        st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=D("1e12"), places=2)), max_size=10),
        st.decimals(min_value=0, max_value=D("1e12"), places=2),
        st.randoms(),
    )
    def test_a_roll_up_ignores_the_parents_figure_once_a_child_has_one_and_the_childrens_order(
        self, anak, sendiri, acak
    ):
        hasil = anggaran.gulung(D(7), anak)
        acak.shuffle(anak)
        if any(a is not None for a in anak):
            assert anggaran.gulung(sendiri, anak) == hasil
            assert all(a <= hasil for a in anak if a is not None)
        else:
            assert hasil == D(7)

    @given(
        st.decimals(min_value=D("0.01"), max_value=D("1e12"), places=2),
        st.decimals(min_value=0, max_value=D("1e12"), places=2),
    )
    def test_absorption_and_remainder_agree(self, pagu, realisasi):
        persen = anggaran.penyerapan(pagu, realisasi)
        sisa = anggaran.sisa(pagu, realisasi)
        assert (sisa >= 0) == (persen <= 100)

    def test_the_remainder_is_what_is_left_and_negative_when_overspent(self):
        # Bandar Lampung: pagu 2.516.200.000, spent 2.157.122.364 (85,73 %): 359.077.636 left.
        assert anggaran.sisa(D(2516200000), D(2157122364)) == D(359077636)
        # Overspent: pagu 100.000.000, spent 112.500.000: 12.500.000 short, printed (12.500.000).
        assert anggaran.sisa(D(100000000), D(112500000)) == D(-12500000)
        assert anggaran.sisa(D("1200.87"), D("1200.87")) == D(0)


@given(
    st.decimals(min_value=D("-1e6"), max_value=D("1e6"), allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=4),
)
def test_truncation_never_exceeds_rounding_in_magnitude(nilai, desimal):
    assert abs(bulatkan(nilai, POTONG, desimal)) <= abs(bulatkan(nilai, BULAT, desimal))
    # The check's own subtraction at the precision of the value (hypothesis draws values of
    # 40 digits; the default 28-digit context would round 0,999…95 up to 1).
    with localcontext() as ctx:
        ctx.prec = 100
        assert abs(nilai - bulatkan(nilai, POTONG, desimal)) < D(1).scaleb(-desimal)
