"""Planners keep their agency's profile and the narrative sections of a year's report."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from instansi.models import Instansi, KunciTahun, Narasi
from tests.kasus import KasusInstansi

User = get_user_model()
TAHUN = 2022

PROFIL = {
    "nama": "Dinas Koperasi, Usaha Kecil dan Menengah",
    "singkatan": "Diskopukm",
    "alamat": "Jl. Dr. Susilo No. 2, Bandar Lampung",
    "kepala_nama": "Dra. Rosmidah",
    "kepala_jabatan": "Kepala Dinas",
    "kepala_pangkat": "Pembina Utama Muda",
    "kepala_nip": "19680512 199003 2 004",
}


class ProfilTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.narasi = Narasi.objects.create(
            instansi=cls.a,
            tahun=TAHUN,
            kunci="latar-belakang",
            judul="Latar Belakang",
            teks="Lama.",
            urutan=1,
        )
        cls.narasi_b = Narasi.objects.create(
            instansi=cls.b, tahun=TAHUN, kunci="latar-belakang", judul="Latar Belakang B", teks="B."
        )
        cls.url_profil = reverse("profil-instansi", args=[cls.a.slug])
        cls.url_daftar = reverse("narasi-daftar", args=[cls.a.slug, TAHUN])
        cls.url_baru = reverse("narasi-baru", args=[cls.a.slug, TAHUN])
        cls.url_ubah = reverse("narasi-ubah", args=[cls.a.slug, TAHUN, cls.narasi.pk])


class ProfilTests(ProfilTestCase):
    def test_a_planner_edits_the_profile_but_not_its_slug_or_region(self):
        respons = self.client.post(
            self.url_profil, PROFIL | {"versi": 1, "slug": "lain", "pemda": self.b.pemda.pk}
        )
        self.assertRedirects(respons, self.url_profil)
        instansi = Instansi.objects.get(pk=self.a.pk)
        self.assertEqual((instansi.kepala_nip, instansi.singkatan), (PROFIL["kepala_nip"], "Diskopukm"))
        self.assertEqual((instansi.slug, instansi.pemda_id), (self.a.slug, self.a.pemda_id))

    def test_a_missing_name_is_refused_and_nothing_is_saved(self):
        respons = self.client.post(self.url_profil, PROFIL | {"nama": ""})
        self.assertEqual(respons.status_code, 200)
        self.assertTrue(respons.context["form"].errors["nama"])
        self.assertContains(respons, f"<h1>{self.a.nama}</h1>")
        self.assertEqual(Instansi.objects.get(pk=self.a.pk).singkatan, "")

    def test_the_profile_links_to_the_narrative_of_each_renstra_year(self):
        self.assertContains(self.client.get(self.url_profil), self.url_daftar)

    def test_a_reviewer_reads_it_without_inputs_and_is_refused_writing(self):
        self.client.force_login(self.pemeriksa)
        respons = self.client.get(self.url_profil)
        self.assertNotContains(respons, 'name="kepala_nip"')
        self.assertNotContains(respons, 'type="submit">Simpan')
        self.assertEqual(self.client.post(self.url_profil, PROFIL).status_code, 403)
        self.assertEqual(Instansi.objects.get(pk=self.a.pk).singkatan, "")

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_profil).status_code, 404)
        self.assertEqual(self.client.post(self.url_profil, PROFIL).status_code, 404)


class NarasiTests(ProfilTestCase):
    def test_the_list_shows_the_years_sections_in_order(self):
        Narasi.objects.create(
            instansi=self.a, tahun=TAHUN, kunci="kata-pengantar", judul="Kata Pengantar", teks="."
        )
        respons = self.client.get(self.url_daftar)
        self.assertEqual([n.kunci for n in respons.context["daftar"]], ["kata-pengantar", "latar-belakang"])
        self.assertContains(respons, self.url_baru)
        self.assertNotContains(respons, "Latar Belakang B")

    def test_a_planner_writes_a_new_section(self):
        data = {"kunci": "kesimpulan", "judul": "Kesimpulan", "urutan": "9", "teks": "Paragraf satu.\n\nDua."}
        respons = self.client.post(self.url_baru, data)
        self.assertRedirects(respons, self.url_daftar)
        narasi = Narasi.objects.get(instansi=self.a, tahun=TAHUN, kunci="kesimpulan")
        self.assertEqual((narasi.urutan, narasi.teks), (9, "Paragraf satu.\n\nDua."))

    def test_a_planner_changes_a_section(self):
        data = {
            "kunci": "latar-belakang",
            "judul": "Latar Belakang",
            "urutan": "1",
            "teks": "Baru.",
            "versi": 1,
        }
        self.assertRedirects(self.client.post(self.url_ubah, data), self.url_daftar)
        self.assertEqual(Narasi.objects.get(pk=self.narasi.pk).teks, "Baru.")

    def test_a_key_already_used_that_year_is_refused(self):
        data = {"kunci": "latar-belakang", "judul": "Lagi", "urutan": "2", "teks": "."}
        respons = self.client.post(self.url_baru, data)
        self.assertContains(respons, "Kunci «latar-belakang» sudah dipakai")
        self.assertEqual(Narasi.objects.filter(instansi=self.a).count(), 1)

    def test_a_bad_order_number_is_refused_by_name(self):
        data = {"kunci": "latar-belakang", "judul": "Latar Belakang", "urutan": "18.83.1", "teks": "Baru."}
        respons = self.client.post(self.url_ubah, data)
        self.assertContains(respons, "Urutan: «18.83.1» bukan angka yang sah")
        self.assertEqual(Narasi.objects.get(pk=self.narasi.pk).teks, "Lama.")

    def test_a_locked_year_refuses_the_planners_writes_and_reads_only(self):
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        data = {"kunci": "latar-belakang", "judul": "Latar Belakang", "urutan": "1", "teks": "Baru."}
        self.assertEqual(self.client.post(self.url_ubah, data).status_code, 403)
        self.assertEqual(self.client.post(self.url_baru, data | {"kunci": "lain"}).status_code, 403)
        self.assertEqual(Narasi.objects.get(pk=self.narasi.pk).teks, "Lama.")
        self.assertNotContains(self.client.get(self.url_ubah), "<textarea")

    def test_a_reviewer_reads_the_text_and_is_refused_writing(self):
        self.client.force_login(self.pemeriksa)
        respons = self.client.get(self.url_ubah)
        self.assertContains(respons, "Lama.")
        self.assertNotContains(respons, "<textarea")
        self.assertNotContains(self.client.get(self.url_daftar), self.url_baru)
        self.assertEqual(self.client.post(self.url_ubah, {"teks": "x"}).status_code, 403)

    def test_another_agencys_section_is_not_found_under_this_agency(self):
        url = reverse("narasi-ubah", args=[self.a.slug, TAHUN, self.narasi_b.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        for url in (self.url_daftar, self.url_baru, self.url_ubah):
            self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(self.url_ubah, {"teks": "x"}).status_code, 404)
