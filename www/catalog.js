// "Check my catalog": a Seller Center export or a list of captions, every text checked in a Web
// Worker (catalog-worker.js) with checkLinksBatch, the results in a table to filter, sort and
// download. The page only shows: reading, checking and writing files happen in the worker, and
// the table is drawn a hundred rows at a time, so the page stays responsive on 10,000 products.
import {
  downloadFile, fill, formatNumber, h, inputError, lang, policyLine, regionOptions, restoreForm, startPage, t, SURFACES,
} from "./common.js";
import { storedOverlay } from "./my-rules.js";

const STRINGS = {
  en: {
    "catalog.title": "Check my catalog — shop-policy",
    "catalog.footer": "Everything runs on this device in WebAssembly. Your file is read here and never uploaded; nothing of it is kept after you leave the page.",
    "catalog.h1": "Check my catalog",
    "catalog.intro": "Drop a Seller Center product export (XLSX or CSV) or a list of captions (CSV or TXT). Every title, description and caption is checked for links, contacts, payments and calls to buy elsewhere, with what to write instead.",
    "catalog.private": "The file is read on this device only: nothing is uploaded.",
    "catalog.file": "Your file",
    "catalog.drop": "or drop it here",
    "catalog.choose": "Choose a file",
    "catalog.fileInfo": "{name}: {rows} rows, {columns} columns",
    "catalog.reading": "Reading {name}…",
    "catalog.columns": "Columns to check, and where each text is posted",
    "catalog.sample": "e.g. “{sample}”",
    "catalog.surfaceOf": "Posted as",
    "catalog.check": "Check the catalog",
    "catalog.cancel": "Cancel",
    "catalog.progress": "Checked {done} of {total} rows…",
    "catalog.done": "Checked {total} rows in {seconds} s.",
    "catalog.cancelled": "Stopped after {done} of {total} rows. The table shows what was checked.",
    "catalog.regionChanged": "The region changed: check again to see the results under its rules.",
    "catalog.noColumn": "Choose at least one column to check.",
    "catalog.result": "Results",
    "catalog.summary": "{texts} texts: {block} not allowed, {review} to review, {allow} allowed.",
    "catalog.filter": "Show",
    "catalog.filter.flagged": "Not allowed or to review",
    "catalog.filter.block": "Not allowed",
    "catalog.filter.review": "To review",
    "catalog.filter.allow": "Allowed",
    "catalog.filter.all": "Every text",
    "catalog.sort": "Order",
    "catalog.sort.verdict": "Strictest first",
    "catalog.sort.row": "As in the file",
    "catalog.search": "Search",
    "catalog.csv": "Download the results (CSV)",
    "catalog.xlsx": "Download the results (XLSX)",
    "catalog.preparing": "Preparing the file…",
    "catalog.downloaded": "Saved {name}.",
    "catalog.col.row": "Row",
    "catalog.col.column": "Column",
    "catalog.col.verdict": "Verdict",
    "catalog.col.text": "Text",
    "catalog.col.instead": "What to write instead",
    "catalog.col.found": "Found",
    "catalog.col.id": "ID",
    "catalog.col.suggested": "Suggested text",
    "catalog.sheet": "Results",
    "catalog.more": "Show {n} more",
    "catalog.shown": "Showing {shown} of {count}.",
    "catalog.none": "No text matches.",
    "catalog.keep": "Nothing to change.",
    "catalog.copy": "Copy the suggested text",
    "catalog.copied": "Copied.",
    "catalog.rowId": "Row {row}",
    "catalog.error.xlsx": "This file could not be read as an Excel workbook (.xlsx). Save it again from Excel or Seller Center, or export it as CSV.",
    "catalog.error.xls": "Old Excel files (.xls) cannot be read: save it as .xlsx or CSV first.",
    "catalog.error.empty": "The file is empty.",
    "catalog.error.noRows": "The file has a header but no rows to check.",
    "catalog.error.type": "Choose a .csv, .tsv, .txt or .xlsx file.",
    "catalog.error.read": "The file could not be read: {message}",
    "verdict.block": "Not allowed",
    "verdict.review": "To review",
    "verdict.allow": "Allowed",
  },
  id: {
    "catalog.title": "Cek katalog saya — shop-policy",
    "catalog.footer": "Semuanya berjalan di perangkat ini dengan WebAssembly. File kamu dibaca di sini dan tidak pernah diunggah; tidak ada yang disimpan setelah kamu meninggalkan halaman.",
    "catalog.h1": "Cek katalog saya",
    "catalog.intro": "Masukkan file ekspor produk dari Seller Center (XLSX atau CSV) atau daftar caption (CSV atau TXT). Setiap judul, deskripsi, dan caption dicek apakah ada tautan, kontak, pembayaran, atau ajakan beli di tempat lain, lengkap dengan saran penggantinya.",
    "catalog.private": "File hanya dibaca di perangkat ini: tidak ada yang diunggah.",
    "catalog.file": "File kamu",
    "catalog.drop": "atau tarik dan lepas di sini",
    "catalog.choose": "Pilih file",
    "catalog.fileInfo": "{name}: {rows} baris, {columns} kolom",
    "catalog.reading": "Membaca {name}…",
    "catalog.columns": "Kolom yang dicek, dan di mana teksnya diposting",
    "catalog.sample": "mis. “{sample}”",
    "catalog.surfaceOf": "Diposting sebagai",
    "catalog.check": "Cek katalog",
    "catalog.cancel": "Batal",
    "catalog.progress": "Sudah dicek {done} dari {total} baris…",
    "catalog.done": "{total} baris dicek dalam {seconds} detik.",
    "catalog.cancelled": "Dihentikan setelah {done} dari {total} baris. Tabel menampilkan yang sudah dicek.",
    "catalog.regionChanged": "Wilayah berubah: cek lagi untuk melihat hasil dengan aturan wilayah itu.",
    "catalog.noColumn": "Pilih minimal satu kolom untuk dicek.",
    "catalog.result": "Hasil",
    "catalog.summary": "{texts} teks: {block} tidak diizinkan, {review} perlu ditinjau, {allow} diizinkan.",
    "catalog.filter": "Tampilkan",
    "catalog.filter.flagged": "Tidak diizinkan atau perlu ditinjau",
    "catalog.filter.block": "Tidak diizinkan",
    "catalog.filter.review": "Perlu ditinjau",
    "catalog.filter.allow": "Diizinkan",
    "catalog.filter.all": "Semua teks",
    "catalog.sort": "Urutan",
    "catalog.sort.verdict": "Paling berat dulu",
    "catalog.sort.row": "Sesuai urutan file",
    "catalog.search": "Cari",
    "catalog.csv": "Unduh hasil (CSV)",
    "catalog.xlsx": "Unduh hasil (XLSX)",
    "catalog.preparing": "Menyiapkan file…",
    "catalog.downloaded": "{name} tersimpan.",
    "catalog.col.row": "Baris",
    "catalog.col.column": "Kolom",
    "catalog.col.verdict": "Hasil",
    "catalog.col.text": "Teks",
    "catalog.col.instead": "Sebaiknya ditulis",
    "catalog.col.found": "Temuan",
    "catalog.col.id": "ID",
    "catalog.col.suggested": "Teks saran",
    "catalog.sheet": "Hasil",
    "catalog.more": "Tampilkan {n} lagi",
    "catalog.shown": "Menampilkan {shown} dari {count}.",
    "catalog.none": "Tidak ada teks yang cocok.",
    "catalog.keep": "Tidak perlu diubah.",
    "catalog.copy": "Salin teks saran",
    "catalog.copied": "Tersalin.",
    "catalog.rowId": "Baris {row}",
    "catalog.error.xlsx": "File ini tidak bisa dibaca sebagai workbook Excel (.xlsx). Simpan ulang dari Excel atau Seller Center, atau ekspor sebagai CSV.",
    "catalog.error.xls": "File Excel lama (.xls) tidak bisa dibaca: simpan dulu sebagai .xlsx atau CSV.",
    "catalog.error.empty": "File kosong.",
    "catalog.error.noRows": "File punya judul kolom tapi tidak ada baris untuk dicek.",
    "catalog.error.type": "Pilih file .csv, .tsv, .txt, atau .xlsx.",
    "catalog.error.read": "File tidak bisa dibaca: {message}",
    "verdict.block": "Tidak diizinkan",
    "verdict.review": "Perlu ditinjau",
    "verdict.allow": "Diizinkan",
  },
  zh: {
    "catalog.title": "批量检查商品 — shop-policy",
    "catalog.footer": "所有计算都通过WebAssembly在本设备上完成。你的文件只在这里读取，从不上传；离开页面后不会保留任何内容。",
    "catalog.h1": "批量检查商品",
    "catalog.intro": "放入 Seller Center 导出的商品表（XLSX 或 CSV），或一份文案清单（CSV 或 TXT）。每个标题、描述和文案都会检查是否含有链接、联系方式、站外付款或引导到别处购买的内容，并给出改写建议。",
    "catalog.private": "文件只在本机读取，不会上传。",
    "catalog.file": "你的文件",
    "catalog.drop": "或拖到这里",
    "catalog.choose": "选择文件",
    "catalog.fileInfo": "{name}：{rows} 行，{columns} 列",
    "catalog.reading": "正在读取 {name}…",
    "catalog.columns": "要检查的列，以及每列文字发布的位置",
    "catalog.sample": "例如“{sample}”",
    "catalog.surfaceOf": "发布位置",
    "catalog.check": "开始检查",
    "catalog.cancel": "取消",
    "catalog.progress": "已检查 {done} / {total} 行…",
    "catalog.done": "已检查 {total} 行，用时 {seconds} 秒。",
    "catalog.cancelled": "已在 {done} / {total} 行处停止，表中为已检查的部分。",
    "catalog.regionChanged": "地区已更改：请重新检查，以按该地区规则查看结果。",
    "catalog.noColumn": "请至少选择一列。",
    "catalog.result": "检查结果",
    "catalog.summary": "共 {texts} 段文字：{block} 段违规，{review} 段需审核，{allow} 段通过。",
    "catalog.filter": "显示",
    "catalog.filter.flagged": "违规或需审核",
    "catalog.filter.block": "违规",
    "catalog.filter.review": "需审核",
    "catalog.filter.allow": "通过",
    "catalog.filter.all": "全部",
    "catalog.sort": "排序",
    "catalog.sort.verdict": "最严重的在前",
    "catalog.sort.row": "按文件顺序",
    "catalog.search": "搜索",
    "catalog.csv": "下载结果（CSV）",
    "catalog.xlsx": "下载结果（XLSX）",
    "catalog.preparing": "正在生成文件…",
    "catalog.downloaded": "已保存 {name}。",
    "catalog.col.row": "行",
    "catalog.col.column": "列",
    "catalog.col.verdict": "结果",
    "catalog.col.text": "文字",
    "catalog.col.instead": "建议改为",
    "catalog.col.found": "发现的问题",
    "catalog.col.id": "ID",
    "catalog.col.suggested": "建议文字",
    "catalog.sheet": "检查结果",
    "catalog.more": "再显示 {n} 条",
    "catalog.shown": "显示 {shown} / {count} 条。",
    "catalog.none": "没有符合条件的文字。",
    "catalog.keep": "无需修改。",
    "catalog.copy": "复制建议文字",
    "catalog.copied": "已复制。",
    "catalog.rowId": "第 {row} 行",
    "catalog.error.xlsx": "无法按 Excel 工作簿（.xlsx）读取此文件。请用 Excel 或 Seller Center 重新保存，或导出为 CSV。",
    "catalog.error.xls": "无法读取旧版 Excel 文件（.xls）：请先另存为 .xlsx 或 CSV。",
    "catalog.error.empty": "文件是空的。",
    "catalog.error.noRows": "文件只有表头，没有可检查的行。",
    "catalog.error.type": "请选择 .csv、.tsv、.txt 或 .xlsx 文件。",
    "catalog.error.read": "无法读取文件：{message}",
    "verdict.block": "违规",
    "verdict.review": "需审核",
    "verdict.allow": "通过",
  },
};

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
  strings: STRINGS,
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
