"""Form fields that read Indonesian numbers, for every form of the project (admin too)."""

from decimal import Decimal

from django import forms

from inti.angka import AngkaTidakValid, format_angka, parse_angka
from inti.versi import Bentrok, Konflik, Tulis, tulis_semua


def format_masukan(nilai: Decimal | None, paling_sedikit: int | None = None) -> str:
    """A stored value as a person would type it back: `1200.8700` -> `1.200,87`; with
    `paling_sedikit`, padded to the decimals its indicator shows (31,5 -> 31,50), never
    cut below what is stored (an input that dropped digits would change the value)."""
    if nilai is None:
        return ""
    normal = nilai.normalize()
    desimal = max(0, -normal.as_tuple().exponent, paling_sedikit or 0)
    return format_angka(nilai, desimal)


PANJANG_MAKS = 60  # characters of a typed number: «Rp. 1.000.000.000.000.000,00» fits
# Significant digits a stored figure keeps on every database: SQLite keeps a decimal as a
# double, exact to 15 digits; a larger figure would come back changed or not at all.
ANGKA_BERMAKNA_MAKS = 15


def ringkas(teks: object, batas: int = 30) -> str:
    """A value as it is quoted back in a message: a megabyte of digits is not."""
    teks = str(teks)
    return teks if len(teks) <= batas else teks[:batas] + "…"


class AngkaField(forms.DecimalField):
    """A decimal typed the Indonesian way (`1.200,87`, `18,11%`, `Rp 7.085.233.615`).

    A bad value is refused with a message naming the field and the value, so a person
    who pasted a column from Excel knows which cell to fix; so is a value the column
    cannot hold (too many digits or decimals, not finite), before the database sees it.
    The spreadsheets pass their cells through the same field, so a value refused here is
    refused there with the same words.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, *args, desimal_tampil: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.desimal_tampil = desimal_tampil  # the decimals the figure's indicator is shown with

    def _galat(self, nilai, pesan: str) -> forms.ValidationError:
        return forms.ValidationError(f"{self.label or 'Nilai'}: «{ringkas(nilai)}» {pesan}", code="invalid")

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, float):
            value = Decimal(repr(value))  # Excel's numbers, exactly as it shows them
        if isinstance(value, str) and len(value) > PANJANG_MAKS:
            raise self._galat(
                value, f"terlalu panjang untuk sebuah angka (lebih dari {PANJANG_MAKS} karakter)"
            )
        try:
            return parse_angka(value)
        except AngkaTidakValid as exc:
            raise forms.ValidationError(f"{self.label or 'Nilai'}: {exc}", code="invalid") from None

    def validate(self, value):
        forms.Field.validate(self, value)
        if value in self.empty_values:
            return
        if not value.is_finite():
            raise self._galat(value, "bukan angka yang terhingga")
        _, angka, pangkat = value.normalize().as_tuple()
        desimal = max(0, -pangkat)
        bulat = max(0, len(angka) + pangkat)
        bermakna = len(angka) + max(0, pangkat)
        if self.decimal_places is not None and desimal > self.decimal_places:
            raise self._galat(
                format_masukan(value),
                f"memiliki {desimal} angka di belakang koma; paling banyak {self.decimal_places}",
            )
        if self.max_digits is not None and bulat > self.max_digits - (self.decimal_places or 0):
            raise self._galat(
                value, f"terlalu besar: paling banyak {self.max_digits - (self.decimal_places or 0)} angka"
            )
        if bermakna > ANGKA_BERMAKNA_MAKS:
            raise self._galat(value, f"terlalu panjang: paling banyak {ANGKA_BERMAKNA_MAKS} angka")
        if self.min_value is not None and value < self.min_value:
            raise self._galat(
                format_masukan(value), f"tidak boleh kurang dari {format_masukan(Decimal(self.min_value))}"
            )
        if self.max_value is not None and value > self.max_value:
            raise self._galat(
                format_masukan(value), f"tidak boleh lebih dari {format_masukan(Decimal(self.max_value))}"
            )

    def run_validators(self, value):
        # `validate` above says everything Django's validators would, in the person's words.
        return

    def clean(self, value):
        nilai = super().clean(value)
        if nilai is None:
            return None
        # `18,50000` is 18,5: the column stores what the figure is, not how it was typed.
        nilai = nilai.normalize()
        return nilai.quantize(Decimal(1)) if nilai.as_tuple().exponent > 0 else nilai

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_masukan(value, self.desimal_tampil)
        return value

    def widget_attrs(self, widget):
        # DecimalField would add min/max/step meant for <input type=number>: not ours.
        return forms.Field.widget_attrs(self, widget)


VERSI_MAKS = 2**31 - 1  # a PositiveIntegerField on every database


class VersiField(forms.IntegerField):
    """The version of a row the person saw, posted back with their changes (0: no row).

    A missing version reads as 0, «saw no row»: a change to a stored row made without
    its version is then a conflict, never an overwrite.
    """

    widget = forms.HiddenInput
    default_error_messages = {
        "invalid": "Versi data tidak sah; muat ulang halaman lalu ulangi perubahan Anda.",
        "min_value": "Versi data tidak sah; muat ulang halaman lalu ulangi perubahan Anda.",
        "max_value": "Versi data tidak sah; muat ulang halaman lalu ulangi perubahan Anda.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=0, max_value=VERSI_MAKS, **kwargs)

    def clean(self, value):
        return super().clean(value) or 0

    def has_changed(self, initial, data):
        # The version is not the person's change: an untouched extra row stays untouched.
        return False


class BerVersiForm(forms.ModelForm):
    """A ModelForm of a `BerVersi` row, written through `inti.versi.tulis_semua`.

    A new row is placed by its model's `kunci_alami`, so that two people creating the same
    row at once meet as a conflict instead of a duplicate.
    """

    versi = VersiField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versi"].initial = self.instance.versi if self.instance.pk else 0
        self.konflik: list[Bentrok] = []
        self.tersimpan = None

    def tahun_terdampak(self) -> set[int]:
        """The years whose data this save changes beyond the page's own year (after
        `is_valid`), so that the year lock holds for them too; none unless a form says."""
        return set()

    def simpan(self, ruang) -> bool:
        """Write the form if it is valid and its row has not moved on (the row written is
        then `tersimpan`); else keep `konflik` (shown by `_konflik.html`, answered with
        409) and write nothing. A change that reaches into a year locked for the person
        is refused (403) by `ruang`, the request's `instansi.akses.Akses`."""
        if not self.is_valid():
            return False
        ruang.pastikan_terbuka(self.tahun_terdampak())
        try:
            [self.tersimpan] = tulis_semua([self.tulis(str(self.instance))])
        except Konflik as exc:
            self.konflik = exc.daftar
            return False
        return True

    def tulis(self, label: str) -> Tulis:
        """The form's values as a row to write, against the version the person saw (after `is_valid`)."""
        obj = self.instance
        isian = {nama: self.cleaned_data[nama] for nama in self._meta.fields if nama in self.cleaned_data}
        if obj.pk:
            letak, baru, versi = {"pk": obj.pk}, {}, self.cleaned_data["versi"]
        else:
            letak = obj.letak_alami()
            baru = {
                f.attname: getattr(obj, f.attname)
                for f in obj._meta.concrete_fields
                if not f.primary_key and f.name not in isian and f.attname not in letak and f.name != "versi"
            }
            versi = 0  # a new row: nobody can have seen a version of it
        return Tulis(type(obj), label, letak, versi, isian, self._beda, baru)

    def _beda(self, tersimpan) -> str:
        """The stored row's values where they differ from what the person typed."""
        beda = [
            f"{self.fields[nama].label}: «{ringkas(getattr(tersimpan, nama), 80)}»"
            for nama in self._meta.fields
            if nama in self.cleaned_data and getattr(tersimpan, nama) != self.cleaned_data[nama]
        ]
        return "; ".join(beda) or "sama dengan isian Anda"


def isian_terbaca(form: forms.Form) -> list[tuple[str, str]]:
    """A form's visible values as a reader sees them: choices by their label, no inputs."""
    hasil = []
    for bf in form.visible_fields():
        nilai = bf.value()
        if nilai in (None, ""):
            teks = ""
        elif isinstance(bf.field, forms.BooleanField):
            teks = "Ya" if nilai else "Tidak"
        elif hasattr(bf.field, "choices"):
            teks = next((str(label) for kunci, label in bf.field.choices if str(kunci) == str(nilai)), "")
        else:
            teks = str(nilai)
        hasil.append((str(bf.label), teks or "–"))
    return hasil
