"""Lampung Barat's LKjIP 2023 as a reviewer reads its narrative: every reference resolves,
every «Tabel x.y» / «Grafik x.y» / «Gambar x.y» the text names exists with that number, every
table a marker places stands right after the paragraph that introduces it, and the figures the
text prints are the tables' figures, not the document's typed ones (fixtures/ERRATA.md,
«Angka dalam narasi»)."""

import re

from django.test import TestCase

from instansi.models import Instansi
from sakip.lkjip import rujukan
from sakip.lkjip.data import kumpulkan
from sakip.lkjip.isi import POLA_PENANDA, Grafik, Tabel, Teks
from sakip.lkjip.render import html_laporan
from sakip.lkjip.susun import susun
from tests.html_tabel import baca_tabel, baris, cari

LB, TAHUN = "koperindag-lampung-barat", 2023
NOMOR_DISEBUT = re.compile(r"\b(Tabel|Grafik|Gambar)\s+((?:\d+|L)\.\d+)", re.I)


def paragraf_tampil(teks: Teks) -> list[str]:
    """A text's paragraphs and list items as the reader sees them, references filled in."""
    hasil = []
    for _, isi in teks.isi:
        for potongan in isi if isi and isinstance(isi[0], list) else [isi]:
            hasil.append("".join(p.teks for p in potongan))
    return hasil


def potong_di_penanda(teks: str) -> list[tuple[str, str]]:
    """A narrative as written, cut at its marker lines: ("teks", text) and ("penanda", key)."""
    hasil, garis = [], []
    for g in teks.replace("\r\n", "\n").split("\n"):
        penanda = POLA_PENANDA.match(g)
        if not penanda:
            garis.append(g)
            continue
        if "\n".join(garis).strip():
            hasil.append(("teks", "\n".join(garis).strip()))
        garis = []
        hasil.append(("penanda", penanda.group(1)))
    if "\n".join(garis).strip():
        hasil.append(("teks", "\n".join(garis).strip()))
    return hasil


class NarasiLampungBaratTests(TestCase):
    fixtures = ["lampung_barat_2023"]

    @classmethod
    def setUpTestData(cls):
        cls.instansi = Instansi.objects.get(slug=LB)

    def setUp(self):
        self.dokumen = susun(kumpulkan(self.instansi, TAHUN))

    def semua_teks(self):
        return [(tempat, i) for tempat, _, i in rujukan._semua_isi(self.dokumen) if isinstance(i, Teks)]

    def test_no_reference_or_marker_dangles(self):
        self.assertEqual(rujukan.periksa(self.dokumen), [])
        # and none shows marked in the report either
        self.assertNotIn("⟨", html_laporan(self.dokumen))

    def test_every_table_and_figure_the_text_names_exists_with_that_number(self):
        nomor = {i.nomor for _, _, i in rujukan._semua_isi(self.dokumen) if isinstance(i, (Tabel, Grafik))}
        disebut = 0
        for tempat, teks in self.semua_teks():
            for paragraf in paragraf_tampil(teks):
                for cocok in NOMOR_DISEBUT.finditer(paragraf):
                    disebut += 1
                    label = f"{cocok.group(1).capitalize()} {cocok.group(2)}"
                    with self.subTest(tempat=tempat, disebut=label):
                        self.assertIn(label, nomor)
        # «Dari Tabel 4.3…», «Tabel 4.7…»: the other texts say «tabel berikut» before a placed table.
        self.assertGreaterEqual(disebut, 2)

    def test_each_placed_item_follows_the_paragraph_that_places_it(self):
        ditempatkan = 0
        for kunci, narasi in self.dokumen.data.narasi.items():
            potongan = potong_di_penanda(narasi.teks)
            if not any(jenis == "penanda" for jenis, _ in potongan):
                continue
            _, isi = rujukan.bagian_narasi(self.dokumen, kunci)
            # What the narrative's pieces should be in the section, in order: each text, then
            # the items its marker placed (all items of a block, or the one item by its key).
            harapan = []
            for jenis, nilai in potongan:
                if jenis == "teks":
                    harapan.append(("teks", nilai))
                else:
                    item = [i for i in isi if isinstance(i, (Tabel, Grafik)) and nilai in (i.kunci, i.blok)]
                    self.assertTrue(item, f"[[{nilai}]] of {kunci} placed nothing in its section")
                    harapan.extend(("item", id(i)) for i in item)
                    ditempatkan += 1
            awal = next(n for n, i in enumerate(isi) if isinstance(i, Teks) and i.kunci == kunci)
            nyata = [
                ("teks", i.teks) if isinstance(i, Teks) else ("item", id(i))
                for i in isi[awal : awal + len(harapan)]
            ]
            with self.subTest(narasi=kunci):
                self.assertEqual(nyata, harapan)
        self.assertGreaterEqual(ditempatkan, 12)

    def test_the_texts_before_a_placed_table_announce_it(self):
        """The ikhtisar's «… sebagai berikut :» and each sasaran's «tabel berikut:» stand right
        before the table, «Tabel diatas» right after it (markers in the ikhtisar and in the
        analyses the block «analisis-sasaran» writes)."""
        semua = [i for _, _, i in rujukan._semua_isi(self.dokumen)]

        def sekitar(kunci):
            n = next(n for n, i in enumerate(semua) if isinstance(i, Tabel) and i.kunci == kunci)
            return paragraf_tampil(semua[n - 1])[-1], semua[n + 1]

        sebelum, _ = sekitar("capaian-iku")
        self.assertTrue(sebelum.endswith("adalah sebagai berikut :"), sebelum)
        self.assertIsInstance(self.dokumen.ikhtisar[-1], Teks, "the ikhtisar goes on after its table")
        for n in (1, 2, 3):
            sebelum, _ = sekitar(f"capaian-sasaran-{n}")
            with self.subTest(sasaran=n):
                self.assertTrue(sebelum.endswith("dapat dilihat pada tabel berikut:"), sebelum)
        _, sesudah = sekitar("banding-sasaran-2")
        self.assertTrue(paragraf_tampil(sesudah)[0].startswith("Tabel diatas merupakan"))
        _, sesudah = sekitar("efisiensi-program")
        self.assertTrue(paragraf_tampil(sesudah)[0].startswith("Tabel diatas adalah metode"))

    def test_the_narrative_prints_the_tables_figures(self):
        tabel = baca_tabel(html_laporan(self.dokumen))
        # «Rp» and its figure are joined by a no-break space, so that a line never parts them.
        teks = {}  # a narrative cut by its markers: its pieces joined again
        for _, t in self.semua_teks():
            if t.kunci:
                teks[t.kunci] = " ".join([*([teks[t.kunci]] if t.kunci in teks else []), *paragraf_tampil(t)])
        jumlah = baris(cari(tabel, "Anggaran dan Realisasi Keuangan"), "JUMLAH")
        self.assertIn(
            f"anggaran belanja sebesar Rp\u00a0{jumlah[2]} dengan realisasi sebesar Rp\u00a0{jumlah[3]}.",
            teks["ikhtisar-eksekutif"],
        )
        self.assertIn(f"dialokasikan anggaran sebesar Rp\u00a0{jumlah[2]} ", teks["efisiensi"])
        capaian = cari(tabel, "Tabel", "Capaian Indikator Kinerja Utama")
        perdagangan = baris(capaian, "PDRB Sektor Perdagangan")[-1]
        industri = baris(capaian, "PDRB Sektor Industri")[-1]
        self.assertIn(f"sebesar {perdagangan} dan {industri} dari target", teks["kata-pengantar"])
        per_sasaran = cari(tabel, "Alokasi Anggaran per Sasaran")
        anggaran = {s: baris(per_sasaran, s)[3] for s in ("Koperasi dan UMKM", "Perdagangan", "Industri")}
        self.assertIn(
            f"pelayanan dasar sebesar Rp\u00a0{anggaran['Koperasi dan UMKM']} diikuti oleh urusan pilihan "
            f"bidang Perindustrian sebesar Rp\u00a0{anggaran['Industri']} dan urusan pilihan "
            f"perdagangan sebesar Rp\u00a0{anggaran['Perdagangan']}.",
            teks["realisasi-anggaran"],
        )
        status = cari(tabel, "Status kepegawaian")  # its last row is the total
        self.assertIn(
            f"sebanyak {status[-1][-1]} orang terdiri dari {baris(status, 'ASN')[-1]} orang ASN",
            teks["sumber-daya-manusia"],
        )

    def test_the_documents_contradicting_typed_figures_are_gone(self):
        semua = " ".join(p for _, t in self.semua_teks() for p in paragraf_tampil(t))
        # The document's figures that the data contradicts (ERRATA «Angka dalam narasi»).
        ketik = (
            *("18.424.991.230", "18.033.195.569", "11.091.815.280", "6.837.791.450", "495.384.500"),
            *("135.3", "110%", "48 orang"),
        )
        for angka in ketik:
            with self.subTest(angka=angka):
                self.assertNotIn(angka, semua)
