// detente coalitions page: landscape, structural balance over time, partner ranking and what-if.
"use strict";

(() => {
  const { el, api, running, fmt, num, link, table, sourceLine, layout, plot, list } = Runs;
  const CAMP_COLOURS = { A: "#1f4e79", B: "#c0504d" };

  function showSource(form) {
    const source = form.querySelector("input[name=source]:checked").value;
    form.querySelectorAll("[data-for]").forEach((node) => {
      node.hidden = !node.dataset.for.split(" ").includes(source);
    });
  }

  function weights(form) {
    const found = {};
    form.querySelectorAll("input[name^='w-']").forEach((input) => {
      found[input.name.slice(2)] = Number(input.value || 0);
    });
    return found;
  }

  function landscapeInputs(form) {
    const data = new FormData(form);
    const source = data.get("source");
    if (source === "furnas") return { kind: "furnas", variant: "standard" };
    const inputs = { kind: "store", year: Number(data.get("year")), size: data.get("size"),
                     components: weights(form) };
    if (source === "region") inputs.region = data.get("region");
    else inputs.states = list(data.get("states"));
    return inputs;
  }

  function described(summary) {
    if (summary.inputs && summary.inputs.built_from === "landscape_furnas") return "Syria, February 2016";
    return summary.year ? String(summary.year) : "your inputs";
  }

  function renderLandscape(result) {
    const s = result.summary;
    const searched = s.method === "exhaustive"
      ? `all ${fmt(s.configurations)} configurations` : `${fmt(s.starts)} random starts (seed ${result.seed})`;
    const shown = result.complete ? "" : ` (the ${result.table.length} lowest shown)`;
    document.getElementById("landscape-summary").textContent =
      `${described(s)}: ${s.actors} actors, ${s.method} search over ${searched}: ${s.minima} local ` +
      `minim${s.minima === 1 ? "um" : "a"}${shown}. Energy convention ${s.convention} (sizes × propensities).` +
      (s.unaligned.length ? ` No propensity toward anyone: ${s.unaligned.join(", ")}.` : "");
    const rows = result.table.map((m) => [
      m.rank, num(m.energy, result.sources, 6),
      { text: `${fmt(m.basin_share * 100, 1)}%`, numeric: true },
      m.camp_a.join(", "), num(m.size_a, result.sources, 4), m.camp_b.join(", "), num(m.size_b, result.sources, 4),
    ]);
    document.getElementById("minima").replaceChildren(
      table(["#", "Energy", "Basin", "Camp A", "Size of A", "Camp B", "Size of B"], rows, { id: "minima-table" }));
    document.getElementById("landscape-sources").replaceChildren(sourceLine(result.sources));
    const lowest = result.tables.actors.filter((r) => r.rank === 1);
    const data = ["A", "B"].map((camp) => {
      const rows = lowest.filter((r) => r.camp === camp);
      return { type: "bar", name: `camp ${camp}`, x: rows.map((r) => r.actor), y: rows.map((r) => r.weighted_frustration),
               marker: { color: CAMP_COLOURS[camp] }, hovertemplate: "%{x}: %{y:.4g}<extra>camp " + camp + "</extra>" };
    });
    const fig = layout(`Weighted frustration at the lowest minimum, ${described(s)}`, "Actor",
                       "s·F (size × propensity)", { hovermode: "closest" });
    fig.xaxis.tickformat = "";
    fig.yaxis.rangemode = "normal";
    return plot(document.getElementById("fig-frustration"), data, fig);
  }

  function span(rows) {
    const years = rows.map((r) => r.year);
    return years[0] === years[years.length - 1] ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  }

  function renderBalance(result) {
    const rows = result.table;
    const years = rows.map((r) => r.year);
    const data = [{ type: "scatter", mode: "lines+markers", name: "frustration index (best split found)", x: years,
                    y: rows.map((r) => r.frustration), line: { color: "#1f4e79", width: 2 } }];
    if (result.params.method !== "heuristic") {
      data.push({ type: "scatter", mode: "lines", name: "proven lower bound", x: years,
                  y: rows.map((r) => r.lower_bound), line: { color: "#7f7f7f", dash: "dot", width: 2 } });
    }
    const fig = layout(`Frustration index of the signed network of states, ${span(rows)}`, "Year",
                       "broken ties");
    if (data.length === 1) fig.showlegend = true;
    if (years.length <= 12) fig.xaxis.dtick = 1;
    const proven = rows.filter((r) => r.optimal).length;
    document.getElementById("balance-caption").textContent =
      `Ties: alliances (+), disputes and rivalries (−). ${proven} of ${rows.length} years proven optimal` +
      (result.params.method === "heuristic" ? " (the heuristic proves no bound; choose the exact program for one)." : ".");
    document.getElementById("balance-table").replaceChildren(table(
      ["Year", "States", "Ties (+/−)", "Frustration", "Lower bound", "Proven", "Balance index", "Blocs A/B", "Method"],
      rows.map((r) => [r.year, r.states, `${r.ties} (${r.positive}/${r.negative})`, num(r.frustration, result.sources),
                       num(r.lower_bound, result.sources), r.optimal ? "yes" : "no", num(r.balance_index, result.sources),
                       `${r.bloc_a}/${r.bloc_b}`, r.method]), { id: "balance-rows" }));
    document.getElementById("balance-sources").replaceChildren(sourceLine(result.sources));
    return plot(document.getElementById("fig-balance"), data, fig);
  }

  function coalitionBody(form) {
    const data = new FormData(form);
    return { inputs: { kind: "store", year: Number(data.get("year")) }, lead: data.get("lead").trim(),
             members: list(data.get("members")), rival: data.get("rival").trim() || null };
  }

  function renderWhatIf(result, actor) {
    const box = document.getElementById("whatif");
    box.hidden = false;
    document.getElementById("whatif-title").textContent = `${actor} joins, ${result.summary.year}`;
    document.getElementById("whatif-table").replaceChildren(table(
      ["", "Members", "Capability", "Ratio to rival", "Cohesion", "Weakest link", "Hostile pairs", "Toward rival", "Energy"],
      result.table.map((r) => [r.state, r.members.join(", "), num(r.capability, result.sources, 4),
                               num(r.capability_ratio, result.sources), num(r.cohesion, result.sources),
                               num(r.weakest_link, result.sources), r.hostile_pairs, num(r.toward_rival, result.sources),
                               num(r.energy, result.sources, 6)]), { id: "whatif-rows" }));
  }

  function renderPartners(result, body, panel) {
    const s = result.summary;
    const now = result.tables.coalition[0];
    const src = result.sources;
    document.getElementById("partners-summary").replaceChildren(
      `${s.year}: goal ${s.goal}; lead ${s.lead}. The coalition (${now.members.join(", ")}) holds `,
      link(now.capability, src, 4), " of capability (CINC)",
      ...(now.capability_ratio === null ? [] : [", ", link(now.capability_ratio, src, 2), " times the rival's"]),
      `. ${s.candidates} candidates${result.complete ? "" : `, the best ${result.table.length} shown`}.`);
    const rows = result.table.map((r) => [
      r.rank, r.actor, num(r.score, result.sources), num(r.capability_added, result.sources, 4), num(r.cohesion, result.sources),
      num(r.toward_rival, result.sources), num(r.friction, result.sources), num(r.energy_change, result.sources, 6),
      { node: el("button", { type: "button", class: "small", dataset: { actor: r.actor }, onclick: () =>
        running(panel, async () => renderWhatIf(await api("coalitions/whatif", { body: { ...body, add: [r.actor] } }), r.actor),
                "Computing the what-if…") }, "What if it joins?") },
    ]);
    document.getElementById("partners-table").replaceChildren(table(
      ["#", "State", "Score", "Capability added", "Cohesion", "Toward rival", "Friction", "Energy change", ""], rows,
      { id: "partner-rows" }));
    document.getElementById("whatif").hidden = true;
    document.getElementById("partners-sources").replaceChildren(sourceLine(result.sources));
  }

  function wire(panelId, handler) {
    const panel = document.getElementById(panelId);
    const form = panel.querySelector("form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      running(panel, async () => {
        await handler(form, panel);
        panel.querySelector(".run-output").hidden = false;
      });
    });
    return form;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const landscape = wire("landscape", async (form) => renderLandscape(
      await api("coalitions/landscape", { body: { inputs: landscapeInputs(form),
                                                  seed: Number(form.elements.seed.value || 0), max_minima: 10 } })));
    landscape.querySelectorAll("input[name=source]").forEach((radio) => radio.addEventListener("change", () => showSource(landscape)));
    showSource(landscape);
    wire("balance", async (form) => {
      const data = new FormData(form);
      return renderBalance(await api("coalitions/balance", { params: {
        from: data.get("from"), to: data.get("to"), method: data.get("method"), time_limit: data.get("time_limit"),
        starts: 256, seed: 0 } }));
    });
    wire("partners", async (form, panel) => {
      const body = coalitionBody(form);
      const region = new FormData(form).get("region");
      renderPartners(await api("coalitions/partners", { body: { ...body, region: region || null, limit: 15 } }), body, panel);
    });
  });
})();
