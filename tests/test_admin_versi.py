"""The admin checks the version a change form was opened at, as the planners' screens do.

An administrator opens a row, a planner then saves it on their screen, the administrator
saves the page they had: refused, naming who saved it and when, and the planner's save
stays. The pages are posted as a browser would post them, read from the HTML served, so the
version must really travel in the page. Also: a supporting table's number cells are finite.
"""

from decimal import Decimal as D
from html.parser import HTMLParser

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from instansi.models import Narasi, TabelPendukung
from inti.admin import BerVersiAdmin, BerVersiAdminForm, BerVersiInline, BerVersiInlineFormSet
from inti.models import BerVersi
from kinerja.models import Indikator, Target
from tests.factories import buat_instansi, buat_pemeran


class _Formulir(HTMLParser):
    """The controls of the page's admin form (`<form id="…_form">`) as a browser submits them."""

    def __init__(self):
        super().__init__()
        self.isian: dict[str, list[str]] = {}
        self._di_form = False
        self._select = None  # [name, [(value, selected)]]
        self._textarea = None  # [name, text]

    def _tambah(self, nama, nilai):
        self.isian.setdefault(nama, []).append(nilai)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._di_form = (a.get("id") or "").endswith("_form")
        if not self._di_form or ("name" not in a and tag != "option") or "disabled" in a:
            return
        if tag == "input":
            jenis = a.get("type", "text")
            if jenis in ("submit", "button", "image", "reset", "file"):
                return
            if jenis in ("checkbox", "radio") and "checked" not in a:
                return
            self._tambah(a["name"], a.get("value", "on" if jenis in ("checkbox", "radio") else ""))
        elif tag == "select":
            self._select = [a["name"], []]
        elif tag == "option" and self._select is not None:
            self._select[1].append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._di_form = False
        elif tag == "select" and self._select is not None:
            nama, pilihan = self._select
            terpilih = [v for v, dipilih in pilihan if dipilih] or [v for v, _ in pilihan[:1]]
            for nilai in terpilih:
                self._tambah(nama, nilai)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            nama, teks = self._textarea
            # A browser drops the newline that follows <textarea>, as Django writes it.
            self._tambah(nama, teks.removeprefix("\r\n").removeprefix("\n"))
            self._textarea = None


def isian_halaman(response) -> dict[str, list[str]]:
    """What the browser would post back for the admin page `response` served."""
    pembaca = _Formulir()
    pembaca.feed(response.content.decode())
    assert pembaca.isian, "no admin form on the page"
    return pembaca.isian


def baris_inline(isian: dict, prefix: str, pk: int) -> str:
    """The prefix of the inline form of row `pk` in a posted page, e.g. `target-1`."""
    return next(
        k.removesuffix("-id")
        for k, v in isian.items()
        if k.startswith(f"{prefix}-") and k.endswith("-id") and v == [str(pk)]
    )


def galat_atas(response) -> str:
    """The error shown at the top of an admin form."""
    return " ".join(response.context["adminform"].form.non_field_errors())


def waktu(obj) -> str:
    """When the row was last saved, as the conflict message shows it."""
    return timezone.localtime(obj.history.first().history_date).strftime("%d-%m-%Y %H:%M:%S")


class AdminVersiTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-panjang")
        cls.instansi = buat_instansi()
        cls.perencana, _, _ = buat_pemeran(cls.instansi, buat_instansi("dinas-lain"))
        cls.narasi = Narasi.objects.create(
            instansi=cls.instansi, tahun=2022, kunci="latar-belakang", judul="Latar belakang", teks="Awal."
        )
        cls.indikator = Indikator.objects.filter(renstra__instansi=cls.instansi).get(iku=True)
        cls.target = Target.objects.get(indikator=cls.indikator, sumber=Target.Sumber.PK_MURNI)

    def setUp(self):
        self.client.force_login(self.admin)

    def simpan_perencana(self, obj, **isian):
        """The planner saves `obj` on their own screen (a fresh copy of the row, as theirs is)."""
        obj = type(obj).objects.get(pk=obj.pk)
        for nama, nilai in isian.items():
            setattr(obj, nama, nilai)
        obj._history_user = self.perencana
        obj.save()
        return obj

    def url(self, obj) -> str:
        opts = obj._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])

    def assert_ditolak_bila_disimpan_orang_lain(self, obj, isian_admin: dict, isian_perencana: dict):
        halaman = isian_halaman(self.client.get(self.url(obj)))
        disimpan = self.simpan_perencana(obj, **isian_perencana)

        r = self.client.post(self.url(obj), halaman | isian_admin)

        self.assertEqual(r.status_code, 200)
        pesan = galat_atas(r)
        self.assertIn("telah diubah oleh perencana-a", pesan)
        self.assertIn(f"pada {waktu(disimpan)}", pesan)
        self.assertIn("Muat ulang halaman", pesan)
        self.assertContains(r, "perencana-a")
        tersimpan = type(obj).objects.get(pk=obj.pk)
        self.assertEqual(tersimpan.versi, disimpan.versi)
        for nama, nilai in isian_perencana.items():
            self.assertEqual(getattr(tersimpan, nama), nilai)

    def assert_tersimpan_tanpa_simpanan_lain(self, obj, isian_admin: dict, nama: str, nilai):
        versi = type(obj).objects.get(pk=obj.pk).versi
        halaman = isian_halaman(self.client.get(self.url(obj)))

        r = self.client.post(self.url(obj), halaman | isian_admin)

        self.assertEqual(r.status_code, 302, r.context and galat_atas(r))
        tersimpan = type(obj).objects.get(pk=obj.pk)
        self.assertEqual(getattr(tersimpan, nama), nilai)
        self.assertEqual(tersimpan.versi, versi + 1)
        self.assertEqual(tersimpan.history.first().history_user, self.admin)


class ChangeFormTests(AdminVersiTestCase):
    def test_a_narrative_saved_by_a_planner_after_the_admin_opened_it_is_not_overwritten(self):
        self.assert_ditolak_bila_disimpan_orang_lain(
            self.narasi, {"teks": ["Teks admin."]}, {"teks": "Teks perencana."}
        )

    def test_a_target_saved_by_a_planner_after_the_admin_opened_it_is_not_overwritten(self):
        self.assert_ditolak_bila_disimpan_orang_lain(self.target, {"nilai": ["19,5"]}, {"nilai": D("18.50")})

    def test_an_indicator_saved_by_a_planner_after_the_admin_opened_it_is_not_overwritten(self):
        self.assert_ditolak_bila_disimpan_orang_lain(
            self.indikator, {"nama": ["Nama dari admin"]}, {"nama": "Nama dari perencana"}
        )

    def test_an_unchanged_page_saved_over_a_planners_save_is_refused_too(self):
        # Django saves every field of the page, changed or not: the old values would come back.
        self.assert_ditolak_bila_disimpan_orang_lain(self.narasi, {}, {"judul": "Judul perencana"})

    def test_the_admin_saves_a_narrative_nobody_saved_meanwhile_and_the_version_moves_on(self):
        self.assert_tersimpan_tanpa_simpanan_lain(
            self.narasi, {"teks": ["Teks admin."]}, "teks", "Teks admin."
        )

    def test_the_admin_saves_a_target_nobody_saved_meanwhile_and_the_version_moves_on(self):
        self.assert_tersimpan_tanpa_simpanan_lain(self.target, {"nilai": ["19,5"]}, "nilai", D("19.5"))

    def test_the_admin_saves_an_indicator_nobody_saved_meanwhile_and_the_version_moves_on(self):
        self.assert_tersimpan_tanpa_simpanan_lain(
            self.indikator, {"nama": ["Nama dari admin"]}, "nama", "Nama dari admin"
        )

    def test_a_page_posted_without_its_version_is_refused(self):
        halaman = isian_halaman(self.client.get(self.url(self.narasi)))
        del halaman["versi_dibuka"]
        r = self.client.post(self.url(self.narasi), halaman | {"teks": ["Teks admin."]})
        self.assertEqual(r.status_code, 200)
        self.assertIn("Muat ulang halaman", galat_atas(r))
        self.narasi.refresh_from_db()
        self.assertEqual(self.narasi.teks, "Awal.")


class InlineTests(AdminVersiTestCase):
    """The targets on the indicator's page: each row is checked against its own version."""

    def test_a_target_changed_in_the_inline_after_a_planners_save_is_refused_and_nothing_saved(self):
        halaman = isian_halaman(self.client.get(self.url(self.indikator)))
        baris = baris_inline(halaman, "target", self.target.pk)
        disimpan = self.simpan_perencana(self.target, nilai=D("18.50"))

        r = self.client.post(
            self.url(self.indikator), halaman | {f"{baris}-nilai": ["19"], "nama": ["Nama baru"]}
        )

        self.assertEqual(r.status_code, 200)
        formset = next(i.formset for i in r.context["inline_admin_formsets"] if i.formset.prefix == "target")
        [form] = [f for f in formset.forms if f.instance.pk == self.target.pk]
        self.assertIn(
            f"telah diubah oleh perencana-a pada {waktu(disimpan)}", " ".join(form.non_field_errors())
        )
        self.assertContains(r, "Muat ulang halaman")
        self.target.refresh_from_db()
        self.assertEqual(self.target.nilai, D("18.50"))
        self.indikator.refresh_from_db()
        self.assertNotEqual(self.indikator.nama, "Nama baru")

    def test_a_row_saved_meanwhile_is_refused_even_if_the_admin_left_it_alone(self):
        # The page still holds the old value, which Django would write back as a change.
        halaman = isian_halaman(self.client.get(self.url(self.indikator)))
        self.simpan_perencana(self.target, nilai=D("18.50"))

        r = self.client.post(self.url(self.indikator), halaman | {"nama": ["Nama baru"]})

        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "telah diubah oleh perencana-a")
        self.target.refresh_from_db()
        self.assertEqual(self.target.nilai, D("18.50"))

    def test_a_row_saved_meanwhile_with_the_values_on_the_page_is_left_alone(self):
        # Django does not save an inline row whose values are as stored: nothing to lose.
        halaman = isian_halaman(self.client.get(self.url(self.indikator)))
        self.simpan_perencana(self.target)

        r = self.client.post(self.url(self.indikator), halaman | {"nama": ["Nama baru"]})

        self.assertEqual(r.status_code, 302, r.context and galat_atas(r))
        self.indikator.refresh_from_db()
        self.assertEqual(self.indikator.nama, "Nama baru")

    def test_deleting_a_target_a_planner_saved_meanwhile_is_refused(self):
        halaman = isian_halaman(self.client.get(self.url(self.indikator)))
        baris = baris_inline(halaman, "target", self.target.pk)
        self.simpan_perencana(self.target, nilai=D("18.50"))

        r = self.client.post(self.url(self.indikator), halaman | {f"{baris}-DELETE": ["on"]})

        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "telah diubah oleh perencana-a")
        self.assertTrue(Target.objects.filter(pk=self.target.pk).exists())

    def test_the_admin_changes_and_deletes_inline_rows_nobody_saved_meanwhile(self):
        renstra = Target.objects.get(indikator=self.indikator, sumber=Target.Sumber.RENSTRA)
        halaman = isian_halaman(self.client.get(self.url(self.indikator)))
        ubah, hapus = (
            baris_inline(halaman, "target", self.target.pk),
            baris_inline(halaman, "target", renstra.pk),
        )

        r = self.client.post(
            self.url(self.indikator), halaman | {f"{ubah}-nilai": ["19"], f"{hapus}-DELETE": ["on"]}
        )

        self.assertEqual(r.status_code, 302, r.context and galat_atas(r))
        versi = self.target.versi
        self.target.refresh_from_db()
        self.assertEqual((self.target.nilai, self.target.versi), (D(19), versi + 1))
        self.assertFalse(Target.objects.filter(pk=renstra.pk).exists())


class RevertTests(AdminVersiTestCase):
    """simple-history's revert page: an old version of the row, saved over the stored one."""

    def url_revert(self, obj, versi_lama):
        rekaman = obj.history.get(versi=versi_lama)
        return reverse("admin:kinerja_target_simple_history", args=[obj.pk, rekaman.history_id])

    def test_reverting_writes_the_old_values_as_the_next_version(self):
        self.simpan_perencana(self.target, nilai=D("18.50"))
        sekarang = self.simpan_perencana(self.target, nilai=D("18.70"))
        url = self.url_revert(self.target, versi_lama=1)

        r = self.client.post(url, isian_halaman(self.client.get(url)))

        self.assertEqual(r.status_code, 302, r.context and galat_atas(r))
        self.target.refresh_from_db()
        self.assertEqual(self.target.nilai, D("18.11"))
        # Never back to an old number, which a page opened long ago might still carry.
        self.assertEqual(self.target.versi, sekarang.versi + 1)

    def test_a_revert_over_a_save_made_after_the_page_was_opened_is_refused(self):
        self.simpan_perencana(self.target, nilai=D("18.50"))
        url = self.url_revert(self.target, versi_lama=1)
        halaman = isian_halaman(self.client.get(url))
        self.simpan_perencana(self.target, nilai=D("18.70"))

        r = self.client.post(url, halaman)

        self.assertEqual(r.status_code, 200)
        self.assertIn("telah diubah oleh perencana-a", galat_atas(r))
        self.target.refresh_from_db()
        self.assertEqual(self.target.nilai, D("18.70"))


class CoverageTests(TestCase):
    def test_every_admin_and_inline_of_a_versioned_row_checks_the_version(self):
        for model, model_admin in admin.site._registry.items():
            if not issubclass(model, BerVersi):
                continue
            with self.subTest(model=model._meta.label):
                self.assertIsInstance(model_admin, BerVersiAdmin)
                self.assertTrue(issubclass(model_admin.form, BerVersiAdminForm))
            for inline in model_admin.inlines:
                if issubclass(inline.model, BerVersi):
                    with self.subTest(model=model._meta.label, inline=inline.__name__):
                        self.assertTrue(issubclass(inline, BerVersiInline))
                        self.assertTrue(issubclass(inline.form, BerVersiAdminForm))
                        self.assertTrue(issubclass(inline.formset, BerVersiInlineFormSet))


class TabelPendukungTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi()

    def tabel(self, *baris) -> TabelPendukung:
        return TabelPendukung(
            instansi=self.instansi,
            tahun=2022,
            kunci="capaian",
            judul="Capaian",
            kolom=[{"judul": "Uraian", "jenis": "teks"}, {"judul": "Persen", "jenis": "angka"}],
            baris=list(baris),
        )

    def test_a_number_cell_must_be_a_finite_number(self):
        for sel in ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", "abc", True]:
            with self.subTest(sel=sel):
                with self.assertRaises(ValidationError) as galat:
                    self.tabel(["Koperasi", "82.15"], ["Sehat", sel]).full_clean()
                [pesan] = galat.exception.message_dict["baris"]
                self.assertIn("Baris 2", pesan)
                self.assertIn("«Persen»", pesan)

    def test_decimal_strings_and_empty_number_cells_are_accepted(self):
        self.tabel(["Koperasi", "82.15"], ["Sehat", None], ["Jumlah", "-3"], ["Besar", 12]).full_clean()
