// detente: what the model pages (coalitions, bargaining) share. They call the REST API on this
// server, show a loading state while a model runs, render tables and plotly figures, say what
// was wrong with the input (naming the field), and link every number to its source.
"use strict";

const Runs = (() => {
  // Build a DOM element: el("td", {class: "num"}, "1.5", child, ...). Text is never parsed as HTML.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  // Input the page itself refuses before asking the server (the message says what to fix).
  class InputError extends Error {}

  class ApiError extends Error {
    constructor(status, body) {
      super(body.detail || `HTTP ${status}`);
      this.status = status;
      this.errors = body.errors || [];
    }
  }

  // POST a JSON body (or GET with query params) to /api/v1; the answer, or an ApiError.
  async function api(path, { body, params } = {}) {
    const url = new URL(`/api/v1/${path}`, window.location.origin);
    Object.entries(params || {}).forEach(([key, value]) => {
      (Array.isArray(value) ? value : [value]).forEach((v) => {
        if (v !== null && v !== undefined && v !== "") url.searchParams.append(key, v);
      });
    });
    const response = await fetch(url, body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({ detail: response.statusText }));
    if (!response.ok) throw new ApiError(response.status, answer);
    return answer;
  }

  // Run `work` with the panel marked busy (button disabled, "Running…" shown); errors are
  // shown in the panel's alert box, one line per field, and passed to `onError` if given.
  async function running(panel, work, label = "Running…", onError = null) {
    const status = panel.querySelector(".run-status");
    const alert = panel.querySelector(".run-error");
    const button = panel.querySelector("button[type=submit]");
    panel.setAttribute("aria-busy", "true");
    panel.dataset.state = "running";
    if (button) button.disabled = true;
    alert.hidden = true;
    alert.replaceChildren();
    status.textContent = label;
    const started = performance.now();
    try {
      await work();
      status.textContent = `Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      panel.dataset.state = "done";
    } catch (error) {
      status.textContent = "";
      alert.hidden = false;
      const refused = error instanceof ApiError || error instanceof InputError;
      alert.append(el("strong", {}, refused ? "The input was refused. " : "Something failed. "));
      const lines = error.errors && error.errors.length ? error.errors.map((e) => `${e.field}: ${e.message}`) : [error.message];
      alert.append(el("ul", {}, lines.map((line) => el("li", {}, line))));
      panel.dataset.state = "error";
      if (onError) onError(error);
    } finally {
      panel.setAttribute("aria-busy", "false");
      if (button) button.disabled = false;
    }
  }

  function fmt(value, digits = 3) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    if (typeof value !== "number") return String(value);
    return value.toLocaleString("en", { maximumFractionDigits: digits });
  }

  // A number cell linking to the source of the data it came from (when there is one).
  function num(value, sources, digits = 3) {
    const text = fmt(value, digits);
    if (!sources || !sources.length || text === "–") return { text, numeric: true };
    return { text, numeric: true, href: sources[0].href, title: "Data: " + sources.map((s) => `${s.title} ${s.version}`).join("; ") };
  }

  // A number as a link to its source (plain text when there is none).
  function link(value, sources, digits = 3) {
    const c = num(value, sources, digits);
    return c.href ? el("a", { href: c.href, title: c.title }, c.text) : c.text;
  }

  // A table from column names and rows of cells (strings, numbers, or {text, href, numeric}).
  function table(columns, rows, attrs = {}) {
    const head = el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c))));
    const body = el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => {
      const c = cell !== null && typeof cell === "object" && !(cell instanceof Node) ? cell : { text: cell };
      const content = c.node || (c.href ? el("a", { href: c.href, title: c.title }, c.text) : (c.text ?? "–"));
      return el("td", { class: c.numeric ? "num" : null }, content);
    }))));
    return el("div", { class: "scroll" }, el("table", attrs, head, body));
  }

  // "Data: NMC 7.0; ATOP 5.1", each linking to its entry on the sources page.
  function sourceLine(sources, fallback = "Inputs entered on this page; no dataset behind them.") {
    if (!sources || !sources.length) return el("p", { class: "cite" }, fallback);
    const links = sources.map((s, i) => [i ? "; " : "", el("a", { href: s.href }, `${s.title} ${s.version}`)]);
    return el("p", { class: "cite" }, "Data: ", links.flat());
  }

  // The house figure layout (rendered by the server from the same function the other pages
  // use), with this figure's title and axis titles.
  function layout(title, xTitle, yTitle, extra = {}) {
    const base = JSON.parse(document.getElementById("house-layout").textContent);
    base.title.text = title;
    base.xaxis.title.text = xTitle;
    base.yaxis.title.text = yTitle;
    return Object.assign(base, extra);
  }

  async function plot(target, data, figureLayout) {
    target.replaceChildren();
    await Plotly.newPlot(target, data, figureLayout, PLOT_CONFIG);
    target.dataset.rendered = "true";
  }

  // Comma-separated names or codes, trimmed, empty ones dropped.
  function list(text) {
    return String(text || "").split(",").map((s) => s.trim()).filter(Boolean);
  }

  function number(input) {
    const value = input.value.trim();
    return value === "" ? null : Number(value);
  }

  return { el, api, running, fmt, num, link, table, sourceLine, layout, plot, list, number, ApiError, InputError };
})();
