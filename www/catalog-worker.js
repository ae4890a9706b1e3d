// The catalog page's worker: reads the dropped file (CSV and TXT with papaparse, XLSX with
// read-excel-file), checks the chosen columns with checkLinksBatch, and writes the results as CSV or
// XLSX for download. Everything heavy happens here, so the page never freezes; nothing leaves
// the device.
//
// A classic worker rather than a module worker: the spreadsheet libraries ship as browser
// scripts (importScripts), and the engine, an ES module, comes in by dynamic import().
/* global Papa, ExcelJS, readXlsxFile */
"use strict";

importScripts("vendor/papaparse.min.js");

let columnsModule = null;
/** The file's rows (arrays of cell texts) and where its header is. */
let table = null;
let cancelled = false;
/** The last check's results, for the downloads. */
let checked = null;

const BATCH_ROWS = 256;

/**
 * The engine, loaded once. One promise for every caller: the warm-up at load and the first file
 * may both wait for it, and neither may see the engine before the column names are loaded too
 * (a file opened during the warm-up used to find them missing).
 */
let loading = null;
function ready() {
  loading ??= (async () => {
    const wasm = await import("./pkg/shop_policy.js");
    // The build for speed (the same code at opt-level 3, 60 KB more of gzip than the pages'
    // build): a catalog is megabytes of text, and it checks them about twice as fast.
    await wasm.default({ module_or_path: new URL("pkg/shop_policy_speed_bg.wasm", self.location.href) });
    columnsModule = await import("./vendor/columns.mjs");
    return wasm;
  })().catch((error) => {
    loading = null; // the next file tries again
    throw error;
  });
  return loading;
}

class FileProblem extends Error {
  constructor(key, vars = {}) {
    super(key);
    this.key = key;
    this.vars = vars;
  }
}

async function readRows(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith(".xlsx")) {
    // read-excel-file (fflate and a streaming XML parser) reads a 10,000-product export in about
    // a third of the time exceljs took to load the whole workbook, and is a 48 KB script against
    // exceljs's 950 KB, which is now loaded only to write the XLSX download.
    importScripts("vendor/read-excel-file.min.js");
    let sheets;
    try {
      sheets = await readXlsxFile(file);
    } catch {
      throw new FileProblem("catalog.error.xlsx");
    }
    // Every sheet, [{ sheet, data }]; the export's products are on the first.
    const data = Array.isArray(sheets?.[0]?.data) ? sheets[0].data : sheets;
    if (!Array.isArray(data) || !data.length) throw new FileProblem("catalog.error.empty");
    return data.map((row) => (row ?? []).map((value) => columnsModule.cellText(value)));
  }
  if (name.endsWith(".xls")) throw new FileProblem("catalog.error.xls");
  const text = (await file.text()).replace(/^\uFEFF/, "");
  if (name.endsWith(".txt")) return text.split(/\r?\n/).filter((l) => l.trim()).map((l) => [l]);
  const parsed = Papa.parse(text, { skipEmptyLines: "greedy" });
  return parsed.data;
}

/**
 * The header: the first of the first ten rows that names a known column (Seller Center puts
 * notes above it); without one, the first row. A .txt file has none.
 */
function layout(rows, isText) {
  const { COLUMN_NAMES, ID_NAMES, headerKey } = columnsModule;
  if (isText) return { headerAt: -1, header: ["Text"], known: [0], idColumn: -1 };
  let headerAt = rows.slice(0, 10).findIndex((r) => r.some((c) => COLUMN_NAMES.has(headerKey(c))));
  if (headerAt < 0) headerAt = 0;
  const header = (rows[headerAt] ?? []).map((c, i) => String(c ?? "").trim() || `#${i + 1}`);
  const known = header.map((h, i) => (COLUMN_NAMES.has(headerKey(h)) ? i : -1)).filter((i) => i >= 0);
  const idColumn = header.findIndex((h) => ID_NAMES.has(headerKey(h)));
  return { headerAt, header, known, idColumn };
}

async function open(file) {
  helperWorker();
  await ready();
  const rows = await readRows(file);
  const isText = file.name.toLowerCase().endsWith(".txt");
  if (!rows.length) throw new FileProblem("catalog.error.empty");
  const shape = layout(rows, isText);
  table = { rows, ...shape, name: file.name };
  const body = rows.length - shape.headerAt - 1;
  if (body <= 0) throw new FileProblem("catalog.error.noRows");
  // A sample of each column, so the person can tell which ones hold their texts.
  const samples = shape.header.map((_, c) => {
    for (let r = shape.headerAt + 1; r < rows.length; r++) {
      const v = String(rows[r][c] ?? "").trim();
      if (v) return v.slice(0, 80);
    }
    return "";
  });
  postMessage({ type: "opened", name: file.name, header: shape.header, known: shape.known, samples, rows: body, idColumn: shape.idColumn });
}

/**
 * What the table shows of a text: for each of its first five findings, some words before, the
 * finding and some words after; for a text with none, its beginning. `[before, match, verdict,
 * message]` pieces, and a tail.
 */
function excerpt(text, findings) {
  if (!findings.length) return { head: text.length > 160 ? `${text.slice(0, 160)}…` : text, marks: [], tail: "" };
  const marks = [];
  let at = 0;
  for (const f of findings.slice(0, 5)) {
    const from = Math.max(at, f.start - 50);
    const gap = from > at ? (at === 0 ? "…" : " … ") : "";
    marks.push([gap + text.slice(from, f.start), text.slice(f.start, f.end), f.verdict, f.message]);
    at = f.end;
  }
  return { head: "", marks, tail: text.slice(at, at + 50) + (at + 50 < text.length ? "…" : "") };
}

/** Lets a "cancel" message (and a helper's answers) in between batches. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The engine over the person's rules, built once per set of rules; the built-in one without. */
let own = { key: null, engine: null };
function checkerOf(wasm, overlay) {
  if (!overlay) return wasm;
  const key = JSON.stringify(overlay);
  if (own.key !== key) own = { key, engine: new wasm.Engine(overlay) };
  return own.engine;
}

/** One batch of texts per column, checked: slim results, in order, and the policy. */
function checkBatch(wasm, texts, columns, region, lang) {
  let policy = null;
  const out = columns.map(({ surface }, k) => {
    const report = wasm.checkLinksBatch({ texts: texts[k], surface, region, lang });
    policy = report.policy;
    return report.results.map((r) => ({
      verdict: r.verdict,
      suggestedText: r.suggestedText ?? null,
      findings: r.findings.map(({ ruleId, kind, verdict, start, end, match, platform, message, suggestion }) =>
        ({ ruleId, kind, verdict, start, end, match, platform, message, suggestion })),
    }));
  });
  return { out, policy };
}

/**
 * A second worker for the second core: every other batch is checked there. Created on the first
 * check, where the device has more than one core.
 */
let helper = null;
const helperWaiting = new Map();
function helperWorker() {
  if (!helper && (navigator.hardwareConcurrency ?? 1) > 1) {
    helper = new Worker("catalog-worker.js", { name: "helper" });
    helper.onmessage = ({ data }) => {
      const waiting = helperWaiting.get(data.id);
      helperWaiting.delete(data.id);
      waiting?.(data);
    };
  }
  return helper;
}
let nextHelperId = 0;
let helperOverlay = null;
function onHelper(texts, columns, region, lang) {
  const id = nextHelperId++;
  return new Promise((resolve, reject) => {
    helperWaiting.set(id, (data) => (data.error ? reject(new Error(data.error)) : resolve(data)));
    helper.postMessage({ type: "batch", id, texts, columns, region, lang, overlay: helperOverlay });
  });
}

let generation = 0;

async function check({ columns, region, lang, overlay }) {
  const wasm = checkerOf(await ready(), overlay);
  const run = ++generation;
  cancelled = false;
  checked = null;
  const { rows, headerAt, header, idColumn } = table;
  const first = headerAt + 1;
  const total = rows.length - first;
  const results = [];
  const started = performance.now();
  const second = helperWorker();
  helperOverlay = overlay ?? null;
  // Batches are checked here and on the helper, and reported to the page in file order.
  const finished = new Map();
  const inFlight = [];
  let posted = 0;
  let done = 0;
  const starts = [];
  for (let from = first; from < rows.length; from += BATCH_ROWS) starts.push(from);
  const report = () => {
    while (finished.has(posted) && run === generation) {
      const { out, policy } = finished.get(posted);
      finished.delete(posted);
      const from = starts[posted];
      const slice = rows.slice(from, from + BATCH_ROWS);
      const records = [];
      const shown = [];
      slice.forEach((cells, i) => {
        columns.forEach(({ index, surface }, k) => {
          const text = String(cells[index] ?? "");
          if (!text.trim()) return;
          const result = out[k][i];
          const record = {
            row: from + i + 1, // as the spreadsheet numbers it
            id: idColumn >= 0 ? String(cells[idColumn] ?? "") : "",
            column: header[index],
            surface,
            ...result,
          };
          records.push({ ...record, text });
          // The page gets the parts of the text it shows, not the whole 20 MB.
          shown.push({ ...record, excerpt: excerpt(text, result.findings) });
        });
      });
      results.push(...records);
      done += slice.length;
      posted += 1;
      postMessage({ type: "progress", done, total, results: shown, policy });
    }
  };
  for (let b = 0; b < starts.length; b++) {
    const slice = rows.slice(starts[b], starts[b] + BATCH_ROWS);
    const texts = columns.map(({ index }) => slice.map((r) => String(r[index] ?? "")));
    if (second && b % 2 === 1) {
      inFlight.push(onHelper(texts, columns, region, lang).then((answer) => {
        finished.set(b, answer);
        report();
      }));
    } else {
      finished.set(b, checkBatch(wasm, texts, columns, region, lang));
      report();
      await breathe();
    }
    if (cancelled) break;
  }
  await Promise.all(inFlight);
  report();
  if (cancelled || run !== generation) {
    postMessage({ type: "cancelled", done, total });
    return;
  }
  checked = results;
  postMessage({ type: "done", done, total, ms: Math.round(performance.now() - started) });
}

const VERDICT_ORDER = { block: 0, review: 1, allow: 2 };

async function download({ format, labels }) {
  if (!checked) return;
  const head = [labels.row, labels.id, labels.column, labels.verdict, labels.found, labels.text, labels.suggested];
  // The strictest first, then in the file's order: what needs fixing is at the top.
  const sorted = [...checked].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || a.row - b.row);
  const body = sorted.map((r) => [
    r.row, r.id, r.column, labels.verdicts[r.verdict],
    r.findings.map((f) => `${labels.verdicts[f.verdict]}: ${f.match} — ${f.message}`).join("\n"),
    r.text, r.suggestedText ?? "",
  ]);
  const base = table.name.replace(/\.[^.]+$/, "");
  if (format === "csv") {
    // A formula-looking cell is quoted with a leading apostrophe: a spreadsheet must never run it.
    const safe = body.map((r) => r.map((v) => (typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
    const csv = `\uFEFF${Papa.unparse({ fields: head, data: safe })}\r\n`;
    postMessage({ type: "file", name: `${base}-checked.csv`, blob: new Blob([csv], { type: "text/csv;charset=utf-8" }) });
    return;
  }
  importScripts("vendor/exceljs.min.js");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(labels.sheet);
  sheet.addRow(head).font = { bold: true };
  for (const r of body) sheet.addRow(r);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, i) => { column.width = [8, 22, 24, 14, 60, 60, 60][i]; });
  const buffer = await workbook.xlsx.writeBuffer();
  postMessage({
    type: "file",
    name: `${base}-checked.xlsx`,
    blob: new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  });
}

// The engine loads while the person picks a file.
ready().catch(() => {});

onmessage = async ({ data }) => {
  if (data.type === "batch") {
    // The helper: check one batch for the worker that reads the file.
    try {
      const { out, policy } = checkBatch(checkerOf(await ready(), data.overlay), data.texts, data.columns, data.region, data.lang);
      postMessage({ id: data.id, out, policy });
    } catch (error) {
      postMessage({ id: data.id, error: String(error?.message ?? error) });
    }
    return;
  }
  try {
    if (data.type === "open") await open(data.file);
    else if (data.type === "check") await check(data);
    else if (data.type === "cancel") cancelled = true;
    else if (data.type === "download") await download(data);
  } catch (error) {
    postMessage({
      type: "error",
      key: error instanceof FileProblem ? error.key : null,
      vars: error.vars ?? {},
      code: error.code ?? null,
      path: error.path ?? null,
      message: String(error?.message ?? error),
    });
  }
};
