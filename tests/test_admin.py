"""The admin: an administrator builds an agency's whole year through it and sees capaian."""

from decimal import Decimal as D

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from anggaran.models import Pagu, RealisasiAnggaran
from instansi.models import Instansi, Pemda, PredikatCapaian
from kinerja.models import Indikator, Kegiatan, Program, Realisasi, Renstra, Sasaran, SubKegiatan
from tests.factories import buat_instansi


def data_awal(response) -> dict:
    """What the browser would post back for an admin page as it was served."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value not in (None, "", False):
            data[name] = "on" if value is True else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{inline.formset.prefix}-{name}"] = management[name].value()
    return data


def galat(response) -> str:
    """The errors an admin page shows, for a readable assertion message."""
    if response.context is None or "adminform" not in response.context:
        return ""
    errors = [str(response.context["adminform"].form.errors)]
    errors += [
        str(i.formset.errors) + str(i.formset.non_form_errors())
        for i in response.context["inline_admin_formsets"]
    ]
    return " ".join(errors)


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-panjang")

    def setUp(self):
        self.client.force_login(self.admin)

    def tambah(self, model, isian: dict, inlines: dict | None = None, obj=None):
        """Fill the add (or change) page of `model` like a person would and post it."""
        opts = model._meta
        url = (
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            if obj
            else reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        )
        data = data_awal(self.client.get(url))
        data.update(isian)
        for prefix, baris in (inlines or {}).items():
            awal = int(data[f"{prefix}-INITIAL_FORMS"])
            data[f"{prefix}-TOTAL_FORMS"] = str(awal + len(baris))
            for i, kolom in enumerate(baris, start=awal):
                data.update({f"{prefix}-{i}-{k}": v for k, v in kolom.items()})
        return self.client.post(url, data)


class AdminBuildsAYearTests(AdminTestCase):
    def test_admin_builds_an_agency_down_to_sub_kegiatan_and_sees_capaian(self):
        r = self.tambah(
            Pemda,
            {
                "slug": "bandar-lampung",
                "nama": "Kota Bandar Lampung",
                "jenis": "kota",
                "jabatan_kepala": "Walikota",
            },
        )
        self.assertEqual(r.status_code, 302, galat(r))
        pemda = Pemda.objects.get()

        r = self.tambah(
            Instansi,
            {"pemda": pemda.pk, "slug": "diskop", "nama": "Dinas Koperasi dan UKM"},
            {
                "pengaturan": [
                    {
                        "pembulatan": "truncate",
                        "desimal": "2",
                        "metode_efisiensi": "selisih",
                        "rumus_polaritas_turun": "selisih",
                        "susunan_bab": "empat_bab",
                    }
                ],
                "predikat": [
                    {"label": "Sangat Baik", "batas_bawah": "85"},
                    {"label": "Berhasil", "batas_bawah": "70", "batas_atas": "85"},
                    {"label": "Tidak Baik", "batas_atas": "70"},
                ],
            },
        )
        self.assertEqual(r.status_code, 302, galat(r))
        instansi = Instansi.objects.get()
        self.assertEqual(instansi.pengaturan.pembulatan, "truncate")
        self.assertEqual(instansi.predikat.count(), 3)

        r = self.tambah(
            Renstra,
            {"instansi": instansi.pk, "tahun_awal": "2021", "tahun_akhir": "2026"},
            {"sasaran": [{"uraian": "Meningkatnya kinerja koperasi", "urutan": "1"}]},
        )
        self.assertEqual(r.status_code, 302, galat(r))
        renstra, sasaran = Renstra.objects.get(), Sasaran.objects.get()

        r = self.tambah(
            Program,
            {
                "renstra": renstra.pk,
                "sasaran": sasaran.pk,
                "nama": "Program Pengawasan Koperasi",
                "urutan": "1",
            },
            {"kegiatan": [{"nama": "Pemeriksaan Koperasi", "urutan": "1"}]},
        )
        self.assertEqual(r.status_code, 302, galat(r))

        r = self.tambah(
            SubKegiatan,
            {"kegiatan": Kegiatan.objects.get().pk, "nama": "Pengawasan kesehatan koperasi", "urutan": "1"},
            {
                "pagu": [{"tahun": "2022", "tahap": "dpa_pengesahan", "jumlah": "Rp. 2.516.200.000,00"}],
                "realisasianggaran": [{"tahun": "2022", "jumlah": "2.157.122.364"}],
            },
        )
        self.assertEqual(r.status_code, 302, galat(r))
        self.assertEqual(Pagu.objects.get().jumlah, D(2516200000))
        self.assertEqual(RealisasiAnggaran.objects.get().jumlah, D(2157122364))

        r = self.tambah(
            Indikator,
            {
                "sasaran": sasaran.pk,
                "nama": "Persentase koperasi sehat",
                "satuan": "%",
                "polaritas": "naik",
                "jenis_rumus": "langsung",
                "iku": "on",
                "urutan": "1",
            },
            {
                "target": [{"tahun": "2022", "sumber": "pk_murni", "nilai": "18,11%"}],
                "realisasi": [{"tahun": "2022", "nilai": "18,83"}, {"tahun": "2021", "nilai": "16,09"}],
            },
        )
        self.assertEqual(r.status_code, 302, galat(r))
        indikator = Indikator.objects.get()
        self.assertEqual(indikator.renstra, renstra)

        halaman = self.client.get(reverse("admin:kinerja_indikator_change", args=[indikator.pk]))
        self.assertContains(halaman, "103,97 %")
        self.assertContains(halaman, "Sangat Baik")
        self.assertContains(halaman, "dipotong (tanpa pembulatan)")
        # Targets show back the way they are typed.
        self.assertContains(halaman, 'value="18,11"')

    def test_a_bad_number_reshows_the_form_naming_field_and_value_and_saves_nothing(self):
        buat_instansi()
        indikator = Indikator.objects.get(iku=True)
        realisasi = Realisasi.objects.get(indikator=indikator, tahun=2021)
        url = reverse("admin:kinerja_realisasi_change", args=[realisasi.pk])
        data = data_awal(self.client.get(url))
        data["nilai"] = "18.83.1"
        r = self.client.post(url, data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "«18.83.1»")
        self.assertContains(r, "Nilai:")
        realisasi.refresh_from_db()
        self.assertEqual(realisasi.nilai, D("16.09"))

    def test_bands_with_a_gap_are_refused_as_a_whole(self):
        instansi = buat_instansi()
        before = list(PredikatCapaian.objects.values_list("label", "batas_bawah", "batas_atas"))
        url = reverse("admin:instansi_instansi_change", args=[instansi.pk])
        data = data_awal(self.client.get(url))
        formset = next(
            f.formset
            for f in self.client.get(url).context["inline_admin_formsets"]
            if f.formset.prefix == "predikat"
        )
        for i, form in enumerate(formset.forms):
            data[f"predikat-{i}-id"] = form.instance.pk
            data[f"predikat-{i}-instansi"] = instansi.pk
            data[f"predikat-{i}-label"] = form.instance.label
            data[f"predikat-{i}-batas_bawah"] = (
                "" if form.instance.batas_bawah is None else str(form.instance.batas_bawah)
            )
            data[f"predikat-{i}-batas_atas"] = (
                "" if form.instance.batas_atas is None else str(form.instance.batas_atas)
            )
        pengaturan = instansi.pengaturan
        data.update(
            {
                "pengaturan-0-id": pengaturan.pk,
                "pengaturan-0-instansi": instansi.pk,
                "pengaturan-0-pembulatan": "truncate",
                "pengaturan-0-desimal": "2",
                "pengaturan-0-metode_efisiensi": "selisih",
                "pengaturan-0-rumus_polaritas_turun": "selisih",
                "pengaturan-0-susunan_bab": "lima_bab",
            }
        )
        berhasil = next(i for i, f in enumerate(formset.forms) if f.instance.label == "Berhasil")
        data[f"predikat-{berhasil}-batas_atas"] = "80"
        r = self.client.post(url, data)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "celah")
        self.assertEqual(
            list(PredikatCapaian.objects.values_list("label", "batas_bawah", "batas_atas")), before
        )

    def test_a_single_band_saved_alone_must_join_the_others(self):
        instansi = buat_instansi()
        r = self.tambah(PredikatCapaian, {"instansi": instansi.pk, "label": "Lebih", "batas_bawah": "90"})
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "tumpang tindih")


class AdminPagesTests(AdminTestCase):
    def test_every_admin_list_add_and_change_page_opens(self):
        buat_instansi()
        for model, model_admin in admin.site._registry.items():
            opts = model._meta
            url = f"admin:{opts.app_label}_{opts.model_name}"
            with self.subTest(model=opts.label):
                self.assertEqual(self.client.get(reverse(f"{url}_changelist")).status_code, 200)
                # Cached PDFs are made by the report, never added by hand.
                boleh_tambah = model_admin.has_add_permission(self.client.get("/").wsgi_request)
                tambah = self.client.get(reverse(f"{url}_add")).status_code
                self.assertEqual(tambah, 200 if boleh_tambah else 403)
                obj = model.objects.first()
                if obj is not None:
                    self.assertEqual(
                        self.client.get(reverse(f"{url}_change", args=[obj.pk])).status_code, 200
                    )

    def test_changes_to_targets_are_recorded_with_who_and_when(self):
        buat_instansi()
        realisasi = Realisasi.objects.get(tahun=2021)
        url = reverse("admin:kinerja_realisasi_change", args=[realisasi.pk])
        data = data_awal(self.client.get(url))
        data["nilai"] = "16,10"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        terakhir = realisasi.history.first()
        self.assertEqual(terakhir.history_user, self.admin)
        self.assertEqual(terakhir.nilai, D("16.10"))
        self.assertEqual(terakhir.prev_record.nilai, D("16.09"))
        riwayat = self.client.get(reverse("admin:kinerja_realisasi_history", args=[realisasi.pk]))
        self.assertContains(riwayat, "admin")

    def test_the_home_page_links_to_the_admin(self):
        self.assertContains(self.client.get("/"), reverse("admin:index"))
