// A job's progress bar (templates/pekerjaan/_kemajuan.html) follows the job without a page
// reload: while it waits or runs, its status is fetched every 1.5 seconds and the bar, the
// count, the message, the error, the result link and «Coba lagi» are set from it. A static
// file, as the Content-Security-Policy allows no inline script; a page that includes the
// partial twice loads this twice, so each box is followed once.
(function () {
  const JEDA = 1500;

  function isi(kotak, nama) {
    return kotak.querySelector('[data-isi="' + nama + '"]');
  }

  function tampilkan(kotak, p) {
    kotak.dataset.status = p.status;
    isi(kotak, "status_label").textContent = p.status_label;
    isi(kotak, "angka").textContent = p.selesai + " dari " + p.total;
    isi(kotak, "pesan").textContent = p.pesan;
    const batang = kotak.querySelector(".batang");
    const isiBatang = kotak.querySelector(".isi-batang");
    batang.setAttribute("aria-valuenow", p.persen);
    isiBatang.style.width = p.persen + "%";
    isiBatang.classList.toggle("nol", p.selesai === 0 && p.status !== "selesai");
    const galat = isi(kotak, "galat");
    galat.textContent = p.galat;
    galat.hidden = !p.galat;
    const hasil = isi(kotak, "hasil");
    hasil.hidden = !p.tautan_hasil;
    if (p.tautan_hasil) {
      const tautan = hasil.querySelector("a");
      tautan.href = p.tautan_hasil;
      tautan.textContent = p.label_hasil;
    }
    isi(kotak, "coba-lagi").hidden = p.status !== "gagal";
  }

  function ikuti(kotak) {
    if (kotak.dataset.diikuti) return;
    kotak.dataset.diikuti = "1";
    function tanya() {
      fetch(kotak.dataset.statusUrl, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (p) {
          tampilkan(kotak, p);
          if (p.aktif) setTimeout(tanya, JEDA);
        })
        // A network hiccup (the server restarting) is not the job's end: ask again later.
        .catch(function () {
          setTimeout(tanya, JEDA * 4);
        });
    }
    if (kotak.dataset.status === "antri" || kotak.dataset.status === "berjalan") tanya();
  }

  document.querySelectorAll(".kemajuan[data-status-url]").forEach(ikuti);
})();
