"""The evaluation's screens as their users meet them: the start, the grid per component for
the planner and for the evaluator, what each sees of the other side, saving all or none,
the steps, and the agency year's link."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from evaluasi import alur
from evaluasi.models import EvaluasiLke, Instrumen, JawabanLke, KomponenLke, KriteriaLke, Pihak, StatusLke
from instansi.models import Pemeriksa
from tests.kasus import KasusInstansi, utama

TAHUN = 2023


class Kasus(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pengendali = get_user_model().objects.create_user("pengendali", password="rahasia-k-1")
        Pemeriksa.objects.create(user=cls.pengendali, pemda=cls.a.pemda)
        cls.instrumen = Instrumen.objects.get(dasar="PermenPAN-RB 88/2021")
        cls.evaluasi = alur.mulai(cls.perencana, cls.a, TAHUN, cls.instrumen)
        cls.perencanaan = cls.evaluasi.komponen.get(kode="1")

    def url(self, nama="evaluasi-lke", *args):
        return reverse(nama, args=[self.a.slug, TAHUN, *args])

    def url_komponen(self, komponen=None):
        return self.url("evaluasi-komponen", (komponen or self.perencanaan).pk)

    def kriteria(self, komponen=None):
        return list(KriteriaLke.objects.filter(sub_komponen__komponen=komponen or self.perencanaan))

    def isian(self, jawaban: dict, versi: dict | None = None, komponen=None) -> dict:
        """The grid's POST: {kode: (label, note)} for the criteria named, the rest left empty."""
        data = {}
        for r in self.kriteria(komponen):
            label, catatan = jawaban.get(r.kode, ("", ""))
            data |= {
                f"k{r.pk}-nilai_skala": label,
                f"k{r.pk}-catatan": catatan,
                f"k{r.pk}-versi": str((versi or {}).get(r.kode, 0)),
            }
        return data

    def status(self, status):
        EvaluasiLke.objects.filter(pk=self.evaluasi.pk).update(status=status)

    def jawab(self, pihak, jawaban: dict):
        for r in self.kriteria():
            if r.kode in jawaban:
                label, catatan = jawaban[r.kode]
                JawabanLke.objects.create(kriteria=r, pihak=pihak, nilai_skala=label, catatan=catatan)


class StartTests(KasusInstansi):
    def test_before_it_starts_the_page_offers_the_instruments(self):
        r = self.client.get(reverse("evaluasi-lke", args=[self.a.slug, TAHUN]))
        self.assertContains(r, "Evaluasi tahun ini belum dimulai")
        self.assertContains(r, "LKE PermenPAN-RB 88/2021")
        self.assertContains(r, "LKE PermenPAN-RB 12/2015")

    def test_starting_copies_the_chosen_instrument(self):
        instrumen = Instrumen.objects.get(dasar="PermenPAN-RB 12/2015")
        r = self.client.post(
            reverse("evaluasi-mulai", args=[self.a.slug, TAHUN]), {"instrumen": instrumen.pk}
        )
        self.assertRedirects(r, reverse("evaluasi-lke", args=[self.a.slug, TAHUN]))
        e = EvaluasiLke.objects.get(instansi=self.a, tahun=TAHUN)
        self.assertEqual((e.nama_instrumen, e.komponen.count()), (instrumen.nama, 5))

    def test_an_inactive_instrument_cannot_be_chosen(self):
        instrumen = Instrumen.objects.get(dasar="PermenPAN-RB 12/2015")
        Instrumen.objects.filter(pk=instrumen.pk).update(aktif=False)
        self.client.post(reverse("evaluasi-mulai", args=[self.a.slug, TAHUN]), {"instrumen": instrumen.pk})
        self.assertFalse(EvaluasiLke.objects.exists())

    def test_the_agency_year_links_to_the_evaluation(self):
        r = self.client.get(reverse("instansi-tahun", args=[self.a.slug, TAHUN]))
        self.assertContains(r, reverse("evaluasi-lke", args=[self.a.slug, TAHUN]))


class PlannerGridTests(Kasus):
    def test_the_grid_shows_each_criterion_its_evidence_and_the_planners_inputs(self):
        r = self.client.get(self.url_komponen())
        self.assertContains(r, "Renstra untuk periode yang berjalan telah disusun dan ditetapkan.")
        self.assertContains(r, "Bukti: Dokumen Renstra beserta keputusan penetapannya.")
        r1 = self.kriteria()[0]
        self.assertContains(r, reverse("bukti-kriteria", args=[self.a.slug, TAHUN, r1.pk]))
        self.assertContains(r, f'name="k{r1.pk}-nilai_skala"')
        self.assertContains(r, '<option value="B">B (0,75)</option>', html=True)
        self.assertNotContains(r, "<th>Evaluator</th>", html=True)

    def test_saving_writes_the_answers_and_the_scores_follow(self):
        # Perencanaan's pemenuhan all Y: 6; kualitas one A of four: 9 / 4 = 2,25 → 8,25.
        jawaban = {k: ("Y", "") for k in ("1.a.1", "1.a.2", "1.a.3", "1.a.4")} | {
            "1.b.1": ("A", "Ada Renstra.")
        }
        r = self.client.post(self.url_komponen(), self.isian(jawaban))
        self.assertRedirects(r, self.url_komponen())
        self.assertEqual(JawabanLke.objects.filter(pihak=Pihak.MANDIRI).exclude(nilai_skala="").count(), 5)
        self.assertEqual(JawabanLke.objects.get(kriteria__kode="1.b.1").catatan, "Ada Renstra.")
        r = self.client.get(self.url())
        self.assertContains(r, '<td class="angka">8,25</td>', html=True)
        self.assertContains(r, '8,25 <span class="predikat">D</span>', html=True)

    def test_a_label_outside_the_criterions_scale_is_refused_and_nothing_saved(self):
        r = self.client.post(self.url_komponen(), self.isian({"1.a.1": ("Y", ""), "1.b.1": ("Y", "")}))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Y bukan salah satu dari pilihan yang tersedia")
        self.assertFalse(JawabanLke.objects.exists())

    def test_a_stale_page_is_a_conflict_and_nothing_is_saved(self):
        self.client.post(self.url_komponen(), self.isian({"1.a.1": ("Y", "")}))
        r = self.client.post(self.url_komponen(), self.isian({"1.a.1": ("T", ""), "1.a.2": ("Y", "")}))
        self.assertEqual(r.status_code, 409)
        self.assertContains(r, "Tidak ada yang disimpan", status_code=409)
        self.assertEqual(
            list(JawabanLke.objects.values_list("kriteria__kode", "nilai_skala")), [("1.a.1", "Y")]
        )

    def test_the_reviewer_cannot_write_the_draft(self):
        self.masuk(self.pemeriksa)
        r = self.client.post(self.url_komponen(), self.isian({"1.a.1": ("Y", "")}))
        self.assertEqual(r.status_code, 403)
        self.assertFalse(JawabanLke.objects.exists())

    def test_once_handed_over_the_planner_reads_own_answers_without_inputs_and_cannot_write(self):
        self.jawab(Pihak.MANDIRI, {"1.a.1": ("Y", "Renstra 2021–2026.")})
        self.status(StatusLke.DINILAI)
        r = self.client.get(self.url_komponen())
        self.assertContains(r, "Renstra 2021–2026.")
        self.assertNotContains(r, "nilai_skala")
        self.assertEqual(
            self.client.post(self.url_komponen(), self.isian({"1.a.1": ("T", "")})).status_code, 403
        )

    def test_the_planner_never_sees_the_evaluators_answers_before_final(self):
        self.jawab(Pihak.MANDIRI, {"1.a.1": ("Y", "")})
        self.jawab(
            Pihak.EVALUATOR, {"1.a.1": ("T", "Renstra belum ditetapkan dengan Perkada."), "1.b.1": ("C", "")}
        )
        for status in (StatusLke.DRAF, StatusLke.DINILAI, StatusLke.DISETUJUI):
            self.status(status)
            for url in (self.url(), self.url_komponen()):
                with self.subTest(status=status, url=url):
                    halaman = utama(self.client.get(url))
                    self.assertNotIn("Renstra belum ditetapkan dengan Perkada.", halaman)
                    self.assertNotIn("Evaluator</th>", halaman)
                    self.assertNotIn("Selisih", halaman)
        self.status(StatusLke.FINAL)
        halaman = utama(self.client.get(self.url_komponen()))
        self.assertIn("Renstra belum ditetapkan dengan Perkada.", halaman)
        self.assertIn("Selisih", halaman)

    def test_another_agencys_planner_and_another_regions_reviewer_get_404(self):
        lain = get_user_model().objects.create_user("pemeriksa-b", password="rahasia-l-1")
        Pemeriksa.objects.create(user=lain, pemda=self.b.pemda)
        for user in (self.perencana_b, lain):
            self.masuk(user)
            for url in (self.url(), self.url_komponen(), self.url("evaluasi-langkah", "serahkan")):
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, 404)


class EvaluatorGridTests(Kasus):
    def setUp(self):
        self.jawab(Pihak.MANDIRI, {"1.a.1": ("T", ""), "1.b.1": ("A", "Renstra berorientasi hasil.")})
        self.status(StatusLke.DINILAI)
        self.masuk(self.pemeriksa)

    def test_the_evaluator_sees_the_self_assessment_and_writes_beside_it(self):
        r = self.client.get(self.url_komponen())
        self.assertContains(r, "Renstra berorientasi hasil.")
        self.assertContains(r, "<th>Evaluator</th>", html=True)
        r1 = self.kriteria()[0]
        self.assertContains(r, f'name="k{r1.pk}-nilai_skala"')

    def test_the_difference_and_the_warnings_are_shown(self):
        r = self.client.post(self.url_komponen(), self.isian({"1.a.1": ("T", ""), "1.b.1": ("C", "")}))
        self.assertRedirects(r, self.url_komponen())
        halaman = utama(self.client.get(self.url_komponen()))
        self.assertIn('<span class="selisih turun">-0,50</span>', halaman)
        self.assertIn("melebihi prasyaratnya: 1.a.1 dijawab «T»", halaman)
        self.assertIn("berbeda dari penilaian mandiri; tuliskan alasannya", halaman)
        ringkasan = utama(self.client.get(self.url()))
        self.assertIn("Peringatan konsistensi (2)", ringkasan)

    def test_the_planner_cannot_write_the_evaluators_side(self):
        self.masuk(self.perencana)
        self.assertEqual(
            self.client.post(self.url_komponen(), self.isian({"1.a.1": ("Y", "")})).status_code, 403
        )
        self.assertFalse(JawabanLke.objects.filter(pihak=Pihak.EVALUATOR).exists())

    def test_the_grid_takes_the_same_queries_for_a_small_and_a_large_component(self):
        kecil = self.evaluasi.komponen.get(kode="3")  # 7 criteria; Perencanaan has 11
        self.client.get(self.url_komponen(kecil))
        with self.assertNumQueries(14) as q:
            self.client.get(self.url_komponen(kecil))
        with self.assertNumQueries(len(q.captured_queries)):
            self.client.get(self.url_komponen())

    def test_the_summary_links_each_warning_and_takes_the_same_queries_whatever_the_instrument(self):
        self.jawab(Pihak.EVALUATOR, {"1.a.1": ("T", ""), "1.b.1": ("C", "")})
        lain = alur.mulai(self.admin, self.a, TAHUN + 1, Instrumen.objects.get(dasar="PermenPAN-RB 12/2015"))
        EvaluasiLke.objects.filter(pk=lain.pk).update(status=StatusLke.DINILAI)
        with self.assertNumQueries(15) as q:
            self.client.get(reverse("evaluasi-lke", args=[self.a.slug, TAHUN + 1]))
        with self.assertNumQueries(len(q.captured_queries)):
            r = self.client.get(self.url())
        self.assertContains(r, f'href="{self.url_komponen()}#kriteria-1.b.1"', count=2)


class StepTests(Kasus):
    def test_a_step_page_says_what_happens_then_the_step_is_made(self):
        url = self.url("evaluasi-langkah", "serahkan")
        r = self.client.get(url)
        self.assertContains(r, "Penilaian mandiri tidak dapat diubah lagi")
        r = self.client.post(url, {"versi": self.evaluasi.versi, "catatan": ""})
        self.assertRedirects(r, self.url())
        self.assertEqual(EvaluasiLke.objects.get().status, StatusLke.DINILAI)
        self.assertContains(self.client.get(self.url()), "Draf (penilaian mandiri) → Dinilai evaluator")

    def test_a_step_from_a_stale_page_is_a_409(self):
        url = self.url("evaluasi-langkah", "serahkan")
        self.client.post(url, {"versi": self.evaluasi.versi})
        self.masuk(self.pemeriksa)
        r = self.client.post(
            self.url("evaluasi-langkah", "kembalikan"), {"versi": self.evaluasi.versi, "catatan": "x"}
        )
        self.assertEqual(r.status_code, 409)

    def test_the_evaluator_who_answered_cannot_approve_a_second_reviewer_can(self):
        self.status(StatusLke.DINILAI)
        self.masuk(self.pemeriksa)
        semua = {
            r.kode: (r.pilihan[0][0], "")
            for k in KomponenLke.objects.filter(evaluasi=self.evaluasi)
            for r in self.kriteria(k)
        }
        for k in KomponenLke.objects.filter(evaluasi=self.evaluasi):
            self.client.post(self.url_komponen(k), self.isian(semua, komponen=k))
        versi = EvaluasiLke.objects.get().versi
        r = self.client.post(self.url("evaluasi-langkah", "setujui"), {"versi": versi})
        self.assertEqual(r.status_code, 403)
        self.masuk(self.pengendali)
        r = self.client.post(self.url("evaluasi-langkah", "setujui"), {"versi": versi})
        self.assertRedirects(r, self.url())
        self.assertEqual(EvaluasiLke.objects.get().status, StatusLke.DISETUJUI)

    def test_a_step_that_needs_a_reason_says_so(self):
        self.status(StatusLke.DINILAI)
        self.masuk(self.pemeriksa)
        r = self.client.post(
            self.url("evaluasi-langkah", "kembalikan"), {"versi": self.evaluasi.versi, "catatan": " "}
        )
        self.assertContains(r, "Tuliskan alasan «Kembalikan ke instansi».")
        self.assertEqual(EvaluasiLke.objects.get().status, StatusLke.DINILAI)

    def test_an_unknown_step_is_404(self):
        self.assertEqual(self.client.get(self.url("evaluasi-langkah", "hapus")).status_code, 404)


class AdminTests(Kasus):
    def setUp(self):
        self.masuk(self.admin)

    def test_an_instrument_is_edited_down_to_its_criteria_with_inlines(self):
        k = self.instrumen.komponen.get(kode="1")
        s = k.sub_komponen.get(kode="b")
        halaman = {
            reverse("admin:evaluasi_instrumen_change", args=[self.instrumen.pk]): "Perencanaan Kinerja",
            reverse("admin:evaluasi_komponeninstrumen_change", args=[k.pk]): "Pemanfaatan",
            reverse("admin:evaluasi_subkomponeninstrumen_change", args=[s.pk]): "Bukti diharapkan",
        }
        for url, teks in halaman.items():
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), teks)

    def test_an_evaluation_is_only_read_in_the_admin(self):
        url = reverse("admin:evaluasi_evaluasilke_change", args=[self.evaluasi.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.client.post(url, {"status": "final"}).status_code, 403)
        self.assertEqual(EvaluasiLke.objects.get().status, StatusLke.DRAF)
