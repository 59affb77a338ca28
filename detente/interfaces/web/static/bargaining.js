// detente bargaining page: the actor table, the forecast by round, a what-if, the sensitivity
// distribution and the pivotal actors.
"use strict";

(() => {
  const { el, api, running, fmt, num, link, table, sourceLine, layout, plot, number, InputError } = Runs;
  const FIELDS = ["actor", "capability", "position", "salience"];
  const STOPPED = { no_moves: "nobody moves any more", max_rounds: "the round limit",
                    forecast_settled: "the forecasts held" };
  const state = { fromExample: false };

  const form = () => document.getElementById("issue-form");
  const body = () => document.querySelector("#actors tbody");

  function actorRow(actor = {}) {
    const cells = FIELDS.map((field) => el("td", {}, el("input", {
      name: field, value: actor[field] ?? "", "aria-label": field,
      type: field === "actor" ? "text" : "number", step: "any", maxlength: field === "actor" ? 60 : null,
      min: field === "actor" || field === "position" ? null : 0, max: field === "salience" ? 100 : null,
    })));
    const remove = el("button", { type: "button", class: "small secondary", "aria-label": "Remove this actor",
                                  onclick: (event) => { event.target.closest("tr").remove(); edited(); } }, "Remove");
    return el("tr", {}, cells, el("td", {}, remove));
  }

  function actorNames() {
    return [...body().querySelectorAll("input[name=actor]")].map((i) => i.value.trim()).filter(Boolean);
  }

  function refreshChoices() {
    const names = actorNames();
    document.querySelectorAll("select.actor-choice").forEach((select) => {
      const chosen = select.value;
      select.replaceChildren(el("option", { value: "" }, "(none)"), ...names.map((n) => el("option", { value: n }, n)));
      select.value = names.includes(chosen) ? chosen : "";
    });
  }

  function edited() {
    if (state.fromExample) {
      state.fromExample = false;
      document.getElementById("issue-origin").textContent = "Edited: these are now your inputs, not the dataset's.";
    }
    refreshChoices();
  }

  async function loadExample() {
    const example = await api("bargaining/example");
    const f = form();
    f.elements.name.value = example.issue.name;
    f.elements.low.value = example.issue.scale ? example.issue.scale[0] : "";
    f.elements.high.value = example.issue.scale ? example.issue.scale[1] : "";
    body().replaceChildren(...example.issue.actors.map(actorRow));
    state.fromExample = true;
    const origin = document.getElementById("issue-origin");
    origin.replaceChildren("Loaded from ", ...example.sources.map((s) => el("a", { href: s.href }, `${s.title} ${s.version}`)), ".");
    refreshChoices();
  }

  function cell(input) {
    const value = input.value.trim();
    if (input.name === "actor") return value;
    return value === "" ? null : Number(value);
  }

  // The issue as the API takes it: the example itself while unedited, else the table.
  function issue() {
    if (state.fromExample) return { kind: "example" };
    const rows = [...body().querySelectorAll("tr")];
    if (rows.length < 2) throw new InputError("Enter at least two actors.");
    const actors = rows.map((tr) => Object.fromEntries(FIELDS.map((f) => [f, cell(tr.querySelector(`input[name=${f}]`))])));
    const f = form();
    const low = number(f.elements.low);
    const high = number(f.elements.high);
    return { kind: "given", actors, name: f.elements.name.value.trim(),
             scale: low === null && high === null ? null : [low, high] };
  }

  function model() {
    return { max_rounds: Number(form().elements.max_rounds.value || 100) };
  }

  function unit(name) {
    const found = /\(([^)]+)\)\s*$/.exec(name || "");
    return found ? `Position (${found[1]})` : "Position on the issue scale";
  }

  function markInvalid(error) {
    const rows = [...body().querySelectorAll("tr")];
    (error.errors || []).forEach((e) => {
      const hit = /^issue\.(?:given\.)?actors\.(\d+)\.(actor|capability|position|salience)$/.exec(e.field);
      const input = hit && rows[Number(hit[1])] && rows[Number(hit[1])].querySelector(`input[name=${hit[2]}]`);
      if (input) { input.setAttribute("aria-invalid", "true"); input.title = e.message; }
    });
  }

  function clearInvalid() {
    body().querySelectorAll("input[aria-invalid]").forEach((i) => { i.removeAttribute("aria-invalid"); i.title = ""; });
  }

  function renderForecast(result) {
    const s = result.summary;
    const src = result.sources;
    const summary = document.getElementById("forecast-summary");
    summary.replaceChildren(
      `After ${s.rounds} round${s.rounds === 1 ? "" : "s"} (stopped by ${STOPPED[s.stopped] || s.stopped}): median forecast `,
      link(s.median_final, src), ", weighted mean ", link(s.mean_final, src),
      ` (round 0: median `, link(s.median_initial, src), ", mean ", link(s.mean_initial, src), ").");
    summary.dataset.median = String(s.median_final);
    const byActor = new Map();
    result.table.forEach((r) => {
      if (!byActor.has(r.actor)) byActor.set(r.actor, { x: [], y: [] });
      byActor.get(r.actor).x.push(r.round);
      byActor.get(r.actor).y.push(r.position);
    });
    const data = [...byActor].map(([actor, xy]) => ({ type: "scatter", mode: "lines", name: actor, ...xy,
                                                      hovertemplate: `%{y:.3f}<extra>${actor}</extra>` }));
    const f = result.tables.forecasts;
    [["median", "dash"], ["mean", "dot"]].forEach(([key, dash]) => data.push({
      type: "scatter", mode: "lines", name: `forecast: ${key}`, x: f.map((r) => r.round), y: f.map((r) => r[key]),
      line: { color: "black", dash, width: 3 } }));
    const last = s.rounds;
    const start = new Map(result.table.filter((r) => r.round === 0).map((r) => [r.actor, r.position]));
    document.getElementById("positions-table").replaceChildren(table(
      ["Actor", "Round 0", `Round ${last}`, "Risk attitude", "Last move accepted"],
      result.table.filter((r) => r.round === last).map((r) => [r.actor, num(start.get(r.actor), src), num(r.position, src),
                                                               num(r.risk, src), r.accepted_type || "–"]),
      { id: "positions-rows" }));
    document.getElementById("forecast-sources").replaceChildren(sourceLine(src));
    const fig = layout(`${s.issue || "Your issue"}: positions by round, 0–${last}`, "Round", unit(s.issue));
    fig.yaxis.rangemode = "normal";
    fig.xaxis.dtick = last <= 12 ? 1 : undefined;
    fig.legend = { orientation: "v", x: 1.02, y: 1 };
    fig.margin.r = 180;
    fig.margin.b = 48;
    fig.height = 420;
    return plot(document.getElementById("fig-positions"), data, fig);
  }

  function scenario() {
    const f = document.getElementById("whatif-form").elements;
    const s = { name: "what-if" };
    if (f.cap_actor.value) s.capability_factor = { [f.cap_actor.value]: Number(f.cap_factor.value) };
    if (f.sal_actor.value) s.salience = { [f.sal_actor.value]: Number(f.sal_value.value) };
    if (f.pos_actor.value) {
      if (f.pos_value.value.trim() === "") throw new InputError("Give the new position.");
      s.position = { [f.pos_actor.value]: Number(f.pos_value.value) };
    }
    if (f.coal_a.value || f.coal_b.value) s.coalitions = [[f.coal_a.value, f.coal_b.value].filter(Boolean)];
    if (Object.keys(s).length === 1) throw new InputError("Choose at least one change.");
    return s;
  }

  function renderWhatIf(result) {
    const src = result.sources;
    document.getElementById("comparison").replaceChildren(table(
      ["Scenario", "Changes", "Actors", "Median (final)", "Mean (final)", "Median shift", "Rounds"],
      result.table.map((r) => [r.scenario, r.changes, r.actors, num(r.median_final, src), num(r.mean_final, src),
                               num(r.median_shift, src), r.rounds]), { id: "comparison-rows" }));
    const names = [...new Set(result.tables.forecasts.map((r) => r.scenario))];
    const data = names.map((name) => {
      const rows = result.tables.forecasts.filter((r) => r.scenario === name);
      return { type: "scatter", mode: "lines", name, x: rows.map((r) => r.round), y: rows.map((r) => r.median) };
    });
    document.getElementById("whatif-sources").replaceChildren(sourceLine(src));
    const fig = layout(`${result.summary.issue || "Your issue"}: median forecast by round`, "Round", unit(result.summary.issue));
    fig.yaxis.rangemode = "normal";
    return plot(document.getElementById("fig-whatif"), data, fig);
  }

  function renderSensitivity(result, seed) {
    const src = result.sources;
    const finals = result.table.map((d) => d.median_final);
    const baseline = result.summary.median_final_baseline;
    const fig = layout(`${result.summary.issue || "Your issue"}: final median over ${finals.length} draws (seed ${seed})`,
                       unit(result.summary.issue).replace("Position", "Final median forecast"), "Draws",
                       { hovermode: "closest", bargap: 0.05 });
    fig.xaxis.tickformat = "";
    fig.shapes = [{ type: "line", x0: baseline, x1: baseline, yref: "paper", y0: 0, y1: 1, line: { color: "black", dash: "dash" } }];
    fig.annotations = [{ x: baseline, yref: "paper", y: 1, text: `unperturbed ${fmt(baseline)}`, showarrow: false, yanchor: "bottom" }];
    document.getElementById("quantiles").replaceChildren(table(
      ["Forecast", "Unperturbed", "5%", "25%", "50%", "75%", "95%", "sd"],
      result.tables.quantiles.map((q) => [q.forecast.replace("_", " "), num(q.baseline, src), num(q.q05, src), num(q.q25, src),
                                          num(q.q50, src), num(q.q75, src), num(q.q95, src), num(q.std, src)]),
      { id: "quantile-rows" }));
    document.getElementById("sensitivity-sources").replaceChildren(sourceLine(src));
    return plot(document.getElementById("fig-sensitivity"),
                [{ type: "histogram", x: finals, name: "draws", marker: { color: "#1f4e79" }, nbinsx: 30 }], fig);
  }

  function renderPivotal(result) {
    const src = result.sources;
    document.getElementById("pivotal-table").replaceChildren(table(
      ["#", "Actor", "Position", "Median without it", "Shift", `Median with capability ×${result.summary.factor}`, "Shift"],
      result.table.map((r) => [r.rank, r.actor, num(r.position, src), num(r.median_without, src), num(r.shift_without, src),
                               num(r.median_posture, src), num(r.shift_posture, src)]), { id: "pivotal-rows" }));
    document.getElementById("pivotal-sources").replaceChildren(sourceLine(src));
  }

  function wire(panelId, handler) {
    const panel = document.getElementById(panelId);
    panel.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      clearInvalid();
      running(panel, async () => {
        await handler(panel);
        panel.querySelector(".run-output").hidden = false;
      }, "Running…", markInvalid);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const issuePanel = document.getElementById("issue");
    document.getElementById("load-example").addEventListener("click", () =>
      running(issuePanel, loadExample, "Loading the example…"));
    document.getElementById("add-actor").addEventListener("click", () => { body().append(actorRow()); edited(); });
    form().addEventListener("input", (event) => { if (event.target.name !== "max_rounds") edited(); });
    wire("issue", async () => renderForecast(await api("bargaining/run", { body: { issue: issue(), model: model(), offers: "none" } })));
    wire("whatif", async () => renderWhatIf(await api("bargaining/whatif", { body: { issue: issue(), model: model(), scenarios: [scenario()] } })));
    wire("sensitivity", async (panel) => {
      const f = panel.querySelector("form").elements;
      const seed = Number(f.seed.value);
      const request = { issue: issue(), model: model(), draws: Number(f.draws.value), seed,
                        capability_noise: Number(f.capability_noise.value), salience_noise: Number(f.salience_noise.value),
                        position_noise: Number(f.position_noise.value) };
      return renderSensitivity(await api("bargaining/sensitivity", { body: request }), seed);
    });
    wire("pivotal", async () => renderPivotal(await api("bargaining/pivotal", { body: { issue: issue(), model: model() } })));
    running(issuePanel, loadExample, "Loading the example…");
  });
})();
