// Realisation entry (templates/kinerja/realisasi.html): while the planner types, ask the
// server what the figures give, with the same parser and arithmetic as saving. A static
// file rather than an inline script, because the Content-Security-Policy allows scripts
// from this origin only; the page passes the preview's URL and quarter as data- attributes.
(function () {
  const form = document.getElementById("form-realisasi");
  const kotak = document.getElementById("pratinjau");
  if (!form || !kotak) return;
  const url = form.dataset.urlPratinjau;
  const triwulan = form.dataset.triwulan;
  let tunda;
  function pratinjau() {
    const data = new URLSearchParams(new FormData(form));
    data.delete("csrfmiddlewaretoken");
    if (triwulan) data.set("triwulan", triwulan);
    fetch(url + "?" + data.toString(), {credentials: "same-origin"})
      .then(r => r.json())
      .then(h => {
        if (h.galat) { kotak.textContent = h.galat.join(" "); kotak.classList.add("galat"); return; }
        kotak.classList.remove("galat");
        kotak.textContent = "Realisasi " + h.realisasi + " dari target " + h.target + " — capaian " + h.capaian + " " + h.predikat;
      });
  }
  form.addEventListener("input", () => { clearTimeout(tunda); tunda = setTimeout(pratinjau, 250); });
})();
