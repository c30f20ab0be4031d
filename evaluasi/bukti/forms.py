"""The form of one piece of evidence: a title and either a file or a link to a record."""

import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

from django import forms

from evaluasi.bukti import tautan
from evaluasi.bukti.periksa import DITERIMA, UKURAN_MAKS, BuktiDitolak, periksa
from evaluasi.models import BuktiDukung
from inti.forms import BerVersiForm

TERIMA = (
    "application/pdf,image/png,image/jpeg,image/webp,.docx,.xlsx,.pptx,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
    "application/vnd.openxmlformats-officedocument.presentationml.presentation"
)


class BuktiForm(BerVersiForm):
    """A file is checked by its content while the form is validated (`periksa`), so a
    refused one is reported beside the other fields and nothing is stored; a link must
    be one of the agency's records for the year (`tautan.pilihan`)."""

    judul = forms.CharField(
        label="Judul bukti",
        max_length=200,
        required=False,
        help_text="Kosong: nama rekaman yang ditautkan atau nama berkas.",
    )
    tautan_pilihan = forms.ChoiceField(label="Tautkan rekaman aplikasi", required=False)
    berkas_baru = forms.FileField(
        label="atau unggah berkas",
        required=False,
        help_text=f"{DITERIMA}; paling besar {UKURAN_MAKS // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": TERIMA}),
    )

    class Meta:
        model = BuktiDukung
        fields = ["judul"]

    def __init__(self, *args, pilihan: list[tautan.Tautan], **kwargs):
        super().__init__(*args, **kwargs)
        self.pilihan = {t.kode: t for t in pilihan}
        self.fields["tautan_pilihan"].choices = [("", "—")] + [(t.kode, t.label) for t in pilihan]
        self.bersih = None  # the checked file (`periksa.BerkasBersih`)

    def clean_berkas_baru(self):
        unggahan = self.cleaned_data.get("berkas_baru")
        if unggahan:
            if unggahan.size > UKURAN_MAKS:
                raise forms.ValidationError(
                    f"«{nama_aman(unggahan.name)}» ditolak: berkas terlalu besar; "
                    f"paling besar {UKURAN_MAKS // (1024 * 1024)} MB."
                )
            try:
                self.bersih = periksa(unggahan.read())
            except BuktiDitolak as exc:
                raise forms.ValidationError(f"«{nama_aman(unggahan.name)}» ditolak: {exc}") from None
        return unggahan

    def clean(self):
        data = super().clean()
        pilih, unggahan = data.get("tautan_pilihan"), data.get("berkas_baru")
        if "berkas_baru" in self.errors or "tautan_pilihan" in self.errors:
            return data
        if bool(pilih) == bool(unggahan):
            raise forms.ValidationError(
                "Pilih satu rekaman untuk ditautkan, atau unggah satu berkas (bukan keduanya)."
            )
        if pilih:
            t = self.pilihan[pilih]
            data["judul"] = data.get("judul") or t.label
            self.instance.tautan, self.instance.tautan_argumen = t.nama_url, list(t.argumen)
        else:
            data["judul"] = data.get("judul") or nama_aman(unggahan.name)
            self.instance.nama_berkas = nama_aman(unggahan.name)
        return data


def nama_aman(nama: str) -> str:
    """An uploaded file's name as we show it: no folders, no control characters, not too long."""
    nama = PureWindowsPath(PurePosixPath(nama or "").name).name
    nama = "".join(c for c in nama if unicodedata.category(c)[0] != "C").strip(" .")
    return nama[:200] or "berkas"
