"""The check of the narratives: typed figures that contradict the data
(`sakip.lkjip.angka_narasi`) and references or markers that point nowhere
(`sakip.lkjip.rujukan`). Both read the assembled report, the one the review page shows
(`reviu.temuan.temukan`), assembled with its charts: a marker that places a chart names
nothing in a report assembled without them, and would be reported as dangling."""

from collections.abc import Iterator

from reviu.pemeriksaan import Temuan, alamat
from sakip.lkjip import angka_narasi, rujukan
from sakip.lkjip.data import DataLaporan
from sakip.lkjip.susun import Dokumen


def _layar_narasi(data: DataLaporan, narasi_pk: int | None, sasaran_pk: int | None) -> str:
    """The narrative's editor; a text a block wrote, a sasaran's analysis, is edited on that
    sasaran's analysis screen."""
    if narasi_pk is not None:
        return alamat(data, "narasi-ubah", narasi_pk)
    if sasaran_pk is not None:
        return alamat(data, "analisis-sasaran", sasaran_pk)
    return ""


def _sasaran_menulis(data: DataLaporan, kode: str) -> int | None:
    """The sasaran whose analysis writes the reference `kode` (a dangling reference does not
    say which text it came from, only its section)."""
    for s in data.sasaran:
        a = s.analisis
        if a and any(kode in teks for teks in (a.uraian, a.faktor_pendukung, a.faktor_penghambat, a.solusi)):
            return s.sasaran.pk
    return None


def narasi(dokumen: Dokumen) -> Iterator[Temuan]:
    data = dokumen.data
    for t in angka_narasi.periksa(dokumen):
        yield Temuan(
            kode="narasi-angka-beda",
            judul="Angka di narasi berbeda dengan data",
            pesan=f"Tertulis {t.nilai_ketik}, data {t.nilai_hitung} ({t.label}, {t.objek}): "
            f"ganti dengan rujukan {{{{{t.kode}}}}}. Kalimatnya: «{t.kalimat}»",
            objek=f"{t.tempat}, {t.judul}" if t.judul else t.tempat,
            tautan=_layar_narasi(data, t.narasi_pk, t.sasaran_pk),
        )
    for g in rujukan.periksa(dokumen):
        yield Temuan(
            kode="narasi-rujukan-gantung",
            judul="Rujukan di narasi tidak dikenal",
            pesan=f"{g.pesan}: laporan mencetaknya bertanda.",
            objek=f"{g.tempat}, narasi «{g.narasi}»" if g.narasi else g.tempat,
            tautan=_layar_narasi(data, g.narasi_pk, None if g.narasi_pk else _sasaran_menulis(data, g.kode)),
        )
