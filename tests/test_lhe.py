"""The LHE (Laporan Hasil Evaluasi): scores per component and sub-component of both sides,
the predikat, the history beside the years recorded as scores, strengths, weaknesses and
recommendations with their follow-up; gathered in a fixed number of queries, rendered with
none, as HTML and PDF; readable by the agency only once final."""

import subprocess
import tempfile
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import reverse

from evaluasi import alur
from evaluasi.models import (
    EvaluasiLke,
    Instrumen,
    KriteriaLke,
    Pihak,
    RekomendasiLke,
    SimpulanLhe,
    TindakLanjutLke,
)
from instansi.models import Pemeriksa
from sakip.lhe.data import kumpulkan
from sakip.lhe.render import html_lhe
from tests.kasus import KasusInstansi

TAHUN = 2022


def instrumen(dasar: str) -> Instrumen:
    return Instrumen.objects.filter(dasar__contains=dasar).first()


def jawab(user, evaluasi: EvaluasiLke, pihak: str, label) -> None:
    """Answer every criterion of `evaluasi` for `pihak` with `label(kriteria)`."""
    kriteria = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=evaluasi)
    alur.simpan_jawaban(user, evaluasi, pihak, [alur.Isian(k, label(k), "", 0) for k in kriteria])


def teratas(k: KriteriaLke) -> str:
    return k.pilihan[0][0]


def jalankan(perencana, evaluator, pengendali, instansi, tahun, dasar="12/2015", label=teratas):
    """A whole evaluation's life: self-assessment, hand-over, evaluator, approval, final."""
    e = alur.mulai(perencana, instansi, tahun, instrumen(dasar))
    jawab(perencana, e, Pihak.MANDIRI, teratas)
    e = alur.terapkan(perencana, e, "serahkan", "", e.versi)
    jawab(evaluator, e, Pihak.EVALUATOR, label)
    e = alur.terapkan(pengendali, e, "setujui", "", e.versi)
    return alur.terapkan(pengendali, e, "finalkan", "", e.versi)


class LheTests(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pengendali = get_user_model().objects.create_user(
            "pengendali", password="rahasia-pt-1", first_name="Dra. Pengendali", last_name="Teknis"
        )
        Pemeriksa.objects.create(user=cls.pengendali, pemda=cls.a.pemda)

    def test_the_lhe_scores_both_sides_per_component_and_shows_the_history_with_recorded_years(self):
        # The evaluator answers every criterion at the bottom but the first of each sub-component.
        e = alur.mulai(self.perencana, self.a, TAHUN, instrumen("12/2015"))
        jawab(self.perencana, e, Pihak.MANDIRI, teratas)
        e = alur.terapkan(self.perencana, e, "serahkan", "", e.versi)
        jawab(self.pemeriksa, e, Pihak.EVALUATOR, lambda k: k.pilihan[-1][0])
        SimpulanLhe.objects.create(
            evaluasi=e, kekuatan="Renstra selaras dengan RPJMD.", kelemahan="IKU belum SMART."
        )
        r = RekomendasiLke.objects.create(evaluasi=e, urutan=1, teks="Perbaiki IKU agar terukur.")
        TindakLanjutLke.objects.create(
            rekomendasi=r,
            tindak_lanjut="Reviu IKU",
            rencana_aksi="Revisi Renstra",
            batas_waktu=date(2023, 6, 30),
        )
        data = kumpulkan(EvaluasiLke.objects.select_related("instansi__pemda").get(pk=e.pk))
        self.assertEqual(data.mandiri.nilai, 100)
        self.assertEqual(data.evaluator.nilai, 0)
        self.assertEqual((data.predikat_mandiri, data.predikat_evaluator), ("AA", "D"))
        self.assertEqual(sum(b.bobot for b in data.baris if not b.sub), 100)
        self.assertEqual([(r.tahun, r.lke) for r in data.riwayat], [(2021, False), (2022, True)])
        self.assertEqual((data.riwayat[0].nilai, data.riwayat[0].predikat), (Decimal("80.37"), "A"))
        html = html_lhe(data)
        for teks in (
            "Perencanaan Kinerja",
            "100,00",
            "DRAF",
            "80,37",
            "IKU belum SMART.",
            "30 Jun 2023",
            "Revisi Renstra",
        ):
            self.assertIn(teks, html)

    def test_it_gathers_in_a_fixed_number_of_queries_and_renders_with_none(self):
        kecil = jalankan(self.perencana, self.pemeriksa, self.pengendali, self.a, 2020)
        besar = jalankan(self.perencana, self.pemeriksa, self.pengendali, self.a, 2021, "88/2021")
        self.assertGreater(
            KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=besar).count(),
            KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=kecil).count(),
        )
        for e in (kecil, besar):
            e = EvaluasiLke.objects.select_related("instansi__pemda").get(pk=e.pk)
            with self.assertNumQueries(18):
                data = kumpulkan(e)
            with self.assertNumQueries(0):
                html_lhe(data)
        # The final 2020 LKE replaces nothing recorded, the 2021 LKE replaces the recorded 2021.
        self.assertEqual(
            [(r.tahun, r.lke, r.nilai) for r in data.riwayat], [(2020, True, 100), (2021, True, 100)]
        )

    def test_the_agency_reads_the_lhe_only_once_final_reviewers_always(self):
        e = alur.mulai(self.perencana, self.a, TAHUN, instrumen("12/2015"))
        html, pdf = (reverse(n, args=[self.a.slug, TAHUN]) for n in ("lhe-html", "lhe-pdf"))
        self.assertContains(self.client.get(html), "setelah Inspektorat menetapkan evaluasi final")
        self.assertEqual(self.client.get(pdf).status_code, 404)
        self.masuk(self.pemeriksa)
        self.assertContains(self.client.get(html), "DRAF")
        e.delete()
        jalankan(self.perencana, self.pemeriksa, self.pengendali, self.a, TAHUN)
        self.masuk(self.perencana)
        respons = self.client.get(html)
        self.assertNotContains(respons, "DRAF")
        self.assertContains(respons, "Dra. Pengendali Teknis")
        respons = self.client.get(pdf)
        self.assertEqual(respons["Content-Type"], "application/pdf")
        self.assertTrue(respons["Content-Disposition"].startswith("attachment;"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as berkas:
            berkas.write(respons.content)
            berkas.flush()
            teks = subprocess.run(["pdftotext", berkas.name, "-"], capture_output=True, text=True).stdout
        self.assertIn("LAPORAN HASIL EVALUASI", teks)
        self.assertIn("100,00", teks)
        for user in (self.perencana_b,):
            self.masuk(user)
            self.assertEqual(self.client.get(html).status_code, 404)
