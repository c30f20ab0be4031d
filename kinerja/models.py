"""The performance cascade: Renstra → Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan,
indicators at any of these levels, their targets and realisations, and the evaluation.

Depends on `instansi` only. Capaian is computed here from stored targets and
realisations by `kinerja.hitung`; nothing derived is stored.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from instansi.models import Instansi
from inti.models import BerVersi
from inti.periode import VALIDATOR_TAHUN
from kinerja import hitung
from kinerja.hitung import JenisRumus, Polaritas

NILAI = {"max_digits": 20, "decimal_places": 4}
TRIWULAN = [MinValueValidator(1), MaxValueValidator(4)]


def tepat_satu(*fields: str) -> Q:
    """A check that exactly one of the nullable foreign keys `fields` is set."""
    kondisi = Q()
    for dipilih in fields:
        bagian = Q(**{f"{dipilih}__isnull": False})
        for lain in fields:
            if lain != dipilih:
                bagian &= Q(**{f"{lain}__isnull": True})
        kondisi |= bagian
    return kondisi


def jumlah_terisi(obj: models.Model, levels: tuple[str, ...]) -> int:
    """How many of the foreign keys `levels` are set, counting a parent not saved yet
    (an admin inline validates before its parent has a primary key)."""
    return sum(getattr(obj, level) is not None for level in levels)


def letak(baris, levels: tuple[str, ...]) -> tuple[str, int] | None:
    """Which level a row hangs on, as (level, id): the one of the foreign keys `levels` that
    is set, None when none is. `baris` is a model instance, its history record, or a row of
    `values()` (a dict keyed by the field names)."""
    for level in levels:
        pk = baris[level] if isinstance(baris, dict) else getattr(baris, f"{level}_id")
        if pk is not None:
            return level, pk
    return None


def unik_per_triwulan(fields: list[str], nama: str) -> list[models.UniqueConstraint]:
    """One row per `fields` for the whole year (triwulan empty) and one per quarter.

    Two partial constraints because NULLs never collide in a plain unique index.
    """
    return [
        models.UniqueConstraint(
            fields=fields, condition=Q(triwulan__isnull=True), name=f"{nama}_unik_tahunan"
        ),
        models.UniqueConstraint(
            fields=[*fields, "triwulan"],
            condition=Q(triwulan__isnull=False),
            name=f"{nama}_unik_triwulan",
        ),
        models.CheckConstraint(
            condition=Q(triwulan__isnull=True) | Q(triwulan__gte=1, triwulan__lte=4),
            name=f"{nama}_triwulan_1_4",
        ),
    ]


class RenstraQuerySet(models.QuerySet):
    def berlaku(self, instansi: Instansi, tahun: int) -> "RenstraQuerySet":
        """The agency's Renstra in force in `tahun`, as a one-row queryset.

        When two plans overlap (a new Renstra starting before the old one ends),
        the later one supersedes. One row, so it serves both `.first()` and a
        related filter such as `Program.objects.filter(renstra=...)`, which keeps
        it a subquery rather than an extra round trip.
        """
        return self.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun).order_by(
            "-tahun_awal"
        )[:1]


class Renstra(BerVersi):
    """An agency's five-year strategic plan."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="renstra")
    nama = models.CharField(max_length=300, blank=True)
    tahun_awal = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    tahun_akhir = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)

    objects = RenstraQuerySet.as_manager()

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["instansi_id", "-tahun_awal"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun_awal"], name="renstra_unik"),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gte=models.F("tahun_awal")), name="renstra_periode_urut"
            ),
        ]

    def __str__(self):
        return f"Renstra {self.instansi} {self.tahun_awal}–{self.tahun_akhir}"

    @property
    def tahun(self) -> range:
        """Every year of the plan's period."""
        return range(self.tahun_awal, self.tahun_akhir + 1)


class Tujuan(BerVersi):
    """A goal of the Renstra."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=20, blank=True)
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra_id", "urutan", "id"]

    def __str__(self):
        return self.uraian


class Sasaran(BerVersi):
    """A strategic target (sasaran strategis) of the Renstra, measured by its IKU."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran"
    )
    kode = models.CharField(max_length=20, blank=True)
    uraian = models.TextField()
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["renstra_id", "urutan", "id"]

    def __str__(self):
        return self.uraian


class NodeProgram(BerVersi):
    """What a program, a kegiatan and a sub kegiatan each have: a code, a name and a place
    among siblings. Each declares its own outcome statement, `uraian_sasaran`, because its
    label names the level («sasaran program», «sasaran kegiatan»…)."""

    kode = models.CharField(max_length=30, blank=True)
    nama = models.CharField(max_length=500)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return self.nama


class Program(NodeProgram):
    """A program under a sasaran; `uraian_sasaran` is its own outcome statement."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="program")
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.SET_NULL, null=True, blank=True, related_name="program"
    )
    uraian_sasaran = models.TextField("sasaran program", blank=True)

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["renstra_id", "urutan", "id"]


class Kegiatan(NodeProgram):
    """A kegiatan of a program."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    uraian_sasaran = models.TextField("sasaran kegiatan", blank=True)

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["program_id", "urutan", "id"]


class SubKegiatan(NodeProgram):
    """A sub kegiatan of a kegiatan: the most detailed level of the budget."""

    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan")
    uraian_sasaran = models.TextField("sasaran sub kegiatan", blank=True)

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kegiatan_id", "urutan", "id"]


LEVEL_INDIKATOR = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")


class SifatTriwulan(models.TextChoices):
    """How an indicator's quarters relate to its year, which is what lets a reviewer's check
    compare them: both kinds say TW IV is the year."""

    KUMULATIF = "kumulatif", "Kumulatif: tiap triwulan s.d. triwulan itu, TW IV = setahun"
    POSISI = "posisi", "Posisi akhir: keadaan pada akhir triwulan, TW IV = setahun"


class Indikator(BerVersi):
    """A performance indicator on exactly one level of the cascade.

    `renstra` repeats the Renstra of that level so that an agency's indicators come out
    of one indexed filter instead of five joins; `save()` keeps it in step.
    """

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="indikator")
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kode = models.CharField(max_length=30, blank=True)
    nama = models.TextField()
    satuan = models.CharField(max_length=50, help_text="%, Milyar rupiah, orang, unit, dokumen…")
    polaritas = models.CharField(max_length=10, choices=Polaritas.choices, default=Polaritas.NAIK)
    rumus_polaritas_turun = models.CharField(
        max_length=20,
        choices=hitung.RumusPolaritasTurun.choices,
        blank=True,
        help_text="Kosong = pengaturan instansi.",
    )
    jenis_rumus = models.CharField(max_length=20, choices=JenisRumus.choices, default=JenisRumus.LANGSUNG)
    formulasi = models.TextField(blank=True, help_text="Cara menghitung, seperti di dokumen.")
    label_komponen_a = models.CharField(max_length=300, blank=True, help_text="Misalnya «Σ koperasi sehat».")
    label_komponen_b = models.CharField(max_length=300, blank=True, help_text="Misalnya «Σ koperasi».")
    sumber_data = models.TextField(blank=True)
    penanggung_jawab = models.CharField(max_length=300, blank=True)
    iku = models.BooleanField("IKU", default=False, help_text="Indikator Kinerja Utama.")
    sifat_triwulan = models.CharField(
        "realisasi triwulan",
        max_length=10,
        choices=SifatTriwulan.choices,
        blank=True,
        help_text="Bagaimana realisasi triwulan berhubungan dengan realisasi setahun; kosong bila "
        "tidak terikat (misalnya nilai survei per triwulan).",
    )
    desimal = models.PositiveSmallIntegerField(
        "angka di belakang koma",
        null=True,
        blank=True,
        validators=[MaxValueValidator(4)],
        help_text="Berapa angka di belakang koma setiap layar dan laporan menampilkan nilainya "
        "(misalnya 2: 31,50). Kosong: bilangan bulat tetap bulat, pecahan seperti pengaturan instansi.",
    )
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["renstra_id", "urutan", "id"]
        constraints = [
            models.CheckConstraint(condition=tepat_satu(*LEVEL_INDIKATOR), name="indikator_satu_level")
        ]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        renstra = self.renstra_node()
        if renstra is not None:
            self.renstra = renstra
        super().save(*args, **kwargs)

    @property
    def node(self):
        """The tujuan, sasaran, program, kegiatan or sub kegiatan this indicator measures."""
        tempat = letak(self, LEVEL_INDIKATOR)
        return getattr(self, tempat[0]) if tempat else None

    def renstra_node(self) -> Renstra | None:
        node = self.node
        if node is None:
            return None
        if isinstance(node, SubKegiatan):
            node = node.kegiatan
        if isinstance(node, Kegiatan):
            node = node.program
        return node.renstra

    def clean(self):
        if jumlah_terisi(self, LEVEL_INDIKATOR) != 1:
            raise ValidationError("Pilih tepat satu: tujuan, sasaran, program, kegiatan atau sub kegiatan.")
        if self.jenis_rumus == JenisRumus.LANGSUNG and (self.label_komponen_a or self.label_komponen_b):
            raise ValidationError({"jenis_rumus": "Komponen A/B hanya untuk rumus rasio atau pertumbuhan."})

    def rumus_turun(self, pengaturan) -> str:
        """The lower-is-better formula in force: the indicator's own, else the agency's."""
        return self.rumus_polaritas_turun or pengaturan.rumus_polaritas_turun


class Target(BerVersi):
    """A target of an indicator for a year (or a quarter), by the document that set it."""

    class Sumber(models.TextChoices):
        RENSTRA = "renstra", "Renstra"
        PK_MURNI = "pk_murni", "Perjanjian Kinerja (murni)"
        PK_PERUBAHAN = "pk_perubahan", "Perjanjian Kinerja perubahan"

    # When measuring, the most recent agreement wins over the plan.
    PRIORITAS_PENGUKURAN = (Sumber.PK_PERUBAHAN, Sumber.PK_MURNI, Sumber.RENSTRA)

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    sumber = models.CharField(max_length=20, choices=Sumber.choices)
    triwulan = models.PositiveSmallIntegerField(null=True, blank=True, validators=TRIWULAN)
    nilai = models.DecimalField(**NILAI)

    kunci_alami = ("indikator", "tahun", "sumber", "triwulan")

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        ordering = ["indikator_id", "tahun", "sumber", "triwulan"]
        constraints = unik_per_triwulan(["indikator", "tahun", "sumber"], "target")

    def __str__(self):
        periode = f" TW {self.triwulan}" if self.triwulan else ""
        return f"{self.indikator} {self.tahun}{periode} ({self.get_sumber_display()}): {self.nilai}"


class Realisasi(BerVersi):
    """What an indicator reached in a year (or a quarter).

    Either a value, or the formula's components A and B (the value is then computed, so a
    reviewer sees the evidence), or neither: recorded as not yet measured ("Belum
    dinilai"), which is left out of averages rather than counted as zero.
    """

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    triwulan = models.PositiveSmallIntegerField(null=True, blank=True, validators=TRIWULAN)
    nilai = models.DecimalField(**NILAI, null=True, blank=True)
    komponen_a = models.DecimalField(**NILAI, null=True, blank=True)
    komponen_b = models.DecimalField(**NILAI, null=True, blank=True)
    keterangan = models.CharField(max_length=300, blank=True, help_text="Misalnya «Belum dinilai».")

    kunci_alami = ("indikator", "tahun", "triwulan")

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["indikator_id", "tahun", "triwulan"]
        constraints = [
            *unik_per_triwulan(["indikator", "tahun"], "realisasi"),
            models.CheckConstraint(
                condition=Q(komponen_a__isnull=True, komponen_b__isnull=True)
                | Q(komponen_a__isnull=False, komponen_b__isnull=False, nilai__isnull=True),
                name="realisasi_nilai_atau_komponen",
            ),
        ]

    def __str__(self):
        periode = f" TW {self.triwulan}" if self.triwulan else ""
        return f"{self.indikator} {self.tahun}{periode}"

    @property
    def dari_komponen(self) -> bool:
        return self.komponen_a is not None and self.komponen_b is not None

    def nilai_efektif(self) -> hitung.Hasil:
        """The realised value: stated, computed from the components, or not yet measured."""
        if self.dari_komponen:
            return hitung.nilai_dari_rumus(self.indikator.jenis_rumus, self.komponen_a, self.komponen_b)
        if self.nilai is None:
            return hitung.TidakTerhitung.BELUM_DIUKUR
        return self.nilai

    def clean(self):
        if self.dari_komponen and self.nilai is not None:
            raise ValidationError("Isi nilai atau komponen A dan B, tidak keduanya.")
        if (self.komponen_a is None) != (self.komponen_b is None):
            raise ValidationError("Komponen A dan B diisi berdua.")
        if self.dari_komponen and self.indikator_id and self.indikator.jenis_rumus == JenisRumus.LANGSUNG:
            raise ValidationError("Indikator bernilai langsung tidak dihitung dari komponen.")


class Pembanding(BerVersi):
    """A province or national figure to compare an indicator's realisation with."""

    class Wilayah(models.TextChoices):
        PROVINSI = "provinsi", "Provinsi"
        NASIONAL = "nasional", "Nasional"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="pembanding")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    wilayah = models.CharField(max_length=20, choices=Wilayah.choices)
    nilai = models.DecimalField(**NILAI, null=True, blank=True, help_text="Kosong = tidak tersedia.")
    sumber = models.CharField(max_length=300, blank=True)

    kunci_alami = ("indikator", "tahun", "wilayah")

    class Meta:
        verbose_name = "pembanding"
        verbose_name_plural = "pembanding"
        ordering = ["indikator_id", "tahun", "wilayah"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "wilayah"], name="pembanding_unik")
        ]

    def __str__(self):
        return f"{self.indikator} {self.tahun} {self.get_wilayah_display()}"


class AnalisisSasaran(BerVersi):
    """The narrative analysis of a sasaran's year: why it was or was not achieved."""

    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="analisis")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    uraian = models.TextField(blank=True)
    faktor_pendukung = models.TextField(blank=True)
    faktor_penghambat = models.TextField(blank=True)
    solusi = models.TextField(blank=True)

    kunci_alami = ("sasaran", "tahun")

    class Meta:
        verbose_name = "analisis sasaran"
        verbose_name_plural = "analisis sasaran"
        ordering = ["sasaran_id", "tahun"]
        constraints = [models.UniqueConstraint(fields=["sasaran", "tahun"], name="analisis_unik")]

    def __str__(self):
        return f"Analisis {self.sasaran} {self.tahun}"


class RencanaAksi(BerVersi):
    """What an agency will do in a quarter towards an indicator's target (its action plan).

    Only the action is stored here: the quarter's target is the `Target` of that quarter
    from the agreement in force, which the action plan screen shows and edits beside it.
    """

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="rencana_aksi")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    triwulan = models.PositiveSmallIntegerField(validators=TRIWULAN)
    uraian = models.TextField("rencana aksi", max_length=2000)

    kunci_alami = ("indikator", "tahun", "triwulan")

    class Meta:
        verbose_name = "rencana aksi"
        verbose_name_plural = "rencana aksi"
        ordering = ["indikator_id", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="rencana_aksi_unik"),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="rencana_aksi_triwulan_1_4"
            ),
        ]

    def __str__(self):
        return f"Rencana aksi {self.indikator} TW {self.triwulan} {self.tahun}"


class PerjanjianKinerja(BerVersi):
    """A signed performance agreement; its targets are the `Target` rows of its source."""

    class Jenis(models.TextChoices):
        MURNI = "murni", "Murni"
        PERUBAHAN = "perubahan", "Perubahan"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="perjanjian")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    jenis = models.CharField(max_length=20, choices=Jenis.choices, default=Jenis.MURNI)
    tempat_tanggal = models.CharField(
        max_length=100, blank=True, help_text="Seperti tertulis, misalnya «Liwa, Januari 2023»."
    )
    pihak_pertama_nama = models.CharField(max_length=200, blank=True)
    pihak_pertama_jabatan = models.CharField(max_length=300, blank=True)
    pihak_pertama_pangkat = models.CharField(max_length=100, blank=True)
    pihak_pertama_nip = models.CharField(max_length=30, blank=True)
    pihak_kedua_nama = models.CharField(max_length=200, blank=True)
    pihak_kedua_jabatan = models.CharField(max_length=300, blank=True)

    kunci_alami = ("instansi", "tahun", "jenis")

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["instansi_id", "tahun", "jenis"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "jenis"], name="pk_unik")]

    def __str__(self):
        return f"PK {self.get_jenis_display()} {self.instansi} {self.tahun}"


class PredikatEvaluasi(models.Model):
    """A band of the SAKIP evaluation scale: a score strictly above `lebih_dari` earns it.

    Reference data (AA > 90 … D otherwise), loaded by a migration; the band with no
    threshold catches every lower score.
    """

    label = models.CharField(max_length=10, unique=True)
    lebih_dari = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    keterangan = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "predikat evaluasi"
        verbose_name_plural = "predikat evaluasi"
        ordering = [models.F("lebih_dari").desc(nulls_last=True)]

    def __str__(self):
        return self.label


class EvaluasiSakip(models.Model):
    """The inspectorate's evaluation of an agency's SAKIP for a year (the LKE's result)."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="evaluasi")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN, help_text="Tahun yang dievaluasi.")
    dasar = models.CharField(max_length=200, blank=True, help_text="Misalnya «PermenPAN-RB 88/2021».")
    nomor_laporan = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "evaluasi SAKIP"
        verbose_name_plural = "evaluasi SAKIP"
        ordering = ["instansi_id", "tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="evaluasi_unik")]

    def __str__(self):
        return f"Evaluasi SAKIP {self.instansi} {self.tahun}"

    def nilai(self) -> Decimal | None:
        """Sum of the component scores (uses the prefetched components when present)."""
        return hitung.nilai_evaluasi(k.nilai for k in self.komponen.all())


class KomponenEvaluasi(models.Model):
    """A weighted component of an evaluation (Perencanaan 30, Pengukuran 25, …)."""

    evaluasi = models.ForeignKey(EvaluasiSakip, on_delete=models.CASCADE, related_name="komponen")
    urutan = models.PositiveSmallIntegerField(default=0)
    nama = models.CharField(max_length=200)
    bobot = models.DecimalField(max_digits=6, decimal_places=2)
    nilai = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "komponen evaluasi"
        verbose_name_plural = "komponen evaluasi"
        ordering = ["evaluasi_id", "urutan", "id"]

    def __str__(self):
        return self.nama


class TindakLanjutEvaluasi(models.Model):
    """A recommendation of the evaluation and what the agency did about it."""

    evaluasi = models.ForeignKey(EvaluasiSakip, on_delete=models.CASCADE, related_name="tindak_lanjut")
    urutan = models.PositiveSmallIntegerField(default=0)
    rekomendasi = models.TextField()
    tindak_lanjut = models.TextField(blank=True)
    rencana_aksi = models.TextField(blank=True)

    class Meta:
        verbose_name = "tindak lanjut evaluasi"
        verbose_name_plural = "tindak lanjut evaluasi"
        ordering = ["evaluasi_id", "urutan", "id"]

    def __str__(self):
        return self.rekomendasi[:80]
