// concert serve's page: holds the open file and the edits, asks the JSON API
// (docs/serve.md) for every answer, and draws tables. No logic of the models
// lives here: each number shown comes from the server.
"use strict";

const state = {
  file: null,       // {name, text}
  scenario: null,   // /api/scenario's answer for the file as read
  edits: {},        // path -> number
  original: null,   // forecasts of the file as read
  current: null,    // forecasts of the edited scenario
  sequence: 0,      // of forecast requests, so a late answer never overwrites a newer one
  run: null,        // AbortController of the Monte Carlo run
};

const $ = (id) => document.getElementById(id);

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

function setStatus(text) { $("status").textContent = text; }

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, options);
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || `HTTP ${response.status}`);
  return json;
}

function request(extra) {
  return Object.assign({ name: state.file.name, text: state.file.text, edits: state.edits }, extra);
}

function fmt(x) { return x === null || x === undefined ? "–" : Number(x).toFixed(2); }

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// --- opening a file ---------------------------------------------------------

async function listFiles() {
  const { files } = await api("/api/files");
  const select = $("file-select");
  for (const name of files) select.append(el("option", { value: name }, name));
}

async function open(name, text) {
  showError("");
  setStatus("reading…");
  try {
    const scenario = await api("/api/scenario", { name, text });
    state.file = { name, text };
    state.scenario = scenario;
    state.edits = {};
    state.original = null;
    drawGrid();
    drawInstitution();
    $("main").hidden = false;
    await forecast();
  } catch (e) {
    setStatus("");
    showError(e.message);
  }
}

$("file-select").addEventListener("change", async (ev) => {
  const name = ev.target.value;
  if (!name) return;
  try {
    const file = await api(`/api/file?name=${encodeURIComponent(name)}`);
    await open(file.name, file.text);
  } catch (e) {
    showError(e.message);
  }
});

$("upload").addEventListener("change", async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  $("file-select").value = "";
  await open(file.name, await file.text());
  ev.target.value = "";
});

// --- the editable grid ------------------------------------------------------

function editInput(path, value, attrs) {
  const input = el("input", Object.assign({ type: "number", step: "any", "data-path": path }, attrs));
  input.value = value;
  input.dataset.original = value;
  input.addEventListener("input", () => onEdit(path, input.value, input));
  return input;
}

function onEdit(path, text, source) {
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return;
  document.querySelectorAll(`[data-path="${path}"]`).forEach((e) => {
    if (e !== source) e.value = value;
    e.classList.toggle("edited", Number(e.dataset.original) !== value);
  });
  if (Number(source.dataset.original) === value) delete state.edits[path];
  else state.edits[path] = value;
  $("edit-count").textContent = Object.keys(state.edits).length ?
    `${Object.keys(state.edits).length} edit(s)` : "";
  scheduleForecast();
}

function drawGrid() {
  const s = state.scenario;
  $("scenario-name").textContent = s.name;
  $("scenario-description").textContent = s.description;
  const grid = $("grid");
  grid.replaceChildren();
  const head = el("tr");
  head.append(el("th", { class: "row" }, "actor"), el("th", {}, "capability"));
  for (const issue of s.issues) {
    head.append(el("th", { title: `${issue.name} (${issue.min}–${issue.max})` },
                   `${issue.id}: position · salience`));
  }
  grid.append(head);
  s.actors.forEach((actor, a) => {
    const row = el("tr");
    row.append(el("td", { class: "row", title: actor.name }, actor.id));
    const cap = el("td");
    cap.append(editInput(`actors.${actor.id}.capability`, actor.capability, { min: 0 }));
    row.append(cap);
    s.issues.forEach((issue, i) => {
      const cell = el("td", { class: "stance" });
      const stance = s.stances[a][i];
      if (stance) {
        const base = `stances.${actor.id}.${issue.id}`;
        cell.append(editInput(`${base}.position`, stance.position,
                              { min: issue.min, max: issue.max }));
        const slider = el("input", { type: "range", min: 0, max: 100, step: 1,
                                     "data-path": `${base}.salience`,
                                     "aria-label": `${actor.id} salience on ${issue.id}` });
        slider.value = stance.salience;
        slider.dataset.original = stance.salience;
        slider.addEventListener("input", () => onEdit(`${base}.salience`, slider.value, slider));
        cell.append(" ", slider, " ",
                    editInput(`${base}.salience`, stance.salience, { min: 0, max: 100 }));
      } else {
        cell.textContent = "–";
      }
      row.append(cell);
    });
    grid.append(row);
  });
  const sq = el("tr");
  sq.append(el("td", { class: "row" }, "status quo"), el("td"));
  for (const issue of s.issues) {
    const cell = el("td");
    if (issue.status_quo !== null) {
      cell.append(editInput(`issues.${issue.id}.status_quo`, issue.status_quo,
                            { min: issue.min, max: issue.max }));
    }
    sq.append(cell);
  }
  grid.append(sq);
  const actor = $("explain-actor"), hub = $("hub");
  actor.replaceChildren(el("option", { value: "" }, "none"));
  hub.replaceChildren(el("option", { value: "" }, "none"));
  for (const a of s.actors) {
    actor.append(el("option", { value: a.id }, a.id));
    hub.append(el("option", { value: a.id }, a.id));
  }
  $("explanation").textContent = "";
  $("edit-count").textContent = "";
  $("mc-results").replaceChildren();
  $("mc-sensitivity").replaceChildren();
  $("sim-results").replaceChildren();
  $("arch-results").replaceChildren();
}

$("reset").addEventListener("click", () => {
  state.edits = {};
  drawGrid();
  drawInstitution();
  forecast();
});

function drawInstitution() {
  const inst = state.scenario.institution;
  $("institution-panel").hidden = !inst;
  const box = $("institution-inputs");
  box.replaceChildren();
  if (!inst) return;
  const add = (label, path, value, attrs) => {
    if (value === null || value === undefined) value = 0;
    const l = el("label", {}, `${label} `);
    l.append(editInput(path, value, attrs));
    box.append(l);
  };
  add("monitoring", "institution.monitoring", inst.monitoring, { min: 0, max: 1, step: 0.05 });
  add("false alarm", "institution.false_alarm", inst.false_alarm, { min: 0, max: 1, step: 0.01 });
  add("forgiveness", "institution.forgiveness", inst.forgiveness, { min: 0, max: 1, step: 0.05 });
  add("sanction", "institution.sanction", inst.sanction, { min: 0, step: 0.05 });
  add("sanction cost", "institution.sanction_cost", inst.sanction_cost, { min: 0, step: 0.05 });
  for (const [actor, v] of Object.entries(inst.aid)) {
    add(`aid to ${actor}`, `institution.aid.${actor}`, v, { min: 0, step: 0.05 });
  }
  for (const [actor, v] of Object.entries(inst.exit_value)) {
    add(`exit value ${actor}`, `institution.parties.${actor}.exit_value`, v, { step: 0.01 });
  }
  box.append(el("p", { class: "hint" }, "The simulation compares the design as coded (these " +
    "numbers) with the file's alternatives: " + inst.alternatives.join(", ") + "."));
}

// --- forecasts --------------------------------------------------------------

let timer = null;
function scheduleForecast() {
  clearTimeout(timer);
  timer = setTimeout(forecast, 250);
}

async function forecast() {
  const sequence = ++state.sequence;
  setStatus("forecasting…");
  const explain = $("explain-actor").value;
  try {
    const result = await api("/api/forecast", request(explain ? { explain } : {}));
    if (sequence !== state.sequence) return;
    if (!state.original && Object.keys(state.edits).length === 0) state.original = result;
    state.current = result;
    showError("");
    drawForecasts();
    $("explanation").textContent = explain ? (result.explanation ||
      "none of the models explains its moves (bdm and smp do)") : "";
    setStatus(`forecast ${Object.keys(state.edits).length ? "of the edit" : "of the file"}`);
  } catch (e) {
    if (sequence !== state.sequence) return;
    setStatus("");
    showError(e.message);
  }
}

function drawForecasts() {
  const table = $("forecasts");
  table.replaceChildren();
  const compare = $("compare").checked && state.original;
  const head = el("tr");
  head.append(el("th", { class: "row" }, "issue"));
  for (const m of state.current.models) {
    head.append(el("th", { title: m.spec, colspan: compare ? 3 : 1 }, m.name));
  }
  table.append(head);
  if (compare) {
    const sub = el("tr");
    sub.append(el("th"));
    for (let k = 0; k < state.current.models.length; ++k) {
      sub.append(el("th", {}, "file"), el("th", {}, "edited"), el("th", {}, "Δ"));
    }
    table.append(sub);
  }
  const notes = [];
  state.scenario.issues.forEach((issue, i) => {
    const row = el("tr");
    row.append(el("td", { class: "row" }, issue.id));
    state.current.models.forEach((m, k) => {
      const v = m.outcomes[i];
      const before = state.original ? state.original.models[k].outcomes[i] : v;
      const cell = el("td", { "data-model": m.name, "data-spec": m.spec, "data-issue": issue.id,
                              "data-value": v === null ? "" : String(v) }, fmt(v));
      if (v !== before) cell.classList.add("changed");
      if (m.notes[i]) notes.push(`${m.name}, ${issue.id}: ${m.notes[i]}`);
      if (compare) {
        const d = v === null || before === null ? null : v - before;
        const delta = el("td", {}, d === null ? "–" : (d > 0 ? "+" : "") + d.toFixed(2));
        if (d > 0.005) delta.classList.add("up");
        if (d < -0.005) delta.classList.add("down");
        row.append(el("td", {}, fmt(before)), cell, delta);
      } else {
        row.append(cell);
      }
    });
    table.append(row);
  });
  $("notes").textContent = notes.join(" · ");
}

$("compare").addEventListener("change", () => state.current && drawForecasts());
$("explain-actor").addEventListener("change", forecast);

// --- long runs: Monte Carlo, simulation, report ------------------------------

// POST /api/run and read its lines: {"progress": f} until {"result": …} or {"error": …}.
async function stream(body, progress, signal) {
  const response = await fetch("/api/run", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body), signal });
  if (!response.ok) throw new Error((await response.json()).error || `HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      if ("progress" in line) progress(line.progress);
      else if ("error" in line) throw new Error(line.error);
      else return line.result;
    }
  }
  throw new Error("the server closed the run without a result");
}

function count(id) {
  const n = Number($(id).value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${id}: expected a whole number`);
  return n;
}

$("run-mc").addEventListener("click", async () => {
  const controller = new AbortController();
  state.run = controller;
  $("run-mc").disabled = true;
  $("cancel").disabled = false;
  $("progress").value = 0;
  $("mc-status").textContent = "running…";
  try {
    const result = await stream(request({ kind: "montecarlo", draws: count("draws"),
                                          seed: count("seed"),
                                          sensitivity: $("sensitivity").checked }),
                                (p) => { $("progress").value = p; }, controller.signal);
    $("progress").value = result.cancelled ? $("progress").value : 1;
    drawMonteCarlo(result);
    $("mc-status").textContent = result.timed_out ? "stopped at the server's time limit" :
      result.cancelled ? "cancelled" : "done";
  } catch (e) {
    if (e.name === "AbortError") {
      $("mc-status").textContent = "cancelled";
    } else {
      $("mc-status").textContent = "";
      showError(e.message);
    }
  } finally {
    state.run = null;
    $("run-mc").disabled = false;
    $("cancel").disabled = true;
  }
});

$("cancel").addEventListener("click", () => state.run && state.run.abort());

function drawMonteCarlo(result) {
  const table = $("mc-results");
  table.replaceChildren();
  const head = el("tr");
  for (const h of ["model", "issue", "draws", "mean", "sd", "5 %", "median", "95 %"]) {
    head.append(el("th", { class: h === "model" || h === "issue" ? "row" : "" }, h));
  }
  table.append(head);
  const sens = $("mc-sensitivity");
  sens.replaceChildren();
  for (const m of result.models) {
    for (const issue of m.monte_carlo.issues) {
      const q = issue.quantiles || {};
      const row = el("tr");
      row.append(el("td", { class: "row" }, m.name), el("td", { class: "row" }, issue.id),
                 el("td", {}, String(issue.n)), el("td", {}, fmt(issue.mean)),
                 el("td", {}, fmt(issue.sd)), el("td", {}, fmt(q["5"])),
                 el("td", {}, fmt(q["50"])), el("td", {}, fmt(q["95"])));
      table.append(row);
      if (issue.sensitivity) {
        const top = issue.sensitivity.inputs.slice(0, 3)
          .map((s) => `${s.input} ${fmt(s.src)}`).join(", ");
        sens.append(el("p", { class: "hint" },
                       `${m.name}, ${issue.id}: moved most by ${top} (standardised coefficients)`));
      }
    }
  }
}

$("run-sim").addEventListener("click", async () => {
  $("run-sim").disabled = true;
  $("sim-status").textContent = "running…";
  try {
    const hub = $("hub").value;
    const result = await stream(request({ kind: "simulate", draws: count("sim-draws"),
                                          seed: count("seed"), hub }),
                                (p) => { $("sim-progress").value = p; });
    $("sim-progress").value = 1;
    drawSimulation(result);
    $("sim-status").textContent = result.cancelled ? "stopped early" : "done";
  } catch (e) {
    $("sim-status").textContent = "";
    showError(e.message);
  } finally {
    $("run-sim").disabled = false;
  }
});

function row(cells, header) {
  const tr = el("tr");
  cells.forEach((c, k) => tr.append(el(header ? "th" : "td", k === 0 ? { class: "row" } : {}, c)));
  return tr;
}

function drawSimulation(result) {
  const table = $("sim-results");
  table.replaceChildren(row(["design", "signed", "held", "never signed", "false alarm",
                             "violation", "exit", "mean periods"], true));
  for (const d of result.designs || []) {
    const e = d.end_causes || {};
    const tr = row([d.name, fmt(d.p_signed), fmt(d.held), fmt(e.never_signed),
                    fmt(e.false_alarm), fmt(e.violation), fmt(e.exit), fmt(d.mean_periods)]);
    tr.firstChild.title = d.description || "";
    table.append(tr);
  }
  const arch = $("arch-results");
  arch.replaceChildren();
  if (result.architectures) {
    arch.append(el("caption", {}, `Architectures with ${result.architectures.hub} as hub`));
    arch.append(row(["architecture", "negotiations", "transaction cost", "all signed",
                     "periods talking"], true));
    for (const a of result.architectures.architectures) {
      arch.append(row([a.name, fmt(a.negotiations), fmt(a.transaction_cost),
                       fmt(a.p_all_signed), fmt(a.talking_periods)]));
    }
  }
}

$("charts-refresh").addEventListener("click", async () => {
  $("charts-status").textContent = "drawing…";
  try {
    const result = await stream(request({ kind: "report" }), () => {});
    $("charts").srcdoc = result.html;
    $("charts-status").textContent = "";
  } catch (e) {
    $("charts-status").textContent = "";
    showError(e.message);
  }
});

// --- downloads ----------------------------------------------------------------

function save(blob, filename) {
  const a = el("a", { href: URL.createObjectURL(blob), download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

async function download(what) {
  try {
    const response = await fetch(`/api/download/${what}`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request({})) });
    if (!response.ok) throw new Error((await response.json()).error);
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    save(await response.blob(), match ? match[1] : `scenario.${what}`);
  } catch (e) {
    showError(e.message);
  }
}

$("dl-yaml").addEventListener("click", () => download("yaml"));
$("dl-json").addEventListener("click", () => download("json"));
$("dl-csv").addEventListener("click", () => download("csv"));
$("dl-report").addEventListener("click", async () => {
  try {
    const result = await stream(request({ kind: "report", draws: 0 }), () => {});
    const stem = state.file.name.replace(/\.[^.]*$/, "").replace(/.*\//, "");
    save(new Blob([result.html], { type: "text/html" }), `${stem}-report.html`);
  } catch (e) {
    showError(e.message);
  }
});

listFiles().catch((e) => showError(e.message));
