"""The light form renderer writes the same markup as Django's own input templates."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.test import SimpleTestCase

from inti.penyaji import PENYAJI_RINGAN


class Contoh(forms.Form):
    nama = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"aria-label": 'Nama "A" & <b>'}))
    jumlah = forms.IntegerField(required=False)
    versi = forms.IntegerField(widget=forms.HiddenInput)
    hapus = forms.BooleanField(required=False)
    catatan = forms.CharField(widget=forms.Textarea, required=False)  # not an input: Django's template


class PenyajiRinganTests(SimpleTestCase):
    def test_each_field_renders_as_djangos_templates_render_it(self):
        terkirim = {"nama": "<i>x</i>", "jumlah": "abc", "versi": "3", "hapus": "on", "catatan": "a\nb"}
        for data in (None, terkirim):
            with self.subTest(data=data):
                biasa = Contoh(data, initial={"jumlah": 5}, renderer=DjangoTemplates())
                ringan = Contoh(data, initial={"jumlah": 5}, renderer=PENYAJI_RINGAN)
                for nama in biasa.fields:
                    self.assertHTMLEqual(str(ringan[nama]), str(biasa[nama]))
                    self.assertEqual(str(ringan[nama]), str(biasa[nama]))
