"""The planners' profile tables of a year: SDM per dimensi and sarana & prasarana."""

from django.urls import reverse

from instansi.models import (
    KomposisiPegawai,
    KunciTahun,
    SaranaPrasarana,
    TabelPendukung,
)
from tests.kasus import KasusInstansi, utama

TAHUN = 2022
DIMENSI = KomposisiPegawai.Dimensi


def isian_formset(formset) -> dict:
    """What the browser would post back for a formset as it was served."""
    data = {bf.html_name: bf.value() for bf in formset.management_form}
    for form in formset:
        for bf in form:
            nilai = bf.field.prepare_value(bf.value())
            if nilai not in (None, False):
                data[bf.html_name] = nilai
    return data


def isian_sdm(response) -> dict:
    data = {}
    for _, formset, _, _ in response.context["tabel"]:
        data |= isian_formset(formset)
    return data


class TabelTestCase(KasusInstansi):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.url_sdm = reverse("tabel-sdm", args=[cls.a.slug, TAHUN])
        cls.url_sarana = reverse("tabel-sarana", args=[cls.a.slug, TAHUN])

    def pegawai(self, dimensi=DIMENSI.JENIS_KELAMIN, **isian):
        return KomposisiPegawai.objects.create(instansi=self.a, tahun=TAHUN, dimensi=dimensi, **isian)


class SdmTests(TabelTestCase):
    def test_planner_adds_rows_to_two_dimensi_at_once_and_sees_the_computed_totals(self):
        data = isian_sdm(self.client.get(self.url_sdm))
        data |= {
            "jenis_kelamin-0-uraian": "Laki-laki",
            "jenis_kelamin-0-jumlah": "1.200",
            "jenis_kelamin-1-uraian": "Perempuan",
            "jenis_kelamin-1-jumlah": "35",
            "jabatan-0-uraian": "Eselon",
            "jabatan-0-kolom": "Es III",
            "jabatan-0-jumlah": "4",
        }
        r = self.client.post(self.url_sdm, data, follow=True)
        self.assertContains(r, "Tabel SDM tahun 2022 tersimpan.")
        tersimpan = KomposisiPegawai.objects.filter(instansi=self.a, tahun=TAHUN)
        self.assertEqual(
            sorted(tersimpan.values_list("dimensi", "uraian", "kolom", "jumlah")),
            [
                ("jabatan", "Eselon", "Es III", 4),
                ("jenis_kelamin", "Laki-laki", "", 1200),
                ("jenis_kelamin", "Perempuan", "", 35),
            ],
        )
        self.assertContains(r, "<strong>1.235</strong>", html=True)

    def test_a_bad_number_reshows_the_page_with_the_fields_message_and_saves_nothing(self):
        data = isian_sdm(self.client.get(self.url_sdm))
        data |= {
            "jenis_kelamin-0-uraian": "Laki-laki",
            "jenis_kelamin-0-jumlah": "12",
            "pendidikan-0-uraian": "S1",
            "pendidikan-0-jumlah": "18.83.1",
        }
        r = self.client.post(self.url_sdm, data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Jumlah: «18.83.1» bukan angka yang sah")
        self.assertContains(r, "Tidak ada yang disimpan.")
        self.assertFalse(KomposisiPegawai.objects.exists())

    def test_a_count_with_decimals_is_refused(self):
        data = isian_sdm(self.client.get(self.url_sdm))
        data |= {"status-0-uraian": "PNS", "status-0-jumlah": "1,5"}
        r = self.client.post(self.url_sdm, data)
        self.assertContains(r, "Jumlah: «1,5» bukan bilangan bulat.")
        self.assertFalse(KomposisiPegawai.objects.exists())

    def test_a_dash_as_in_the_documents_is_stored_as_empty(self):
        data = isian_sdm(self.client.get(self.url_sdm))
        data |= {"pangkat-0-uraian": "Golongan IV", "pangkat-0-jumlah": "-"}
        self.assertEqual(self.client.post(self.url_sdm, data).status_code, 302)
        self.assertIsNone(KomposisiPegawai.objects.get(uraian="Golongan IV").jumlah)

    def test_planner_changes_and_deletes_stored_rows(self):
        laki = self.pegawai(uraian="Laki-laki", jumlah=20)
        perempuan = self.pegawai(uraian="Perempuan", jumlah=15)
        data = isian_sdm(self.client.get(self.url_sdm))
        self.assertEqual(data["jenis_kelamin-0-jumlah"], "20")
        data |= {"jenis_kelamin-0-jumlah": "21", "jenis_kelamin-1-DELETE": "on"}
        self.assertEqual(self.client.post(self.url_sdm, data).status_code, 302)
        laki.refresh_from_db()
        self.assertEqual(laki.jumlah, 21)
        self.assertFalse(KomposisiPegawai.objects.filter(pk=perempuan.pk).exists())

    def test_another_agencys_row_posted_into_the_form_is_left_alone(self):
        lain = KomposisiPegawai.objects.create(
            instansi=self.b, tahun=TAHUN, dimensi=DIMENSI.JENIS_KELAMIN, uraian="Milik B", jumlah=3
        )
        data = isian_sdm(self.client.get(self.url_sdm))
        data |= {
            "jenis_kelamin-INITIAL_FORMS": "1",
            "jenis_kelamin-0-id": str(lain.pk),
            "jenis_kelamin-0-uraian": "Diubah",
            "jenis_kelamin-0-jumlah": "9",
        }
        self.client.post(self.url_sdm, data)
        lain.refresh_from_db()
        self.assertEqual((lain.uraian, lain.jumlah), ("Milik B", 3))
        self.assertEqual(KomposisiPegawai.objects.filter(instansi=self.a).count(), 0)

    def test_another_agencys_planner_gets_404(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_sdm).status_code, 404)
        self.assertEqual(self.client.post(self.url_sdm, {}).status_code, 404)

    def test_reviewer_reads_the_rows_without_inputs_and_cannot_post(self):
        self.pegawai(uraian="Laki-laki", jumlah=1200)
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url_sdm)
        self.assertContains(r, "Laki-laki")
        self.assertContains(r, "1.200")
        self.assertNotIn("<input", utama(r))
        self.assertNotIn("<button", utama(r))
        self.assertEqual(self.client.post(self.url_sdm, isian_sdm(r)).status_code, 403)

    def test_a_locked_year_refuses_the_planners_changes(self):
        self.pegawai(uraian="Laki-laki", jumlah=20)
        data = isian_sdm(self.client.get(self.url_sdm))
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        data["jenis_kelamin-0-jumlah"] = "99"
        self.assertEqual(self.client.post(self.url_sdm, data).status_code, 403)
        self.assertEqual(KomposisiPegawai.objects.get().jumlah, 20)
        self.assertNotIn("<input", utama(self.client.get(self.url_sdm)))


class SaranaTests(TabelTestCase):
    def isian(self) -> dict:
        return isian_formset(self.client.get(self.url_sarana).context["formset"])

    def test_planner_adds_items_and_sees_the_totals_of_each_condition(self):
        data = self.isian() | {
            "sarana-0-nama_barang": "Kendaraan roda dua",
            "sarana-0-jumlah": "12",
            "sarana-0-kondisi_baik": "10",
            "sarana-0-kondisi_rusak": "2",
            "sarana-1-nama_barang": "Laptop",
            "sarana-1-jumlah": "1.005",
            "sarana-1-kondisi_baik": "1.005",
            "sarana-1-kondisi_sedang": "-",
        }
        r = self.client.post(self.url_sarana, data, follow=True)
        self.assertContains(r, "Sarana dan prasarana tahun 2022 tersimpan.")
        self.assertEqual(
            list(
                SaranaPrasarana.objects.filter(instansi=self.a)
                .order_by("nama_barang")
                .values_list("nama_barang", "jumlah", "kondisi_baik", "kondisi_sedang", "kondisi_rusak")
            ),
            [("Kendaraan roda dua", 12, 10, None, 2), ("Laptop", 1005, 1005, None, None)],
        )
        jumlah = r.content.decode().split('id="jumlah-sarana"', 1)[1].split("</p>", 1)[0]
        self.assertIn("jumlah <strong>1.017</strong>", jumlah)
        self.assertIn("cukup / kurang baik <strong>–</strong>", jumlah)

    def test_a_bad_number_saves_no_item(self):
        data = self.isian() | {
            "sarana-0-nama_barang": "Meja",
            "sarana-0-jumlah": "3",
            "sarana-1-nama_barang": "Kursi",
            "sarana-1-kondisi_baik": "18.83.1",
        }
        r = self.client.post(self.url_sarana, data)
        self.assertContains(r, "Baik: «18.83.1» bukan angka yang sah")
        self.assertFalse(SaranaPrasarana.objects.exists())

    def test_reviewer_gets_a_read_only_page_and_403_on_post(self):
        SaranaPrasarana.objects.create(instansi=self.a, tahun=TAHUN, nama_barang="Gedung kantor", jumlah=1)
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url_sarana)
        self.assertContains(r, "Gedung kantor")
        self.assertNotIn("<input", utama(r))
        self.assertEqual(self.client.post(self.url_sarana, {}).status_code, 403)

    def test_another_agencys_planner_gets_404_and_a_locked_year_403(self):
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_sarana).status_code, 404)
        self.client.force_login(self.perencana)
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        self.assertEqual(self.client.post(self.url_sarana, {}).status_code, 403)


class TabelPendukungTests(TabelTestCase):
    KOLOM = [{"judul": "Kecamatan", "jenis": "teks"}, {"judul": "Koperasi aktif", "jenis": "angka"}]

    def tabel(self, instansi=None, **isian):
        isian = {"kunci": "koperasi", "judul": "Koperasi per kecamatan", "kolom": self.KOLOM} | isian
        return TabelPendukung.objects.create(instansi=instansi or self.a, tahun=TAHUN, **isian)

    def url_ubah(self, tabel):
        return reverse("tabel-pendukung-ubah", args=[self.a.slug, TAHUN, tabel.pk])

    def isian(self, url) -> dict:
        r = self.client.get(url)
        data = isian_formset(r.context["baris"]) if r.context["baris"] else {}
        for bf in r.context["form"]:
            data[bf.html_name] = bf.field.prepare_value(bf.value()) or ""
        return data

    def test_planner_creates_a_table_with_its_columns(self):
        url = reverse("tabel-pendukung-baru", args=[self.a.slug, TAHUN])
        data = {
            "kunci": "koperasi",
            "judul": "Koperasi",
            "kolom": "Kecamatan | teks\n\nKoperasi aktif | angka\n",
        }
        r = self.client.post(url, data)
        tabel = TabelPendukung.objects.get(instansi=self.a, tahun=TAHUN)
        self.assertRedirects(r, self.url_ubah(tabel))
        self.assertEqual(tabel.kolom, self.KOLOM)
        self.assertEqual(tabel.baris, [])

    def test_a_column_of_an_unknown_kind_is_refused(self):
        url = reverse("tabel-pendukung-baru", args=[self.a.slug, TAHUN])
        r = self.client.post(url, {"kunci": "k", "judul": "J", "kolom": "Jumlah | uang"})
        self.assertContains(r, "Kolom baris 1: tulis «judul | teks» atau «judul | angka».")
        self.assertFalse(TabelPendukung.objects.exists())

    def test_a_key_used_by_another_table_of_the_year_is_refused(self):
        self.tabel()
        url = reverse("tabel-pendukung-baru", args=[self.a.slug, TAHUN])
        r = self.client.post(url, {"kunci": "koperasi", "judul": "Lain", "kolom": "A | teks"})
        self.assertEqual(r.status_code, 200)
        self.assertEqual(TabelPendukung.objects.count(), 1)

    def test_planner_fills_the_rows_with_numbers_typed_the_indonesian_way(self):
        tabel = self.tabel()
        data = self.isian(self.url_ubah(tabel)) | {
            "baris-0-sel_0": "Balik Bukit",
            "baris-0-sel_1": "1.200,87",
            "baris-1-sel_0": "Sukau",
            "baris-1-sel_1": "-",
        }
        self.assertEqual(self.client.post(self.url_ubah(tabel), data).status_code, 302)
        tabel.refresh_from_db()
        self.assertEqual(tabel.baris, [["Balik Bukit", "1200.87"], ["Sukau", None]])
        r = self.client.get(self.url_ubah(tabel))
        self.assertContains(r, 'value="1.200,87"')

    def test_planner_deletes_a_row_and_empties_another(self):
        tabel = self.tabel(baris=[["A", "1"], ["B", "2"], ["C", "3"]])
        data = self.isian(self.url_ubah(tabel)) | {
            "baris-0-DELETE": "on",
            "baris-2-sel_0": "",
            "baris-2-sel_1": "",
        }
        self.client.post(self.url_ubah(tabel), data)
        tabel.refresh_from_db()
        self.assertEqual(tabel.baris, [["B", "2"]])

    def test_a_bad_number_in_a_cell_saves_nothing_of_the_table(self):
        tabel = self.tabel(baris=[["A", "1"]])
        data = self.isian(self.url_ubah(tabel)) | {
            "judul": "Judul baru",
            "baris-1-sel_0": "B",
            "baris-1-sel_1": "18.83.1",
        }
        r = self.client.post(self.url_ubah(tabel), data)
        self.assertContains(r, "Koperasi aktif: «18.83.1» bukan angka yang sah")
        tabel.refresh_from_db()
        self.assertEqual((tabel.judul, tabel.baris), ("Koperasi per kecamatan", [["A", "1"]]))

    def test_the_list_shows_each_tables_size_and_downloads_what_is_shown(self):
        self.tabel(baris=[["A", "1"], ["B", "2"]])
        self.tabel(kunci="lain", judul="Pasar", sumber="BPS", baris=[])
        url = reverse("tabel-pendukung-daftar", args=[self.a.slug, TAHUN])
        r = self.client.get(url, {"q": "kecamatan"})
        self.assertContains(r, "Koperasi per kecamatan")
        self.assertNotContains(r, "Pasar")
        r = self.client.get(url, {"q": "kecamatan", "ekspor": "csv"})
        baris = r.content.decode("utf-8-sig").splitlines()
        self.assertEqual(baris, ["Urutan;Judul;Sumber;Kolom;Baris", "0;Koperasi per kecamatan;;2;2"])

    def test_another_agencys_table_answers_404(self):
        lain = self.tabel(instansi=self.b)
        url = reverse("tabel-pendukung-ubah", args=[self.a.slug, TAHUN, lain.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.perencana_b)
        self.assertEqual(self.client.get(self.url_ubah(self.tabel())).status_code, 404)

    def test_reviewer_reads_the_table_without_inputs_and_gets_403_on_post(self):
        tabel = self.tabel(baris=[["Balik Bukit", "1200.87"]])
        self.client.force_login(self.pemeriksa)
        r = self.client.get(self.url_ubah(tabel))
        self.assertContains(r, "1.200,87")
        self.assertNotIn("<input", utama(r))
        self.assertEqual(self.client.post(self.url_ubah(tabel), {}).status_code, 403)

    def test_a_locked_year_refuses_the_planners_changes(self):
        tabel = self.tabel(baris=[["A", "1"]])
        data = self.isian(self.url_ubah(tabel)) | {"baris-0-sel_1": "5"}
        KunciTahun.objects.create(instansi=self.a, tahun=TAHUN)
        self.assertEqual(self.client.post(self.url_ubah(tabel), data).status_code, 403)
        tabel.refresh_from_db()
        self.assertEqual(tabel.baris, [["A", "1"]])
