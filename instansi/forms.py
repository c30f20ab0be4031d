"""Form fields that read Indonesian numbers, for every form of the project (admin too)."""

from decimal import Decimal

from django import forms

from instansi.angka import AngkaTidakValid, format_angka, parse_angka


def format_masukan(nilai: Decimal | None) -> str:
    """A stored value as a person would type it back: `1200.8700` -> `1.200,87`."""
    if nilai is None:
        return ""
    normal = nilai.normalize()
    desimal = max(0, -normal.as_tuple().exponent)
    return format_angka(nilai, desimal)


class AngkaField(forms.DecimalField):
    """A decimal typed the Indonesian way (`1.200,87`, `18,11%`, `Rp 7.085.233.615`).

    A bad value is refused with a message naming the field and the value, so a person
    who pasted a column from Excel knows which cell to fix.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return parse_angka(value)
        except AngkaTidakValid as exc:
            label = self.label or "Nilai"
            raise forms.ValidationError(f"{label}: {exc}", code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_masukan(value)
        return value

    def widget_attrs(self, widget):
        # DecimalField would add min/max/step meant for <input type=number>: not ours.
        return forms.Field.widget_attrs(self, widget)
