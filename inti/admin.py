"""The admin's side of the version check: a change form saved over a newer save is refused.

The planners' screens post the version (`BerVersi.versi`) they read and write through
`inti.versi.tulis_semua`; the admin writes through Django's own views. So every admin page
and inline of a `BerVersi` row is built on `BerVersiAdmin` / `BerVersiInline` (and
`BerVersiRiwayatAdmin` where the history is shown): their forms carry the version the page
was opened at, and when the stored row has moved on since, the page comes back with an
error naming who saved it and when, and nothing is written.

The check is the compare-and-swap of `tulis_semua` (a conditional UPDATE on the version
seen), made in the form's `clean()`. Django runs its change page's validation and save in
one transaction, and the revert page is given one here, so the row stays locked from the
check until the admin's save is written: a planner's save cannot slip in between.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import is_historic

from inti.forms import VersiField
from inti.versi import pegang, riwayat_terakhir

# Not `versi`: the admin's form factory refuses a form field named after a model field that
# is not editable.
VERSI_DIBUKA = "versi_dibuka"


def pesan_bentrok(obj) -> str:
    """Why the page was refused: who saved the row last and when (from its history)."""
    terakhir = riwayat_terakhir(type(obj), {"pk": obj.pk})
    if terakhir is None:
        return _pesan("diubah")
    waktu = timezone.localtime(terakhir.history_date).strftime("%d-%m-%Y %H:%M:%S")
    apa = "dihapus" if terakhir.history_type == "-" else "diubah"
    return _pesan(f"{apa} oleh {terakhir.history_user or 'sistem'} pada {waktu}")


def _pesan(apa: str) -> str:
    return (
        f"Data ini telah {apa} sejak halaman ini Anda buka; tidak ada yang disimpan. "
        "Muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda."
    )


class BerVersiAdminForm(forms.ModelForm):
    """An admin form of a `BerVersi` row: carries the version it was opened at, and is
    refused when the stored row is no longer at that version (`bentrok` then says why)."""

    versi_dibuka = VersiField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[VERSI_DIBUKA].initial = self._versi_awal() if self.instance.pk else 0
        self.bentrok = ""

    def _versi_awal(self) -> int:
        if not is_historic(self.instance):
            return self.instance.versi
        # simple-history's revert page fills the form from an old version of the row; what
        # the person saves over is the row as it is stored now.
        model = type(self.instance)
        return model.objects.filter(pk=self.instance.pk).values_list("versi", flat=True).first() or 0

    def diperiksa(self) -> bool:
        """Whether this form writes a stored row: the admin saves its main form always."""
        return self.instance.pk is not None

    def clean(self):
        data = super().clean()
        if self.diperiksa() and VERSI_DIBUKA in data:
            self._ambil_baris(data[VERSI_DIBUKA])
        return data

    def _ambil_baris(self, dibuka: int) -> None:
        # `tulis_semua`'s compare-and-swap; inside the admin's transaction a concurrent save
        # waits for the admin's, then finds the version moved on.
        if not pegang(type(self.instance), {"pk": self.instance.pk}, dibuka):
            self.bentrok = pesan_bentrok(self.instance)
            raise ValidationError(self.bentrok, code="bentrok")
        # The revert page saves an old version of the row: its next version follows the
        # stored one, never an old number a page opened long ago might still carry.
        self.instance.versi = dibuka


class BerVersiInlineForm(BerVersiAdminForm):
    def diperiksa(self) -> bool:
        # Django writes an inline row only when the page's values differ from the stored
        # ones (or it is marked for deletion): a row it leaves alone cannot be overwritten.
        return super().diperiksa() and self.has_changed()


class BerVersiInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # Django sets aside the errors of a form marked for deletion; deleting a row saved
        # since the page was opened is a conflict all the same.
        bentrok = [f.bentrok for f in self.forms if f.bentrok and f.cleaned_data.get(DELETION_FIELD_NAME)]
        if bentrok:
            raise ValidationError(bentrok)


def _dengan_versi(fieldsets, boleh_simpan: bool) -> list:
    """`fieldsets` with the hidden version once, in the first set; or without it when the
    page is only viewed (it would be shown as an empty read-only line)."""
    hasil = [
        (judul, {**opsi, "fields": [f for f in opsi["fields"] if f != VERSI_DIBUKA]})
        for judul, opsi in fieldsets
    ]
    if boleh_simpan and hasil:
        (judul, opsi), *lain = hasil
        hasil = [(judul, {**opsi, "fields": [*opsi["fields"], VERSI_DIBUKA]}), *lain]
    return hasil


class BerVersiAdmin(admin.ModelAdmin):
    """The admin of a `BerVersi` row. A page needing its own form subclasses `BerVersiAdminForm`."""

    form = BerVersiAdminForm

    def get_fieldsets(self, request, obj=None):
        return _dengan_versi(super().get_fieldsets(request, obj), self.has_change_permission(request, obj))


class BerVersiRiwayatAdmin(BerVersiAdmin, SimpleHistoryAdmin):
    """`BerVersiAdmin` with the row's history, whose revert page is checked the same way."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        # As Django's change page does; simple-history's revert page has no transaction, and
        # the lock the check takes must last until the save.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


class BerVersiInline(InlineModelAdmin):
    """An inline of `BerVersi` rows: each row the page writes is checked against its version.

    A mixin: put it before the tabular or stacked inline it refines.
    """

    form = BerVersiInlineForm
    formset = BerVersiInlineFormSet

    def get_fieldsets(self, request, obj=None):
        return _dengan_versi(super().get_fieldsets(request, obj), self.has_change_permission(request, obj))
