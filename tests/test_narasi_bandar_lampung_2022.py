"""Bandar Lampung 2022's report read as one document: its narrative (the texts of
`fixtures/build/teks/bandar_lampung_2022/`, the per-sasaran analyses included) points to
nothing that is missing, every «Tabel x.y» / «Grafik x.y» / «Gambar x.y» it prints is an item
of the report with that number, and each table or chart a `[[…]]` marker places follows the
paragraph that introduces it, as in the source document."""

import re

from django.test import TestCase

from instansi.models import Instansi
from sakip.lkjip import rujukan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import POLA_PENANDA, Grafik, Tabel, Teks
from sakip.lkjip.susun import susun

BL, TAHUN = "diskopukm-bandar-lampung", 2022
# A reference to a table's or chart's number, and the words that introduce what follows.
POLA_KODE_NOMOR = re.compile(r"\{\{\s*(tabel|grafik)\.([^{}\s]+)\s*\}\}")
POLA_PENGANTAR = re.compile(r"berikut|di ?bawah ini", re.I)
# A numbered item as prose names it, in any case and with the document's own spellings
# («table 2.2», «Tabel I.4»), so that a number typed by hand is caught as well.
POLA_NOMOR = re.compile(r"\b(?:tabel|table|grafik|gambar|bagan)\s+(?:[0-9]+|[IVX]+|L)\s*\.\s*[0-9]+", re.I)


def dibaca(teks: Teks) -> str:
    """A text as the reader sees it: its paragraphs and list items with references filled in."""
    baris = []
    for jenis, isi in teks.isi:
        potongan = [isi] if jenis == "paragraf" else isi
        baris.extend("".join(p.teks for p in bagian) for bagian in potongan)
    return "\n".join(baris)


def paragraf_terakhir(teks: str) -> str:
    return [p for p in re.split(r"\n\s*\n", teks.strip()) if p.strip()][-1].strip()


class NarasiBandarLampungTest(TestCase):
    fixtures = ["bandar_lampung_2022"]

    @classmethod
    def setUpTestData(cls):
        cls.instansi = Instansi.objects.get(slug=BL)
        cls.dokumen = susun(kumpulkan(cls.instansi, TAHUN))
        cls.isi = [item for _, _, item in rujukan._semua_isi(cls.dokumen)]

    def test_no_reference_or_marker_dangles(self):
        self.assertEqual(rujukan.periksa(self.dokumen), [])

    def test_the_narrative_writes_its_figures_and_numbers_as_references(self):
        # The rewrite's point: the texts carry codes, not typed figures (a guard that the
        # checks below read references at all).
        semua = "\n".join(n.teks for n in self.dokumen.data.narasi.values())
        self.assertGreater(len(re.findall(r"\{\{\s*(?:indikator|program|sub_kegiatan|total)\.", semua)), 50)
        self.assertGreaterEqual(len(re.findall(r"\{\{\s*tabel\.", semua)), 8)
        self.assertGreater(sum(bool(POLA_PENANDA.match(g)) for g in semua.splitlines()), 20)

    def test_every_table_chart_or_figure_number_in_the_text_is_an_item_of_that_number(self):
        nomor = {i.nomor for i in self.isi if isinstance(i, (Tabel, Grafik))}
        disebut = []
        for item in self.isi:
            if isinstance(item, Teks):
                for cocok in POLA_NOMOR.finditer(dibaca(item)):
                    disebut.append((cocok.group(0), item.kunci))
        self.assertGreaterEqual(len(disebut), 8)
        for teks, kunci in disebut:
            with self.subTest(teks=teks, narasi=kunci):
                self.assertIn(teks, nomor, "the prose names a number no table, chart or figure has")

    def test_each_placed_item_follows_the_paragraph_that_introduces_it(self):
        nomor = {kode: r.nilai for kode, r in rujukan.rujukan_nomor(self.dokumen).items()}
        ditempatkan = 0
        for kunci, narasi in self.dokumen.data.narasi.items():
            for sebelum, kelompok in self._penanda(narasi.teks):
                with self.subTest(narasi=kunci, penanda=kelompok):
                    self.assertTrue(sebelum.strip(), "a marker with no paragraph before it")
                    pengantar = paragraf_terakhir(sebelum)
                    berikut = self._potongan(kunci, pengantar) + 1
                    pertama = self.isi[berikut]
                    for penanda in kelompok:
                        mulai = berikut
                        while berikut < len(self.isi) and self._dari(self.isi[berikut], penanda):
                            berikut += 1
                        self.assertGreater(berikut, mulai, f"[[{penanda}]] placed nothing right there")
                        ditempatkan += 1
                    # The paragraph introduces what follows it: it names that item's number,
                    # or, naming none, says «berikut» / «di bawah ini» as the source does.
                    disebut = {nomor[f"{j}.{k}"] for j, k in POLA_KODE_NOMOR.findall(pengantar)}
                    if disebut:
                        self.assertIn(getattr(pertama, "nomor", None), disebut)
                    else:
                        self.assertRegex(pengantar, POLA_PENGANTAR)
        self.assertGreater(ditempatkan, 20)

    def test_a_paragraph_that_names_the_table_below_it_is_followed_by_that_table(self):
        # «… dapat dilihat pada {{tabel.triwulan}} dibawah ini :» reads true only when that
        # table comes next, whether a marker or the layout put it there.
        nomor = {kode: r.nilai for kode, r in rujukan.rujukan_nomor(self.dokumen).items()}
        diperiksa = 0
        for n, item in enumerate(self.isi):
            if not isinstance(item, Teks) or not item.kunci:
                continue
            for paragraf in item.paragraf:
                disebut = {nomor[f"{j}.{k}"] for j, k in POLA_KODE_NOMOR.findall(paragraf)}
                if not disebut or not POLA_PENGANTAR.search(paragraf):
                    continue
                with self.subTest(paragraf=paragraf[-80:]):
                    self.assertEqual(paragraf, item.paragraf[-1], "text stands between it and its table")
                    self.assertIn(getattr(self.isi[n + 1], "nomor", None), disebut)
                    diperiksa += 1
        self.assertGreaterEqual(diperiksa, 5)

    @staticmethod
    def _penanda(teks: str) -> list[tuple[str, list[str]]]:
        """(the text before, the keys of the markers standing together) for every run of marker lines."""
        hasil, garis, kelompok = [], [], []
        for g in teks.replace("\r\n", "\n").split("\n"):
            penanda = POLA_PENANDA.match(g)
            if penanda:
                if not kelompok:
                    hasil.append(("\n".join(garis), kelompok))
                    garis = []
                kelompok.append(penanda.group(1))
            elif g.strip():
                kelompok = []
                garis.append(g)
            else:
                garis.append(g)
        return hasil

    def _potongan(self, kunci: str, sebelum: str) -> int:
        """Where the piece of narrative `kunci` ending with the paragraph before a marker stands."""
        akhir = paragraf_terakhir(sebelum)
        for n, item in enumerate(self.isi):
            if isinstance(item, Teks) and item.kunci == kunci and item.teks.strip().endswith(akhir):
                return n
        self.fail(f"no piece of «{kunci}» ends with «{akhir[:60]}…»")

    @staticmethod
    def _dari(item, penanda: str) -> bool:
        """Whether an item is what the marker names: a table or chart of that key or block,
        or a block's own sub-heading or text (a sasaran's analysis), which has no narrative key."""
        if isinstance(item, (Tabel, Grafik)):
            return penanda in (item.kunci, item.blok)
        return isinstance(item, Teks) and not item.kunci
