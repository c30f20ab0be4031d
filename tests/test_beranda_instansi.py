"""The agency home's indicator table (`sakip.templatetags.beranda`), written in Python: each
indicator's row as the template wrote it, its texts escaped, its link to the realisation screen."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from kinerja.models import Indikator, Sasaran
from tests.factories import buat_instansi

TAHUN = 2022


class BerandaInstansiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.instansi = buat_instansi("dinas-beranda", ukuran=2)
        Sasaran.objects.filter(uraian="Sasaran 0").update(uraian="Sasaran <b>0</b> & mutu")
        Indikator.objects.filter(nama="Indikator program 1").update(nama="Rasio <i>program</i> 1")
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")

    def test_each_indicator_has_its_row_with_its_figures_and_its_link(self):
        self.client.force_login(self.admin)
        halaman = self.client.get(reverse("instansi-tahun", args=[self.instansi.slug, TAHUN]))
        iku = Indikator.objects.get(nama="Persentase koperasi sehat 0")
        tautan = reverse("realisasi", args=[self.instansi.slug, TAHUN, iku.pk])
        self.assertContains(
            halaman,
            '<tr><td><span class="ringkas tingkat">Sasaran</span>'
            "<br>Sasaran &lt;b&gt;0&lt;/b&gt; &amp; mutu</td>"
            "<td>Persentase koperasi sehat 0</td><td>%</td>"
            '<td class="angka">18,11</td><td class="angka">18,82</td><td class="angka capaian">103,97 %</td>'
            f'<td class="predikat">Sangat Baik</td><td><a href="{tautan}">isi realisasi</a></td></tr>',
            html=True,
        )
        self.assertContains(halaman, "Rasio &lt;i&gt;program&lt;/i&gt; 1")
        self.assertContains(halaman, '<span class="ringkas tingkat">Program</span>', count=2, html=True)
        for indikator in Indikator.objects.filter(renstra__instansi=self.instansi):
            self.assertContains(halaman, reverse("realisasi", args=[self.instansi.slug, TAHUN, indikator.pk]))
