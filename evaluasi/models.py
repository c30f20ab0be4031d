"""The SAKIP evaluation (LKE) as rows: instruments as editable data, each evaluation's frozen
copy of its instrument, the answers of both sides, recommendations and their follow-up.

An instrument (`Instrumen` → `KomponenInstrumen` → `SubKomponenInstrumen` → `KriteriaInstrumen`,
answered on a `SkalaJawaban`) is the template admins edit: the regulation's structure and
weights (PermenPAN-RB 88/2021, 12/2015, a region's variant). Starting an evaluation for an
agency and year (`evaluasi.alur.mulai`) copies it into `KomponenLke` → `SubKomponenLke` →
`KriteriaLke`, each criterion carrying its scale's labels and values, so that no later edit of
the template or a scale changes a past evaluation. The copy is rows rather than one JSON
snapshot because answers (`JawabanLke`) and evidence point at one frozen criterion with a
foreign key the database keeps, and the report reads components and sub-components with
plain joins. The copied rows are written once and never edited; what people edit (the
evaluation's state, answers, recommendations, follow-ups) is `BerVersi`: versioned and in
the history (who, when, old → new).

Scores are computed (`evaluasi.hitung`), never stored.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from instansi.models import Instansi
from inti.models import BerVersi
from inti.periode import VALIDATOR_TAHUN

BOBOT = {"max_digits": 6, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
PANJANG_CATATAN = 2000


class JenisSubKomponen(models.TextChoices):
    """What a sub-component asks, which the consistency rules rely on: whether a thing
    exists (pemenuhan), how good it is (kualitas), whether it is used (pemanfaatan, which
    12/2015 calls implementasi)."""

    PEMENUHAN = "pemenuhan", "Pemenuhan"
    KUALITAS = "kualitas", "Kualitas"
    PEMANFAATAN = "pemanfaatan", "Pemanfaatan / implementasi"
    LAIN = "lain", "Lainnya (mis. capaian kinerja)"


class Pihak(models.TextChoices):
    MANDIRI = "mandiri", "Penilaian mandiri"
    EVALUATOR = "evaluator", "Evaluator"


class StatusLke(models.TextChoices):
    DRAF = "draf", "Draf (penilaian mandiri)"
    DINILAI = "dinilai", "Dinilai evaluator"
    DISETUJUI = "disetujui", "Disetujui pengendali teknis"
    FINAL = "final", "Final"


class SkalaJawaban(BerVersi):
    """An answer scale: «Y/T» (1 / 0), «A–E» (1 / 0,75 / 0,5 / 0,25 / 0), or another."""

    nama = models.CharField(max_length=50, unique=True)

    class Meta:
        verbose_name = "skala jawaban"
        verbose_name_plural = "skala jawaban"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class NilaiSkala(BerVersi):
    """One answer of a scale and its value between 0 and 1 (a criterion's share of its
    sub-component's weight)."""

    skala = models.ForeignKey(SkalaJawaban, on_delete=models.CASCADE, related_name="nilai")
    urutan = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=10)
    nilai = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
    )

    class Meta:
        verbose_name = "nilai skala"
        verbose_name_plural = "nilai skala"
        ordering = ["skala_id", "urutan", "id"]
        constraints = [models.UniqueConstraint(fields=["skala", "label"], name="nilai_skala_unik")]

    def __str__(self):
        return f"{self.label} = {self.nilai}"


class Instrumen(BerVersi):
    """An evaluation instrument: the template an evaluation copies when it starts."""

    nama = models.CharField(max_length=200, unique=True)
    dasar = models.CharField(max_length=200, help_text="Misalnya «PermenPAN-RB 88/2021».")
    keterangan = models.TextField(blank=True)
    aktif = models.BooleanField(default=True, help_text="Dapat dipilih untuk evaluasi baru.")

    class Meta:
        verbose_name = "instrumen evaluasi"
        verbose_name_plural = "instrumen evaluasi"
        ordering = ["-aktif", "nama"]

    def __str__(self):
        return self.nama


class KomponenInstrumen(BerVersi):
    instrumen = models.ForeignKey(Instrumen, on_delete=models.CASCADE, related_name="komponen")
    urutan = models.PositiveSmallIntegerField(default=0)
    kode = models.CharField(max_length=10)
    nama = models.CharField(max_length=200)
    bobot = models.DecimalField(**BOBOT)

    class Meta:
        verbose_name = "komponen instrumen"
        verbose_name_plural = "komponen instrumen"
        ordering = ["instrumen_id", "urutan", "id"]

    def __str__(self):
        return f"{self.kode}. {self.nama}"


class SubKomponenInstrumen(BerVersi):
    komponen = models.ForeignKey(KomponenInstrumen, on_delete=models.CASCADE, related_name="sub_komponen")
    urutan = models.PositiveSmallIntegerField(default=0)
    kode = models.CharField(max_length=10)
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20, choices=JenisSubKomponen.choices, default=JenisSubKomponen.LAIN)
    bobot = models.DecimalField(**BOBOT)

    class Meta:
        verbose_name = "sub komponen instrumen"
        verbose_name_plural = "sub komponen instrumen"
        ordering = ["komponen_id", "urutan", "id"]

    def __str__(self):
        return f"{self.kode}. {self.nama}"


class KriteriaInstrumen(BerVersi):
    """A question of the worksheet, answered on `skala`, with the evidence it expects.

    `prasyarat`: the criterion (usually a «pemenuhan» one: the document exists) whose
    answer bounds this one's (`evaluasi.konsistensi`)."""

    sub_komponen = models.ForeignKey(SubKomponenInstrumen, on_delete=models.CASCADE, related_name="kriteria")
    urutan = models.PositiveSmallIntegerField(default=0)
    kode = models.CharField(max_length=20)
    teks = models.TextField()
    skala = models.ForeignKey(SkalaJawaban, on_delete=models.PROTECT, related_name="+")
    bukti_diharapkan = models.TextField(blank=True)
    prasyarat = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="bergantung"
    )

    class Meta:
        verbose_name = "kriteria instrumen"
        verbose_name_plural = "kriteria instrumen"
        ordering = ["sub_komponen_id", "urutan", "id"]

    def __str__(self):
        return f"{self.kode} {self.teks[:80]}"


class EvaluasiLke(BerVersi):
    """One evaluation of an agency's SAKIP for a year, on a frozen copy of an instrument.

    Its state moves only through `evaluasi.alur.terapkan` (a compare-and-swap on `versi`);
    every move is in the history and in `PeristiwaLke`."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="evaluasi_lke")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN, help_text="Tahun yang dievaluasi.")
    # Where the copy came from, for reference only: the template may since have changed.
    instrumen = models.ForeignKey(
        Instrumen, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nama_instrumen = models.CharField(max_length=200)
    dasar = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=StatusLke.choices, default=StatusLke.DRAF)
    dimulai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dimulai_pada = models.DateTimeField()

    kunci_alami = ("instansi", "tahun")

    class Meta:
        verbose_name = "evaluasi LKE"
        verbose_name_plural = "evaluasi LKE"
        ordering = ["instansi_id", "tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="evaluasi_lke_unik")]

    def __str__(self):
        return f"LKE {self.instansi} {self.tahun}"


class KomponenLke(models.Model):
    """A component as it was when the evaluation started (never edited)."""

    evaluasi = models.ForeignKey(EvaluasiLke, on_delete=models.CASCADE, related_name="komponen")
    urutan = models.PositiveSmallIntegerField(default=0)
    kode = models.CharField(max_length=10)
    nama = models.CharField(max_length=200)
    bobot = models.DecimalField(**BOBOT)

    class Meta:
        verbose_name = "komponen LKE"
        verbose_name_plural = "komponen LKE"
        ordering = ["evaluasi_id", "urutan", "id"]

    def __str__(self):
        return f"{self.kode}. {self.nama}"


class SubKomponenLke(models.Model):
    komponen = models.ForeignKey(KomponenLke, on_delete=models.CASCADE, related_name="sub_komponen")
    urutan = models.PositiveSmallIntegerField(default=0)
    kode = models.CharField(max_length=10)
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20, choices=JenisSubKomponen.choices)
    bobot = models.DecimalField(**BOBOT)

    class Meta:
        verbose_name = "sub komponen LKE"
        verbose_name_plural = "sub komponen LKE"
        ordering = ["komponen_id", "urutan", "id"]

    def __str__(self):
        return f"{self.kode}. {self.nama}"


class KriteriaLke(models.Model):
    """A criterion as it was when the evaluation started, with its scale's answers then:
    `pilihan` = [[label, value as a decimal string], …] in the scale's order."""

    sub_komponen = models.ForeignKey(SubKomponenLke, on_delete=models.CASCADE, related_name="kriteria")
    urutan = models.PositiveSmallIntegerField(default=0)
    kode = models.CharField(max_length=20)
    teks = models.TextField()
    nama_skala = models.CharField(max_length=50)
    pilihan = models.JSONField()
    bukti_diharapkan = models.TextField(blank=True)
    prasyarat = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="bergantung"
    )

    class Meta:
        verbose_name = "kriteria LKE"
        verbose_name_plural = "kriteria LKE"
        ordering = ["sub_komponen_id", "urutan", "id"]

    def __str__(self):
        return f"{self.kode} {self.teks[:80]}"

    def nilai_pilihan(self) -> dict[str, Decimal]:
        """{label: value} of this criterion's answers."""
        return {label: Decimal(nilai) for label, nilai in self.pilihan}


class JawabanLke(BerVersi):
    """One side's answer to a criterion: a label of the criterion's scale (empty: not
    answered yet, perhaps only a note) and a note."""

    kriteria = models.ForeignKey(KriteriaLke, on_delete=models.CASCADE, related_name="jawaban")
    pihak = models.CharField(max_length=20, choices=Pihak.choices)
    nilai_skala = models.CharField("jawaban", max_length=10, blank=True)
    catatan = models.TextField(blank=True, max_length=PANJANG_CATATAN)

    kunci_alami = ("kriteria", "pihak")

    class Meta:
        verbose_name = "jawaban LKE"
        verbose_name_plural = "jawaban LKE"
        ordering = ["kriteria_id", "pihak"]
        constraints = [models.UniqueConstraint(fields=["kriteria", "pihak"], name="jawaban_lke_unik")]

    def __str__(self):
        return f"{self.kriteria.kode} ({self.get_pihak_display()}): {self.nilai_skala or '–'}"


class PeristiwaLke(models.Model):
    """One move of an evaluation's life: from which state to which, who, when, why
    (append only: nothing edits it)."""

    evaluasi = models.ForeignKey(EvaluasiLke, on_delete=models.CASCADE, related_name="peristiwa")
    transisi = models.CharField(max_length=20)
    dari = models.CharField(max_length=20, choices=StatusLke.choices)
    ke = models.CharField(max_length=20, choices=StatusLke.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField()
    catatan = models.TextField(blank=True, max_length=PANJANG_CATATAN)

    class Meta:
        verbose_name = "peristiwa LKE"
        verbose_name_plural = "peristiwa LKE"
        ordering = ["evaluasi_id", "pada", "pk"]

    def __str__(self):
        return f"{self.evaluasi}: {self.transisi} oleh {self.oleh} pada {self.pada:%d-%m-%Y %H:%M}"


class RekomendasiLke(BerVersi):
    """A recommendation of the evaluation (LHE) to the agency."""

    evaluasi = models.ForeignKey(EvaluasiLke, on_delete=models.CASCADE, related_name="rekomendasi")
    urutan = models.PositiveSmallIntegerField(default=0)
    teks = models.TextField(max_length=PANJANG_CATATAN)

    class Meta:
        verbose_name = "rekomendasi LKE"
        verbose_name_plural = "rekomendasi LKE"
        ordering = ["evaluasi_id", "urutan", "id"]

    def __str__(self):
        return self.teks[:80]


class StatusTindakLanjut(models.TextChoices):
    BELUM = "belum", "Belum ditindaklanjuti"
    PROSES = "proses", "Dalam proses"
    SELESAI = "selesai", "Selesai"


class TindakLanjutLke(BerVersi):
    """What the agency did, or plans, about a recommendation (as Bandar Lampung's Tabel 3.2):
    one per recommendation, edited as the work goes on (belum → proses → selesai), its
    earlier states in the history. So a second creation, a double submit or two planners at
    once, meets the unique key as a conflict instead of adding a row."""

    rekomendasi = models.OneToOneField(RekomendasiLke, on_delete=models.CASCADE, related_name="tindak_lanjut")
    tindak_lanjut = models.TextField(blank=True, max_length=PANJANG_CATATAN)
    rencana_aksi = models.TextField(blank=True, max_length=PANJANG_CATATAN)
    batas_waktu = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )

    kunci_alami = ("rekomendasi",)

    class Meta:
        verbose_name = "tindak lanjut rekomendasi"
        verbose_name_plural = "tindak lanjut rekomendasi"
        ordering = ["rekomendasi_id", "id"]

    def __str__(self):
        return f"{self.rekomendasi}: {self.get_status_display()}"


class JenisBerkas(models.TextChoices):
    """What an evidence file is, as its content showed (`evaluasi.bukti.periksa`)."""

    PDF = "pdf", "PDF"
    PNG = "png", "PNG"
    JPEG = "jpeg", "JPEG"
    WEBP = "webp", "WebP"
    DOCX = "docx", "Word (docx)"
    XLSX = "xlsx", "Excel (xlsx)"
    PPTX = "pptx", "PowerPoint (pptx)"


class BerkasBukti(models.Model):
    """The bytes of an uploaded evidence file that passed its content check, stored once per
    content with its SHA-256. In the database, as the report images are
    (`instansi.models.BerkasGambar`): no web server can serve it by a path, it is backed
    up with the evaluation and written in the transaction of the row that cites it. Never
    edited; an image is stored re-encoded from its pixels, anything else as uploaded."""

    sha256 = models.CharField(max_length=64, unique=True)
    jenis = models.CharField(max_length=10, choices=JenisBerkas.choices)
    ukuran = models.PositiveIntegerField(help_text="Byte.")
    isi = models.BinaryField()

    class Meta:
        verbose_name = "berkas bukti"
        verbose_name_plural = "berkas bukti"

    def __str__(self):
        return f"{self.get_jenis_display()} {self.ukuran} byte ({self.sha256[:12]})"


class BuktiDukung(BerVersi):
    """One piece of evidence the agency gives for a criterion: an uploaded file, or a link to
    one of the application's own records (the Renstra, the PK, the LKjIP, a realisation),
    kept as a URL name and its arguments (`evaluasi.bukti.tautan`) rather than a model
    reference, so that `evaluasi` imports nothing of the apps above it and the link opens
    the record as it stands."""

    kriteria = models.ForeignKey(KriteriaLke, on_delete=models.CASCADE, related_name="bukti")
    urutan = models.PositiveSmallIntegerField(default=0)
    judul = models.CharField(max_length=200)
    berkas = models.ForeignKey(BerkasBukti, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    nama_berkas = models.CharField(max_length=200, blank=True, help_text="Nama berkas saat diunggah.")
    tautan = models.CharField(max_length=100, blank=True, help_text="Nama URL rekaman aplikasi.")
    tautan_argumen = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["kriteria_id", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(berkas__isnull=False) & models.Q(tautan=""))
                | (models.Q(berkas__isnull=True) & ~models.Q(tautan="")),
                name="bukti_berkas_atau_tautan",
            )
        ]

    def __str__(self):
        return self.judul


class SimpulanLhe(BerVersi):
    """The evaluator's conclusions the LHE prints beside the scores: strengths and
    weaknesses (recommendations are `RekomendasiLke`). A row of its own rather than
    fields of `EvaluasiLke`, so that writing them never moves the evaluation's version,
    which its life's transitions compare and swap."""

    evaluasi = models.OneToOneField(EvaluasiLke, on_delete=models.CASCADE, related_name="simpulan")
    kekuatan = models.TextField(blank=True, max_length=PANJANG_CATATAN * 2)
    kelemahan = models.TextField(blank=True, max_length=PANJANG_CATATAN * 2)

    kunci_alami = ("evaluasi",)

    class Meta:
        verbose_name = "simpulan LHE"
        verbose_name_plural = "simpulan LHE"

    def __str__(self):
        return f"Simpulan {self.evaluasi}"
