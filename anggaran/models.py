"""Money on the cascade: budget (pagu) per stage, spending, and budget by jenis belanja.

Depends on `instansi` and `kinerja`. Amounts are entered at the most detailed level the
source gives (sub kegiatan before kegiatan before program) and rolled up by
`anggaran.hitung.gulung`; totals are never stored.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from anggaran.hitung import Tahap
from instansi.models import Instansi
from inti.models import BerVersi
from inti.periode import VALIDATOR_TAHUN
from kinerja.models import Kegiatan, Program, SubKegiatan, jumlah_terisi, letak, tepat_satu

UANG = {"max_digits": 18, "decimal_places": 2, "validators": [MinValueValidator(0)]}
LEVEL_ANGGARAN = ("program", "kegiatan", "sub_kegiatan")


def _batasan_node(nama: str, fields: list[str]) -> list[models.BaseConstraint]:
    """Exactly one level is set, the amount is not negative, one row per level and `fields`."""
    return [
        models.CheckConstraint(condition=tepat_satu(*LEVEL_ANGGARAN), name=f"{nama}_satu_level"),
        models.CheckConstraint(condition=Q(jumlah__gte=0), name=f"{nama}_tidak_negatif"),
        *(
            models.UniqueConstraint(
                fields=[level, *fields],
                condition=Q(**{f"{level}__isnull": False}),
                name=f"{nama}_unik_{level}",
            )
            for level in LEVEL_ANGGARAN
        ),
    ]


def letak_node(baris) -> tuple[str, int]:
    """(level, id) of the node an amount sits on: a row, its history record or a `values()` dict."""
    tempat = letak(baris, LEVEL_ANGGARAN)
    if tempat is None:
        raise ValueError("Anggaran tanpa program, kegiatan atau sub kegiatan")
    return tempat


class PadaNode(BerVersi):
    """An amount attached to exactly one program, kegiatan or sub kegiatan."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)s"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)s"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)s"
    )
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    jumlah = models.DecimalField(**UANG)

    class Meta:
        abstract = True

    @property
    def node(self):
        tempat = letak(self, LEVEL_ANGGARAN)
        return getattr(self, tempat[0]) if tempat else None

    def clean(self):
        if jumlah_terisi(self, LEVEL_ANGGARAN) != 1:
            raise ValidationError("Pilih tepat satu: program, kegiatan atau sub kegiatan.")


class Pagu(PadaNode):
    """The budget of a node at one stage of a year (Renja murni … DPA perubahan)."""

    tahap = models.CharField(max_length=20, choices=Tahap.choices)

    kunci_alami = ("program", "kegiatan", "sub_kegiatan", "tahun", "tahap")

    class Meta:
        verbose_name = "pagu"
        verbose_name_plural = "pagu"
        ordering = ["tahun", "tahap"]
        constraints = _batasan_node("pagu", ["tahun", "tahap"])

    def __str__(self):
        return f"Pagu {self.get_tahap_display()} {self.tahun}: {self.node}"


class RealisasiAnggaran(PadaNode):
    """What a node spent in a year."""

    kunci_alami = ("program", "kegiatan", "sub_kegiatan", "tahun")

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        ordering = ["tahun"]
        constraints = _batasan_node("realisasi_anggaran", ["tahun"])

    def __str__(self):
        return f"Realisasi anggaran {self.tahun}: {self.node}"


class BelanjaJenis(BerVersi):
    """An agency's budget for one jenis belanja: the original DPA, the revised, and why."""

    class Jenis(models.TextChoices):
        PEGAWAI = "pegawai", "Belanja Pegawai"
        BARANG_JASA = "barang_jasa", "Belanja Barang dan Jasa"
        HIBAH = "hibah", "Belanja Hibah"
        MODAL = "modal", "Belanja Modal"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="belanja")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    murni = models.DecimalField("DPA murni", **UANG)
    perubahan = models.DecimalField("DPA perubahan", **UANG, null=True, blank=True)
    alasan_perubahan = models.TextField(blank=True)

    kunci_alami = ("instansi", "tahun", "jenis")

    class Meta:
        verbose_name = "belanja per jenis"
        verbose_name_plural = "belanja per jenis"
        ordering = ["instansi_id", "tahun", "jenis"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "jenis"], name="belanja_unik"),
            models.CheckConstraint(
                condition=Q(murni__gte=0) & (Q(perubahan__isnull=True) | Q(perubahan__gte=0)),
                name="belanja_tidak_negatif",
            ),
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.instansi} {self.tahun}"
