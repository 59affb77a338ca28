// detente world map page: the year slider, the map and the ranking table.
"use strict";

function formatValue(value, fmt) {
  if (value === null || value === undefined) return "–";
  const digits = /\.(\d+)f/.exec(fmt || "");
  if (!digits) return String(value);
  const places = Number(digits[1]);
  return (fmt || "").startsWith(",")
    ? value.toLocaleString("en", { minimumFractionDigits: places, maximumFractionDigits: places })
    : value.toFixed(places);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function startMap(app) {
  const mapDiv = document.getElementById("map");
  const overlay = document.getElementById("map-loading");
  const slider = document.getElementById("year");
  const label = document.getElementById("year-label");
  const select = document.getElementById("measure");
  let geo = null;
  let request = 0;
  let bound = false;

  async function json(url) {
    const early = window.detentePrefetch && window.detentePrefetch[url];
    if (early) delete window.detentePrefetch[url];
    const response = await (early || fetch(url));
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  function renderTable(payload) {
    const tbody = document.querySelector("#rank-table tbody");
    const src = payload.sources[0];
    tbody.innerHTML = payload.rows.map((r) =>
      `<tr data-ccode="${r.ccode}"><td class="num">${r.rank}</td>` +
      `<td><a href="/country/${r.ccode}">${escapeHtml(r.name || r.ccode)}</a></td>` +
      `<td class="num"><a href="${src.href}" title="${escapeHtml(src.id + " " + src.version)}">${formatValue(r.value, payload.measure.format)}</a></td></tr>`
    ).join("");
    document.getElementById("rank-year").textContent = payload.year;
    document.getElementById("rank-count").textContent = `${payload.rows.length} states ranked; ${payload.measure.unit}.`;
    const unmapped = document.getElementById("unmapped");
    unmapped.hidden = payload.unmapped.length === 0;
    unmapped.querySelector("summary").textContent = `${payload.unmapped.length} not on the map`;
    unmapped.querySelector("p").textContent = payload.unmapped.join(", ") +
      ": too small for 1:110m outlines, or no longer existing. They are ranked in the table.";
    document.getElementById("map-sources").innerHTML = "Source: " + payload.sources.map((s) => `<a href="${s.href}">${escapeHtml(s.id)} ${escapeHtml(s.version)}</a>`).join("; ");
    document.getElementById("map-unit").textContent = payload.measure.unit;
  }

  async function show(year) {
    const mine = ++request;
    overlay.hidden = false;
    mapDiv.setAttribute("aria-busy", "true");
    try {
      const measure = select.value;
      const [payload] = await Promise.all([
        json(`/fragments/map?measure=${encodeURIComponent(measure)}&year=${year}`),
        geo ? Promise.resolve() : json("/api/v1/geo/countries").then((g) => { geo = g; }),
      ]);
      if (mine !== request) return;
      payload.figure.data.forEach((trace) => { trace.geojson = geo; });
      await Plotly.react(mapDiv, payload.figure.data, payload.figure.layout, PLOT_CONFIG);
      if (!bound) {
        mapDiv.on("plotly_click", (event) => {
          const point = event.points && event.points[0];
          if (!point) return;
          const code = point.customdata !== undefined ? point.customdata : point.location;
          window.location.href = `/country/${encodeURIComponent(code)}?to=${slider.value}`;
        });
        bound = true;
      }
      renderTable(payload);
      app.dataset.year = String(payload.year);
      mapDiv.dataset.year = String(payload.year);
      const url = new URL(window.location.href);
      url.searchParams.set("year", payload.year);
      url.searchParams.set("measure", measure);
      history.replaceState(null, "", url);
    } catch (error) {
      overlay.textContent = `Could not load the map: ${error.message}`;
      overlay.classList.add("error");
      return;
    }
    overlay.hidden = true;
    mapDiv.setAttribute("aria-busy", "false");
  }

  let timer = null;
  slider.addEventListener("input", () => {
    label.textContent = slider.value;
    clearTimeout(timer);
    timer = setTimeout(() => show(slider.value), 120);
  });
  select.addEventListener("change", () => { window.location.href = `/map?measure=${encodeURIComponent(select.value)}`; });
  show(app.dataset.year);
}

document.addEventListener("DOMContentLoaded", () => {
  const app = document.getElementById("map-app");
  if (app) startMap(app);
});
