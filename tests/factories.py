"""Test data built in code: a small agency with a cascade, targets, realisations and budget.

`buat_instansi` makes one agency with everything a report needs; tests call it with
`ukuran` > 1 to multiply programs and indicators when they check that a query count does
not grow with the data.
"""

from decimal import Decimal as D

from django.contrib.auth import get_user_model

from anggaran.hitung import Tahap
from anggaran.models import Pagu, RealisasiAnggaran
from instansi.models import Instansi, Keanggotaan, Pemda, Pemeriksa, PengaturanLaporan, PredikatCapaian
from instansi.pengaturan import MetodeEfisiensi, SusunanBab
from inti.angka import Pembulatan
from kinerja.hitung import JenisRumus
from kinerja.models import (
    EvaluasiSakip,
    Indikator,
    Kegiatan,
    KomponenEvaluasi,
    Program,
    Realisasi,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    TindakLanjutEvaluasi,
)


def buat_pemda(slug="kota-contoh") -> Pemda:
    return Pemda.objects.create(
        slug=slug, nama=f"Kota {slug}", jenis=Pemda.Jenis.KOTA, jabatan_kepala="Walikota"
    )


def buat_instansi(slug="dinas-contoh", pemda=None, ukuran=1, tahun=2022) -> Instansi:
    """An agency set up like Bandar Lampung (truncation, efficiency as a difference, four
    chapters), with `ukuran` sasaran, each with one program of two kegiatan."""
    pemda = pemda or buat_pemda(f"pemda-{slug}")
    instansi = Instansi.objects.create(pemda=pemda, slug=slug, nama=f"Dinas {slug}")
    PengaturanLaporan.objects.create(
        instansi=instansi,
        pembulatan=Pembulatan.POTONG,
        metode_efisiensi=MetodeEfisiensi.SELISIH,
        susunan_bab=SusunanBab.EMPAT_BAB,
    )
    # Its own three bands replace the defaults a new agency gets (`instansi.signals`), which
    # are already there when the test runs outside a transaction.
    instansi.predikat.all().delete()
    for label, bawah, atas in [("Sangat Baik", 85, None), ("Berhasil", 70, 85), ("Tidak Baik", None, 70)]:
        PredikatCapaian.objects.create(instansi=instansi, label=label, batas_bawah=bawah, batas_atas=atas)
    renstra = Renstra.objects.create(instansi=instansi, tahun_awal=2021, tahun_akhir=2026)
    evaluasi = EvaluasiSakip.objects.create(instansi=instansi, tahun=tahun - 1)
    KomponenEvaluasi.objects.create(evaluasi=evaluasi, nama="Perencanaan kinerja", bobot=30, nilai=D("27.31"))
    KomponenEvaluasi.objects.create(evaluasi=evaluasi, nama="Pengukuran kinerja", bobot=70, nilai=D("53.06"))
    TindakLanjutEvaluasi.objects.create(evaluasi=evaluasi, rekomendasi="Dokumentasikan pengukuran kinerja")
    for n in range(ukuran):
        sasaran = Sasaran.objects.create(renstra=renstra, uraian=f"Sasaran {n}", urutan=n)
        iku = Indikator.objects.create(
            sasaran=sasaran,
            nama=f"Persentase koperasi sehat {n}",
            satuan="%",
            iku=True,
            jenis_rumus=JenisRumus.RASIO,
            label_komponen_a="koperasi sehat",
            label_komponen_b="koperasi",
        )
        Target.objects.create(indikator=iku, tahun=tahun, sumber=Target.Sumber.RENSTRA, nilai=D("18.00"))
        Target.objects.create(indikator=iku, tahun=tahun, sumber=Target.Sumber.PK_MURNI, nilai=D("18.11"))
        Realisasi.objects.create(indikator=iku, tahun=tahun, komponen_a=D(74), komponen_b=D(393))
        Realisasi.objects.create(indikator=iku, tahun=tahun - 1, nilai=D("16.09"))
        program = Program.objects.create(renstra=renstra, sasaran=sasaran, nama=f"Program {n}", urutan=n)
        Indikator.objects.create(program=program, nama=f"Indikator program {n}", satuan="%")
        for k in range(2):
            kegiatan = Kegiatan.objects.create(program=program, nama=f"Kegiatan {n}.{k}", urutan=k)
            sub = SubKegiatan.objects.create(kegiatan=kegiatan, nama=f"Sub kegiatan {n}.{k}")
            Pagu.objects.create(
                sub_kegiatan=sub, tahun=tahun, tahap=Tahap.DPA_PENGESAHAN, jumlah=D(1_000_000)
            )
            RealisasiAnggaran.objects.create(sub_kegiatan=sub, tahun=tahun, jumlah=D(857_294))
    return instansi


def buat_pemeran(a: Instansi, b: Instansi):
    """The cast of access tests: a planner of `a`, a planner of `b`, a reviewer of `a`'s region."""
    User = get_user_model()
    perencana = User.objects.create_user("perencana-a", password="rahasia-a-1")
    perencana_b = User.objects.create_user("perencana-b", password="rahasia-b-1")
    pemeriksa = User.objects.create_user("pemeriksa", password="rahasia-p-1")
    Keanggotaan.objects.create(user=perencana, instansi=a)
    Keanggotaan.objects.create(user=perencana_b, instansi=b)
    Pemeriksa.objects.create(user=pemeriksa, pemda=a.pemda)
    return perencana, perencana_b, pemeriksa
