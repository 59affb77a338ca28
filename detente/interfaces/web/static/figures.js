// detente: render the plotly figures embedded in a page or report as JSON.
"use strict";

const PLOT_CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["select2d", "lasso2d"] };

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
