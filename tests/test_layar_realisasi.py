"""Planners enter realisations: parsed strictly, previewed, never half-saved, never lost."""

from decimal import Decimal as D

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse

from instansi.models import Keanggotaan, KunciTahun, Narasi
from kinerja.models import Indikator, Realisasi, Target
from tests.kasus import KasusInstansi

User = get_user_model()


class RealisasiTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.iku = Indikator.objects.get(renstra__instansi=cls.a, iku=True)
        cls.url = reverse("realisasi", args=[cls.a.slug, 2022, cls.iku.pk])
        cls.pratinjau = reverse("realisasi-pratinjau", args=[cls.a.slug, 2022, cls.iku.pk])
        # A value is typed only for an indicator measured as one (a ratio takes its components):
        # the IKU's twin, with the same target, measured directly.
        cls.langsung = Indikator.objects.create(sasaran=cls.iku.sasaran, nama="Indeks koperasi", satuan="%")
        Target.objects.create(
            indikator=cls.langsung, tahun=2022, sumber=Target.Sumber.PK_MURNI, nilai=D("18.11")
        )
        Realisasi.objects.create(indikator=cls.langsung, tahun=2022, nilai=D("17"))
        cls.url_langsung = reverse("realisasi", args=[cls.a.slug, 2022, cls.langsung.pk])
        cls.pratinjau_langsung = reverse("realisasi-pratinjau", args=[cls.a.slug, 2022, cls.langsung.pk])

    def tersimpan(self, indikator=None) -> Realisasi:
        return Realisasi.objects.get(indikator=indikator or self.iku, tahun=2022, triwulan=None)

    def isi(self, **data):
        versi = self.tersimpan().versi
        return self.client.post(self.url, {"versi": versi, "komponen_a": "", "komponen_b": "", **data})

    def isi_nilai(self, nilai: str):
        """A value typed for the directly measured indicator."""
        versi = self.tersimpan(self.langsung).versi
        return self.client.post(self.url_langsung, {"versi": versi, "nilai": nilai})


class EntryTests(RealisasiTestCase):
    def test_a_planner_enters_a_value_the_indonesian_way_and_sees_its_capaian_at_home(self):
        respons = self.isi_nilai("18,83")
        self.assertRedirects(respons, reverse("instansi-tahun", args=[self.a.slug, 2022]))
        self.assertEqual(self.tersimpan(self.langsung).nilai, D("18.83"))
        beranda = self.client.get(respons["Location"])
        self.assertContains(beranda, "103,97 %")

    def test_components_give_the_value(self):
        self.isi(komponen_a="74", komponen_b="393")
        realisasi = self.tersimpan()
        self.assertEqual((realisasi.komponen_a, realisasi.komponen_b, realisasi.nilai), (74, 393, None))

    def test_a_malformed_number_is_refused_by_name_and_nothing_is_saved(self):
        sebelum = self.tersimpan(self.langsung)
        respons = self.isi_nilai("18.83.1")
        self.assertEqual(respons.status_code, 200)
        self.assertContains(respons, "Realisasi: «18.83.1» bukan angka yang sah")
        sesudah = self.tersimpan(self.langsung)
        self.assertEqual(
            (sesudah.nilai, sesudah.komponen_a, sesudah.versi),
            (sebelum.nilai, sebelum.komponen_a, sebelum.versi),
        )

    def test_value_and_components_together_are_refused(self):
        # A ratio keeps its value field only where a value is stored (the documents' rows).
        Realisasi.objects.filter(pk=self.tersimpan().pk).update(
            nilai=D("18.83"), komponen_a=None, komponen_b=None
        )
        respons = self.isi(nilai="18,83", komponen_a="74", komponen_b="393")
        self.assertContains(respons, "Pilih satu")

    def test_not_yet_measured_is_recorded_as_such(self):
        self.isi(belum_diukur="on")
        realisasi = self.tersimpan()
        self.assertIsNone(realisasi.nilai)
        self.assertEqual(realisasi.keterangan, "Belum diukur")

    def test_a_quarter_is_entered_on_its_own_row(self):
        url = self.url_langsung + "?triwulan=4"
        self.client.post(url, {"versi": 0, "nilai": "18,83"})
        self.assertEqual(
            Realisasi.objects.get(indikator=self.langsung, tahun=2022, triwulan=4).nilai, D("18.83")
        )
        self.assertEqual(self.client.get(self.url + "?triwulan=5").status_code, 404)

    def test_the_change_is_in_the_history_with_who_made_it(self):
        self.isi(komponen_a="75", komponen_b="393")
        halaman = self.client.get(self.url)
        self.assertContains(halaman, "perencana-a")
        self.assertEqual(self.tersimpan().history.first().history_user, self.perencana)


class PreviewTests(RealisasiTestCase):
    def test_the_capaian_is_shown_before_saving_with_the_agencys_rounding(self):
        hasil = self.client.get(self.pratinjau_langsung, {"nilai": "18,83"}).json()
        self.assertEqual(
            (hasil["realisasi"], hasil["capaian"], hasil["predikat"]), ("18,83", "103,97 %", "Sangat Baik")
        )
        self.assertEqual(self.tersimpan().komponen_a, 74)

    def test_the_preview_names_the_bad_value(self):
        hasil = self.client.get(self.pratinjau_langsung, {"nilai": "18.83.1"}).json()
        self.assertIn("«18.83.1»", hasil["galat"][0])

    def test_the_preview_computes_components(self):
        hasil = self.client.get(self.pratinjau, {"komponen_a": "74", "komponen_b": "393"}).json()
        self.assertEqual(hasil["realisasi"], "18,82")


class AccessTests(RealisasiTestCase):
    def test_another_agencys_planner_gets_404_reading_or_writing(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, {"nilai": "1"}).status_code, 404)

    def test_a_reviewer_reads_without_inputs_and_is_refused_a_write(self):
        self.client.force_login(self.pemeriksa)
        halaman = self.client.get(self.url)
        self.assertContains(halaman, "Hanya baca")
        self.assertContains(
            halaman, 'name="komponen_a" value="74" inputmode="decimal" autocomplete="off" disabled'
        )
        self.assertNotContains(halaman, 'type="submit">Simpan')
        self.assertEqual(self.client.post(self.url, {"nilai": "1"}).status_code, 403)

    def test_a_locked_year_refuses_its_planners_writes(self):
        KunciTahun.objects.create(instansi=self.a, tahun=2022)
        sebelum = self.tersimpan().versi
        self.assertEqual(self.isi(nilai="20").status_code, 403)
        self.assertEqual(self.tersimpan().versi, sebelum)
        self.assertNotContains(self.client.get(self.url), 'type="submit">Simpan')


class LostUpdateTests(RealisasiTestCase):
    def test_of_two_people_saving_the_same_realisation_exactly_one_wins(self):
        kedua = self.client_class()
        kedua.force_login(User.objects.create_user("perencana-a2", password="rahasia-a-2"))
        Keanggotaan.objects.create(user=User.objects.get(username="perencana-a2"), instansi=self.a)
        # Both open the form: the version each will send back.
        riwayat = self.tersimpan(self.langsung).history.count()
        versi = self.client.get(self.url_langsung).context["form"]["versi"].value()
        self.assertEqual(kedua.get(self.url_langsung).context["form"]["versi"].value(), versi)
        pertama = self.client.post(self.url_langsung, {"versi": versi, "nilai": "18,83"})
        self.assertEqual(pertama.status_code, 302)
        terlambat = kedua.post(self.url_langsung, {"versi": versi, "nilai": "20,00"})
        self.assertEqual(terlambat.status_code, 409)
        self.assertContains(terlambat, "diubah oleh perencana-a pada", status_code=409)
        self.assertContains(terlambat, "18,83", status_code=409)
        self.assertEqual(self.tersimpan(self.langsung).nilai, D("18.83"))
        self.assertEqual(self.tersimpan(self.langsung).history.count(), riwayat + 1)


@override_settings(AXES_FAILURE_LIMIT=3)
class SignInTests(TestCase):
    def test_repeated_wrong_passwords_lock_the_username_out(self):
        User.objects.create_user("perencana", password="kata-sandi-benar-1")
        for _ in range(3):
            self.client.post(reverse("masuk"), {"username": "perencana", "password": "salah"})
        respons = self.client.post(
            reverse("masuk"), {"username": "perencana", "password": "kata-sandi-benar-1"}
        )
        self.assertEqual(respons.status_code, 429)
        self.assertContains(respons, "Terlalu banyak percobaan", status_code=429)

    def test_a_planner_signs_in_and_lands_on_the_start_page(self):
        User.objects.create_user("perencana", password="kata-sandi-benar-1")
        respons = self.client.post(
            reverse("masuk"), {"username": "perencana", "password": "kata-sandi-benar-1"}
        )
        self.assertRedirects(respons, reverse("beranda"))


class PembandingTests(RealisasiTestCase):
    def test_a_planner_records_the_province_figure_and_it_is_in_the_report(self):
        url = reverse("pembanding", args=[self.a.slug, 2022, self.iku.pk])
        self.client.post(url, {"provinsi": "34,26%", "nasional": "", "sumber": "Dinas Koperasi Provinsi"})
        (pembanding,) = self.iku.pembanding.all()
        self.assertEqual((pembanding.wilayah, pembanding.nilai), ("provinsi", D("34.26")))
        laporan = self.client.get(reverse("lkjip-html", args=[self.a.slug, 2022]))
        self.assertContains(laporan, "34,26")

    def test_a_bad_figure_saves_nothing(self):
        url = reverse("pembanding", args=[self.a.slug, 2022, self.iku.pk])
        respons = self.client.post(url, {"provinsi": "34,26", "nasional": "18.83.1"})
        self.assertContains(respons, "Realisasi nasional: «18.83.1»")
        self.assertFalse(self.iku.pembanding.exists())


class NaskahLaporanTests(RealisasiTestCase):
    def test_the_report_title_and_signature_line_are_edited_and_shown(self):
        # The signature stands under the kata pengantar.
        Narasi.objects.create(
            instansi=self.a, tahun=2022, kunci="kata-pengantar", judul="Kata Pengantar", teks="Puji syukur."
        )
        url = reverse("naskah-lkjip", args=[self.a.slug, 2022])
        self.client.post(
            url,
            {
                "judul": "Laporan Kinerja Instansi Pemerintah",
                "tempat_tanggal": "Kota Contoh, 15 Februari 2023",
            },
        )
        laporan = self.client.get(reverse("lkjip-html", args=[self.a.slug, 2022]))
        self.assertContains(laporan, "Kota Contoh, 15 Februari 2023")
