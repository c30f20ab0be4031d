"""Whether an uploaded file is an image we may keep, and the clean bytes we keep instead.

A file is accepted only when its content (never its name or declared type) is a PNG, JPEG
or WebP that Pillow opens and verifies, within the size limits, and with nothing after the
image's own end (a PNG with a ZIP appended is a polyglot: refused, not trimmed). The pixel
count is read from the header and checked before anything is decoded (a decompression
bomb is refused unread). What is stored is not the upload but the image re-encoded from
its pixels: metadata, comments, colour profiles, scripts and trailing data do not survive.
Pure: bytes in, `GambarBersih` out or `GambarDitolak` with a message for the planner.
"""

import hashlib
import io
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

UKURAN_MAKS = 5 * 1024 * 1024  # bytes of an upload, under the request limit of 6 MB
PIKSEL_MAKS = 40_000_000  # a 8000 × 5000 scan of a process map; 20000 × 20000 is not
SISI_MAKS = 3000  # the stored image's longest side: sharp at A4 width, small in the page
FORMAT = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}


class GambarDitolak(ValueError):
    """The upload is not an image we keep; the message says why, in the planner's words."""


@dataclass(frozen=True)
class GambarBersih:
    isi: bytes
    format: str  # png, jpeg, webp
    lebar: int
    tinggi: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.isi).hexdigest()


def _akhir_png(isi: bytes) -> int:
    """Where a PNG ends: after its IEND chunk."""
    letak = 8
    while letak + 8 <= len(isi):
        (panjang,) = struct.unpack(">I", isi[letak : letak + 4])
        jenis = isi[letak + 4 : letak + 8]
        letak += 12 + panjang
        if jenis == b"IEND":
            return letak
    raise GambarDitolak("Berkas PNG terpotong: tidak ada akhir gambar (IEND).")


def _akhir_jpeg(isi: bytes) -> int:
    """Where a JPEG ends: after the EOI marker that closes its last scan."""
    letak = 2
    while letak + 2 <= len(isi):
        if isi[letak] != 0xFF:
            raise GambarDitolak("Berkas JPEG rusak: susunan penanda tidak sah.")
        penanda = isi[letak + 1]
        if penanda == 0xD9:
            return letak + 2
        if penanda in (0x01, *range(0xD0, 0xD8)) or penanda == 0xFF:
            letak += 1 if penanda == 0xFF else 2
            continue
        if letak + 4 > len(isi):
            break
        (panjang,) = struct.unpack(">H", isi[letak + 2 : letak + 4])
        letak += 2 + panjang
        if penanda == 0xDA:
            # Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00
            # nor a restart marker.
            while letak + 1 < len(isi) and not (
                isi[letak] == 0xFF and isi[letak + 1] != 0x00 and not 0xD0 <= isi[letak + 1] <= 0xD7
            ):
                letak += 1
    raise GambarDitolak("Berkas JPEG terpotong: tidak ada akhir gambar (EOI).")


def _akhir_webp(isi: bytes) -> int:
    """Where a WebP ends: the RIFF header says how long it is."""
    (panjang,) = struct.unpack("<I", isi[4:8])
    return 8 + panjang + (panjang % 2)


AKHIR = {"PNG": _akhir_png, "JPEG": _akhir_jpeg, "WEBP": _akhir_webp}


def periksa(isi: bytes) -> GambarBersih:
    """The image in `isi` checked and re-encoded, or `GambarDitolak` saying why not."""
    if len(isi) > UKURAN_MAKS:
        raise GambarDitolak(f"Berkas terlalu besar: paling besar {UKURAN_MAKS // (1024 * 1024)} MB.")
    if not isi:
        raise GambarDitolak("Berkas kosong.")
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own bomb limit; ours is lower and checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            gambar = Image.open(io.BytesIO(isi), formats=list(FORMAT))
    except Image.DecompressionBombError:
        raise GambarDitolak("Gambar terlalu besar. " + _pesan_piksel()) from None
    except Exception:
        raise GambarDitolak("Berkas ini bukan gambar PNG, JPEG atau WebP.") from None
    lebar, tinggi = gambar.size
    if lebar * tinggi > PIKSEL_MAKS:
        raise GambarDitolak(f"Gambar {lebar} × {tinggi} piksel terlalu besar. " + _pesan_piksel())
    jenis = gambar.format
    if AKHIR[jenis](isi) < len(isi):
        raise GambarDitolak(
            "Ada data lain setelah akhir gambar (misalnya arsip ZIP atau skrip yang ditempelkan); "
            "simpan ulang gambarnya dari aplikasi pengolah gambar."
        )
    try:
        gambar.verify()
        # verify() leaves the image unusable: decode it again, now in full.
        gambar = Image.open(io.BytesIO(isi), formats=[jenis])
        gambar.load()
    except Exception:
        raise GambarDitolak("Gambar rusak atau terpotong; tidak dapat dibaca seluruhnya.") from None
    return _kodekan_ulang(gambar, FORMAT[jenis])


def _pesan_piksel() -> str:
    return f"Paling banyak {PIKSEL_MAKS // 1_000_000} juta piksel."


def _kodekan_ulang(gambar: Image.Image, format: str) -> GambarBersih:
    """The pixels alone, upright, at most SISI_MAKS on a side, in a fresh file."""
    gambar = ImageOps.exif_transpose(gambar)
    if format == "jpeg" or gambar.mode not in ("RGB", "RGBA", "L", "LA"):
        alfa = "A" in gambar.getbands() or "transparency" in gambar.info
        gambar = gambar.convert("RGBA" if format != "jpeg" and alfa else "RGB")
    gambar.thumbnail((SISI_MAKS, SISI_MAKS))
    keluaran = io.BytesIO()
    if format == "png":
        gambar.save(keluaran, "PNG", optimize=True)
    elif format == "jpeg":
        gambar.save(keluaran, "JPEG", quality=88)
    else:
        gambar.save(keluaran, "WEBP", quality=88)
    return GambarBersih(keluaran.getvalue(), format, *gambar.size)
