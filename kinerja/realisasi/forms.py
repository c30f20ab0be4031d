"""Forms planners fill in for performance data; every number goes through the Indonesian parser."""

from django import forms

from inti.forms import AngkaField, BerVersiForm, VersiField, format_masukan
from kinerja.hitung import JenisRumus
from kinerja.models import AnalisisSasaran, Indikator, Realisasi

NILAI = {"max_digits": 20, "decimal_places": 4, "required": False}


class RealisasiForm(forms.Form):
    """A realisation for one period, entered the way the indicator's formula measures it: a
    direct-value indicator takes a value, a ratio or growth indicator its two components;
    either may be «not yet measured».

    A ratio indicator whose stored realisation is a stated value (the documents give many
    without their components) keeps the value field, so that the page shows what is stored
    and can still save it; clearing it and entering the components converts the row.
    """

    nilai = AngkaField(label="Realisasi", **NILAI)
    komponen_a = AngkaField(label="Komponen A", **NILAI)
    komponen_b = AngkaField(label="Komponen B", **NILAI)
    belum_diukur = forms.BooleanField(label="Belum diukur", required=False)
    keterangan = forms.CharField(label="Keterangan", max_length=300, required=False)
    versi = VersiField()

    def __init__(self, *args, indikator: Indikator, tersimpan: Realisasi | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        self.fields["nilai"].desimal_tampil = indikator.desimal
        if indikator.jenis_rumus == JenisRumus.LANGSUNG:
            del self.fields["komponen_a"], self.fields["komponen_b"]
        else:
            self.fields["komponen_a"].label = indikator.label_komponen_a or "Komponen A"
            self.fields["komponen_b"].label = indikator.label_komponen_b or "Komponen B"
            if tersimpan is None or tersimpan.nilai is None:
                del self.fields["nilai"]

    @classmethod
    def dari(cls, realisasi: Realisasi | None, indikator: Indikator, **kwargs) -> "RealisasiForm":
        """The form filled from a stored realisation (or empty for a new one)."""
        awal = {"versi": realisasi.versi if realisasi else 0}
        if realisasi:
            awal |= {
                "nilai": realisasi.nilai,
                "komponen_a": realisasi.komponen_a,
                "komponen_b": realisasi.komponen_b,
                "keterangan": realisasi.keterangan,
                "belum_diukur": realisasi.nilai is None and not realisasi.dari_komponen,
            }
        return cls(initial=awal, indikator=indikator, tersimpan=realisasi, **kwargs)

    def clean(self):
        data = super().clean()
        nilai = data.get("nilai")
        a, b = data.get("komponen_a"), data.get("komponen_b")
        if self.errors:
            return data
        if "nilai" not in self.fields and str(self.data.get("nilai") or "").strip():
            # Only the spreadsheet (or a page opened before the indicator's formula changed)
            # still sends a value here; saying why beats ignoring it.
            label_a, label_b = self.fields["komponen_a"].label, self.fields["komponen_b"].label
            raise forms.ValidationError(
                f"«{self.indikator.nama}» diukur sebagai {self.indikator.jenis_rumus}: isi kedua "
                f"komponennya ({label_a} dan {label_b}), bukan realisasinya; realisasi dihitung "
                "dari komponen."
            )
        if (a is None) != (b is None):
            raise forms.ValidationError("Isi kedua komponen, atau kosongkan keduanya.")
        isian = sum([nilai is not None, a is not None, bool(data.get("belum_diukur"))])
        if isian == 0:
            raise forms.ValidationError(f"Isi {self._pilihan()}.")
        if isian > 1:
            raise forms.ValidationError(f"Pilih satu: {self._pilihan()}.")
        return data

    def _pilihan(self) -> str:
        """The ways in this form offers, as the messages name them."""
        cara = [n for f, n in (("nilai", "realisasi"), ("komponen_a", "kedua komponen")) if f in self.fields]
        return f"{', '.join(cara)}, atau centang «Belum diukur»"

    def isian(self) -> dict:
        """The cleaned values as the realisation's fields (after `is_valid`)."""
        data = self.cleaned_data
        return {
            "nilai": data.get("nilai"),
            "komponen_a": data.get("komponen_a"),
            "komponen_b": data.get("komponen_b"),
            "keterangan": data.get("keterangan") or ("Belum diukur" if data.get("belum_diukur") else ""),
        }


def ringkas_realisasi(r: Realisasi | None) -> str:
    """A realisation in a few words: its value or components, and its note."""
    if r is None:
        return "–"
    if r.dari_komponen:
        teks = f"{format_masukan(r.komponen_a)} / {format_masukan(r.komponen_b)}"
    else:
        teks = format_masukan(r.nilai) or "–"
    return f"{teks} ({r.keterangan})" if r.keterangan else teks


class AnalisisSasaranForm(BerVersiForm):
    """Why a sasaran's year went as it did; one per sasaran and year."""

    class Meta:
        model = AnalisisSasaran
        fields = ["uraian", "faktor_pendukung", "faktor_penghambat", "solusi"]
        widgets = {f: forms.Textarea(attrs={"rows": 5, "cols": 90}) for f in fields}


class PembandingForm(forms.Form):
    """An indicator's realisation elsewhere for a year: the province's and the nation's."""

    provinsi = AngkaField(label="Realisasi provinsi", **NILAI)
    nasional = AngkaField(label="Realisasi nasional", **NILAI)
    sumber = forms.CharField(label="Sumber", max_length=300, required=False)
    # The version of each stored comparison as the person saw it (0: none).
    versi_provinsi = VersiField()
    versi_nasional = VersiField()
