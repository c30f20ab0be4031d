// The LKjIP's PDF links (templates/lkjip/laporan.html, templates/sakip/instansi_tahun.html):
// the stored PDF opens while it is current; otherwise the server first checks it against the
// data and hands the making to a background job, whose progress page then opens, so the
// link's note says what is under way until the next page comes. A static file rather than an
// inline script, because the Content-Security-Policy allows scripts from this origin only;
// the link names its note by id in data-pdf.
(function () {
  const SEDANG = "Membuka PDF… bila perlu dibuat ulang, halaman kemajuannya akan terbuka.";
  document.querySelectorAll("a[data-pdf]").forEach(function (tautan) {
    const catatan = document.getElementById(tautan.dataset.pdf);
    if (!catatan) return;
    const semula = catatan.textContent;
    tautan.addEventListener("click", function (e) {
      // A click that opens another tab or a download leaves this page waiting for nothing.
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      catatan.textContent = SEDANG;
      catatan.classList.add("sedang");
      tautan.setAttribute("aria-busy", "true");
    });
    // Coming back to this page (Back, from the browser's cache) shows the note as it was.
    window.addEventListener("pageshow", function () {
      catatan.textContent = semula;
      catatan.classList.remove("sedang");
      tautan.removeAttribute("aria-busy");
    });
  });
})();
