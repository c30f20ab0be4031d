"""Background jobs: `pekerjaan.jalankan(nama_tugas, *, oleh, judul, **argumen)` enqueues a
registered task and returns its `Pekerjaan`; `templates/pekerjaan/_kemajuan.html` shows a
job's live progress. The rest of the app is in `antrean` (run, retry, sweep), `tugas` (the
tasks), `views` (progress pages, the PDF download, the bulk generation)."""


def __getattr__(nama):
    # Imported on first use: the package itself is imported before the app registry is ready.
    if nama == "jalankan":
        from pekerjaan.antrean import jalankan

        return jalankan
    raise AttributeError(nama)
