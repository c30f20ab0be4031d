"""Typed figures in the narrative that contradict the data (`sakip.lkjip.angka_narasi`), on
both fixtures: planted sentences, the source documents' own sentences (copied verbatim from
the narratives before they were rewritten with references, commit 0ca5e44) and the
narratives as the fixtures hold them now."""

from django.test import TestCase
from django.urls import reverse

from instansi.models import Instansi, Narasi
from kinerja.models import AnalisisSasaran
from sakip.lkjip import angka_narasi
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.susun import susun
from tests.factories import buat_instansi, buat_pemeran

LB, BL = "koperindag-lampung-barat", "diskopukm-bandar-lampung"
TAHUN = {LB: 2023, BL: 2022}

# The source documents' sentences, as their narratives had them.
LB_IKHTISAR = (
    "Pada Tahun Anggaran 2023 dalam rangka mencapai target kinerja yang diperjanjikan, Dinas Koperasi "
    "UKM, Perindustrian dan Perdagangan Kabupaten Lampung Barat memiliki anggaran belanja sebesar "
    "Rp.18.424.991.230,- dengan realisasi sebesar Rp.18.033.195.569,- Terkait dengan tingkat "
    "efisiensi penggunaan anggaran, secara umum sudah efisien, hanya ada satu capaian program yang "
    "tidak efisien dari 10 program yang dijalankan, dimana indikator capaian program ini adalah "
    "presentase wirausaha pemula, yang hanya terealisasi sebesar 28 persen dari target 0.75%."
)
LB_SASARAN_2 = (
    "Pada tahun 2022 dan 2023 merupakan tahun pemulihan dan penguatan kembali ekonomi daerah pasca "
    "bencana non alam tersebut, sehingga kenaikan PDRB sektor perdagangan yang cukup tinggi yang "
    "menyebabkan realisasi kinerja sasaran ini mencapai 135.3%."
)
LB_SASARAN_2_PENDUKUNG = (
    "Pencapaian indikator kinerja sasaran ke 2 Dinas Koperasi UKM, Perindustrian dan Perdagangan\n"
    "Kabupaten Lampung Barat sudah mencapai diatas 100% dengan tingkat pencapaian 135.3%. Pencapaian\n"
    "ini dipengaruhi faktor – faktor berikut :"
)
LB_SASARAN_3 = (
    "Sebagaimana PDRB sektor perdagangan, PDRB sektor industry merupakan salah satu indikator dalam "
    "mengukur kemajuan dan pertumbuhan ekonomi suatu daerah dibidang industri. Meskipun Kabupaten "
    "Lampung Barat belum memiliki usaha industri dengan skala menengah hingga besar, namun sektor ini "
    "terus bergerak positif, hingga mampu memberikan kontribusi mencapai 4.9%-5% dari total PDRB "
    "Kabupaten Lampung Barat, menempati urutan ketiga setelah sektor pertanian dan sektor perdagangan.\n\n"
    "Pada tahun 2023, capaian PDRB sektor ini mencapai 413.49 Milyar rupiah atau tercapai sebesar\n"
    "110% dari target yang diperjanjikan dalam perjanjian kinerja."
)
BL_SASARAN_1 = (
    "Capaian indikator persentase koperasi sehat dan cukup sehat Tahun 2022 dibandingkan capaian tahun "
    "2021 mencapai kemajuan sebesar 117,03% dengan realisasi capaian tahun 2021 sebesar 18,83% dan "
    "realisasi capaian tahun 2021 sebesar 16,09%"
)
BL_SASARAN_2 = (
    "Pada Tahun 2022 Target indikator Persentase UMKM yang meningkat labanya sebesar 31,50% terealisasi "
    "sebesar 30,54% sehingga capaian persentase 96,96%.\n\n"
    "Untuk capaian tahun 2022 dibandingkan terhadap capaian tahun 2021 maka persentase UMKM yang "
    "meningkat labanya sebesar 134,89% dari capaian tahun 2022 sebesar 30,54% sedangkan di tahun 2021 "
    "capaian sebesar 22,64%."
)
BL_REALISASI_ANGGARAN = (
    "Alokasi anggaran yang disediakan untuk program dan kegiatan pada Dinas Koperasi dan UKM Kota Bandar "
    "Lampung tahun 2022 sebesar Rp.7.085.233.615,00 Sedangkan realisasi anggaran adalah sebesar "
    "Rp.6.044.385.157,00 dengan capaian kinerja 85,31%. Anggaran untuk program/kegiatan prioritas "
    "sebesar Rp.3.981.200.000 realisasi anggaran sebesar Rp.3.283.137.438 dengan capaian kinerja sebesar "
    "82,47%. Sedangkan anggaran program/kegiatan pendukung sebesar Rp.3.104.033.615 realisasi anggaran "
    "sebesar Rp.2.761.247.719 dengan capaian kinerja 88,96%."
)
BL_KESIMPULAN = (
    "- Indikator sasaran “Hasil Penilaian Akuntabilitas Kinerja OPD oleh inspektorat Kota (Nilai SAKIP "
    "OPD) dengan nilai B+ (Tahun 2021)"
)
BL_PENGHARGAAN = (
    '- Prestasi dalam Akuntabilitas Kinerja Instansi Pemerintah dengan predikat nilai Kategori "B+"'
)


class AngkaNarasiTestCase(TestCase):
    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    def dokumen(self, slug: str, narasi: dict | None = None, analisis: dict | None = None):
        """The report with narratives (key → text) and sasaran analyses ((n, part) → text)
        replaced as given, the way the report would print them."""
        data = kumpulkan(Instansi.objects.get(slug=slug), TAHUN[slug])
        for kunci, teks in (narasi or {}).items():
            data.narasi[kunci].teks = teks
        for (n, bagian), teks in (analisis or {}).items():
            setattr(data.sasaran[n - 1].analisis, bagian, teks)
        return susun(data)

    def temuan(self, slug: str, narasi: dict | None = None, analisis: dict | None = None) -> list:
        """What the check finds in the texts given (the rest of the report is the fixture's,
        which `CurrentNarrativeTests` checks); all of it when none is given."""
        ditulis = set(narasi or {}) | ({""} if analisis else set())
        temuan = angka_narasi.periksa(self.dokumen(slug, narasi, analisis))
        return [t for t in temuan if t.narasi in ditulis] if ditulis else temuan

    def nilai(self, temuan) -> list[tuple[str, str]]:
        return [(t.nilai_ketik, t.nilai_hitung) for t in temuan]


class PlantedTests(AngkaNarasiTestCase):
    def test_a_planted_contradiction_is_found_with_its_place_and_both_values(self):
        kalimat = "Capaian Persentase Koperasi Sehat dan Cukup Sehat tahun 2022 sebesar 103,79 %."
        (t,) = self.temuan(BL, narasi={"capaian-kinerja": f"Paragraf pertama.\n\n{kalimat} Lalu lain."})
        self.assertEqual((t.ketik, t.nilai_ketik, t.nilai_hitung), ("103,79 %", "103,79 %", "103,97 %"))
        self.assertEqual(t.narasi, "capaian-kinerja")
        self.assertTrue(t.tempat.startswith("BAB III"), t.tempat)
        self.assertEqual(t.kalimat, kalimat)
        self.assertEqual(
            (t.kode, t.objek), ("indikator.200001.capaian", "Persentase Koperasi Sehat dan Cukup Sehat")
        )
        narasi = Narasi.objects.get(instansi__slug=BL, tahun=2022, kunci="capaian-kinerja")
        self.assertEqual((t.judul, t.narasi_pk), (narasi.judul, narasi.pk))
        self.assertIn("103,97 %", t.pesan)

    def test_a_correct_typed_figure_is_not_flagged(self):
        teks = (
            "Capaian Persentase Koperasi Sehat dan Cukup Sehat sebesar 103,97 % dengan realisasi 18,82 % "
            "dari target 18,11 %; total anggaran Rp 7.085.233.615 terealisasi Rp 6.044.985.157 (85,31 %)."
        )
        self.assertEqual(self.temuan(BL, narasi={"capaian-kinerja": teks}), [])

    def test_fewer_decimals_are_equal_only_when_the_agency_rounding_gives_them(self):
        # Lampung Barat rounds half up: 130,07 → 130, 110,89 → 111; Bandar Lampung truncates.
        teks = "Capaian PDRB Sektor Perdagangan 130 % dan PDRB Sektor Industri 110 %, atau 111 %."
        (t,) = self.temuan(LB, narasi={"perbandingan-kinerja": teks})
        self.assertEqual(self.nilai([t]), [("110 %", "110,89 %")])
        teks = "Capaian Persentase Koperasi Sehat dan Cukup Sehat 103,9 % atau 104 %."
        self.assertEqual(
            self.nilai(self.temuan(BL, narasi={"capaian-kinerja": teks})), [("104 %", "103,97 %")]
        )

    def test_a_reference_is_never_flagged(self):
        teks = (
            "Capaian Persentase Koperasi Sehat dan Cukup Sehat {{indikator.200001.capaian}}; total anggaran "
            "Rp {{ total.anggaran }} dan realisasi Rp {{total.realisasi_anggaran}} ({{total.serapan}})."
        )
        dokumen = self.dokumen(BL, narasi={"capaian-kinerja": teks})
        self.assertEqual(angka_narasi.periksa(dokumen), [])
        # The same sentence with the figure typed beside it is found, the reference is not.
        teks = teks.replace("({{total.serapan}})", "(85,35 %)")
        (t,) = self.temuan(BL, narasi={"capaian-kinerja": teks})
        self.assertEqual(self.nilai([t]), [("85,35 %", "85,31 %")])
        self.assertIn("Rp 7.085.233.615", t.kalimat)  # shown as the report prints it

    def test_years_counts_dates_numbering_and_regulations_are_not_figures(self):
        teks = (
            "Capaian Persentase Koperasi Sehat dan Cukup Sehat tahun 2022 (Tabel 3.1, halaman 104) "
            "dilaksanakan melalui 7 program dan 104 kegiatan sesuai Peraturan Walikota Nomor 103 Tahun 2021 "
            "nomor 800/104/III.05/2022 tanggal 31 Desember 2022."
        )
        self.assertEqual(self.temuan(BL, narasi={"capaian-kinerja": teks}), [])

    def test_a_figure_far_from_every_computed_one_is_no_contradiction(self):
        # Bandar Lampung's «program prioritas» is a sum the data does not hold: no alarm.
        teks = "Anggaran program prioritas Rp 3.981.200.000 dengan realisasi Rp 3.283.137.438 (82,47 %)."
        self.assertEqual(self.temuan(BL, narasi={"realisasi-anggaran": teks}), [])

    def test_a_figure_of_something_the_sentence_does_not_name_is_no_contradiction(self):
        # 103,97 % is an indicator's capaian, not a wrong average of the IKU (100,46 %).
        teks = "Dinas Koperasi dan UKM Kota Bandar Lampung mencapai capaian 103,97 %."
        self.assertEqual(self.temuan(BL, narasi={"capaian-kinerja": teks}), [])
        teks = "Dinas Koperasi dan UKM Kota Bandar Lampung mencapai capaian 103,79 %."
        self.assertEqual(
            self.nilai(self.temuan(BL, narasi={"capaian-kinerja": teks})), [("103,79 %", "100,46 %")]
        )

    def test_indonesian_numbers_milyar_and_a_dot_decimal_are_read(self):
        teks = "Dinas ini pada 2023 memiliki total anggaran Rp 18,3 milyar dan realisasi Rp 18,4 milyar."
        (t,) = self.temuan(LB, narasi={"realisasi-anggaran": teks})
        self.assertEqual(self.nilai([t]), [("Rp 18,4 milyar", "Rp 17.878.267.558")])
        teks = "Realisasi PDRB Sektor Industri mencapai 413.49 Milyar rupiah, capaian 110.89%."
        self.assertEqual(self.temuan(LB, narasi={"realisasi-anggaran": teks}), [])

    def test_a_predikat_letter_is_compared_with_the_evaluation_of_that_year(self):
        teks = "Nilai SAKIP tahun 2021 dengan predikat BB, tahun 2020 predikat «B»."
        (t,) = self.temuan(BL, narasi={"kesimpulan": teks})
        self.assertEqual((t.ketik, t.nilai_hitung, t.kode), ("B", "«A»", "evaluasi.2020.predikat"))

    def test_the_check_makes_no_query(self):
        dokumen = self.dokumen(BL)
        with self.assertNumQueries(0):
            angka_narasi.periksa(dokumen)


class OriginalNarrativeTests(AngkaNarasiTestCase):
    """The contradictions issue 10 lists, found in the source documents' own sentences."""

    def test_lampung_barat_ikhtisar_budget_and_spending(self):
        temuan = self.temuan(LB, narasi={"ikhtisar-eksekutif": LB_IKHTISAR})
        self.assertEqual(
            self.nilai(temuan),
            [("Rp 18.424.991.230", "Rp 18.265.491.430"), ("Rp 18.033.195.569", "Rp 17.878.267.558")],
        )
        self.assertEqual({t.tempat for t in temuan}, {"Ikhtisar Eksekutif"})

    def test_lampung_barat_bab_iv_capaian(self):
        temuan = self.temuan(
            LB,
            analisis={
                (2, "uraian"): LB_SASARAN_2,
                (2, "faktor_pendukung"): LB_SASARAN_2_PENDUKUNG,
                (3, "uraian"): LB_SASARAN_3,
            },
        )
        self.assertEqual(
            self.nilai(temuan), [("135,3 %", "130,07 %"), ("135,3 %", "130,07 %"), ("110 %", "110,89 %")]
        )
        self.assertEqual([t.ketik for t in temuan], ["135.3%", "135.3%", "110%"])
        self.assertEqual([t.dibaca for t in temuan], ["135,3 %", "135,3 %", ""])
        self.assertEqual(temuan[1].judul, "Faktor pendukung")
        sasaran = [s.sasaran.pk for s in self.dokumen(LB).data.sasaran]
        self.assertEqual([t.sasaran_pk for t in temuan], [sasaran[1], sasaran[1], sasaran[2]])
        self.assertTrue(all(t.tempat.startswith("BAB IV") for t in temuan))

    def test_bandar_lampung_capaian_and_comparisons(self):
        temuan = self.temuan(BL, analisis={(1, "uraian"): BL_SASARAN_1, (2, "uraian"): BL_SASARAN_2})
        self.assertEqual(
            sorted(self.nilai(temuan)),
            [
                ("117,03 %", "116,97 %"),
                ("134,89 %", "134,88 %"),
                ("18,83 %", "18,82 %"),
                ("96,96 %", "96,95 %"),
            ],
        )

    def test_bandar_lampung_spending_and_absorption(self):
        temuan = self.temuan(BL, narasi={"realisasi-anggaran": BL_REALISASI_ANGGARAN})
        self.assertEqual(
            self.nilai(temuan),
            [
                ("Rp 6.044.385.157,00", "Rp 6.044.985.157"),
                ("Rp 2.761.247.719", "Rp 2.761.847.719"),
                ("88,96 %", "88,97 %"),
            ],
        )

    def test_bandar_lampung_predikat(self):
        temuan = self.temuan(BL, narasi={"kesimpulan": BL_KESIMPULAN, "penghargaan": BL_PENGHARGAAN})
        self.assertEqual(
            [(t.narasi, t.ketik, t.nilai_hitung) for t in temuan],
            [
                ("kesimpulan", "B+", "«BB»"),
                ("penghargaan", "B+", "«BB»"),
            ],
        )


class CurrentNarrativeTests(AngkaNarasiTestCase):
    def test_both_fixtures_narratives_contradict_nothing(self):
        for slug in (LB, BL):
            with self.subTest(slug):
                temuan = self.temuan(slug)
                self.assertEqual(
                    [f"{t.tempat}: {t.ketik} ≠ {t.nilai_hitung} «{t.kalimat}»" for t in temuan], []
                )


class ScreenTests(AngkaNarasiTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = Instansi.objects.get(slug=BL)
        cls.narasi = Narasi.objects.get(instansi=cls.instansi, tahun=2022, kunci="capaian-kinerja")
        cls.perencana, _, cls.pemeriksa = buat_pemeran(cls.instansi, buat_instansi("dinas-lain"))

    def test_the_report_page_lists_them_for_planners_with_a_link_to_the_narrative(self):
        Narasi.objects.filter(pk=self.narasi.pk).update(
            teks="Capaian Persentase Koperasi Sehat dan Cukup Sehat sebesar 103,79 %."
        )
        url = reverse("lkjip-html", args=[BL, 2022])
        self.client.force_login(self.perencana)
        halaman = self.client.get(url)
        self.assertContains(halaman, 'id="angka-bertentangan"')
        self.assertContains(halaman, "tertulis <strong>103,79 %</strong>, data <strong>103,97 %</strong>")
        self.assertContains(halaman, f'href="{reverse("narasi-ubah", args=[BL, 2022, self.narasi.pk])}"')
        self.client.force_login(self.pemeriksa)
        self.assertNotContains(self.client.get(url), 'id="angka-bertentangan"')

    def test_a_sasaran_analysis_finding_links_to_the_analysis_screen(self):
        analisis = AnalisisSasaran.objects.filter(
            sasaran__renstra__instansi=self.instansi, tahun=2022
        ).first()
        AnalisisSasaran.objects.filter(pk=analisis.pk).update(uraian=BL_SASARAN_1)
        self.client.force_login(self.perencana)
        halaman = self.client.get(reverse("lkjip-html", args=[BL, 2022]))
        self.assertContains(halaman, reverse("analisis-sasaran", args=[BL, 2022, analisis.sasaran_id]))

    def test_the_editor_preview_lists_those_of_the_text_being_written(self):
        self.client.force_login(self.perencana)
        n = self.narasi
        isian = {"kunci": n.kunci, "judul": n.judul, "urutan": n.urutan, "versi": n.versi, "pratinjau": "1"}
        isian["teks"] = "Realisasi Persentase Koperasi Sehat dan Cukup Sehat 18,83 %."
        respons = self.client.post(reverse("narasi-ubah", args=[BL, 2022, n.pk]), isian)
        self.assertEqual(self.nilai(respons.context["angka_bertentangan"]), [("18,83 %", "18,82 %")])
        self.assertContains(respons, 'id="angka-bertentangan"')
        self.assertEqual(Narasi.objects.get(pk=n.pk).teks, n.teks)
