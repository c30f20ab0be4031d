// The narrative editor (templates/narasi/ubah.html): a button beside each reference code
// puts the code into the text at the cursor; beside a table's or chart's code a second one
// puts a marker line that places it there. A static file, because the Content-Security-
// Policy allows scripts from this origin only. Without JavaScript the codes stay
// selectable text to copy.
(function () {
  const teks = document.getElementById("id_teks");
  const daftar = document.getElementById("daftar-rujukan");
  if (!teks || !daftar || teks.readOnly) return;

  function sisipkan(isi) {
    const awal = teks.selectionStart, akhir = teks.selectionEnd;
    teks.setRangeText(isi, awal, akhir, "end");
    teks.focus();
    teks.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function tombol(label, judul, isi) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "sisip";
    b.textContent = label;
    b.title = judul;
    b.addEventListener("click", () => sisipkan(isi));
    return b;
  }

  daftar.querySelectorAll("code[data-kode]").forEach((kode) => {
    const nama = kode.dataset.kode;
    kode.after(tombol("sisipkan", "Sisipkan rujukan ini di posisi kursor", "{{" + nama + "}}"));
    const bernomor = nama.match(/^(?:tabel|grafik)\.(.+)$/);
    if (bernomor) {
      kode.parentElement.append(
        tombol("tempatkan", "Tempatkan tabel/grafik ini di posisi kursor", "\n\n[[" + bernomor[1] + "]]\n\n")
      );
    }
  });
})();
