"""Synthetic data at scale, for benchmarks and demonstrations: a region of made-up agencies
(`buat_instansi_demo`, behind `manage.py buat_demo`) and an agency's cascade repeated in its
own Renstra (`gandakan`, the «10×» of the speed tests and benchmarks).

Every figure comes from a `random.Random` seeded by the seed, the region's and the agency's
number, so an agency's data is the same whatever else is made alongside it, and a slug
names its seed and place (`demo-s<seed>-p<n>-i<m>`): a second run finds the agencies the
first one made and leaves them be. Rows go in with `bulk_create` and their history with
django-simple-history's `bulk_create_with_history`, each agency in one transaction, so an
interrupted run leaves whole agencies only and the next run makes the rest.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from anggaran.hitung import Tahap
from anggaran.models import BelanjaJenis, Pagu, RealisasiAnggaran
from instansi.models import Instansi, KomposisiPegawai, Narasi, Pemda, PengaturanLaporan, SaranaPrasarana
from instansi.pengaturan import MetodeEfisiensi, SusunanBab
from instansi.revisi import naikkan
from inti.angka import Pembulatan
from kinerja.hitung import Polaritas
from kinerja.models import (
    AnalisisSasaran,
    Indikator,
    Kegiatan,
    Pembanding,
    PerjanjianKinerja,
    Program,
    Realisasi,
    RencanaAksi,
    Renstra,
    Sasaran,
    SifatTriwulan,
    SubKegiatan,
    Target,
    Tujuan,
)

ALASAN = "buat_demo"
TAHUN_AWAL = 2021
BIDANG = [
    "Pendidikan",
    "Kesehatan",
    "Pekerjaan Umum",
    "Perhubungan",
    "Pertanian",
    "Koperasi dan UKM",
    "Perdagangan",
    "Pariwisata",
    "Lingkungan Hidup",
    "Sosial",
    "Kependudukan",
    "Perikanan",
    "Kebudayaan",
    "Pemuda dan Olahraga",
    "Ketahanan Pangan",
]
UPAYA = ["Peningkatan", "Pengembangan", "Penyediaan", "Pembinaan", "Pengelolaan", "Penguatan", "Fasilitasi"]
OBJEK = [
    "layanan dasar",
    "sarana dan prasarana",
    "kapasitas aparatur",
    "kelembagaan",
    "data dan informasi",
    "kemitraan usaha",
    "mutu layanan",
    "partisipasi masyarakat",
    "tata kelola",
    "akses pembiayaan",
]
# (unit, decimals of its values, a typical magnitude, whether it is a share in 0–100)
SATUAN = [
    ("%", 2, 60, True),
    ("orang", 0, 500, False),
    ("unit", 0, 40, False),
    ("dokumen", 0, 12, False),
    ("nilai", 2, 75, False),
    ("kali", 0, 24, False),
]
PENDIDIKAN = ["S2", "S1/D4", "D3", "SMA/sederajat"]
BARANG = ["Gedung kantor", "Kendaraan roda empat", "Kendaraan roda dua", "Komputer", "Laptop", "Printer"]
BARANG += ["Meja kerja", "Kursi kerja", "Lemari arsip", "Pendingin ruangan"]


@dataclass(frozen=True)
class Ukuran:
    """How much a region holds: agencies per region, indicators per agency, years of data."""

    instansi: int
    indikator: int
    tahun: int

    @property
    def daftar_tahun(self) -> list[int]:
        return list(range(TAHUN_AWAL, TAHUN_AWAL + self.tahun))


def slug_pemda(seed: int, p: int) -> str:
    return f"demo-s{seed}-p{p}"


def slug_instansi(seed: int, p: int, i: int) -> str:
    return f"{slug_pemda(seed, p)}-i{i}"


def buat_pemda_demo(seed: int, p: int) -> Pemda:
    """The region `p` of a seed, made when it is missing."""
    kota = p % 2 == 0
    pemda, _ = Pemda.objects.get_or_create(
        slug=slug_pemda(seed, p),
        defaults={
            "nama": f"{'Kota' if kota else 'Kabupaten'} Demo {p}",
            "jenis": Pemda.Jenis.KOTA if kota else Pemda.Jenis.KABUPATEN,
            "jabatan_kepala": "Walikota" if kota else "Bupati",
            "nama_kepala": f"Kepala Daerah Demo {p}",
            "ibu_kota": f"Demo {p}",
        },
    )
    return pemda


def _simpan(objs: list, model=None) -> list:
    """Rows and their history records, in bulk."""
    if not objs:
        return objs
    return bulk_create_with_history(
        objs, model or type(objs[0]), batch_size=2000, default_change_reason=ALASAN
    )


def buat_instansi_demo(pemda: Pemda, seed: int, p: int, i: int, ukuran: Ukuran) -> Instansi | None:
    """Agency `i` of region `p`, with its whole data; None when it exists already."""
    slug = slug_instansi(seed, p, i)
    if Instansi.objects.filter(slug=slug).exists():
        return None
    acak = random.Random(f"{seed}-{p}-{i}")
    with transaction.atomic():
        instansi = _Pembuat(acak, ukuran).buat(pemda, slug, i)
        # Bulk rows send no signal: the agency's fingerprints move by hand (`instansi.revisi`).
        naikkan([instansi.pk])
        return instansi


def _rupiah(acak: random.Random, bawah: int, atas: int) -> Decimal:
    return Decimal(acak.randrange(bawah // 1000, atas // 1000) * 1000)


class _Pembuat:
    """Makes one agency; its methods each add one kind of row."""

    def __init__(self, acak: random.Random, ukuran: Ukuran):
        self.acak = acak
        self.ukuran = ukuran
        self.tahun = ukuran.daftar_tahun

    def buat(self, pemda: Pemda, slug: str, nomor: int) -> Instansi:
        acak = self.acak
        bidang = BIDANG[nomor % len(BIDANG)]
        instansi = Instansi.objects.create(
            pemda=pemda,
            slug=slug,
            nama=f"Dinas {bidang} {pemda.nama}" if nomor < len(BIDANG) else f"Dinas {bidang} {nomor}",
            singkatan=f"D{nomor}",
            alamat=f"Jl. Demo No. {nomor + 1}, {pemda.ibu_kota}",
            kepala_nama=f"Kepala Dinas Demo {nomor}",
            kepala_jabatan=f"Kepala Dinas {bidang}",
            kepala_pangkat="Pembina Utama Muda (IV/c)",
            kepala_nip=f"1970{acak.randrange(10**13, 10**14)}",
        )
        lima_bab = acak.random() < 0.5
        PengaturanLaporan.objects.create(
            instansi=instansi,
            pembulatan=Pembulatan.SETENGAH_KE_ATAS if lima_bab else Pembulatan.POTONG,
            metode_efisiensi=MetodeEfisiensi.RASIO if lima_bab else MetodeEfisiensi.SELISIH,
            susunan_bab=SusunanBab.LIMA_BAB if lima_bab else SusunanBab.EMPAT_BAB,
        )
        renstra = Renstra.objects.create(
            instansi=instansi,
            nama=f"Renstra {instansi.nama} {self.tahun[0]}–{self.tahun[-1]}",
            tahun_awal=self.tahun[0],
            tahun_akhir=self.tahun[-1],
        )
        sasaran = self.kaskade(renstra, bidang)
        indikator = self.indikator(renstra, sasaran)
        self.target_realisasi(indikator)
        self.anggaran(instansi)
        self.profil(instansi)
        self.narasi(instansi, sasaran, indikator)
        return instansi

    def kaskade(self, renstra: Renstra, bidang: str) -> list[Sasaran]:
        """Two tujuan, 3–5 sasaran, about 10 programs, 30 kegiatan and 80 sub kegiatan."""
        acak = self.acak
        tujuan = _simpan(
            [
                Tujuan(
                    renstra=renstra,
                    kode=f"T{n + 1}",
                    uraian=f"Meningkatnya kinerja urusan {bidang} {n + 1}",
                    urutan=n,
                )
                for n in range(2)
            ]
        )
        jumlah_sasaran = acak.randint(3, 5)
        sasaran = _simpan(
            [
                Sasaran(
                    renstra=renstra,
                    tujuan=tujuan[n % 2],
                    kode=f"S{n + 1}",
                    uraian=f"Meningkatnya {acak.choice(OBJEK)} urusan {bidang} ({n + 1})",
                    urutan=n,
                )
                for n in range(jumlah_sasaran)
            ]
        )
        program = _simpan(
            [
                Program(
                    renstra=renstra,
                    sasaran=sasaran[n % jumlah_sasaran],
                    kode=f"1.{n + 1:02d}",
                    nama=f"Program {acak.choice(UPAYA)} {acak.choice(OBJEK)} {n + 1}",
                    urutan=n,
                )
                for n in range(10)
            ]
        )
        kegiatan = _simpan(
            [
                Kegiatan(
                    program=pr,
                    kode=f"{pr.kode}.{k + 1}",
                    nama=f"Kegiatan {acak.choice(UPAYA)} {acak.choice(OBJEK)}",
                    urutan=k,
                )
                for pr in program
                for k in range(3)
            ]
        )
        _simpan(
            [
                SubKegiatan(
                    kegiatan=kg,
                    kode=f"{kg.kode}.{s + 1:02d}",
                    nama=f"Sub Kegiatan {acak.choice(UPAYA)} {acak.choice(OBJEK)}",
                    urutan=s,
                )
                for n, kg in enumerate(kegiatan)
                # 80 of 30 kegiatan: two or three each, the third on two in three.
                for s in range(3 if n % 3 else 2)
            ]
        )
        return sasaran

    def _tempat(self, renstra: Renstra, sasaran: list[Sasaran]) -> Iterator[dict]:
        """Where the indicators go, in the order they are filled: an IKU per sasaran, one per
        program, a second IKU per sasaran, one per kegiatan, then the sub kegiatan in turn."""
        program = list(Program.objects.filter(renstra=renstra).order_by("urutan"))
        kegiatan = list(
            Kegiatan.objects.filter(program__renstra=renstra).order_by("program__urutan", "urutan")
        )
        sub = list(
            SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).order_by("kegiatan_id", "urutan")
        )
        yield from ({"sasaran": s} for s in sasaran)
        yield from ({"program": p} for p in program)
        yield from ({"sasaran": s} for s in sasaran)
        yield from ({"kegiatan": k} for k in kegiatan)
        while True:
            yield from ({"sub_kegiatan": s} for s in sub)

    def indikator(self, renstra: Renstra, sasaran: list[Sasaran]) -> list[Indikator]:
        acak = self.acak
        daftar = []
        for n, tempat in zip(range(self.ukuran.indikator), self._tempat(renstra, sasaran), strict=False):
            satuan, desimal, _, _ = acak.choice(SATUAN)
            iku = "sasaran" in tempat
            daftar.append(
                Indikator(
                    renstra=renstra,
                    **tempat,
                    kode=f"IK{n + 1}",
                    nama=f"{'Persentase' if satuan == '%' else 'Jumlah'} {acak.choice(OBJEK)} {n + 1}",
                    satuan=satuan,
                    polaritas=Polaritas.TURUN if acak.random() < 0.1 else Polaritas.NAIK,
                    formulasi="Realisasi dibandingkan target tahun berjalan.",
                    sumber_data="Laporan bidang",
                    penanggung_jawab="Sekretaris",
                    iku=iku,
                    sifat_triwulan=SifatTriwulan.KUMULATIF,
                    desimal=desimal,
                    urutan=n,
                )
            )
        return _simpan(daftar)

    def target_realisasi(self, indikator: list[Indikator]) -> None:
        """Renstra and PK targets every year (a PK perubahan for some), the PK's quarters
        cumulative; annual and quarterly realisations, the last year's missing for a few."""
        acak, tahun = self.acak, self.tahun
        target, realisasi, pembanding, aksi = [], [], [], []
        for ind in indikator:
            _, desimal, besar, persen = next(s for s in SATUAN if s[0] == ind.satuan)
            dasar = Decimal(str(round(besar * acak.uniform(0.5, 1.5), desimal)))
            naik = Decimal(str(round(acak.uniform(0.02, 0.08), 4)))
            ubah = acak.random() < 0.3
            for n, t in enumerate(tahun):
                nilai = (dasar * (1 + naik * n)).quantize(Decimal(1).scaleb(-desimal))
                if persen:
                    nilai = min(nilai, Decimal(100))
                target.append(Target(indikator=ind, tahun=t, sumber=Target.Sumber.RENSTRA, nilai=nilai))
                pk = (nilai * Decimal(str(round(acak.uniform(0.97, 1.03), 3)))).quantize(nilai)
                target.append(Target(indikator=ind, tahun=t, sumber=Target.Sumber.PK_MURNI, nilai=pk))
                if ubah:
                    target.append(
                        Target(
                            indikator=ind,
                            tahun=t,
                            sumber=Target.Sumber.PK_PERUBAHAN,
                            nilai=(pk * Decimal("1.02")).quantize(pk),
                        )
                    )
                for tw in range(1, 5):
                    target.append(
                        Target(
                            indikator=ind,
                            tahun=t,
                            sumber=Target.Sumber.PK_MURNI,
                            triwulan=tw,
                            nilai=pk * tw / 4,
                        )
                    )
                if t == tahun[-1] and acak.random() < 0.05:
                    realisasi.append(Realisasi(indikator=ind, tahun=t, keterangan="Belum diukur"))
                    continue
                hasil = (pk * Decimal(str(round(acak.uniform(0.6, 1.2), 3)))).quantize(pk)
                realisasi.append(Realisasi(indikator=ind, tahun=t, nilai=hasil))
                for tw in range(1, 5):
                    realisasi.append(
                        Realisasi(indikator=ind, tahun=t, triwulan=tw, nilai=(hasil * tw / 4).quantize(hasil))
                    )
            if ind.iku:
                pembanding.append(
                    Pembanding(
                        indikator=ind,
                        tahun=tahun[-1],
                        wilayah=Pembanding.Wilayah.PROVINSI,
                        nilai=dasar,
                        sumber="BPS Provinsi",
                    )
                )
                aksi += [
                    RencanaAksi(indikator=ind, tahun=tahun[-1], triwulan=tw, uraian=f"Langkah triwulan {tw}")
                    for tw in range(1, 5)
                ]
        for daftar in (target, realisasi, pembanding, aksi):
            _simpan(daftar)

    def anggaran(self, instansi: Instansi) -> None:
        """Every stage's budget on each sub kegiatan, its spending, and the spending by kind."""
        acak = self.acak
        sub = SubKegiatan.objects.filter(kegiatan__program__renstra__instansi=instansi).order_by("pk")
        pagu, belanja = [], []
        per_tahun = dict.fromkeys(self.tahun, Decimal(0))
        for s in sub:
            for t in self.tahun:
                murni = _rupiah(acak, 50_000_000, 2_000_000_000)
                for tahap, faktor in (
                    (Tahap.RENJA_MURNI, "1.05"),
                    (Tahap.RKA, "1.02"),
                    (Tahap.DPA_PENGESAHAN, "1"),
                    (Tahap.DPA_PERUBAHAN, str(round(acak.uniform(0.9, 1.1), 2))),
                ):
                    jumlah = (murni * Decimal(faktor)).quantize(Decimal(1000))
                    pagu.append(Pagu(sub_kegiatan=s, tahun=t, tahap=tahap, jumlah=jumlah))
                terpakai = (jumlah * Decimal(str(round(acak.uniform(0.7, 1.0), 4)))).quantize(Decimal(1))
                belanja.append(RealisasiAnggaran(sub_kegiatan=s, tahun=t, jumlah=terpakai))
                per_tahun[t] += jumlah
        _simpan(pagu)
        _simpan(belanja)
        bagian = {"pegawai": "0.35", "barang_jasa": "0.45", "hibah": "0.05", "modal": "0.15"}
        _simpan(
            [
                BelanjaJenis(
                    instansi=instansi,
                    tahun=t,
                    jenis=jenis,
                    murni=(total * Decimal(b)).quantize(Decimal(1)),
                    perubahan=(total * Decimal(b) * Decimal("1.02")).quantize(Decimal(1)),
                )
                for t, total in per_tahun.items()
                for jenis, b in bagian.items()
            ]
        )

    def profil(self, instansi: Instansi) -> None:
        """Staff by sex, education and status, the assets with their condition, the PK."""
        acak = self.acak
        pegawai, sarana, pk = [], [], []
        for t in self.tahun:
            lk, pr = acak.randint(20, 80), acak.randint(20, 80)
            baris = [(KomposisiPegawai.Dimensi.JENIS_KELAMIN, "Laki-laki", lk)]
            baris.append((KomposisiPegawai.Dimensi.JENIS_KELAMIN, "Perempuan", pr))
            sisa = lk + pr
            for n, jenjang in enumerate(PENDIDIKAN):
                jumlah = sisa if n == len(PENDIDIKAN) - 1 else acak.randint(0, sisa)
                baris.append((KomposisiPegawai.Dimensi.PENDIDIKAN, jenjang, jumlah))
                sisa -= jumlah
            pppk = acak.randint(0, (lk + pr) // 4)
            baris += [(KomposisiPegawai.Dimensi.STATUS, "PNS", lk + pr - pppk)]
            baris += [(KomposisiPegawai.Dimensi.STATUS, "PPPK", pppk)]
            pegawai += [
                KomposisiPegawai(instansi=instansi, tahun=t, dimensi=d, uraian=u, jumlah=j, urutan=n)
                for n, (d, u, j) in enumerate(baris)
            ]
            for n, barang in enumerate(BARANG):
                baik, sedang, rusak = acak.randint(1, 30), acak.randint(0, 5), acak.randint(0, 3)
                sarana.append(
                    SaranaPrasarana(
                        instansi=instansi,
                        tahun=t,
                        urutan=n,
                        nama_barang=barang,
                        jumlah=baik + sedang + rusak,
                        kondisi_baik=baik,
                        kondisi_sedang=sedang,
                        kondisi_rusak=rusak,
                    )
                )
            pk.append(
                PerjanjianKinerja(
                    instansi=instansi,
                    tahun=t,
                    pihak_pertama_nama=instansi.kepala_nama,
                    pihak_pertama_jabatan=instansi.kepala_jabatan,
                    pihak_pertama_pangkat=instansi.kepala_pangkat,
                    pihak_pertama_nip=instansi.kepala_nip,
                    pihak_kedua_nama=instansi.pemda.nama_kepala,
                    pihak_kedua_jabatan=f"{instansi.pemda.jabatan_kepala} {instansi.pemda.nama}",
                )
            )
        for daftar in (pegawai, sarana, pk):
            _simpan(daftar)

    def narasi(self, instansi: Instansi, sasaran: list[Sasaran], indikator: list[Indikator]) -> None:
        """Each year's narrative and each sasaran's analysis, their figures written as live
        references (`sakip.lkjip.rujukan`), never typed."""
        iku = [i for i in indikator if i.iku]
        teks = {
            "kata-pengantar": "Laporan Kinerja {{laporan.instansi}} tahun {{laporan.tahun}} disusun sebagai "
            "pertanggungjawaban pelaksanaan Renstra {{laporan.renstra_awal}}–{{laporan.renstra_akhir}}.",
            "ikhtisar-eksekutif": "Dari {{total.jumlah_iku}} indikator kinerja utama, rata-rata capaian "
            "{{total.capaian_iku}} dengan predikat {{total.predikat_iku}}. Anggaran Rp {{total.anggaran}} "
            "terserap {{total.serapan}}. "
            + " ".join(f"{i.nama} mencapai {{{{indikator.{i.pk}.capaian}}}}." for i in iku[:3]),
            "latar-belakang": "{{laporan.instansi}} menyusun laporan kinerja sesuai Perpres 29/2014.",
            "tugas-fungsi": "{{laporan.instansi}} melaksanakan urusan pemerintahan daerah di bidangnya.",
            "rencana-strategis": "Renstra memuat tujuan, sasaran dan indikator kinerja periode "
            "{{laporan.renstra_awal}}–{{laporan.renstra_akhir}}.",
            "capaian-kinerja": "Capaian indikator kinerja utama disajikan pada {{tabel.capaian-iku}}.",
            "realisasi-anggaran": "Pagu anggaran tahun {{laporan.tahun}} Rp {{total.anggaran}}, realisasi "
            "Rp {{total.realisasi_anggaran}} ({{total.serapan}}), sisa Rp {{total.sisa}}.",
            "sumber-daya-manusia": "Jumlah pegawai {{sdm.jumlah}} orang.",
            "kesimpulan": "Capaian rata-rata indikator kinerja utama {{total.capaian_iku}}.",
        }
        narasi, analisis = [], []
        for t in self.tahun:
            narasi += [
                Narasi(
                    instansi=instansi, tahun=t, kunci=k, judul=k.replace("-", " ").title(), teks=v, urutan=n
                )
                for n, (k, v) in enumerate(teks.items())
            ]
            analisis += [
                AnalisisSasaran(
                    sasaran=s,
                    tahun=t,
                    uraian=f"Capaian sasaran {{{{sasaran.{s.pk}.capaian}}}} dengan predikat "
                    f"{{{{sasaran.{s.pk}.predikat}}}}, anggaran Rp {{{{sasaran.{s.pk}.anggaran}}}}.",
                    faktor_pendukung="Dukungan pimpinan dan koordinasi antarbidang.",
                    faktor_penghambat="Keterbatasan anggaran dan sumber daya manusia.",
                    solusi="Memprioritaskan kegiatan yang berdampak langsung.",
                )
                for s in sasaran
            ]
        _simpan(narasi)
        _simpan(analisis)


def _salinan(obj, **ganti):
    """An unsaved copy of `obj` with some fields replaced (foreign keys by their object)."""
    nilai = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}
    nilai.pop("versi", None)
    for nama, baru in ganti.items():
        nilai.pop(obj._meta.get_field(nama).attname, None)
        nilai[nama] = baru
    return type(obj)(**nilai)


def gandakan(instansi: Instansi, kali: int = 10) -> None:
    """The agency's cascade `kali` times in each of its Renstra: every sasaran with its
    indicators, programs, kegiatan, sub kegiatan, their indicators, targets, realisations,
    comparisons, actions, budgets and analyses, copied `kali - 1` times under the same
    tujuan («10×» of the speed tests and benchmarks: the same agency, ten times the data)."""
    with transaction.atomic():
        for renstra in Renstra.objects.filter(instansi=instansi):
            asli = _Kaskade(
                list(Sasaran.objects.filter(renstra=renstra).order_by("pk")),
                list(Program.objects.filter(renstra=renstra).order_by("pk")),
                list(Kegiatan.objects.filter(program__renstra=renstra).order_by("pk")),
                list(SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).order_by("pk")),
                list(Indikator.objects.filter(renstra=renstra, tujuan__isnull=True).order_by("pk")),
            )
            for salinan in range(1, kali):
                _gandakan_sekali(asli, salinan)
        naikkan([instansi.pk])


@dataclass
class _Kaskade:
    sasaran: list[Sasaran]
    program: list[Program]
    kegiatan: list[Kegiatan]
    sub: list[SubKegiatan]
    indikator: list[Indikator]


def _gandakan_sekali(asli: _Kaskade, n: int) -> None:
    """Copy number `n` of the original cascade; rows are matched to the copies by the
    originals' ids."""
    akhiran = f" ({n + 1})"
    sasaran, program, kegiatan, sub = asli.sasaran, asli.program, asli.kegiatan, asli.sub
    baru_s = dict(
        zip(
            [s.pk for s in sasaran],
            _simpan([_salinan(s, uraian=s.uraian + akhiran, urutan=s.urutan + 100 * n) for s in sasaran]),
            strict=True,
        )
    )
    baru_p = dict(
        zip(
            [p.pk for p in program],
            _simpan(
                [
                    _salinan(
                        p, nama=p.nama + akhiran, sasaran=baru_s.get(p.sasaran_id), urutan=p.urutan + 100 * n
                    )
                    for p in program
                ]
            ),
            strict=True,
        )
    )
    baru_k = dict(
        zip(
            [k.pk for k in kegiatan],
            _simpan([_salinan(k, nama=k.nama + akhiran, program=baru_p[k.program_id]) for k in kegiatan]),
            strict=True,
        )
    )
    baru_sub = dict(
        zip(
            [s.pk for s in sub],
            _simpan([_salinan(s, nama=s.nama + akhiran, kegiatan=baru_k[s.kegiatan_id]) for s in sub]),
            strict=True,
        )
    )
    tempat = {"sasaran": baru_s, "program": baru_p, "kegiatan": baru_k, "sub_kegiatan": baru_sub}
    indikator = [
        i for i in asli.indikator if any(getattr(i, f"{nama}_id") in peta for nama, peta in tempat.items())
    ]
    salinan = []
    for i in indikator:
        nama, peta = next(
            (nama, peta) for nama, peta in tempat.items() if getattr(i, f"{nama}_id") is not None
        )
        salinan.append(_salinan(i, nama=i.nama + akhiran, **{nama: peta[getattr(i, f"{nama}_id")]}))
    baru_i = dict(zip([i.pk for i in indikator], _simpan(salinan), strict=True))
    for model in (Target, Realisasi, Pembanding, RencanaAksi):
        _simpan(
            [
                _salinan(r, indikator=baru_i[r.indikator_id])
                for r in model.objects.filter(indikator_id__in=baru_i)
            ]
        )
    _simpan(
        [
            _salinan(a, sasaran=baru_s[a.sasaran_id])
            for a in AnalisisSasaran.objects.filter(sasaran_id__in=baru_s)
        ]
    )
    for model in (Pagu, RealisasiAnggaran):
        baris = (
            model.objects.filter(sub_kegiatan_id__in=baru_sub)
            | model.objects.filter(kegiatan_id__in=baru_k)
            | model.objects.filter(program_id__in=baru_p)
        )
        _simpan(
            [
                _salinan(
                    r,
                    program=baru_p.get(r.program_id),
                    kegiatan=baru_k.get(r.kegiatan_id),
                    sub_kegiatan=baru_sub.get(r.sub_kegiatan_id),
                )
                for r in baris
            ]
        )
