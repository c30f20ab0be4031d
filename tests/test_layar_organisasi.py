"""The organisation structure screens (`instansi.organisasi`): units and positions added,
changed and deleted through the one write path; what the model cannot hold is refused."""

from django.test import TestCase
from django.urls import reverse

from instansi.models import Jabatan, UnitOrganisasi
from tests.factories import buat_instansi, buat_pemeran

TAHUN = 2022


class OrganisasiScreenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a")
        cls.b = buat_instansi("dinas-b")
        cls.perencana, cls.perencana_b, _ = buat_pemeran(cls.a, cls.b)

    def setUp(self):
        self.client.force_login(self.perencana)

    def url(self, nama, *args):
        return reverse(nama, args=[self.a.slug, TAHUN, *args])

    def test_a_planner_builds_a_unit_with_a_held_position_and_sees_it_in_the_list(self):
        self.client.post(
            self.url("organisasi-unit-baru"), {"jenis": "pimpinan", "nama": "Kepala Dinas", "versi": 0}
        )
        kepala = UnitOrganisasi.objects.get()
        data = {"jenis": "bidang", "nama": "Bidang Koperasi", "induk": kepala.pk, "urutan": "1", "versi": 0}
        self.assertEqual(self.client.post(self.url("organisasi-unit-baru"), data).status_code, 302)
        bidang = UnitOrganisasi.objects.get(nama="Bidang Koperasi")
        isian = {"unit": bidang.pk, "nama": "Kepala Bidang", "pemangku": "Siti", "nip": "1975", "jumlah": "1"}
        self.assertEqual(
            self.client.post(self.url("organisasi-jabatan-baru"), isian | {"versi": 0}).status_code, 302
        )
        halaman = self.client.get(self.url("organisasi"))
        self.assertContains(halaman, "Bidang Koperasi")
        self.assertContains(halaman, "Kepala Bidang: Siti (NIP 1975)")
        self.assertEqual(Jabatan.objects.get().history.count(), 1)

    def test_a_named_holder_with_a_count_and_a_nip_without_holder_are_refused(self):
        unit = UnitOrganisasi.objects.create(instansi=self.a, tahun=TAHUN, jenis="bidang", nama="Bidang")
        for isian, pesan in (
            ({"pemangku": "Siti", "jumlah": "3"}, "dipegang satu orang"),
            ({"nip": "1975", "jumlah": "1"}, "NIP hanya diisi bersama nama pemangkunya"),
            ({"jumlah": "1,5"}, "bukan bilangan bulat"),
        ):
            with self.subTest(pesan):
                data = {"unit": unit.pk, "nama": "Staf", "versi": 0} | isian
                self.assertContains(self.client.post(self.url("organisasi-jabatan-baru"), data), pesan)
        self.assertFalse(Jabatan.objects.exists())

    def test_a_unit_cannot_answer_to_itself_or_to_a_unit_below_it(self):
        atas = UnitOrganisasi.objects.create(instansi=self.a, tahun=TAHUN, jenis="bidang", nama="Atas")
        bawah = UnitOrganisasi.objects.create(
            instansi=self.a, tahun=TAHUN, jenis="seksi", nama="Bawah", induk=atas
        )
        data = {"jenis": "bidang", "nama": "Atas", "induk": bawah.pk, "versi": atas.versi}
        respons = self.client.post(self.url("organisasi-unit-ubah", atas.pk), data)
        self.assertContains(respons, "Masukkan pilihan yang valid")
        atas.refresh_from_db()
        self.assertIsNone(atas.induk_id)

    def test_deleting_checks_the_version_and_keeps_a_unit_with_units_below(self):
        atas = UnitOrganisasi.objects.create(instansi=self.a, tahun=TAHUN, jenis="bidang", nama="Atas")
        UnitOrganisasi.objects.create(instansi=self.a, tahun=TAHUN, jenis="seksi", nama="Bawah", induk=atas)
        respons = self.client.post(self.url("organisasi-unit-hapus", atas.pk), {"versi": atas.versi})
        self.assertContains(respons, "masih ada unit di bawahnya (Bawah)")
        bawah = UnitOrganisasi.objects.get(nama="Bawah")
        self.assertEqual(
            self.client.post(self.url("organisasi-unit-hapus", bawah.pk), {"versi": 99}).status_code, 409
        )
        respons = self.client.post(self.url("organisasi-unit-hapus", bawah.pk), {"versi": bawah.versi})
        self.assertRedirects(respons, self.url("organisasi"))
        self.assertEqual(list(UnitOrganisasi.objects.values_list("nama", flat=True)), ["Atas"])

    def test_another_agencys_unit_is_not_found(self):
        unit = UnitOrganisasi.objects.create(instansi=self.b, tahun=TAHUN, jenis="bidang", nama="Bidang B")
        self.assertEqual(self.client.get(self.url("organisasi-unit-ubah", unit.pk)).status_code, 404)
