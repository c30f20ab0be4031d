"""Live figures in the narrative, markers that place tables, references to their numbers,
as a planner and a reviewer check them: on Bandar Lampung's document (it truncates, two
decimals) with the narrative «capaian-kinerja» rewritten per test."""

import re
from decimal import Decimal

from django.test import TestCase
from django.urls import reverse

from instansi.models import Instansi, Narasi
from inti.angka import Pembulatan
from kinerja.models import AnalisisSasaran, Indikator, Realisasi
from sakip.lkjip import rujukan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import POLA_PENANDA, Tabel, Teks
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from sakip.templatetags.lkjip import tampil_nilai
from tests.factories import buat_instansi, buat_pemeran

BL, TAHUN = "diskopukm-bandar-lampung", 2022
KOPERASI_SEHAT = 200001  # «Persentase Koperasi Sehat dan Cukup Sehat», 18,82… / 18,11
NARASI = "capaian-kinerja"
SASARAN_1 = 200001  # «Meningkatnya kinerja kelembagaan dan usaha koperasi…»


def teks_tampil(teks: Teks) -> str:
    """A text as the reader sees it: paragraphs and list items, references filled in."""
    bagian = []
    for jenis, isi in teks.isi:
        for potongan in isi if jenis in ("daftar", "urut") else [isi]:
            bagian.append("".join(p.teks for p in potongan))
    return "\n".join(bagian)


class RujukanTestCase(TestCase):
    fixtures = ["bandar_lampung_2022"]

    @classmethod
    def setUpTestData(cls):
        cls.instansi = Instansi.objects.get(slug=BL)

    def tulis(self, teks: str, kunci: str = NARASI) -> None:
        Narasi.objects.filter(instansi=self.instansi, tahun=TAHUN, kunci=kunci).update(teks=teks)

    def dokumen(self):
        return susun(kumpulkan(self.instansi, TAHUN))

    def bagian(self, dokumen, kunci: str = NARASI):
        """The section that holds the narrative `kunci`, and the texts of that narrative."""
        for bab in dokumen.bab:
            for bagian in bab.bagian:
                teks = [i for i in bagian.isi if isinstance(i, Teks) and i.kunci == kunci]
                if teks:
                    return bagian, teks
        raise AssertionError(f"narasi {kunci} tidak ada di laporan")

    def kalimat(self, teks: str) -> str:
        """`teks` written as the narrative, as the report prints it."""
        self.tulis(teks)
        return "\n".join(teks_tampil(t) for t in self.bagian(self.dokumen())[1])


class FiguresTests(RujukanTestCase):
    def test_a_reference_prints_the_same_text_as_the_table_cell_of_that_figure(self):
        dokumen = self.dokumen()
        tabel = next(t for t in dokumen.daftar_tabel if t.kunci == "capaian-iku")
        nama = Indikator.objects.get(pk=KOPERASI_SEHAT).nama
        baris = next(b for b in tabel.baris if any(s.nilai == nama for s in b))
        indeks = [s.nilai for s in baris].index(nama)
        sel_realisasi, sel_capaian = baris[indeks + 3], baris[indeks + 4]
        pengaturan = dokumen.data.pengaturan
        teks = self.kalimat(
            "Realisasi {{indikator.200001.realisasi}}, capaian {{ indikator.200001.capaian }}."
        )
        self.assertEqual(tampil_nilai(sel_capaian, pengaturan), "103,97 %")
        self.assertEqual(
            teks,
            f"Realisasi {tampil_nilai(sel_realisasi, pengaturan)}, "
            f"capaian {tampil_nilai(sel_capaian, pengaturan)}.",
        )

    def test_the_agency_rounding_rule_and_decimals_change_the_printed_figure(self):
        pengaturan = self.instansi.pengaturan_laporan()
        pengaturan.desimal = 1
        for pembulatan, capaian in ((Pembulatan.POTONG, "103,9 %"), (Pembulatan.SETENGAH_KE_ATAS, "104,0 %")):
            with self.subTest(pembulatan):
                pengaturan.pembulatan = pembulatan
                pengaturan.save()
                self.assertEqual(self.kalimat("{{indikator.200001.capaian}}"), capaian)

    def test_changing_a_realisation_changes_the_sentence_that_references_it(self):
        sebelum = self.kalimat("Capaian {{indikator.200001.capaian}}.")
        Realisasi.objects.filter(indikator_id=KOPERASI_SEHAT, tahun=TAHUN, triwulan=None).update(
            nilai=Decimal("19.92"), komponen_a=None, komponen_b=None
        )
        sesudah = self.kalimat("Capaian {{indikator.200001.capaian}}.")
        self.assertEqual(sebelum, "Capaian 103,97 %.")
        self.assertEqual(sesudah, "Capaian 109,99 %.")  # 19,92 ÷ 18,11, cut

    def test_rupiah_prints_bare_as_the_tables_do_and_the_sentence_says_rp(self):
        teks = self.kalimat("Anggaran Rp {{total.anggaran}}, realisasi Rp. {{total.realisasi_anggaran}}.")
        # «Rp» keeps its figure on its line: a no-break space joins them.
        self.assertEqual(teks, "Anggaran Rp\u00a07.085.233.615, realisasi Rp.\u00a06.044.985.157.")
        self.assertEqual(
            self.kalimat("Rp {{laporan.tahun}}, IRp {{laporan.tahun}}"), "Rp\u00a02022, IRp 2022"
        )
        self.assertIn("Rp\u00a07.085.233.615", html_laporan(self.dokumen()))

    def test_a_figure_that_cannot_be_computed_says_why_as_the_tables_do(self):
        teks = self.kalimat("{{indikator.200001.capaian_tw1}}")
        self.assertEqual(teks, "Tidak dapat dihitung (pembagi nol)")

    def test_the_catalogue_covers_every_measured_indicator_program_and_total(self):
        data = kumpulkan(self.instansi, TAHUN)
        katalog = rujukan.katalog(data)
        for i in data.semua_indikator():
            for ukuran in ("target", "realisasi", "capaian", "predikat", "capaian_akhir", "banding_lalu"):
                self.assertIn(f"indikator.{i.indikator.pk}.{ukuran}", katalog)
        for p in data.program:
            for ukuran in ("anggaran", "realisasi", "serapan", "sisa"):
                self.assertIn(f"program.{p.objek.pk}.{ukuran}", katalog)
        self.assertEqual(katalog["evaluasi.2021.predikat"].teks(data.pengaturan), "BB")
        self.assertEqual(katalog["sdm.jumlah"].teks(data.pengaturan), "39")
        self.assertEqual(katalog["laporan.tahun"].teks(data.pengaturan), "2022")


class DanglingTests(RujukanTestCase):
    def test_an_unknown_code_shows_marked_and_is_reported_with_its_place(self):
        self.tulis("Capaian {{indikator.999.capaian}} tahun ini.")
        dokumen = self.dokumen()
        self.assertEqual(
            self.kalimat("Capaian {{indikator.999.capaian}} tahun ini."),
            "Capaian ⟨rujukan tidak dikenal: indikator.999.capaian⟩ tahun ini.",
        )
        gantung = rujukan.periksa(dokumen)
        self.assertEqual(
            [(g.kode, g.jenis, g.narasi) for g in gantung], [("indikator.999.capaian", "rujukan", NARASI)]
        )
        self.assertIn("Capaian Kinerja Organisasi", gantung[0].tempat)
        html = html_laporan(dokumen)
        self.assertIn(
            '<mark class="rujukan-salah">⟨rujukan tidak dikenal: indikator.999.capaian⟩</mark>', html
        )

    def test_a_reference_to_a_deleted_indicator_dangles(self):
        self.tulis("Capaian {{indikator.200003.capaian}}.")
        self.assertEqual(rujukan.periksa(self.dokumen()), [])
        Indikator.objects.filter(pk=200003).delete()
        gantung = [g.kode for g in rujukan.periksa(self.dokumen()) if g.narasi == NARASI]
        self.assertEqual(gantung, ["indikator.200003.capaian"])

    def test_a_marker_naming_nothing_stays_in_place_marked_and_is_reported(self):
        self.assertEqual(
            self.kalimat("Awal.\n\n[[tidak-ada]]\n\nAkhir."),
            "Awal.\n⟨penanda tidak dikenal: tidak-ada⟩\nAkhir.",
        )
        gantung = rujukan.periksa(self.dokumen())
        self.assertEqual([(g.kode, g.jenis) for g in gantung], [("tidak-ada", "penanda")])
        self.assertIn("[[tidak-ada]]", gantung[0].pesan)

    def test_a_clean_text_has_nothing_dangling(self):
        self.tulis("Capaian {{indikator.200001.capaian}} pada {{tabel.capaian-iku}}.\n\n[[pembanding]]")
        self.assertEqual(rujukan.periksa(self.dokumen()), [])


class MarkerTests(RujukanTestCase):
    @classmethod
    def setUpTestData(cls):
        # The document's own narratives place tables with markers too; these tests start
        # from the layout's default places, the other narratives' markers taken out.
        super().setUpTestData()
        tanpa_penanda = lambda teks: "\n".join(g for g in teks.splitlines() if not POLA_PENANDA.match(g))  # noqa: E731
        for n in Narasi.objects.filter(instansi=cls.instansi, tahun=TAHUN).exclude(kunci=NARASI):
            n.teks = tanpa_penanda(n.teks)
            n.save()
        for a in AnalisisSasaran.objects.filter(sasaran__renstra__instansi=cls.instansi, tahun=TAHUN):
            a.uraian, a.faktor_pendukung = tanpa_penanda(a.uraian), tanpa_penanda(a.faktor_pendukung)
            a.faktor_penghambat, a.solusi = tanpa_penanda(a.faktor_penghambat), tanpa_penanda(a.solusi)
            a.save()

    def analisis(self, uraian: str) -> None:
        """Sasaran 1's analysis (a text the block «analisis-sasaran» writes) is `uraian`."""
        AnalisisSasaran.objects.filter(sasaran_id=SASARAN_1, tahun=TAHUN).update(uraian=uraian)

    def test_a_marker_places_the_table_after_the_paragraph_before_it_and_takes_it_from_its_place(self):
        self.tulis("Sebelum tabel.\n[[realisasi-anggaran]]\nSesudah: lihat {{tabel.realisasi-anggaran}}.")
        dokumen = self.dokumen()
        bagian, _ = self.bagian(dokumen)
        jenis = [(i.jenis, getattr(i, "kunci", "")) for i in bagian.isi]
        letak = jenis.index(("tabel", "realisasi-anggaran"))
        self.assertEqual(jenis[letak - 1], ("teks", NARASI))
        self.assertEqual(jenis[letak + 1], ("teks", NARASI))
        self.assertEqual(teks_tampil(bagian.isi[letak - 1]), "Sebelum tabel.")
        semua = [i for i in dokumen.daftar_tabel if i.kunci == "realisasi-anggaran"]
        self.assertEqual(len(semua), 1, "taken from its default place, not shown twice")
        tabel = bagian.isi[letak]
        self.assertEqual(teks_tampil(bagian.isi[letak + 1]), f"Sesudah: lihat {tabel.nomor}.")

    def test_numbering_follows_the_final_order(self):
        sebelum = {t.kunci: t.nomor for t in self.dokumen().daftar_tabel}
        self.tulis("[[realisasi-anggaran]]\n\nTeks.")
        dokumen = self.dokumen()
        bagian, _ = self.bagian(dokumen)
        bab = next(b for b in dokumen.bab if bagian in b.bagian)
        tabel = [i for bg in bab.bagian for i in bg.isi if isinstance(i, Tabel)]
        awalan = tabel[0].nomor.rsplit(".", 1)[0]
        self.assertEqual([t.nomor for t in tabel], [f"{awalan}.{n}" for n in range(1, len(tabel) + 1)])
        sesudah = {t.kunci: t.nomor for t in dokumen.daftar_tabel}
        self.assertNotEqual(sebelum["realisasi-anggaran"], sesudah["realisasi-anggaran"])
        self.assertNotEqual(sebelum["capaian-iku"], sesudah["capaian-iku"])

    def test_a_marker_may_take_a_table_from_another_chapter_by_its_own_key(self):
        self.tulis("[[sdm-pendidikan]]\n\nPendidikan pegawai pada {{tabel.sdm-pendidikan}}.")
        dokumen = self.dokumen()
        bagian, teks = self.bagian(dokumen)
        tabel = next(i for i in bagian.isi if isinstance(i, Tabel) and i.kunci == "sdm-pendidikan")
        self.assertTrue(tabel.nomor.startswith("Tabel 3."))
        self.assertEqual(teks_tampil(teks[-1]), f"Pendidikan pegawai pada {tabel.nomor}.")
        self.assertEqual(len([t for t in dokumen.daftar_tabel if t.kunci.startswith("sdm-")]), 4)

    def test_a_marker_in_a_sasaran_analysis_places_its_table_among_its_paragraphs(self):
        self.analisis(
            "Capaian sebagai berikut:\n\n[[capaian-sasaran-1]]\n\nDari {{tabel.capaian-sasaran-1}} terlihat."
        )
        dokumen = self.dokumen()
        bagian = next(
            bg
            for b in dokumen.bab
            for bg in b.bagian
            for i in bg.isi
            if getattr(i, "kunci", "") == "capaian-sasaran-1"
        )
        isi = bagian.isi
        letak = next(n for n, i in enumerate(isi) if getattr(i, "kunci", "") == "capaian-sasaran-1")
        self.assertEqual(teks_tampil(isi[letak - 1]), "Capaian sebagai berikut:")
        self.assertEqual(teks_tampil(isi[letak + 1]), f"Dari {isi[letak].nomor} terlihat.")
        self.assertEqual(len([t for t in dokumen.daftar_tabel if t.kunci == "capaian-sasaran-1"]), 1)
        self.assertEqual(rujukan.periksa(dokumen), [])

    def test_a_marker_in_a_sasaran_analysis_may_take_a_picture_from_the_lampiran(self):
        kunci = f"cascading-sasaran-{SASARAN_1}"
        sebelum = next(g for g in self.dokumen().daftar_grafik if g.kunci == kunci)
        self.assertTrue(sebelum.nomor.startswith("Gambar L."))
        self.analisis(f"Uraian.\n\n[[{kunci}]]")
        dokumen = self.dokumen()
        (gambar,) = [g for g in dokumen.daftar_grafik if g.kunci == kunci]
        self.assertRegex(gambar.nomor, r"^Gambar 3\.\d+$")
        lampiran = [i for bg in dokumen.lampiran for i in bg.isi]
        self.assertNotIn(gambar, lampiran)

    def test_the_ikhtisar_places_its_iku_table_where_its_marker_stands_and_shows_it_after_the_text_without(
        self,
    ):
        Narasi.objects.create(
            instansi=self.instansi,
            tahun=TAHUN,
            kunci="ikhtisar-eksekutif",
            judul="Ikhtisar Eksekutif",
            urutan=1,
            teks="Capaian sebagai berikut :\n\n[[capaian-iku]]\n\nAnggaran Rp {{total.anggaran}}.",
        )
        dokumen = self.dokumen()
        self.assertEqual([i.jenis for i in dokumen.ikhtisar], ["teks", "tabel", "teks"])
        self.assertEqual(dokumen.ikhtisar[1].kunci, "capaian-iku")
        self.assertEqual(teks_tampil(dokumen.ikhtisar[2]), "Anggaran Rp\u00a07.085.233.615.")
        # The chapter keeps its own IKU table, numbered; the ikhtisar's has no number.
        (bab,) = [t for t in dokumen.daftar_tabel if t.kunci == "capaian-iku"]
        self.assertEqual(dokumen.ikhtisar[1].nomor, "")
        self.assertEqual(self.kalimat("{{tabel.capaian-iku}}"), bab.nomor)
        Narasi.objects.filter(instansi=self.instansi, kunci="ikhtisar-eksekutif").update(
            teks="Tanpa penanda."
        )
        self.assertEqual([i.jenis for i in self.dokumen().ikhtisar], ["teks", "tabel"])

    def test_a_second_marker_for_a_table_already_placed_dangles(self):
        self.tulis("[[sdm-pendidikan]]\n\nTeks.", kunci="sumber-daya-manusia")
        self.tulis("[[sdm-pendidikan]]")
        gantung = rujukan.periksa(self.dokumen())
        self.assertEqual([(g.kode, g.narasi) for g in gantung], [("sdm-pendidikan", NARASI)])

    def test_every_table_number_a_reference_prints_is_the_number_of_that_table(self):
        kode = list(rujukan.rujukan_nomor(self.dokumen()))
        tercetak = self.kalimat("\n\n".join(f"{{{{{k}}}}}" for k in kode)).split("\n")
        dokumen = self.dokumen()
        bernomor = {i.nomor for i in [*dokumen.daftar_tabel, *dokumen.daftar_grafik]}
        self.assertTrue(all(re.fullmatch(r"(?:Tabel|Grafik|Gambar) [\dL]+\.\d+", t) for t in tercetak))
        self.assertEqual(len(tercetak), len(kode))
        self.assertLessEqual(set(tercetak), bernomor)
        for k in kode:
            jenis, kunci = k.split(".", 1)
            item = next(
                i for i in [*dokumen.daftar_tabel, *dokumen.daftar_grafik] if kunci in (i.kunci, i.blok)
            )
            self.assertEqual(jenis, item.jenis)


class QueryTests(RujukanTestCase):
    def test_references_are_filled_in_without_a_query(self):
        self.tulis(
            "{{indikator.200001.capaian}} {{total.anggaran}} {{tabel.capaian-iku}}\n\n[[realisasi-anggaran]]"
        )
        data = kumpulkan(self.instansi, TAHUN)
        with self.assertNumQueries(0):
            html = html_laporan(susun(data))
        self.assertIn("103,97 % 7.085.233.615 Tabel", html)


class EditorTests(RujukanTestCase):
    """The narrative screen as planners and reviewers use it, on Bandar Lampung's document."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.narasi = Narasi.objects.get(instansi=cls.instansi, tahun=TAHUN, kunci=NARASI)
        cls.url = reverse("narasi-ubah", args=[BL, TAHUN, cls.narasi.pk])
        lain = buat_instansi("dinas-lain")
        cls.perencana, cls.perencana_lain, cls.pemeriksa = buat_pemeran(cls.instansi, lain)

    def setUp(self):
        self.client.force_login(self.perencana)

    def isian(self, teks: str, **lain) -> dict:
        n = Narasi.objects.get(pk=self.narasi.pk)
        return {"kunci": n.kunci, "judul": n.judul, "urutan": n.urutan, "teks": teks, "versi": n.versi} | lain

    def test_the_editor_lists_the_references_with_their_current_values(self):
        respons = self.client.get(self.url)
        self.assertEqual(respons.status_code, 200)
        kelompok = dict(respons.context["rujukan"])
        self.assertEqual(list(kelompok)[:3], ["Indikator", "Sasaran", "Program"])
        self.assertIn("Tabel & grafik", kelompok)
        halaman = respons.content.decode()
        self.assertIn('data-kode="indikator.200001.capaian"', halaman)
        baris = re.search(r'data-kode="total\.anggaran">[^<]*</code></td><td class="angka">([^<]*)<', halaman)
        self.assertEqual(baris.group(1), "7.085.233.615")
        self.assertIn("sakip/narasi.js", halaman)

    def test_the_preview_renders_the_typed_text_without_saving_and_names_what_dangles(self):
        teks = "Capaian {{indikator.200001.capaian}} dan {{indikator.999.capaian}}.\n\n[[realisasi-anggaran]]"
        respons = self.client.post(self.url, self.isian(teks, pratinjau="1"))
        self.assertEqual(respons.status_code, 200)
        self.assertContains(respons, "Capaian 103,97 % dan")
        self.assertContains(
            respons, '<mark class="rujukan-salah">⟨rujukan tidak dikenal: indikator.999.capaian⟩</mark>'
        )
        self.assertEqual([g.kode for g in respons.context["gantung"]], ["indikator.999.capaian"])
        self.assertContains(respons, "<code>indikator.999.capaian</code>")
        self.assertTrue(
            any(
                isinstance(i, Tabel) and i.kunci == "realisasi-anggaran" for i in respons.context["pratinjau"]
            )
        )
        self.assertEqual(Narasi.objects.get(pk=self.narasi.pk).teks, self.narasi.teks)

    def test_the_preview_draws_only_the_pictures_of_its_chapter_numbered_as_in_the_report(self):
        bab = lambda g: g.nomor.split()[1].split(".")[0]  # noqa: E731
        penuh = {g.kunci: g.nomor for g in self.dokumen().daftar_grafik}
        pratinjau = susun(kumpulkan(self.instansi, TAHUN), grafik_bab=NARASI).daftar_grafik
        self.assertEqual(
            {g.kunci: g.nomor for g in pratinjau if bab(g) == "3"},
            {k: n for k, n in penuh.items() if n.split()[1].startswith("3.")},
        )
        self.assertTrue({"1", "3"} <= {n.split()[1].split(".")[0] for n in penuh.values()})
        self.assertNotIn("1", {bab(g) for g in pratinjau}, "Bab I's diagrams are not drawn for Bab III")
        self.assertEqual(rujukan.periksa(susun(kumpulkan(self.instansi, TAHUN), grafik_bab=NARASI)), [])

    def test_saving_a_text_that_dangles_is_allowed_and_says_what_dangles(self):
        respons = self.client.post(self.url, self.isian("Lihat {{tabel.tidak-ada}}."), follow=True)
        self.assertRedirects(respons, reverse("narasi-daftar", args=[BL, TAHUN]))
        self.assertEqual(Narasi.objects.get(pk=self.narasi.pk).teks, "Lihat {{tabel.tidak-ada}}.")
        self.assertContains(respons, "belum menunjuk apa pun: tabel.tidak-ada")

    def test_a_reviewer_reads_the_preview_but_may_not_post_it(self):
        self.client.force_login(self.pemeriksa)
        self.assertContains(self.client.get(self.url), "Pratinjau")
        self.assertEqual(self.client.post(self.url, self.isian("X", pratinjau="1")).status_code, 403)
        self.assertEqual(self.client.post(self.url, self.isian("X")).status_code, 403)

    def test_another_agency_gets_404(self):
        self.client.force_login(self.perencana_lain)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, self.isian("X", pratinjau="1")).status_code, 404)

    def test_the_report_page_lists_what_dangles_for_planners_with_a_link_to_the_narrative(self):
        self.tulis("Lihat {{indikator.999.capaian}}.")
        url = reverse("lkjip-html", args=[BL, TAHUN])
        respons = self.client.get(url)
        self.assertContains(respons, 'id="rujukan-gantung"')
        self.assertContains(respons, f'href="{self.url}"')
        self.client.force_login(self.pemeriksa)
        halaman = self.client.get(url)
        self.assertNotContains(halaman, 'id="rujukan-gantung"')
        self.assertContains(halaman, "⟨rujukan tidak dikenal: indikator.999.capaian⟩")


class FixtureTests(TestCase):
    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    def test_both_documents_reports_have_no_reference_or_marker_that_points_nowhere(self):
        for slug, tahun in (("koperindag-lampung-barat", 2023), (BL, TAHUN)):
            with self.subTest(slug):
                dokumen = susun(kumpulkan(Instansi.objects.get(slug=slug), tahun))
                self.assertEqual([(g.narasi, g.kode) for g in rujukan.periksa(dokumen)], [])


class QueryScaleTests(TestCase):
    def test_filling_in_references_takes_no_query_at_one_and_ten_times_the_data(self):
        for slug, ukuran in (("kecil", 1), ("besar", 10)):
            instansi = buat_instansi(slug, ukuran=ukuran)
            indikator = Indikator.objects.filter(renstra__instansi=instansi).first()
            teks = f"{{{{indikator.{indikator.pk}.capaian}}}} Rp {{{{total.anggaran}}}}\n\n[[capaian-iku]]"
            Narasi.objects.create(instansi=instansi, tahun=TAHUN, kunci=NARASI, judul="Capaian", teks=teks)
            data = kumpulkan(instansi, TAHUN)
            with self.subTest(slug), self.assertNumQueries(0):
                dokumen = susun(data)
                html_laporan(dokumen, web=True)
            self.assertEqual(rujukan.periksa(dokumen), [])
