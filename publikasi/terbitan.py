"""Publishing an LKjIP: render it once, store what was rendered, never render it again.

`terbitkan` gathers the agency's year (`kumpulkan`, `susun`), renders the report as the
LKjIP page does with the inspectorate's «Pernyataan Telah Direviu» opening the front
matter, lays out the PDF with a verification line in every page's foot, and stores HTML,
PDF and the figures as JSON with their SHA-256 as the next version (`Terbitan`).

The report's identifier is the SHA-256 of the stored HTML (UTF-8 bytes): the PDF cannot
print its own hash, but it can print the hash of the HTML it was laid out from, and the
HTML is the whole report (text, tables, the statement, the version and the moment of
publication), so two versions never share it. The verification page accepts that
identifier or the SHA-256 of the PDF file itself (`cari`).

The figures (`data_terbitan`) are taken from the same measured data and shown by the same
cell formatting as the report's tables (`tampil_nilai`), then read back as numbers: a figure
in the JSON or CSV is the figure printed in the PDF. Columns: README, «Open data».
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from instansi.models import Instansi
from inti.angka import AngkaTidakValid, parse_angka
from inti.ekspor import mirip_rumus
from publikasi.models import Terbitan
from sakip.lkjip.data import DataLaporan, kumpulkan
from sakip.lkjip.isi import PERSEN, RUPIAH, Sel, nilai_indikator, sel
from sakip.lkjip.render import html_laporan, pdf_dari_html
from sakip.lkjip.susun import susun
from sakip.templatetags.lkjip import tampil_nilai

FORMAT_DATA = "sakip-lkjip-terbitan/1"
# One flat row per indicator (jenis «indikator») and per program (jenis «program»), the
# same columns in every CSV of a report and of a pemda's year; README documents them.
KOLOM_CSV = (
    "pemda",
    "instansi",
    "tahun",
    "versi",
    "jenis",
    "sasaran",
    "nama",
    "satuan",
    "target",
    "realisasi",
    "capaian",
    "predikat",
    "anggaran",
    "realisasi_anggaran",
    "serapan",
    "keterangan",
)


def sha256(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def alamat_verifikasi() -> str:
    """The verification page's address as the public reaches it (settings.ALAMAT_PUBLIK)."""
    return settings.ALAMAT_PUBLIK + reverse("publik-verifikasi")


def _angka(kolom: str, s: Sel, pengaturan, keterangan: list[str]) -> str | None:
    """A figure as the report prints it, as a plain decimal ("103.97"); a text the report
    prints instead («Belum diukur») goes to `keterangan`, a dash to nothing."""
    teks = tampil_nilai(s, pengaturan)
    try:
        return str(parse_angka(teks))
    except AngkaTidakValid:
        if teks != "–":
            keterangan.append(f"{kolom}: {teks}")
        return None


def data_terbitan(data: DataLaporan) -> dict:
    """The figures a report shows: each sasaran indicator and each program, as printed."""
    pengaturan = data.pengaturan
    indikator = []
    for s in data.sasaran:
        for i in s.indikator:
            ket: list[str] = []
            indikator.append(
                {
                    "sasaran": s.sasaran.uraian,
                    "indikator": i.nama,
                    "satuan": i.indikator.satuan,
                    "target": _angka("target", nilai_indikator(i, i.ukur.target), pengaturan, ket),
                    "realisasi": _angka("realisasi", nilai_indikator(i, i.ukur.realisasi), pengaturan, ket),
                    "capaian": _angka("capaian", sel(i.ukur.capaian, PERSEN), pengaturan, ket),
                    "predikat": i.ukur.predikat if data.pita else None,
                    "keterangan": "; ".join(ket),
                }
            )
    uraian_sasaran = {s.sasaran.pk: s.sasaran.uraian for s in data.sasaran}
    program = []
    for node in data.program:
        ket = []
        # As the budget table shows it: a program nothing was reported spent on has no
        # absorption (a dash), not «not measured».
        dibelanjakan = node.realisasi() is not None
        program.append(
            {
                "sasaran": uraian_sasaran.get(node.objek.sasaran_id, ""),
                "program": node.objek.nama,
                "anggaran": _angka("anggaran", sel(node.pagu_akhir(), RUPIAH), pengaturan, ket),
                "realisasi": _angka("realisasi", sel(node.realisasi(), RUPIAH), pengaturan, ket),
                "serapan": _angka(
                    "serapan", sel(node.penyerapan() if dibelanjakan else None, PERSEN), pengaturan, ket
                ),
                "keterangan": "; ".join(ket),
            }
        )
    return {"indikator": indikator, "program": program}


@dataclass(frozen=True)
class Pengesahan:
    """What the publication adds to the report: its version, when, and the review."""

    versi: int
    diterbitkan_pada: datetime
    diterbitkan_oleh: str
    direviu_oleh: str
    direviu_pada: datetime


def _gaya_verifikasi(sidik: str) -> str:
    """Print CSS for a verification line under every page's number: the identifier and
    where to check it (both from our own values: hex digits and a validated address)."""
    teks = f"Kode verifikasi {sidik} · periksa di {alamat_verifikasi()}"
    teks = teks.replace("\\", "\\\\").replace('"', '\\"')
    return (
        '@page { @bottom-left { content: "' + teks + "\"; font-family: 'DejaVu Sans', sans-serif;"
        " font-size: 6pt; color: #444; width: 155mm; margin-top: 15mm; vertical-align: top;"
        " text-align: left; } }"
    )


def naskah(instansi: Instansi, tahun: int, pengesahan: Pengesahan) -> tuple[str, dict]:
    """The report's HTML with the reviewed statement, and its figures, as of now."""
    data = kumpulkan(instansi, tahun)
    dokumen = susun(data)
    konteks = {"data": data, "pengesahan": pengesahan, "verifikasi": alamat_verifikasi()}
    pernyataan = render_to_string("publikasi/_pernyataan.html", konteks)
    return html_laporan(dokumen, halaman_awal=pernyataan), data_terbitan(data)


def terbitkan(instansi: Instansi, tahun: int, *, oleh, direviu_oleh: str, direviu_pada: datetime) -> Terbitan:
    """Publish the agency's LKjIP for `tahun` as rendered now, as the next version.

    Run it inside the transaction that records the publication: two publications of one
    year at once meet the unique version and one of them fails whole.
    """
    sekarang = timezone.now()
    with transaction.atomic():
        terakhir = Terbitan.objects.filter(instansi=instansi, tahun=tahun).aggregate(n=Max("versi"))["n"]
        pengesahan = Pengesahan(
            versi=(terakhir or 0) + 1,
            diterbitkan_pada=sekarang,
            diterbitkan_oleh=oleh.get_full_name() or oleh.get_username(),
            direviu_oleh=direviu_oleh,
            direviu_pada=direviu_pada,
        )
        html, angka = naskah(instansi, tahun, pengesahan)
        sha_html = sha256(html.encode("utf-8"))
        pdf = pdf_dari_html(html, gaya=_gaya_verifikasi(sha_html))
        isi_data = {
            "format": FORMAT_DATA,
            "pemda": instansi.pemda.nama,
            "instansi": instansi.nama,
            "tahun": tahun,
            "versi": pengesahan.versi,
            "diterbitkan_pada": sekarang.isoformat(),
            "sha256_html": sha_html,
            **angka,
        }
        return Terbitan.objects.create(
            instansi=instansi,
            tahun=tahun,
            versi=pengesahan.versi,
            html=html,
            pdf=pdf,
            data=json.dumps(isi_data, ensure_ascii=False, indent=1),
            sha256_html=sha_html,
            sha256_pdf=sha256(pdf),
            diterbitkan_oleh=oleh,
            diterbitkan_pada=sekarang,
            direviu_oleh=direviu_oleh,
            direviu_pada=direviu_pada,
        )


def terbitan_terkini(instansi: Instansi, tahun: int) -> Terbitan | None:
    """The current (highest) version published for the agency's year, or None."""
    return Terbitan.objects.filter(instansi=instansi, tahun=tahun).order_by("-versi").first()


def cari(sidik: str) -> Terbitan | None:
    """The published version whose HTML identifier or PDF file has this SHA-256."""
    sidik = sidik.strip().lower()
    cocok = Terbitan.objects.tanpa_isi().select_related("instansi__pemda")
    return (cocok.filter(sha256_html=sidik) | cocok.filter(sha256_pdf=sidik)).order_by("pk").first()


def versi_terkini(terbitan: Terbitan) -> int:
    """The highest version of the same agency's year (the same as `terbitan.versi` when current)."""
    return Terbitan.objects.filter(instansi_id=terbitan.instansi_id, tahun=terbitan.tahun).aggregate(
        n=Max("versi")
    )["n"]


def baris_csv(isi_data: dict) -> list[dict]:
    """A stored data JSON's rows under `KOLOM_CSV`: its indicators, then its programs."""
    umum = {k: isi_data[k] for k in ("pemda", "instansi", "tahun", "versi")}
    baris = []
    for i in isi_data["indikator"]:
        lain = {k: v for k, v in i.items() if k != "indikator"}
        baris.append({**umum, "jenis": "indikator", "nama": i["indikator"], **lain})
    for p in isi_data["program"]:
        baris.append(
            {
                **umum,
                "jenis": "program",
                "sasaran": p["sasaran"],
                "nama": p["program"],
                "anggaran": p["anggaran"],
                "realisasi_anggaran": p["realisasi"],
                "serapan": p["serapan"],
                "keterangan": p["keterangan"],
            }
        )
    return baris


def tulis_csv(semua_data: list[dict]) -> bytes:
    """The rows of one or more stored data JSONs as CSV: RFC 4180 (comma, CRLF) in UTF-8
    with a byte-order mark, numbers with a decimal point and no thousands separator, for
    programs rather than for a spreadsheet's locale; a text a spreadsheet would take for a
    formula starts with an apostrophe (`inti.ekspor.mirip_rumus`)."""
    keluaran = io.StringIO()
    penulis = csv.DictWriter(keluaran, fieldnames=KOLOM_CSV, lineterminator="\r\n")
    penulis.writeheader()
    for isi_data in semua_data:
        for b in baris_csv(isi_data):
            penulis.writerow({k: "" if v is None else f"'{v}" if mirip_rumus(v) else v for k, v in b.items()})
    return ("\ufeff" + keluaran.getvalue()).encode("utf-8")
