// detente: render the plotly figures embedded in a page or report as JSON.
"use strict";

const PLOT_CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["select2d", "lasso2d"] };

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// JSON from the server: a page may have started the request early (window.detentePrefetch).
async function fetchJson(url) {
  const early = window.detentePrefetch && window.detentePrefetch[url];
  if (early) delete window.detentePrefetch[url];
  const response = await (early || fetch(url));
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

// Run `work` with `overlay` shown over `plot`; a failure is said in the overlay. `work`
// returns false when a newer request has taken over (the overlay then stays for it).
async function whileLoading(overlay, plot, what, work) {
  overlay.hidden = false;
  overlay.classList.remove("error");
  overlay.textContent = `Loading ${what}…`;
  plot.setAttribute("aria-busy", "true");
  try {
    if ((await work()) === false) return;
  } catch (error) {
    overlay.textContent = `Could not load the ${what}: ${error.message}`;
    overlay.classList.add("error");
    return;
  }
  overlay.hidden = true;
  plot.setAttribute("aria-busy", "false");
}

// A year slider: its label follows at once, `show(year)` runs once it rests for `delay` ms.
function onYearSlide(slider, label, show, delay) {
  let timer = null;
  slider.addEventListener("input", () => {
    label.textContent = slider.value;
    clearTimeout(timer);
    timer = setTimeout(() => show(slider.value), delay);
  });
}

function renderEmbeddedFigures() {
  const blocks = document.querySelectorAll("script.figure-data");
  const pending = [];
  blocks.forEach((block) => {
    const target = document.getElementById(block.dataset.target);
    if (!target) return;
    const fig = JSON.parse(block.textContent);
    target.innerHTML = "";
    pending.push(Plotly.newPlot(target, fig.data, fig.layout, PLOT_CONFIG).then(() => {
      target.setAttribute("aria-busy", "false");
      target.dataset.rendered = "true";
    }));
  });
  return Promise.all(pending).then(() => { document.body.dataset.figuresReady = "true"; });
}

document.addEventListener("DOMContentLoaded", renderEmbeddedFigures);
