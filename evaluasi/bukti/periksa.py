"""Whether an uploaded evidence file is one we keep, decided by its content alone.

Accepted: a PDF, an image (PNG, JPEG, WebP) and an Office Open XML file (docx, xlsx, pptx).
The name and the declared type are never believed: the first bytes say what the file claims
to be, and then that claim is checked the way its format is read.

- PDF: the header at the very first byte, the file ending at its last `%%EOF` (anything after
  it, an HTML page or a script, makes a polyglot: refused), a cross-reference the
  `startxref` really points at, a trailer naming the document's root; no active content
  (JavaScript, launch actions, embedded files, XFA forms, rich media) in its dictionaries,
  including those packed in compressed object streams (inflated within a budget), names
  read after undoing `#xx` escapes; no HTML tags in the bytes.
- Images: `instansi.gambar.periksa`, the report images' check (Pillow verifies, the pixel
  count is read before decoding, nothing after the image's end: a JPEG with a ZIP appended
  is refused); what is stored is the image re-encoded from its pixels.
- Office files: a ZIP starting at the first byte and ending at its directory (no prefix, no
  trailing data, no gap between members); its member count and total uncompressed size
  are bounded, and so is each member's compression ratio, all read from the ZIP's
  directory without inflating anything (a zip bomb posing as .docx is refused unread);
  its members are the OOXML ones (`[Content_Types].xml`, the package's `_rels/`,
  `docProps/`, `customXml/` and the one main folder `word/`, `xl/` or `ppt/`); no macros
  (`vbaProject.bin`, a macro-enabled content type), no ActiveX, no OLE packages. Only
  `[Content_Types].xml` is inflated, with a cap, and parsed with defusedxml.

Pure: bytes in, `BerkasBersih` out, or `BuktiDitolak` with a message for the planner.
"""

import hashlib
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from defusedxml import ElementTree

from instansi.gambar.periksa import GambarDitolak
from instansi.gambar.periksa import periksa as periksa_gambar

UKURAN_MAKS = 5 * 1024 * 1024  # bytes of an upload, under the request limit of 6 MB
MB = 1024 * 1024

# Office files: a long report with pictures has a few hundred members and inflates to tens of
# MB; text XML compresses about 10:1, rarely beyond 100:1.
ANGGOTA_MAKS = 1000
ISI_ZIP_MAKS = 100 * MB
RASIO_MAKS = 200
JENIS_KONTEN_MAKS = 256 * 1024  # bytes of [Content_Types].xml once inflated

# PDF: what object streams may inflate to, all together, while we look for active content.
ISI_OBJSTM_MAKS = 50 * MB

JENIS = {
    "pdf": ("application/pdf", "PDF"),
    "png": ("image/png", "gambar PNG"),
    "jpeg": ("image/jpeg", "gambar JPEG"),
    "webp": ("image/webp", "gambar WebP"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "dokumen Word"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "lembar kerja Excel"),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "presentasi PowerPoint",
    ),
}
DITERIMA = "PDF, gambar PNG/JPEG/WebP, atau berkas Office (docx, xlsx, pptx)"


class BuktiDitolak(ValueError):
    """The upload is not evidence we keep; the message says why, in the planner's words."""


@dataclass(frozen=True)
class BerkasBersih:
    isi: bytes  # what is stored: the upload itself, or for an image its re-encoded pixels
    jenis: str  # a key of JENIS

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.isi).hexdigest()

    @property
    def content_type(self) -> str:
        return JENIS[self.jenis][0]


def periksa(isi: bytes) -> BerkasBersih:
    """The evidence file in `isi`, checked, or `BuktiDitolak` saying why it is refused."""
    if len(isi) > UKURAN_MAKS:
        raise BuktiDitolak(f"Berkas terlalu besar ({_mb(len(isi))} MB); paling besar {UKURAN_MAKS // MB} MB.")
    if not isi:
        raise BuktiDitolak("Berkas kosong.")
    if isi.startswith(b"%PDF-"):
        _periksa_pdf(isi)
        return BerkasBersih(isi, "pdf")
    if isi.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")) or isi[:4] + isi[8:12] == b"RIFFWEBP":
        try:
            gambar = periksa_gambar(isi)
        except GambarDitolak as exc:
            raise BuktiDitolak(str(exc)) from None
        return BerkasBersih(gambar.isi, gambar.format)
    if isi.startswith(b"PK\x03\x04"):
        return BerkasBersih(isi, _periksa_office(isi))
    raise BuktiDitolak(f"{_rupa(isi)} Yang diterima: {DITERIMA}.")


def _mb(n: int) -> str:
    return f"{n / MB:.1f}".replace(".", ",")


def _rupa(isi: bytes) -> str:
    """What an unknown file looks like, so the refusal names it rather than only «unknown»."""
    awal = isi[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if awal.startswith((b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<")):
        return "Berkas ini HTML/XML (halaman web atau skrip), bukan dokumen bukti."
    if awal.startswith(b"#!") or awal.startswith(b"mz"):
        return "Berkas ini program atau skrip, bukan dokumen bukti."
    if isi.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "Berkas ini format Office lama (doc/xls/ppt, dapat berisi makro); simpan sebagai docx/xlsx/pptx."
        )
    return "Jenis berkas tidak dikenali dari isinya."


# --- PDF ---------------------------------------------------------------------------------

NAMA_PDF = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
AKTIF = {
    b"JavaScript": "JavaScript",
    b"JS": "JavaScript",
    b"Launch": "perintah menjalankan program (Launch)",
    b"EmbeddedFile": "berkas tersisip",
    b"EmbeddedFiles": "berkas tersisip",
    b"RichMedia": "media aktif (RichMedia)",
    b"XFA": "formulir XFA",
    b"SubmitForm": "pengiriman formulir",
    b"ImportData": "impor data",
}
TAG_HTML = re.compile(rb"<\s*(?:script|html|body|iframe|svg|object|embed|!doctype)\b", re.IGNORECASE)
AKHIR_PDF = re.compile(rb"%%EOF[\r\n\0 \t\f]*\Z")
OBJSTM = re.compile(rb"<<((?:(?!>>\s*stream).){0,2000}?/Type\s*/ObjStm.{0,2000}?)>>\s*stream\r?\n", re.DOTALL)


def _periksa_pdf(isi: bytes) -> None:
    if not re.match(rb"%PDF-[12]\.\d", isi):
        raise BuktiDitolak("Berkas PDF rusak: kepala berkas tidak sah.")
    akhir = AKHIR_PDF.search(isi)
    if akhir is None:
        if b"%%EOF" in isi:
            raise BuktiDitolak(
                "Ada data lain setelah akhir PDF (%%EOF), misalnya halaman web atau skrip yang "
                "ditempelkan; cetak ulang PDF-nya dari aplikasi asalnya."
            )
        raise BuktiDitolak("Berkas PDF terpotong: tidak ada penanda akhir (%%EOF).")
    _periksa_xref(isi)
    if TAG_HTML.search(isi):
        raise BuktiDitolak("PDF ini berisi kode HTML (berkas ganda PDF/halaman web); cetak ulang PDF-nya.")
    for bagian in (isi, *_objstm(isi)):
        for nama in NAMA_PDF.findall(bagian):
            nama = _nama_pdf(nama)
            if nama in AKTIF:
                raise BuktiDitolak(
                    f"PDF ini berisi {AKTIF[nama]}, yang dapat dijalankan oleh pembaca PDF; "
                    "cetak ulang sebagai PDF biasa (misalnya «Print to PDF»)."
                )


def _nama_pdf(nama: bytes) -> bytes:
    """A PDF name with its `#xx` escapes undone (`/J#61vaScript` is `/JavaScript`)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), nama)


def _periksa_xref(isi: bytes) -> None:
    """The last `startxref` points at a cross-reference table or stream, and a trailer
    (or the stream's dictionary) names the document's root."""
    ekor = isi[-2048:]
    cocok = list(re.finditer(rb"startxref\s+(\d+)\s+%%EOF", ekor))
    if not cocok:
        raise BuktiDitolak("Berkas PDF rusak: tidak ada rujukan silang (startxref).")
    letak = int(cocok[-1].group(1))
    if letak >= len(isi):
        raise BuktiDitolak("Berkas PDF rusak: rujukan silang menunjuk ke luar berkas.")
    if isi.startswith(b"xref", letak):
        if not re.search(rb"trailer\s*<<.*?/Root\s+\d+\s+\d+\s+R", isi[letak:], re.DOTALL):
            raise BuktiDitolak("Berkas PDF rusak: trailer tanpa katalog dokumen (/Root).")
    elif re.match(rb"\d+\s+\d+\s+obj\s*<<", isi[letak : letak + 64]):
        kamus = isi[letak : letak + 4096]
        if b"/XRef" not in kamus or not re.search(rb"/Root\s+\d+\s+\d+\s+R", kamus):
            raise BuktiDitolak("Berkas PDF rusak: rujukan silang tanpa katalog dokumen (/Root).")
    else:
        raise BuktiDitolak("Berkas PDF rusak: startxref tidak menunjuk ke rujukan silang.")


def _objstm(isi: bytes):
    """The inflated bytes of every compressed object stream, within ISI_OBJSTM_MAKS together:
    the dictionaries packed there are where active content would otherwise hide."""
    sisa = ISI_OBJSTM_MAKS
    for cocok in OBJSTM.finditer(isi):
        if b"/FlateDecode" not in cocok.group(1):
            continue
        pengurai = zlib.decompressobj()
        try:
            hasil = pengurai.decompress(isi[cocok.end() : cocok.end() + UKURAN_MAKS], sisa + 1)
        except zlib.error:
            raise BuktiDitolak("Berkas PDF rusak: aliran objek tidak dapat dibaca.") from None
        sisa -= len(hasil)
        if sisa < 0:
            raise BuktiDitolak("PDF ini dikompresi secara tidak wajar (kemungkinan bom kompresi).")
        yield hasil


# --- Office Open XML ---------------------------------------------------------------------

FOLDER_UTAMA = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
UMUM = ("_rels/", "docProps/", "customXml/")
BAGIAN_UTAMA = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
EOCD = b"PK\x05\x06"
GANDA = "Berkas ZIP berisi data di luar bagian-bagiannya (berkas ganda); simpan ulang berkasnya."


def _periksa_office(isi: bytes) -> str:
    """The OOXML kind of the ZIP in `isi` ("docx", "xlsx", "pptx"), or `BuktiDitolak`."""
    bukan = f"Berkas ZIP ini bukan berkas Office (docx, xlsx, pptx). Yang diterima: {DITERIMA}."
    try:
        arsip = zipfile.ZipFile(io.BytesIO(isi))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise BuktiDitolak("Berkas ZIP rusak.") from None
    with arsip:
        anggota = arsip.infolist()
        _periksa_bom(anggota)
        _periksa_susunan(isi, anggota)
        nama = [a.filename for a in anggota]
        if "[Content_Types].xml" not in nama:
            raise BuktiDitolak(bukan)
        utama = {FOLDER_UTAMA.get(n.split("/", 1)[0] + "/") for n in nama} - {None}
        if len(utama) != 1:
            raise BuktiDitolak(bukan)
        [jenis] = utama
        if BAGIAN_UTAMA[jenis] not in nama:
            raise BuktiDitolak(bukan)
        folder = next(f for f, j in FOLDER_UTAMA.items() if j == jenis)
        for n in nama:
            if n != "[Content_Types].xml" and not n.startswith((folder, *UMUM)):
                raise BuktiDitolak(f"Berkas berisi bagian yang bukan bagian berkas Office: «{n[:80]}».")
            if ".." in n.split("/") or n.startswith("/") or "\\" in n:
                raise BuktiDitolak("Berkas berisi nama bagian yang tidak sah.")
            bawah = n.lower()
            if bawah.endswith(("vbaproject.bin", "vbadata.xml")):
                raise BuktiDitolak("Berkas berisi makro; simpan tanpa makro (docx, xlsx, pptx biasa).")
            if "/activex/" in bawah or (bawah.endswith(".bin") and "/embeddings/" in bawah):
                raise BuktiDitolak(
                    "Berkas berisi kontrol ActiveX atau objek OLE tersisip; simpan tanpa objek itu."
                )
        _periksa_jenis_konten(arsip)
    return jenis


def _periksa_bom(anggota: list[zipfile.ZipInfo]) -> None:
    """Count, total size and ratio from the ZIP's directory: nothing is inflated."""
    if len(anggota) > ANGGOTA_MAKS:
        raise BuktiDitolak(
            f"Berkas berisi terlalu banyak bagian ({len(anggota)}; paling banyak {ANGGOTA_MAKS})."
        )
    total = sum(a.file_size for a in anggota)
    if total > ISI_ZIP_MAKS:
        raise BuktiDitolak(
            f"Isi berkas terlalu besar setelah diekstrak ({total // MB} MB; "
            f"paling besar {ISI_ZIP_MAKS // MB} MB): kemungkinan bom zip."
        )
    for a in anggota:
        if a.file_size > RASIO_MAKS * max(a.compress_size, 1):
            raise BuktiDitolak(
                f"Bagian «{a.filename[:80]}» dikompresi secara tidak wajar: kemungkinan bom zip."
            )


def _periksa_susunan(isi: bytes, anggota: list[zipfile.ZipInfo]) -> None:
    """Members follow each other from the first byte to the directory, and the directory
    ends the file: no data hides before, between or after them (a polyglot)."""
    letak = 0
    for a in sorted(anggota, key=lambda a: a.header_offset):
        if a.header_offset != letak or isi[letak : letak + 4] != b"PK\x03\x04":
            raise BuktiDitolak(GANDA)
        panjang_nama, panjang_tambahan = struct.unpack("<HH", isi[letak + 26 : letak + 30])
        letak += 30 + panjang_nama + panjang_tambahan + a.compress_size
        if a.flag_bits & 0x08:  # a data descriptor follows: CRC and sizes, perhaps signed
            letak += 16 if isi[letak : letak + 4] == b"PK\x07\x08" else 12
            if a.file_size >= 0xFFFFFFFF or a.compress_size >= 0xFFFFFFFF:
                letak += 8
    akhir = isi.rfind(EOCD)
    if akhir < 0 or akhir + 22 != len(isi) or isi.find(b"PK\x01\x02", letak) != letak:
        raise BuktiDitolak(GANDA)


def _periksa_jenis_konten(arsip: zipfile.ZipFile) -> None:
    with arsip.open("[Content_Types].xml") as berkas:
        teks = berkas.read(JENIS_KONTEN_MAKS + 1)
    if len(teks) > JENIS_KONTEN_MAKS:
        raise BuktiDitolak("Berkas Office rusak: daftar jenis isi terlalu besar.")
    try:
        akar = ElementTree.fromstring(teks)
    except Exception:
        raise BuktiDitolak("Berkas Office rusak: daftar jenis isi tidak dapat dibaca.") from None
    for unsur in akar.iter():
        jenis = unsur.get("ContentType", "").lower()
        if "macroenabled" in jenis or "vbaproject" in jenis:
            raise BuktiDitolak("Berkas berisi makro; simpan tanpa makro (docx, xlsx, pptx biasa).")
