// "Check my catalog": a Seller Center export or a list of captions, every text checked in a Web
// Worker (catalog-worker.js) with checkLinksBatch, the results in a table to filter, sort and
// download. The page only shows: reading, checking and writing files happen in the worker, and
// the table is drawn a hundred rows at a time, so the page stays responsive on 10,000 products.
import {
  downloadFile, fill, formatNumber, h, inputError, lang, policyLine, regionOptions, restoreForm, startPage, t, SURFACES,
} from "./common.js";
import { storedOverlay } from "./my-rules.js";

/** Rows drawn at a time: a draw stays well under one frame's budget. */
const PAGE_ROWS = 100;
/** Columns of captions are posted with videos; product names and descriptions on the product. */
const CAPTION = /caption|keterangan|文案|คำบรรยาย|แคปชั่น|chú thích/i;

const form = document.getElementById("catalog-form");
const fileInput = document.getElementById("catalog-file");
const drop = document.getElementById("catalog-drop");
const fileInfo = document.getElementById("catalog-file-info");
const region = document.getElementById("catalog-region");
const columnsBox = document.getElementById("catalog-columns");
const columnList = document.getElementById("catalog-column-list");
const checkButton = document.getElementById("catalog-check");
const cancelButton = document.getElementById("catalog-cancel");
const progress = document.getElementById("catalog-progress");
const status = document.getElementById("catalog-status");
const result = document.getElementById("catalog-result");
const summary = document.getElementById("catalog-summary");
const filter = document.getElementById("catalog-filter");
const sort = document.getElementById("catalog-sort");
const search = document.getElementById("catalog-search");
const tbody = document.querySelector("#catalog-table tbody");
const more = document.getElementById("catalog-more");
const downloadStatus = document.getElementById("catalog-download-status");

const worker = new Worker("catalog-worker.js");

/** What the page knows: the opened file, the results so far, the problem to show. */
const state = {
  file: null, // { name, header, known, samples, rows }
  results: [],
  checking: false,
  checkedRegion: null,
  policy: null,
  problem: null, // an InputError for the file field
  status: null, // [key, vars]
  shown: PAGE_ROWS,
  started: 0,
};

function setStatus(key, vars) {
  state.status = key ? [key, vars] : null;
  status.textContent = key ? t(key, vars) : "";
}

function openFile(file) {
  if (!file) return;
  if (!/\.(csv|tsv|txt|xlsx|xls)$/i.test(file.name)) {
    state.problem = inputError("invalid_input", "file", t("catalog.error.type"));
    page.update();
    return;
  }
  state.problem = null;
  state.file = null;
  state.results = [];
  fileInfo.textContent = t("catalog.reading", { name: file.name });
  checkButton.disabled = true;
  worker.postMessage({ type: "open", file });
}

function surfaceFor(name) {
  return CAPTION.test(name) ? "video" : "product";
}

function renderColumns() {
  const file = state.file;
  columnsBox.hidden = !file;
  if (!file) return;
  const checked = new Set([...columnList.querySelectorAll("input[type=checkbox]:checked")].map((c) => Number(c.value)));
  const surfaces = new Map([...columnList.querySelectorAll("select")].map((s) => [Number(s.dataset.column), s.value]));
  const fresh = !columnList.childElementCount;
  fill(columnList, file.header.map((name, i) => {
    const id = `catalog-col-${i}`;
    const box = h("input", { type: "checkbox", id, value: String(i), checked: fresh ? file.known.includes(i) || (file.known.length === 0 && file.header.length === 1) : checked.has(i) });
    const surface = h("select", { dataset: { column: String(i) }, attrs: { "aria-label": `${t("catalog.surfaceOf")}: ${name}` } },
      SURFACES.map((s) => h("option", { value: s, selected: (surfaces.get(i) ?? surfaceFor(name)) === s }, t(`surface.${s}`))));
    return h("div", { className: "column-choice" },
      box, " ", h("label", { htmlFor: id }, h("strong", {}, name)),
      file.samples[i] ? h("span", { className: "hint" }, ` ${t("catalog.sample", { sample: file.samples[i] })}`) : null,
      h("span", { className: "surface-choice" }, surface));
  }));
}

/** The worker's excerpt of a text, the findings marked. */
function snippet({ head, marks, tail }) {
  return [head, ...marks.flatMap(([before, match, verdict, message]) => [before, h("mark", { className: verdict, title: message }, match)]), tail];
}

/** What the search looks in: the text as shown, the id and the column. */
function searchable(r) {
  r.searchable ??= [r.excerpt.head, ...r.excerpt.marks.flatMap(([a, b]) => [a, b]), r.excerpt.tail, r.id, r.column].join(" ").toLowerCase();
  return r.searchable;
}

/** The results in the chosen order, sorted once per change of results or order. */
let ordered = { key: "", list: [] };

function visibleResults() {
  const wanted = filter.value;
  const needle = search.value.trim().toLowerCase();
  const key = `${state.results.length}:${sort.value}`;
  if (ordered.key !== key) {
    // Results arrive in file order; strictest first is a stable partition by verdict.
    const list = sort.value === "verdict"
      ? ["block", "review", "allow"].flatMap((v) => state.results.filter((r) => r.verdict === v))
      : state.results;
    ordered = { key, list };
  }
  if (wanted === "all" && !needle) return ordered.list;
  return ordered.list.filter((r) =>
    (wanted === "all" || (wanted === "flagged" ? r.verdict !== "allow" : r.verdict === wanted)) &&
    (!needle || searchable(r).includes(needle)));
}

function renderRow(r) {
  const badge = h("span", { className: `badge ${r.verdict}` }, t(`verdict.${r.verdict}`));
  const instead = r.verdict === "allow"
    ? h("span", { className: "hint" }, t("catalog.keep"))
    : [
      h("ul", { className: "instead-list" }, r.findings.filter((f) => f.suggestion).slice(0, 5).map((f) =>
        h("li", {}, h("q", { className: "found" }, f.match), " → ", h("q", { className: "suggestion" }, f.suggestion)))),
      r.suggestedText ? h("button", { type: "button", className: "link-button", on: { click: (e) => copy(r.suggestedText, e.target) } }, t("catalog.copy")) : null,
    ];
  return h("tr", { dataset: { verdict: r.verdict, row: String(r.row) } },
    h("td", { dataset: { caption: t("catalog.col.row") } }, h("span", {}, String(r.row), r.id ? [h("br"), h("small", {}, r.id)] : null)),
    h("td", { dataset: { caption: t("catalog.col.column") } }, r.column),
    h("td", { dataset: { caption: t("catalog.col.verdict") } }, badge),
    h("td", { className: "text", dataset: { caption: t("catalog.col.text") } }, snippet(r.excerpt)),
    h("td", { dataset: { caption: t("catalog.col.instead") } }, instead));
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = t("catalog.copied");
  } catch {
    button.textContent = text;
  }
}

function renderResults() {
  if (!state.results.length && !state.checking) {
    result.hidden = true;
    return;
  }
  const counts = { block: 0, review: 0, allow: 0 };
  for (const r of state.results) counts[r.verdict] += 1;
  const worst = counts.block ? "block" : counts.review ? "review" : "allow";
  fill(summary, h("span", { className: `badge ${worst}` }, t(`verdict.${worst}`)), " ",
    t("catalog.summary", { texts: formatNumber(state.results.length), block: formatNumber(counts.block), review: formatNumber(counts.review), allow: formatNumber(counts.allow) }));
  const list = visibleResults();
  const shown = list.slice(0, state.shown);
  fill(tbody, shown.length ? shown.map(renderRow) : h("tr", {}, h("td", { colSpan: 5 }, t("catalog.none"))));
  const rest = list.length - shown.length;
  more.hidden = rest <= 0;
  more.textContent = t("catalog.more", { n: formatNumber(Math.min(rest, PAGE_ROWS)) });
  fill(document.getElementById("catalog-policy"), state.policy ? policyLine(state.policy) : null);
  result.dataset.verdict = worst;
  result.dataset.texts = String(state.results.length);
  result.dataset.state = state.checking ? "checking" : "done";
  for (const id of ["catalog-csv", "catalog-xlsx"]) document.getElementById(id).disabled = state.checking;
  result.hidden = false;
}

function render() {
  if (state.problem) throw state.problem;
  if (state.file) {
    fileInfo.textContent = t("catalog.fileInfo", { name: state.file.name, rows: formatNumber(state.file.rows), columns: formatNumber(state.file.header.length) });
  }
  renderColumns();
  if (state.status) status.textContent = t(...state.status);
  checkButton.disabled = !state.file || state.checking;
  renderResults();
}

worker.onmessage = ({ data }) => {
  if (data.type === "opened") {
    state.file = data;
    columnList.replaceChildren();
    setStatus(null);
    page.update();
  } else if (data.type === "progress") {
    state.results.push(...data.results);
    state.policy = data.policy;
    progress.max = data.total;
    progress.value = data.done;
    setStatus("catalog.progress", { done: formatNumber(data.done), total: formatNumber(data.total) });
    // The first results show at once; later ones join the table when it is redrawn.
    if (state.results.length === data.results.length || tbody.childElementCount < Math.min(state.shown, 10)) renderResults();
  } else if (data.type === "done" || data.type === "cancelled") {
    state.checking = false;
    progress.hidden = true;
    cancelButton.hidden = true;
    if (data.type === "done") setStatus("catalog.done", { total: formatNumber(data.total), seconds: ((performance.now() - state.started) / 1000).toFixed(1) });
    else setStatus("catalog.cancelled", { done: formatNumber(data.done), total: formatNumber(data.total) });
    checkButton.disabled = false;
    renderResults();
    document.documentElement.dataset.catalog = data.type;
  } else if (data.type === "file") {
    downloadFile(data.name, data.blob);
    downloadStatus.textContent = t("catalog.downloaded", { name: data.name });
  } else if (data.type === "error") {
    state.checking = false;
    progress.hidden = true;
    cancelButton.hidden = true;
    fileInfo.textContent = "";
    state.problem = inputError(data.code ?? "invalid_input", data.path ?? "file",
      data.key ? t(data.key, data.vars) : t("catalog.error.read", { message: data.message }));
    page.update();
  }
};

function startCheck() {
  const columns = [...columnList.querySelectorAll("input[type=checkbox]:checked")].map((box) => ({
    index: Number(box.value),
    surface: columnList.querySelector(`select[data-column="${box.value}"]`).value,
  }));
  if (!columns.length) {
    setStatus("catalog.noColumn");
    return;
  }
  state.results = [];
  state.shown = PAGE_ROWS;
  state.checking = true;
  state.checkedRegion = region.value;
  state.started = performance.now();
  state.policy = null;
  delete document.documentElement.dataset.catalog;
  progress.hidden = false;
  progress.value = 0;
  cancelButton.hidden = false;
  checkButton.disabled = true;
  downloadStatus.textContent = "";
  // The person's own rules (My rules) apply here too; the worker cannot read them itself.
  worker.postMessage({ type: "check", columns, region: region.value, lang: lang(), overlay: storedOverlay(region.value) });
}

regionOptions(region);
const page = await startPage({
  section: "catalog",
  restore: (params) => restoreForm(form, params, { region: "ID" }),
  state: () => new URLSearchParams({ region: region.value }),
  render,
  relabel: () => regionOptions(region),
  errorEl: document.getElementById("catalog-error"),
  resultEl: result,
  resultAttr: "verdict",
});

fileInput.addEventListener("change", () => openFile(fileInput.files?.[0]));
for (const type of ["dragenter", "dragover"]) {
  drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
}
for (const type of ["dragleave", "drop"]) drop.addEventListener(type, () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  openFile(event.dataTransfer?.files?.[0]);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  startCheck();
});
cancelButton.addEventListener("click", () => worker.postMessage({ type: "cancel" }));
region.addEventListener("change", () => {
  page.update();
  if (state.results.length && region.value !== state.checkedRegion) setStatus("catalog.regionChanged");
});
for (const control of [filter, sort]) control.addEventListener("change", () => { state.shown = PAGE_ROWS; renderResults(); });
search.addEventListener("input", () => { state.shown = PAGE_ROWS; renderResults(); });
more.addEventListener("click", () => { state.shown += PAGE_ROWS; renderResults(); });
for (const [id, format] of [["catalog-csv", "csv"], ["catalog-xlsx", "xlsx"]]) {
  document.getElementById(id).addEventListener("click", () => {
    downloadStatus.textContent = t("catalog.preparing");
    worker.postMessage({
      type: "download",
      format,
      labels: {
        row: t("catalog.col.row"), id: t("catalog.col.id"), column: t("catalog.col.column"), verdict: t("catalog.col.verdict"),
        found: t("catalog.col.found"), text: t("catalog.col.text"), suggested: t("catalog.col.suggested"), sheet: t("catalog.sheet"),
        verdicts: { block: t("verdict.block"), review: t("verdict.review"), allow: t("verdict.allow") },
      },
    });
  });
}
