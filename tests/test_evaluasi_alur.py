"""An evaluation's life (`evaluasi.alur`): its start on a frozen copy of the instrument, who
answers which side when, each step and who may make it, the record of every change."""

from decimal import Decimal as D

from django.contrib.auth import get_user_model

from evaluasi import alur
from evaluasi.models import (
    EvaluasiLke,
    Instrumen,
    JawabanLke,
    KomponenInstrumen,
    KriteriaInstrumen,
    KriteriaLke,
    NilaiSkala,
    PeristiwaLke,
    Pihak,
    StatusLke,
    SubKomponenInstrumen,
)
from instansi.models import KunciTahun, Pemeriksa
from inti.versi import Konflik
from tests.kasus import KasusInstansi

TAHUN = 2023


class Kasus(KasusInstansi):
    """Agency a's 2023 evaluation on 88/2021, started by its planner; a second reviewer of
    a's region (the pengendali teknis)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pengendali = get_user_model().objects.create_user("pengendali", password="rahasia-k-1")
        Pemeriksa.objects.create(user=cls.pengendali, pemda=cls.a.pemda)
        cls.instrumen = Instrumen.objects.get(dasar="PermenPAN-RB 88/2021")
        cls.evaluasi = alur.mulai(cls.perencana, cls.a, TAHUN, cls.instrumen)

    def kini(self) -> EvaluasiLke:
        return EvaluasiLke.objects.get(pk=self.evaluasi.pk)

    def kriteria(self):
        return list(KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=self.evaluasi))

    def jawab_semua(self, user, pihak, label=lambda r: r.pilihan[0][0]):
        """Answer every criterion on `pihak`'s side, over the answers as they stand."""
        versi = dict(JawabanLke.objects.filter(pihak=pihak).values_list("kriteria_id", "versi"))
        isian = [alur.Isian(r, label(r), "", versi.get(r.pk, 0)) for r in self.kriteria()]
        alur.simpan_jawaban(user, self.kini(), pihak, isian)

    def langkah(self, user, kode, catatan=""):
        e = self.kini()
        return alur.terapkan(user, e, kode, catatan, e.versi)


class FreezingTests(Kasus):
    def test_the_copy_has_the_instruments_structure_scales_and_prerequisites(self):
        e = self.evaluasi
        self.assertEqual(
            (e.nama_instrumen, e.dasar, e.status), (self.instrumen.nama, "PermenPAN-RB 88/2021", "draf")
        )
        self.assertEqual(
            [(k.kode, k.nama, k.bobot) for k in e.komponen.all()],
            [(k.kode, k.nama, k.bobot) for k in self.instrumen.komponen.all()],
        )
        asli = KriteriaInstrumen.objects.filter(sub_komponen__komponen__instrumen=self.instrumen)
        salinan = KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=e).select_related("prasyarat")
        self.assertEqual(
            sorted((r.kode, r.teks, r.bukti_diharapkan) for r in salinan),
            sorted((r.kode, r.teks, r.bukti_diharapkan) for r in asli),
        )
        r = salinan.get(kode="1.b.1")
        self.assertEqual((r.nama_skala, r.prasyarat.kode), ("A–E", "1.a.1"))
        self.assertEqual(
            r.nilai_pilihan(), {"A": D(1), "B": D("0.75"), "C": D("0.5"), "D": D("0.25"), "E": D(0)}
        )
        self.assertEqual(r.prasyarat.sub_komponen.komponen.evaluasi_id, e.pk)

    def test_editing_the_instrument_afterwards_changes_nothing_in_the_evaluation(self):
        e = self.evaluasi
        sebelum = [
            (
                k.kode,
                k.nama,
                k.bobot,
                [
                    (s.kode, s.bobot, [(r.kode, r.teks, r.pilihan) for r in s.kriteria.all()])
                    for s in k.sub_komponen.all()
                ],
            )
            for k in e.komponen.all()
        ]
        k = KomponenInstrumen.objects.get(instrumen=self.instrumen, kode="1")
        k.nama, k.bobot = "Perencanaan (diubah)", D(40)
        k.save()
        s = SubKomponenInstrumen.objects.get(komponen=k, kode="a")
        s.bobot = D(20)
        s.save()
        r = KriteriaInstrumen.objects.get(sub_komponen=s, kode="1.a.1")
        r.teks = "Teks baru"
        r.save()
        KriteriaInstrumen.objects.create(sub_komponen=s, kode="1.a.9", teks="Kriteria baru", skala=r.skala)
        n = NilaiSkala.objects.get(skala__nama="A–E", label="B")
        n.nilai = D("0.8")
        n.save()
        sesudah = [
            (
                k.kode,
                k.nama,
                k.bobot,
                [
                    (s.kode, s.bobot, [(r.kode, r.teks, r.pilihan) for r in s.kriteria.all()])
                    for s in k.sub_komponen.all()
                ],
            )
            for k in self.kini().komponen.all()
        ]
        self.assertEqual(sesudah, sebelum)
        # A new evaluation copies the instrument as it is now.
        baru = alur.mulai(self.perencana, self.a, TAHUN + 1, self.instrumen)
        self.assertEqual(baru.komponen.get(kode="1").bobot, D(40))
        self.assertEqual(
            KriteriaLke.objects.filter(sub_komponen__komponen__evaluasi=baru, kode="1.a.9").count(), 1
        )

    def test_an_evaluation_starts_once_per_agency_and_year(self):
        with self.assertRaises(Konflik):
            alur.mulai(self.pemeriksa, self.a, TAHUN, self.instrumen)
        self.assertEqual(EvaluasiLke.objects.filter(instansi=self.a, tahun=TAHUN).count(), 1)

    def test_only_the_agencys_planner_its_regions_reviewer_and_admins_start(self):
        with self.assertRaises(alur.TidakBoleh):
            alur.mulai(self.perencana_b, self.a, TAHUN + 1, self.instrumen)
        alur.mulai(self.pemeriksa, self.a, TAHUN + 1, self.instrumen)

    def test_the_copy_takes_a_fixed_number_of_queries_whatever_the_instruments_size(self):
        kecil = Instrumen.objects.get(dasar="PermenPAN-RB 12/2015")
        with self.assertNumQueries(20) as q:
            alur.mulai(self.admin, self.a, 2030, kecil)
        with self.assertNumQueries(len(q.captured_queries)):
            alur.mulai(self.admin, self.a, 2031, self.instrumen)


class AnsweringTests(Kasus):
    def test_in_the_draft_the_planner_answers_the_self_assessment_and_nobody_the_evaluators(self):
        self.assertEqual(
            alur.pihak_ditulis(alur.peran(self.perencana, self.a), StatusLke.DRAF), Pihak.MANDIRI
        )
        self.assertIsNone(alur.pihak_ditulis(alur.peran(self.pemeriksa, self.a), StatusLke.DRAF))
        self.jawab_semua(self.perencana, Pihak.MANDIRI)
        with self.assertRaises(alur.TidakBoleh):
            self.jawab_semua(self.pemeriksa, Pihak.EVALUATOR)
        with self.assertRaises(alur.TidakBoleh):
            self.jawab_semua(self.perencana, Pihak.EVALUATOR)
        self.assertFalse(JawabanLke.objects.filter(pihak=Pihak.EVALUATOR).exists())

    def test_once_handed_over_the_reviewer_answers_as_evaluator_and_the_planner_no_more(self):
        self.langkah(self.perencana, "serahkan")
        self.jawab_semua(self.pemeriksa, Pihak.EVALUATOR)
        with self.assertRaises(alur.TidakBoleh):
            self.jawab_semua(self.perencana, Pihak.MANDIRI)
        with self.assertRaises(alur.TidakBoleh):
            self.jawab_semua(self.perencana, Pihak.EVALUATOR)
        self.assertEqual(JawabanLke.objects.filter(pihak=Pihak.EVALUATOR).count(), len(self.kriteria()))

    def test_the_evaluator_answers_are_hidden_from_the_agency_until_final(self):
        for status in (StatusLke.DRAF, StatusLke.DINILAI, StatusLke.DISETUJUI):
            self.assertFalse(alur.boleh_lihat_evaluator(alur.peran(self.perencana, self.a), status))
            self.assertTrue(alur.boleh_lihat_evaluator(alur.peran(self.pemeriksa, self.a), status))
        self.assertTrue(alur.boleh_lihat_evaluator(alur.peran(self.perencana, self.a), StatusLke.FINAL))

    def test_a_stale_version_is_a_conflict_and_nothing_is_written(self):
        r1, r2 = self.kriteria()[:2]
        alur.simpan_jawaban(self.perencana, self.evaluasi, Pihak.MANDIRI, [alur.Isian(r1, "Y", "", 0)])
        with self.assertRaises(Konflik):
            alur.simpan_jawaban(
                self.perencana,
                self.evaluasi,
                Pihak.MANDIRI,
                [alur.Isian(r2, "Y", "", 0), alur.Isian(r1, "T", "usang", 0)],
            )
        self.assertEqual(
            list(JawabanLke.objects.values_list("kriteria__kode", "nilai_skala")), [(r1.kode, "Y")]
        )

    def test_an_unchanged_answer_is_not_written_again(self):
        r = self.kriteria()[0]
        alur.simpan_jawaban(self.perencana, self.evaluasi, Pihak.MANDIRI, [alur.Isian(r, "Y", "ada", 0)])
        alur.simpan_jawaban(self.perencana, self.evaluasi, Pihak.MANDIRI, [alur.Isian(r, "Y", "ada", 1)])
        self.assertEqual(JawabanLke.objects.get().versi, 1)

    def test_every_answer_change_is_in_the_history(self):
        r = self.kriteria()[0]
        alur.simpan_jawaban(self.perencana, self.evaluasi, Pihak.MANDIRI, [alur.Isian(r, "T", "", 0)])
        alur.simpan_jawaban(
            self.perencana, self.evaluasi, Pihak.MANDIRI, [alur.Isian(r, "Y", "sudah ada", 1)]
        )
        riwayat = JawabanLke.history.filter(kriteria=r).order_by("history_date", "history_id")
        self.assertEqual(
            [(h.nilai_skala, h.catatan, h.versi) for h in riwayat], [("T", "", 1), ("Y", "sudah ada", 2)]
        )

    def test_the_year_lock_of_the_lkjip_does_not_stop_the_self_assessment(self):
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN, dikunci_oleh=self.perencana)
        self.jawab_semua(self.perencana, Pihak.MANDIRI)
        self.assertEqual(JawabanLke.objects.count(), len(self.kriteria()))


class LifeTests(Kasus):
    def sampai_dinilai(self):
        self.jawab_semua(self.perencana, Pihak.MANDIRI)
        self.langkah(self.perencana, "serahkan")
        # The history records who wrote the evaluator's answers; outside a request that is
        # whoever `simple_history` is told.
        from simple_history.models import HistoricalRecords

        class Permintaan:
            user = self.pemeriksa

        HistoricalRecords.context.request = Permintaan()
        try:
            self.jawab_semua(self.pemeriksa, Pihak.EVALUATOR, lambda r: r.pilihan[-1][0])
        finally:
            del HistoricalRecords.context.request

    def test_the_whole_life_with_its_record(self):
        self.sampai_dinilai()
        self.langkah(self.pengendali, "setujui")
        self.langkah(self.pemeriksa, "finalkan")
        self.assertEqual(self.kini().status, StatusLke.FINAL)
        self.assertEqual(
            list(PeristiwaLke.objects.values_list("transisi", "dari", "ke", "oleh__username")),
            [
                ("serahkan", "draf", "dinilai", "perencana-a"),
                ("setujui", "dinilai", "disetujui", "pengendali"),
                ("finalkan", "disetujui", "final", "pemeriksa"),
            ],
        )
        statuses = [h.status for h in EvaluasiLke.history.filter(id=self.evaluasi.pk).order_by("history_id")]
        self.assertEqual(statuses, ["draf", "dinilai", "disetujui", "final"])

    def test_the_evaluator_cannot_approve_their_own_answers(self):
        self.sampai_dinilai()
        with self.assertRaisesMessage(alur.TidakBoleh, "pengendali teknis lain"):
            self.langkah(self.pemeriksa, "setujui")
        self.assertEqual(self.kini().status, StatusLke.DINILAI)

    def test_approval_needs_every_evaluator_answer(self):
        self.langkah(self.perencana, "serahkan")
        r = self.kriteria()[0]
        alur.simpan_jawaban(
            self.pemeriksa, self.kini(), Pihak.EVALUATOR, [alur.Isian(r, r.pilihan[0][0], "", 0)]
        )
        with self.assertRaisesMessage(alur.SyaratBelum, f"Masih ada {len(self.kriteria()) - 1} kriteria"):
            self.langkah(self.pengendali, "setujui")

    def test_the_planner_cannot_approve_or_finalise_and_the_reviewer_cannot_hand_over(self):
        with self.assertRaises(alur.TidakBoleh):
            self.langkah(self.pemeriksa, "serahkan")
        self.sampai_dinilai()
        with self.assertRaises(alur.TidakBoleh):
            self.langkah(self.perencana, "setujui")
        self.langkah(self.pengendali, "setujui")
        with self.assertRaises(alur.TidakBoleh):
            self.langkah(self.perencana, "finalkan")

    def test_returning_needs_a_reason_and_reopens_the_self_assessment(self):
        self.sampai_dinilai()
        with self.assertRaises(alur.SyaratBelum):
            self.langkah(self.pemeriksa, "kembalikan")
        self.langkah(self.pemeriksa, "kembalikan", "Lengkapi bukti Renstra.")
        self.assertEqual(self.kini().status, StatusLke.DRAF)
        self.jawab_semua(self.perencana, Pihak.MANDIRI, lambda r: r.pilihan[-1][0])
        self.assertEqual(PeristiwaLke.objects.last().catatan, "Lengkapi bukti Renstra.")

    def test_the_pengendali_can_send_it_back_to_the_evaluator(self):
        self.sampai_dinilai()
        self.langkah(self.pengendali, "setujui")
        with self.assertRaises(alur.TidakBoleh):
            self.jawab_semua(self.pemeriksa, Pihak.EVALUATOR)
        self.langkah(self.pengendali, "tolak", "Kriteria 2.b.1 perlu dinilai ulang.")
        self.assertEqual(self.kini().status, StatusLke.DINILAI)
        self.jawab_semua(self.pemeriksa, Pihak.EVALUATOR)

    def test_final_locks_every_answer_and_every_step(self):
        self.sampai_dinilai()
        self.langkah(self.pengendali, "setujui")
        self.langkah(self.pemeriksa, "finalkan")
        for user, pihak in (
            (self.perencana, Pihak.MANDIRI),
            (self.pemeriksa, Pihak.EVALUATOR),
            (self.admin, Pihak.EVALUATOR),
        ):
            with self.assertRaises(alur.TidakBoleh):
                self.jawab_semua(user, pihak)
        for user in (self.perencana, self.pemeriksa, self.admin):
            self.assertEqual(alur.transisi_bagi(alur.peran(user, self.a), StatusLke.FINAL), [])
        for kode in alur.TRANSISI:
            with self.assertRaises((alur.TahapSalah, alur.TidakBoleh)):
                self.langkah(self.admin, kode, "alasan")

    def test_a_step_from_a_stale_page_is_a_conflict(self):
        e = self.kini()
        self.langkah(self.perencana, "serahkan")
        with self.assertRaises(Konflik):
            alur.terapkan(self.pemeriksa, self.kini(), "kembalikan", "alasan", e.versi)
        self.assertEqual(self.kini().status, StatusLke.DINILAI)

    def test_a_step_from_the_wrong_state_is_refused(self):
        with self.assertRaises(alur.TahapSalah):
            self.langkah(self.pengendali, "finalkan")

    def test_another_regions_reviewer_makes_no_step(self):
        lain = get_user_model().objects.create_user("pemeriksa-lain", password="rahasia-l-1")
        Pemeriksa.objects.create(user=lain, pemda=self.b.pemda)
        self.langkah(self.perencana, "serahkan")
        with self.assertRaises(alur.TidakBoleh):
            self.langkah(lain, "kembalikan", "alasan")
        with self.assertRaises(alur.TidakBoleh):
            self.jawab_semua(lain, Pihak.EVALUATOR)
