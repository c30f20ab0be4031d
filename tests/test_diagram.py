"""The report's diagrams (`sakip.lkjip.diagram`): drawn from the data by Graphviz, every
name of the plan in the cascade, the organisation chart with its units and holders, the
same bytes for the same data, and vector text in the PDF."""

import re
import subprocess
import tempfile
from html import unescape
from unittest import mock

from django.test import TestCase

from instansi.models import Instansi, Jabatan, UnitOrganisasi
from kinerja.models import Indikator, Program, Sasaran
from sakip.lkjip import diagram
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.render import html_laporan, pdf_dari_html
from sakip.lkjip.susun import susun
from tests.factories import buat_instansi

TAHUN = {"koperindag-lampung-barat": 2023, "diskopukm-bandar-lampung": 2022}


def teks_svg(svg: str) -> str:
    """The words an SVG shows, in one line: wrapped labels joined again."""
    return " ".join(unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))).split())


def rata(teks: str) -> str:
    return " ".join(teks.split())


class DiagramFixtureTests(TestCase):
    fixtures = ["lampung_barat_2023", "bandar_lampung_2022"]

    def data(self, slug):
        return kumpulkan(Instansi.objects.get(slug=slug), TAHUN[slug])

    def test_the_cascades_name_every_sasaran_program_and_indicator_of_the_plan(self):
        for slug in TAHUN:
            with self.subTest(slug):
                data = self.data(slug)
                gambar = diagram.pohon_kinerja(data) + diagram.cascading_sasaran(data)
                teks = " ".join(teks_svg(g.svg) for g in gambar)
                renstra = {"renstra": data.renstra}
                nama = [s.uraian for s in Sasaran.objects.filter(**renstra)]
                nama += [p.nama for p in Program.objects.filter(**renstra)]
                nama += [i.nama for i in Indikator.objects.filter(**renstra)]
                self.assertGreater(len(nama), 20)
                hilang = [n for n in nama if rata(n) not in teks]
                self.assertEqual(hilang, [])

    def test_the_organisation_chart_shows_units_positions_and_holders(self):
        data = self.data("koperindag-lampung-barat")
        [bagan] = diagram.bagan_organisasi(data)
        teks = teks_svg(bagan.svg)
        for unit in UnitOrganisasi.objects.filter(instansi=data.instansi):
            self.assertIn(rata(unit.nama), teks)
        self.assertIn("Kepala Dinas: TRI UMARYANI, S.P, M.Si.", teks)
        self.assertIn("Fungsional Pengawas Koperasi (3 orang)", teks)
        self.assertEqual(bagan.nomor, "")  # numbered by the assembly, as «Gambar 1.1»
        nomor = [
            g.nomor for bab in susun(data).bab for b in bab.bagian for g in b.isi if g.kunci == bagan.kunci
        ]
        self.assertEqual(nomor, ["Gambar 1.1"])

    def test_the_same_data_gives_the_same_svg_bytes(self):
        for slug in TAHUN:
            with self.subTest(slug):
                pertama = [g.svg for g in susun(self.data(slug)).daftar_grafik]
                kedua = [g.svg for g in susun(self.data(slug)).daftar_grafik]
                self.assertEqual(pertama, kedua)

    def test_our_code_says_what_is_connected_never_where_it_stands(self):
        sumber = []
        asli = diagram._gambar

        def catat(g):
            sumber.append(g.source)
            return asli(g)

        with mock.patch.object(diagram, "_gambar", side_effect=catat):
            data = self.data("diskopukm-bandar-lampung")
            for blok in (diagram.pohon_kinerja, diagram.cascading_sasaran, diagram.program_anggaran_iku):
                blok(data)
            diagram.bagan_organisasi(self.data("koperindag-lampung-barat"))
        self.assertGreaterEqual(len(sumber), 6)
        for dot in sumber:
            self.assertNotRegex(dot, r"\b(pos|pin|neato|fixedsize)\s*=")

    def test_a_diagram_is_vector_text_in_the_pdf(self):
        pdf = pdf_dari_html(html_laporan(susun(self.data("koperindag-lampung-barat"))))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as berkas:
            berkas.write(pdf)
            berkas.flush()
            teks = subprocess.run(["pdftotext", berkas.name, "-"], capture_output=True, text=True).stdout
        teks = rata(teks)
        self.assertIn("Gambar 1.1 Bagan Struktur Organisasi", teks)
        for label in (
            "Bidang Pengelolaan dan Pengembangan",
            "Kasubbag Keuangan",
            "Fungsional Penyuluh Industri",
        ):
            self.assertIn(label, teks)


class DiagramWithoutDataTests(TestCase):
    def test_an_agency_without_structure_has_no_chart_and_a_unit_names_its_count_of_staff(self):
        instansi = buat_instansi(ukuran=1)
        self.assertEqual(diagram.bagan_organisasi(kumpulkan(instansi, 2022)), [])
        kepala = UnitOrganisasi.objects.create(
            instansi=instansi, tahun=2022, jenis="pimpinan", nama="Kepala Dinas"
        )
        bidang = UnitOrganisasi.objects.create(
            instansi=instansi, tahun=2022, jenis="bidang", nama="Bidang <Koperasi> & UKM", induk=kepala
        )
        Jabatan.objects.create(unit=bidang, nama="Staf", jumlah=4)
        [bagan] = diagram.bagan_organisasi(kumpulkan(instansi, 2022))
        self.assertIn("Bidang <Koperasi> & UKM", teks_svg(bagan.svg))  # a typed name is text, not markup
        self.assertIn("Staf (4 orang)", teks_svg(bagan.svg))
