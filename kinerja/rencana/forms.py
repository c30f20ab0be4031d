"""Forms of the plan's screens (`kinerja.rencana.views`, `kinerja.rencana.indikator`): the
cascade's nodes, a deletion's confirmation and an indicator; each carries the `versi` it
was read at (`inti.versi`).
"""

from django import forms

from inti.forms import BerVersiForm, VersiField
from kinerja.hitung import JenisRumus
from kinerja.models import Indikator, Renstra


class NodeForm(BerVersiForm):
    """A node of the cascade; a sasaran or program may only point into its own Renstra."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        renstra_id = getattr(self.instance, "renstra_id", None)
        for nama in ("tujuan", "sasaran"):
            if nama in self.fields:
                self.fields[nama].queryset = self.fields[nama].queryset.filter(renstra_id=renstra_id)


class HapusForm(forms.Form):
    """A deletion's confirmation: the version of the row the planner saw before deleting."""

    versi = VersiField()


class RenstraForm(BerVersiForm):
    """A Renstra's name and period; the period runs forward and starts once per agency."""

    class Meta:
        model = Renstra
        fields = ["nama", "tahun_awal", "tahun_akhir"]

    def tahun_terdampak(self) -> set[int]:
        """The years of the period before and after a change of the period (or of a new
        Renstra): each year's plan comes from the Renstra in force then."""
        if self.instance.pk and not {"tahun_awal", "tahun_akhir"} & set(self.changed_data):
            return set()
        tahun = set()
        if self.instance.pk:
            # The stored period: `initial` was read from the row before the posted values.
            tahun |= set(range(self.initial["tahun_awal"], self.initial["tahun_akhir"] + 1))
        awal, akhir = self.cleaned_data.get("tahun_awal"), self.cleaned_data.get("tahun_akhir")
        if awal and akhir:
            tahun |= set(range(awal, akhir + 1))
        return tahun

    def clean(self):
        data = super().clean()
        awal, akhir = data.get("tahun_awal"), data.get("tahun_akhir")
        if awal and akhir and akhir < awal:
            self.add_error("tahun_akhir", "Tahun akhir tidak boleh sebelum tahun awal.")
        # The agency is not a form field, so ModelForm does not check this uniqueness itself.
        lain = Renstra.objects.filter(instansi_id=self.instance.instansi_id, tahun_awal=awal)
        if awal and lain.exclude(pk=self.instance.pk).exists():
            self.add_error("tahun_awal", f"Instansi ini sudah memiliki Renstra yang mulai tahun {awal}.")
        return data


class IndikatorForm(BerVersiForm):
    """An indicator's definition, written against the `versi` it was read at."""

    # What decides how the indicator's figures are computed: changing it changes every
    # year's capaian, so not while one of those years is locked.
    RUMUS = ("polaritas", "rumus_polaritas_turun", "jenis_rumus")

    def clean_jenis_rumus(self):
        jenis = self.cleaned_data["jenis_rumus"]
        if jenis == JenisRumus.LANGSUNG and self.instance.pk:
            tahun = sorted({r.tahun for r in self.instance.realisasi.all() if r.komponen_a is not None})
            if tahun:
                daftar = ", ".join(str(t) for t in tahun)
                raise forms.ValidationError(
                    f"Realisasi tahun {daftar} diisi dengan komponen A dan B; ubah realisasi itu "
                    "menjadi nilai langsung lebih dahulu."
                )
        return jenis

    def tahun_terdampak(self) -> set[int]:
        if self.instance.pk and any(n in self.changed_data for n in self.RUMUS):
            return set(self.instance.renstra.tahun)
        return set()

    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "satuan",
            "polaritas",
            "rumus_polaritas_turun",
            "jenis_rumus",
            "formulasi",
            "label_komponen_a",
            "label_komponen_b",
            "sumber_data",
            "penanggung_jawab",
            "iku",
            "sifat_triwulan",
            "desimal",
            "urutan",
        ]
        widgets = {
            "nama": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "formulasi": forms.Textarea(attrs={"rows": 3, "cols": 80}),
            "sumber_data": forms.Textarea(attrs={"rows": 2, "cols": 80}),
        }
