"""Checks an uploaded spreadsheet before it is parsed: size, zip structure, macros.

openpyxl reads XML through defusedxml (installed, so it is used), which stops entity
bombs; what it cannot stop, a zip whose entries expand to gigabytes, too many entries, a
macro workbook, is refused here from the zip's directory alone, without extracting.
"""

import io
import zipfile

UKURAN_MAKS = 5 * 1024 * 1024  # bytes of the upload
ENTRI_MAKS = 200  # files inside the zip
ISI_MAKS = 60 * 1024 * 1024  # bytes once uncompressed, all entries together
RASIO_MAKS = 150  # uncompressed / compressed, per entry


class BerkasDitolak(ValueError):
    """The file is refused; the message says why, for the person who uploaded it."""


def periksa_berkas(isi: bytes) -> None:
    """Raise `BerkasDitolak` unless `isi` looks like a plain .xlsx workbook of sane size."""
    if len(isi) > UKURAN_MAKS:
        raise BerkasDitolak(
            f"Berkas terlalu besar ({len(isi) // 1024} KB); batasnya {UKURAN_MAKS // 1024 // 1024} MB."
        )
    if isi.startswith(b"%PDF"):
        raise BerkasDitolak("Berkas ini PDF, bukan lembar kerja Excel (.xlsx).")
    if not zipfile.is_zipfile(io.BytesIO(isi)):
        raise BerkasDitolak("Berkas ini bukan lembar kerja Excel (.xlsx).")
    with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
        entri = arsip.infolist()
        if len(entri) > ENTRI_MAKS:
            raise BerkasDitolak(f"Berkas berisi terlalu banyak bagian ({len(entri)}).")
        nama = {e.filename for e in entri}
        if "[Content_Types].xml" not in nama or "xl/workbook.xml" not in nama:
            raise BerkasDitolak("Berkas ini bukan lembar kerja Excel (.xlsx).")
        if any(n.lower().endswith("vbaproject.bin") for n in nama):
            raise BerkasDitolak("Berkas berisi makro; simpan sebagai .xlsx biasa tanpa makro.")
        if sum(e.file_size for e in entri) > ISI_MAKS:
            raise BerkasDitolak("Isi berkas terlalu besar setelah diekstrak (kemungkinan bom zip).")
        for e in entri:
            if e.compress_size and e.file_size / e.compress_size > RASIO_MAKS:
                raise BerkasDitolak("Berkas dikompresi secara tidak wajar (kemungkinan bom zip).")
