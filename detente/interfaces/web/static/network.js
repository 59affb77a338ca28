// detente network page: the year slider, the instrument filter, the drawing and the ranking.
"use strict";

function startNetwork(app) {
  const plot = document.getElementById("network");
  const overlay = document.getElementById("network-loading");
  const slider = document.getElementById("year");
  const label = document.getElementById("year-label");
  const form = document.getElementById("network-controls");
  let request = 0;
  let bound = false;

  function chosen() {
    return [...form.querySelectorAll("input[name=instrument]:checked")].map((box) => box.value);
  }

  function fragmentUrl(year) {
    return `/fragments/network?year=${year}` + chosen().map((i) => `&instrument=${encodeURIComponent(i)}`).join("");
  }

  function link(value, href, digits = 2) {
    const text = value.toFixed(digits);
    return href ? `<a href="${href}">${text}</a>` : text;
  }

  function renderTable(payload) {
    const head = document.querySelector("#rank-table thead tr");
    head.innerHTML = "<th>#</th><th>State</th><th class=\"num\">Combined</th>" +
      payload.layers.map((l) => `<th class="num">${escapeHtml(l.label)}</th>`).join("") +
      "<th class=\"num\">Linked to</th>";
    document.querySelector("#rank-table tbody").innerHTML = payload.rows.map((r) =>
      `<tr data-ccode="${r.ccode}"><td class="num">${r.rank}</td>` +
      `<td><a href="/country/${r.ccode}?to=${payload.year}">${escapeHtml(r.name)}</a></td>` +
      `<td class="num">${link(r.strength, r.href)}</td>` +
      r.layers.map((l) => `<td class="num">${link(l.strength, l.href)}</td>`).join("") +
      `<td class="num">${link(r.degree, r.href, 0)}</td></tr>`).join("");
    document.getElementById("rank-year").textContent = payload.year;
    document.getElementById("network-count").textContent =
      `${payload.states} states with a tie (of ${payload.members} members), ${payload.ties.toLocaleString("en")} links.`;
    document.getElementById("network-sources").innerHTML = "Sources: " + payload.layers.map((l) =>
      l.href ? `<a href="${l.href}">${escapeHtml(l.label)}: ${escapeHtml(l.source)}</a>` : `${escapeHtml(l.label)}: user entries`).join("; ");
  }

  function show(year) {
    const mine = ++request;
    return whileLoading(overlay, plot, "network", async () => {
      const payload = await fetchJson(fragmentUrl(year));
      if (mine !== request) return false;
      await Plotly.react(plot, payload.figure.data, payload.figure.layout,
                         { ...PLOT_CONFIG, scrollZoom: true });
      if (!bound) {
        plot.on("plotly_click", (event) => {
          const point = event.points && event.points.find((p) => Array.isArray(p.customdata));
          if (!point) return;
          const [code, year] = point.customdata;  // year: null if not a member that year
          window.location.href = `/country/${encodeURIComponent(code)}` + (year ? `?to=${year}` : "");
        });
        bound = true;
      }
      renderTable(payload);
      plot.dataset.year = String(payload.year);
      const url = new URL(window.location.href);
      url.searchParams.set("year", payload.year);
      history.replaceState(null, "", url);
      return true;
    });
  }

  onYearSlide(slider, label, show, 150);
  form.addEventListener("change", (event) => {
    if (event.target.name !== "instrument") return;
    if (chosen().length === 0) {
      event.target.checked = true;  // at least one layer
      return;
    }
    // Other layers cover other years: let the server set the slider's range.
    window.location.href = `/network?year=${slider.value}` + chosen().map((i) => `&instrument=${encodeURIComponent(i)}`).join("");
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  show(app.dataset.year);
}

document.addEventListener("DOMContentLoaded", () => {
  const app = document.getElementById("network-app");
  if (app && app.dataset.year) startNetwork(app);
});
