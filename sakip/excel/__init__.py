"""Spreadsheets in and out: planners' templates, their safe upload, and tables as .xlsx.

`aman` refuses hostile files before openpyxl parses anything; `realisasi` builds the
realisation template and reads it back (validate everything, preview, apply in one
transaction); `ekspor` writes report tables with real numbers and number formats.
"""
