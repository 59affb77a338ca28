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

function startMap(app) {
  const mapDiv = document.getElementById("map");
  const overlay = document.getElementById("map-loading");
  const slider = document.getElementById("year");
  const label = document.getElementById("year-label");
  const select = document.getElementById("measure");
  let geo = null;
  let request = 0;
  let bound = false;

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

  function show(year) {
    const mine = ++request;
    return whileLoading(overlay, mapDiv, "map", async () => {
      const measure = select.value;
      const [payload] = await Promise.all([
        fetchJson(`/fragments/map?measure=${encodeURIComponent(measure)}&year=${year}`),
        geo ? Promise.resolve() : fetchJson("/api/v1/geo/countries").then((g) => { geo = g; }),
      ]);
      if (mine !== request) return false;
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
      return true;
    });
  }

  onYearSlide(slider, label, show, 120);
  select.addEventListener("change", () => { window.location.href = `/map?measure=${encodeURIComponent(select.value)}`; });
  show(app.dataset.year);
}

document.addEventListener("DOMContentLoaded", () => {
  const app = document.getElementById("map-app");
  if (app) startMap(app);
});
