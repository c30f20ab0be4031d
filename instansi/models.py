"""Regions, agencies, their profile and their report settings.

The base of the domain (`instansi` <- `kinerja` <- `anggaran` <- `sakip`): nothing here
knows about targets or budgets. An agency's profile tables (SDM, sarana & prasarana,
supporting data) and the narrative of its report are kept per year, because the report
of each year describes the agency as it was then.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from instansi.pengaturan import MetodeEfisiensi, Pita, RumusPolaritasTurun, SusunanBab
from inti.angka import Pembulatan
from inti.models import BerVersi, Terbaca
from inti.periode import VALIDATOR_TAHUN


class Pemda(models.Model):
    """A regional government (kabupaten or kota) and the title of its head."""

    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"

    slug = models.SlugField(unique=True)
    nama = models.CharField(max_length=200, help_text="Misalnya «Kabupaten Lampung Barat».")
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    jabatan_kepala = models.CharField(max_length=100, help_text="Bupati atau Walikota.")
    nama_kepala = models.CharField(max_length=200, blank=True)
    ibu_kota = models.CharField(max_length=100, blank=True, help_text="Tempat penandatanganan.")

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class Instansi(BerVersi):
    """An agency (Dinas / perangkat daerah / OPD) of a Pemda, with its head of agency."""

    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="instansi")
    slug = models.SlugField(unique=True, help_text="Dipakai di alamat laporan.")
    nama = models.CharField(max_length=300)
    singkatan = models.CharField(max_length=50, blank=True)
    alamat = models.TextField(blank=True)
    kepala_nama = models.CharField("nama kepala", max_length=200, blank=True)
    kepala_jabatan = models.CharField("jabatan kepala", max_length=300, blank=True)
    kepala_pangkat = models.CharField("pangkat kepala", max_length=100, blank=True)
    kepala_nip = models.CharField("NIP kepala", max_length=30, blank=True)

    class Meta:
        verbose_name = "instansi"
        verbose_name_plural = "instansi"
        ordering = ["nama"]

    def __str__(self):
        return self.nama

    def pengaturan_laporan(self) -> "PengaturanLaporan":
        """The agency's settings, or the defaults when none were saved (no query for those)."""
        try:
            return self.pengaturan
        except PengaturanLaporan.DoesNotExist:
            return PengaturanLaporan(instansi=self)


class PengaturanLaporan(models.Model):
    """How this agency's figures are computed and shown; each source document differs."""

    instansi = models.OneToOneField(Instansi, on_delete=models.CASCADE, related_name="pengaturan")
    pembulatan = models.CharField(
        max_length=20, choices=Pembulatan.choices, default=Pembulatan.SETENGAH_KE_ATAS
    )
    desimal = models.PositiveSmallIntegerField(default=2, validators=[MaxValueValidator(4)])
    metode_efisiensi = models.CharField(
        max_length=20, choices=MetodeEfisiensi.choices, default=MetodeEfisiensi.RASIO
    )
    rumus_polaritas_turun = models.CharField(
        "rumus capaian indikator «semakin rendah semakin baik»",
        max_length=20,
        choices=RumusPolaritasTurun.choices,
        default=RumusPolaritasTurun.SELISIH,
    )
    susunan_bab = models.CharField(max_length=20, choices=SusunanBab.choices, default=SusunanBab.LIMA_BAB)

    class Meta:
        verbose_name = "pengaturan laporan"
        verbose_name_plural = "pengaturan laporan"

    def __str__(self):
        return f"Pengaturan laporan {self.instansi}"


class PredikatCapaian(models.Model):
    """One band of the agency's capaian rating scale (e.g. ≥ 85 % «Sangat Baik»).

    The bands of one agency must join without gaps or overlaps; the admin checks the whole
    set with `instansi.pengaturan.validasi_pita` when it is saved.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="predikat")
    label = models.CharField(max_length=100)
    batas_bawah = models.DecimalField(
        max_digits=9, decimal_places=4, null=True, blank=True, help_text="Termasuk; kosong = −∞."
    )
    batas_atas = models.DecimalField(
        max_digits=9, decimal_places=4, null=True, blank=True, help_text="Tidak termasuk; kosong = ∞."
    )

    class Meta:
        verbose_name = "predikat capaian"
        verbose_name_plural = "predikat capaian"
        # Highest band first, the open-ended lowest band last on every database (PostgreSQL
        # would put its empty lower bound first).
        ordering = ["instansi_id", models.F("batas_bawah").desc(nulls_last=True)]

    def __str__(self):
        return self.label

    def pita(self) -> Pita:
        return Pita(self.label, self.batas_bawah, self.batas_atas)


class Narasi(BerVersi):
    """A narrative section of a year's report or profile, keyed by a stable `kunci`.

    Keys such as `kata-pengantar`, `latar-belakang`, `tugas-fungsi`, `struktur-organisasi`,
    `peran-strategis`, `isu-strategis`, `kesimpulan` are what the report layout refers to.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="narasi")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    kunci = models.SlugField(max_length=80)
    judul = models.CharField(max_length=300)
    teks = models.TextField(help_text="Paragraf dipisahkan baris kosong.")
    urutan = models.PositiveSmallIntegerField(default=0)

    kunci_alami = ("instansi", "tahun", "kunci")

    class Meta:
        verbose_name = "narasi"
        verbose_name_plural = "narasi"
        ordering = ["instansi_id", "tahun", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "kunci"], name="narasi_unik_per_tahun")
        ]

    def __str__(self):
        return f"{self.judul} ({self.tahun})"


class KomposisiPegawai(BerVersi):
    """One cell of an SDM table: how many staff fall under `uraian` (and `kolom`, if any).

    Totals are never stored: the report adds the cells up, so a table that does not add
    up in the source document shows up in the errata instead of being copied.
    """

    class Dimensi(models.TextChoices):
        JENIS_KELAMIN = "jenis_kelamin", "Jenis kelamin"
        PENDIDIKAN = "pendidikan", "Tingkat pendidikan"
        PANGKAT = "pangkat", "Pangkat dan golongan/ruang"
        JABATAN = "jabatan", "Jabatan"
        STATUS = "status", "Status kepegawaian"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="pegawai")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    dimensi = models.CharField(max_length=20, choices=Dimensi.choices)
    kelompok = models.CharField(max_length=100, blank=True, help_text="Misalnya golongan IV.")
    uraian = models.CharField(max_length=200)
    kolom = models.CharField(max_length=50, blank=True, help_text="Misalnya «Es III».")
    jumlah = models.PositiveIntegerField(null=True, blank=True, help_text="Kosong = «-».")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "komposisi pegawai"
        verbose_name_plural = "komposisi pegawai"
        ordering = ["instansi_id", "tahun", "dimensi", "urutan", "id"]

    def __str__(self):
        return f"{self.get_dimensi_display()}: {self.uraian} {self.kolom}".strip()


class SaranaPrasarana(BerVersi):
    """One line of the sarana & prasarana table: an item, its count and condition."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="sarana")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    urutan = models.PositiveSmallIntegerField(default=0)
    nama_barang = models.CharField(max_length=200)
    jumlah = models.PositiveIntegerField(null=True, blank=True)
    kondisi_baik = models.PositiveIntegerField("baik", null=True, blank=True)
    kondisi_sedang = models.PositiveIntegerField("cukup / kurang baik", null=True, blank=True)
    kondisi_rusak = models.PositiveIntegerField("rusak", null=True, blank=True)

    class Meta:
        verbose_name = "sarana dan prasarana"
        verbose_name_plural = "sarana dan prasarana"
        ordering = ["instansi_id", "tahun", "urutan", "id"]

    def __str__(self):
        return self.nama_barang


class TabelPendukung(BerVersi):
    """A supporting data table of the report (lampiran), kept as its columns and rows.

    `kolom` is a list of `{"judul": str, "jenis": "teks" | "angka"}`; `baris` a list of
    rows, each a list of cells. Number cells hold a decimal string (`"82.15"`) or null, so
    the report can format them the Indonesian way.
    """

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="tabel_pendukung")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    kunci = models.SlugField(max_length=80)
    judul = models.CharField(max_length=300)
    sumber = models.CharField(max_length=300, blank=True)
    kolom = models.JSONField(default=list)
    baris = models.JSONField(default=list, blank=True)  # a new table has no rows yet
    urutan = models.PositiveSmallIntegerField(default=0)

    kunci_alami = ("instansi", "tahun", "kunci")

    class Meta:
        verbose_name = "tabel pendukung"
        verbose_name_plural = "tabel pendukung"
        ordering = ["instansi_id", "tahun", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "kunci"], name="tabel_pendukung_unik_per_tahun"
            )
        ]

    def __str__(self):
        return self.judul

    def clean(self):
        from django.core.exceptions import ValidationError

        if not isinstance(self.kolom, list) or not all(
            isinstance(k, dict) and k.get("jenis") in ("teks", "angka") and k.get("judul") for k in self.kolom
        ):
            raise ValidationError({"kolom": "Setiap kolom perlu «judul» dan «jenis» teks/angka."})
        lebar = len(self.kolom)
        for nomor, baris in enumerate(self.baris or [], start=1):
            if not isinstance(baris, list) or len(baris) != lebar:
                raise ValidationError({"baris": f"Baris {nomor} harus berisi {lebar} sel."})
            for kolom, sel in zip(self.kolom, baris, strict=True):
                if kolom["jenis"] == "angka" and sel is not None:
                    try:
                        angka = Decimal(str(sel))
                    except ArithmeticError:
                        angka = None
                    # Decimal reads «NaN» and «Infinity» too, which no report can show.
                    if angka is None or not angka.is_finite():
                        raise ValidationError(
                            {"baris": f"Baris {nomor}, kolom «{kolom['judul']}»: «{sel}» bukan angka."}
                        )


class Keanggotaan(models.Model):
    """A planner (perencana) of an agency: may read and write that agency's data."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="keanggotaan",
        verbose_name="pengguna",
    )
    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="perencana")

    class Meta:
        verbose_name = "perencana instansi"
        verbose_name_plural = "perencana instansi"
        constraints = [models.UniqueConstraint(fields=["user", "instansi"], name="keanggotaan_unik")]

    def __str__(self):
        return f"{self.user} — {self.instansi}"


class Pemeriksa(models.Model):
    """An inspectorate reviewer of a Pemda: reads every agency of that region, writes none."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pemeriksa", verbose_name="pengguna"
    )
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="pemeriksa")

    class Meta:
        verbose_name = "pemeriksa (inspektorat)"
        verbose_name_plural = "pemeriksa (inspektorat)"
        constraints = [models.UniqueConstraint(fields=["user", "pemda"], name="pemeriksa_unik")]

    def __str__(self):
        return f"{self.user} — {self.pemda}"


class KunciTahun(Terbaca):
    """A year an agency has submitted: its planners can no longer change that year's data."""

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="kunci_tahun")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    dikunci_pada = models.DateTimeField(auto_now_add=True)

    # Who locked or unlocked a year, and when: the year lock is part of the audit trail.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tahun terkunci"
        verbose_name_plural = "tahun terkunci"
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="kunci_tahun_unik")]

    def __str__(self):
        return f"{self.instansi} {self.tahun} terkunci"


class UnitOrganisasi(BerVersi):
    """A unit of the agency's organisation in a year: the head's office, the Sekretariat, a
    Bidang, a Sub Bagian or Seksi under it, a UPTD, the functional group; `induk` is the unit
    it answers to (none for the top).

    Kept per year like the SDM tables: each year's report draws the structure as it was
    then, a year's lock covers it, and a reorganisation (a new Perbup) changes the next year
    without rewriting a report already submitted.
    """

    class Jenis(models.TextChoices):
        PIMPINAN = "pimpinan", "Pimpinan"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        SUBBAGIAN = "subbagian", "Sub Bagian"
        BIDANG = "bidang", "Bidang"
        SEKSI = "seksi", "Seksi"
        UPT = "upt", "Unit Pelaksana Teknis"
        FUNGSIONAL = "fungsional", "Kelompok Jabatan Fungsional"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="unit_organisasi")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    induk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="anak",
        help_text="Unit atasannya; kosong untuk pimpinan.",
    )
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    nama = models.CharField(max_length=200)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "unit organisasi"
        verbose_name_plural = "unit organisasi"
        ordering = ["instansi_id", "tahun", "urutan", "id"]

    def __str__(self):
        return self.nama


class Jabatan(BerVersi):
    """A position in a unit (Kepala Bidang, a functional position) and who holds it.

    A named holder (NIP optional) holds it alone; a position the documents only count
    («tiga orang fungsional pengawas koperasi») keeps the count in `jumlah`, unnamed.
    """

    unit = models.ForeignKey(UnitOrganisasi, on_delete=models.CASCADE, related_name="jabatan")
    nama = models.CharField(max_length=200)
    pemangku = models.CharField("nama pemangku", max_length=200, blank=True)
    nip = models.CharField("NIP", max_length=30, blank=True)
    jumlah = models.PositiveSmallIntegerField("jumlah orang", default=1)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["unit_id", "urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pemangku="") | models.Q(jumlah=1), name="jabatan_bernama_satu_orang"
            ),
            models.CheckConstraint(
                condition=models.Q(nip="") | ~models.Q(pemangku=""), name="jabatan_nip_pemangku"
            ),
        ]

    def __str__(self):
        return f"{self.nama} — {self.pemangku}" if self.pemangku else self.nama


class BerkasGambar(models.Model):
    """The bytes of an uploaded image as we re-encoded them (never as uploaded), stored once
    per content. Kept in the database rather than under MEDIA_ROOT: no web server can serve
    it by a path, it is backed up and copied with the data it belongs to, and it is written
    in the same transaction as the `GambarLaporan` that shows it. Apart from that row so
    that the history of a caption change does not copy the image each time."""

    class Format(models.TextChoices):
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"
        WEBP = "webp", "WebP"

    sha256 = models.CharField(max_length=64, unique=True)
    format = models.CharField(max_length=10, choices=Format.choices)
    lebar = models.PositiveIntegerField()
    tinggi = models.PositiveIntegerField()
    isi = models.BinaryField()

    class Meta:
        verbose_name = "berkas gambar"
        verbose_name_plural = "berkas gambar"

    def __str__(self):
        return f"{self.get_format_display()} {self.lebar}×{self.tinggi} ({self.sha256[:12]})"

    @property
    def content_type(self) -> str:
        return f"image/{self.format}"


class GambarLaporan(BerVersi):
    """An image a planner uploads for a year's report (a process map, a photo), with its
    caption, numbered «Gambar x.y» and placed at the end of a section of the report
    (`tempat`: the key of the layout's picture slot, `sakip.lkjip.gambar`)."""

    class Tempat(models.TextChoices):
        """The sections a planner may put an image in; each layout has a slot for every one
        of them (`B("gambar-<tempat>")` in `sakip.lkjip.susunan`), where its document has
        pictures of that kind."""

        STRUKTUR_ORGANISASI = "struktur-organisasi", "Struktur Organisasi"
        SUMBER_DAYA_MANUSIA = "sumber-daya-manusia", "Sumber Daya Manusia"
        CASCADING_KINERJA = "cascading-kinerja", "Cascading Kinerja / Rencana Strategis"
        PROSES_BISNIS = "proses-bisnis", "Peta Proses Bisnis"
        CAPAIAN_KINERJA = "capaian-kinerja", "Capaian Kinerja"
        PENGHARGAAN = "penghargaan", "Lampiran: Penghargaan"
        DOKUMENTASI_KEGIATAN = "dokumentasi-kegiatan", "Lampiran: Dokumentasi Kegiatan"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="gambar")
    tahun = models.PositiveSmallIntegerField(validators=VALIDATOR_TAHUN)
    tempat = models.SlugField("letak dalam laporan", max_length=80, choices=Tempat.choices)
    judul = models.CharField("keterangan gambar", max_length=300)
    alt = models.CharField(
        "uraian untuk pembaca yang tidak melihat gambar",
        max_length=500,
        help_text="Apa yang diperlihatkan gambar, dalam satu atau dua kalimat.",
    )
    berkas = models.ForeignKey(BerkasGambar, on_delete=models.PROTECT, related_name="gambar")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "gambar laporan"
        verbose_name_plural = "gambar laporan"
        ordering = ["instansi_id", "tahun", "urutan", "id"]

    def __str__(self):
        return self.judul


class Revisi(models.Model):
    """How many committed transactions changed what reaches an agency: the report's and the
    dashboard's fingerprints read this row instead of every history table
    (`instansi.revisi`). Keyed by the agency's id without a foreign key, so that a bump while
    the agency is being deleted never blocks its deletion; 0 is the row of reference data
    that reaches no agency (the LKE instruments), part of every fingerprint."""

    instansi_id = models.PositiveBigIntegerField(primary_key=True)
    # Writes in the layers the report reads (instansi … sakip); writes in the layers above
    # them, which only the dashboard reads (a review's state and notes).
    laporan = models.PositiveBigIntegerField(default=0)
    lain = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "revisi data instansi"
        verbose_name_plural = "revisi data instansi"

    def __str__(self):
        return f"{self.instansi_id}: {self.laporan}/{self.lain}"
