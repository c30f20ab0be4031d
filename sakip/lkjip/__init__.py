"""The LKjIP: gathering the data (`data`), building tables and charts (`tabel_*`, `grafik`),
laying them out by the agency's chapter layout (`susunan`, `susun`), rendering to HTML and
PDF (`render`)."""
