// The account health page: accountHealth from violations and quiz attempts entered as rows or
// pasted as CSV/JSON. The 90-day chart is computed from the report alone (active points today
// minus each expiration as it comes), so it shows exactly what the library says will happen.
import { checker } from "./my-rules.js";
import {
  RowEditor, SURFACES, addDays, csvDate, csvObjects, daysBetween, fill, formParams, formatNumber, h, inputError, nextTask,
  describePath, describeSources, downloadCsv, formatDay, inForceNode, lang, localToday, readDateColumn, showExample, noteItem, policyLine, regionOptions, restoreForm, sourceNode, startPage, svg, t,
  unverifiedBadge,
} from "./common.js";

const VIOLATION_COLUMNS = [
  { key: "id", label: "field.id", type: "text" },
  { key: "type", label: "field.type", type: "text" },
  { key: "points", label: "field.points", type: "number" },
  { key: "issuedOn", label: "field.issuedOn", type: "date" },
  {
    key: "surface",
    label: "field.surface",
    type: "select",
    options: [{ value: "", label: "surface.none" }, ...SURFACES.map((s) => ({ value: s, label: `surface.${s}` }))],
  },
];
const ATTEMPT_COLUMNS = [
  { key: "violationId", label: "field.violationId", type: "text" },
  { key: "takenOn", label: "field.takenOn", type: "date" },
  { key: "passed", label: "field.passed", type: "checkbox" },
];

/** The README's example account, moved to recent dates so that it means something today. */
function example() {
  const today = localToday();
  return {
    violations: [
      { id: "v1", type: "Prohibited Customer Communication", points: 4, issuedOn: addDays(today, -21), surface: "chat" },
      { id: "v2", type: "Misleading Product Information", points: 4, issuedOn: addDays(today, -4), surface: "live" },
    ],
    attempts: [{ violationId: "v1", takenOn: addDays(today, -10), passed: true }],
  };
}

const $ = (id) => document.getElementById(id);
const form = $("health-form");
const result = $("health-result");
const regionSelect = $("health-region");
let page;
const changed = () => page?.updateSoon();
const violations = new RowEditor({ table: $("health-violations"), path: "violations", columns: VIOLATION_COLUMNS, onChange: changed });
const attempts = new RowEditor({ table: $("health-attempts"), path: "quizAttempts", columns: ATTEMPT_COLUMNS, onChange: changed });

function input() {
  const out = {
    region: regionSelect.value, role: $("health-role").value, lang: lang(),
    violations: violations.values(), quizAttempts: attempts.values(),
  };
  const asOf = $("health-asof").value;
  if (asOf) out.asOf = asOf;
  return out;
}

/** Quiz rows shown; the rest are counted (a year of violations has hundreds). */
const QUIZZES_SHOWN = 50;

/** A deadline this close (days, inclusive) is highlighted. */
const CLOSES_SOON_DAYS = 7;

/**
 * What to do next, from the report's quiz statuses: the quizzes worth taking (open, attempts
 * left, points to remove; one blocked only by the per-type cap from the day it ends, if before
 * its deadline), one per type (the cap lets one count at a time), soonest deadline first, with
 * what passing them all would do to the figure and to the milestones. `null` when none helps.
 */
function recommendation(report) {
  const worth = report.quizzes
    .filter((q) => q.open && q.attemptsLeft > 0 && q.activePoints > 0)
    .filter((q) => q.blockedBy === null || q.blockedBy === "amount_unpublished"
      || (q.blockedBy === "type_cooldown" && q.cooldownEndsOn && q.cooldownEndsOn <= q.deadline))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || String(a.cooldownEndsOn).localeCompare(String(b.cooldownEndsOn)));
  const seen = new Set();
  const picked = worth.filter((q) => !seen.has(q.type) && seen.add(q.type));
  if (!picked.length) return null;
  const unpublished = picked.some((q) => q.blockedBy === "amount_unpublished");
  // A pass removes one point (the built-in quiz), never more than the violation has left.
  const removed = unpublished ? null : picked.length;
  const items = picked.map((q) => {
    const from = q.cooldownEndsOn && q.cooldownEndsOn > report.asOf ? q.cooldownEndsOn : report.asOf;
    const daysLeft = daysBetween(report.asOf, q.deadline);
    const closesSoon = daysLeft <= CLOSES_SOON_DAYS;
    const text = from > report.asOf
      ? t("recommend.quizFrom", { type: q.type, id: q.violationId, from: formatDay(from), deadline: formatDay(q.deadline) })
      : t("recommend.quiz", { type: q.type, id: q.violationId, deadline: formatDay(q.deadline) });
    const soon = !closesSoon ? "" : daysLeft === 0 ? t("recommend.today") : daysLeft === 1 ? t("recommend.tomorrow") : t("recommend.in", { days: daysLeft });
    return { q, text, soon, closesSoon };
  });
  let summary;
  if (removed === null) summary = t("recommend.unpublished");
  else if (report.scheme === "score") summary = t("recommend.score", { removed });
  else {
    const after = Math.max(0, report.activePoints - removed);
    summary = t(removed === 1 ? "recommend.points.one" : "recommend.points", { removed, active: report.activePoints, after });
    const { reached, next } = report.milestone;
    const distance = report.warning?.distance ?? 5;
    if (reached && after < reached.points) summary += ` ${t("recommend.below", { milestone: reached.points })}`;
    else if (next && next.points - after > distance && next.points - report.activePoints <= distance) {
      summary += ` ${t("recommend.clear", { milestone: next.points, toGo: next.points - after })}`;
    }
  }
  return { summary, items };
}

/** A read-only table; its wrapper scrolls sideways on a phone and can be scrolled by keyboard. */
function dataTable(headers, rows) {
  return h("div", { className: "table-wrap", tabIndex: 0 }, h("table", { className: "stack" },
    h("thead", {}, h("tr", {}, headers.map((x) => h("th", { attrs: { scope: "col" } }, x)))),
    // Each cell carries its column's name: on a phone the rows stack into captioned cards.
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((c, i) => h("td", { dataset: { caption: headers[i] } }, c)))))));
}

/** A "nice" tick step (1, 2, 5 × 10ⁿ) for an axis up to `max`. */
function tickStep(max) {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
}

/** The step chart of active points from `asOf` to `asOf` + 90, as inline SVG built with DOM calls. */
function chart(report) {
  const W = 640, H = 230, L = 44, R = 16, T = 16, B = 36, DAYS = 90;
  const from = report.asOf, to = addDays(from, DAYS);
  const steps = [[0, report.activePoints]];
  let points = report.activePoints;
  for (const e of report.expirations) {
    const day = daysBetween(from, e.on);
    if (day > DAYS) break;
    points -= e.points;
    steps.push([day, points]);
  }
  const lines = report.scheme === "points"
    ? [report.milestone.reached, report.milestone.next].filter(Boolean).map((m) => m.points)
    : [];
  const top = Math.max(report.activePoints, ...lines, 4);
  const step = tickStep(top);
  const yMax = Math.ceil((top * 1.08) / step) * step;
  const x = (day) => L + ((W - L - R) * day) / DAYS;
  const y = (p) => T + (H - T - B) * (1 - p / yMax);

  let d = `M${x(0)},${y(steps[0][1])}`;
  for (const [day, p] of steps.slice(1)) d += ` H${x(day)} V${y(p)}`;
  d += ` H${x(DAYS)}`;
  const area = `${d} V${y(0)} H${x(0)} Z`;

  const summary = [t("chart.today", { points: report.activePoints, date: from })];
  for (const [day, p] of steps.slice(1)) summary.push(t("chart.drop", { points: p, date: addDays(from, day) }));
  const caption = [summary.join("; ") + "."];
  if (steps.length === 1) caption.push(t("chart.flat"));
  if (report.scheme === "score") caption.push(t("chart.scoreNote"));

  const titleId = "health-chart-title", descId = "health-chart-desc";
  const parts = [svg("title", { id: titleId }, t("chart.title", { from, to })), svg("desc", { id: descId }, caption.join(" "))];
  for (let v = 0; v <= yMax; v += step) {
    parts.push(svg("line", { class: "grid-line", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    parts.push(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, formatNumber(v)));
  }
  for (const day of [0, 30, 60, 90]) {
    parts.push(svg("line", { class: "axis", x1: x(day), x2: x(day), y1: y(0), y2: y(0) + 5 }));
    parts.push(svg("text", { x: x(day), y: H - B + 20, "text-anchor": day === 0 ? "start" : day === 90 ? "end" : "middle" }, addDays(from, day)));
  }
  parts.push(svg("line", { class: "axis", x1: L, x2: W - R, y1: y(0), y2: y(0) }));
  parts.push(svg("line", { class: "axis", x1: L, x2: L, y1: T, y2: y(0) }));
  parts.push(svg("text", { x: 4, y: T - 4 }, t("chart.axis")));
  for (const m of lines) {
    parts.push(svg("line", { class: "milestone", x1: L, x2: W - R, y1: y(m), y2: y(m) }));
    parts.push(svg("text", { class: "milestone-label", x: W - R - 4, y: y(m) - 5, "text-anchor": "end" }, t("chart.milestone", { points: m })));
  }
  parts.push(svg("path", { class: "area", d: area }));
  parts.push(svg("path", { class: "points", d, "data-steps": JSON.stringify(steps) }));
  return [
    svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": titleId, "aria-describedby": descId, "data-days": DAYS }, parts),
    h("figcaption", {}, caption.join(" ")),
  ];
}

function render() {
  const facts = input();
  const report = checker(facts.region).accountHealth(facts);
  describeSources(report.sources);
  const { reached, next } = report.milestone;
  const unit = (p) => t(report.scheme === "score" ? "fig.scoreAt" : "fig.points", { points: formatNumber(p) });

  fill($("health-summary"), report.score
    ? t("summary.score", { score: report.score.value, status: t(`status.${report.score.status}`), date: formatDay(report.asOf), points: report.activePoints })
    : t("summary.points", { points: report.activePoints, date: formatDay(report.asOf) }));

  fill($("health-inforce"), inForceNode(report.inForce, report.asOf, regionSelect.value));

  const figure = (label, value, extra) => h("div", {}, h("dt", {}, label), h("dd", {}, value), extra);
  fill($("health-figures"),
    figure(t("fig.active"), formatNumber(report.activePoints)),
    report.score ? figure(t("fig.score"), formatNumber(report.score.value),
      h("dd", {}, h("span", { className: `badge ${report.score.status}` }, t(`status.${report.score.status}`)))) : null,
    figure(t("fig.reached"), reached ? unit(reached.points) : t("fig.none")),
    figure(t("fig.next"), next ? unit(next.points) : t("fig.none"), next ? h("dd", { className: "detail" }, t("fig.toGo", { n: next.pointsToGo })) : null));

  if (next && report.scheme === "points") {
    const label = t("progress.label", { points: report.activePoints, next: next.points });
    fill($("health-progress"), h("p", { className: "field" },
      h("label", { htmlFor: "health-progress-bar" }, label),
      h("progress", { id: "health-progress-bar", max: next.points, value: Math.min(report.activePoints, next.points) }, label)));
  } else if (next && report.score) {
    fill($("health-progress"), h("p", {}, t("progress.score", { score: report.score.value, next: next.points })));
  } else fill($("health-progress"));

  const warnings = [];
  if (report.warning) warnings.push(noteItem(report.warning, h("p", {}, unverifiedBadge(report.warning.verified))));
  if (reached) warnings.push(noteItem({ ...reached, message: t("reached", { message: reached.message }) }, h("p", {}, unverifiedBadge(reached.verified))));
  if (next) warnings.push(noteItem({ ...next, message: t("next", { points: unit(next.points), message: next.message }) }, h("p", {}, unverifiedBadge(next.verified))));
  if (report.score) warnings.push(noteItem(report.score, h("p", {}, unverifiedBadge(report.score.verified))));
  fill($("health-warnings"), warnings);

  fill($("health-chart"), chart(report));
  fill($("health-expirations"),
    report.clearingStoppedOn ? h("p", {}, t("clearingStopped", { date: formatDay(report.clearingStoppedOn) })) : null,
    report.expirations.length ? [h("h4", {}, t("expirations")),
      dataTable([t("expirations.on"), t("expirations.points")], report.expirations.map((e) => [e.on, `−${e.points}`]))] : null);

  const w = report.weekly;
  fill($("health-weekly"),
    h("p", {}, w.message),
    w.byType.length ? [h("h4", {}, t("weekly.type")), dataTable(
      [t("weekly.col.type"), t("weekly.col.violations"), t("weekly.col.points")],
      w.byType.map((r) => [r.type, r.violations, r.points]))] : null,
    w.bySurface.length ? [h("h4", {}, t("weekly.surface")), dataTable(
      [t("weekly.col.surface"), t("weekly.col.violations"), t("weekly.col.points")],
      w.bySurface.map((r) => [t(`surface.${r.surface ?? "none"}`), r.violations, r.points]))] : null,
    sourceNode(w.source));

  fill($("health-quizzes"), report.quizzes.length === 0 ? h("p", {}, t("quiz.none")) : dataTable(
    [t("quiz.col.violation"), t("quiz.col.open"), t("quiz.col.deadline"), t("quiz.col.attempts"), t("quiz.col.active"), t("quiz.col.removes"), t("quiz.col.why")],
    report.quizzes.slice(0, QUIZZES_SHOWN).map((q) => [
      `${q.violationId} — ${q.type}`,
      t(q.open ? "yes" : "no"),
      q.deadline,
      String(q.attemptsLeft),
      String(q.activePoints),
      h("span", { className: `badge ${q.canRemovePoint ? "yes" : "no"}` }, t(q.canRemovePoint ? "yes" : "no")),
      q.blockedBy ? t(`quiz.block.${q.blockedBy}`, { date: q.cooldownEndsOn ? formatDay(q.cooldownEndsOn) : "" }) : "",
    ])), report.quizzes.length > QUIZZES_SHOWN
    ? h("p", { className: "detail" }, t("quiz.more", { n: formatNumber(report.quizzes.length - QUIZZES_SHOWN) }))
    : null);

  const todo = recommendation(report);
  fill($("health-next"), todo
    ? [h("p", {}, todo.summary),
      h("ul", { className: "notes" }, todo.items.map(({ q, text, soon, closesSoon }) =>
        h("li", { className: closesSoon ? "soon" : "", dataset: { violation: q.violationId, closesSoon: String(closesSoon) } },
          h("p", {}, text, soon ? [" ", h("strong", {}, soon)] : null)))),
      h("p", { className: "detail" }, t("recommend.where"))]
    : h("p", {}, t("recommend.none", { why: t("recommend.none.quiet") })));
  result.dataset.recommended = String(todo?.items.length ?? 0);

  fill($("health-notes"), report.notes.map((n) => noteItem(n)));
  fill($("health-policy"), policyLine(report.policy));
  result.dataset.activePoints = String(report.activePoints);
  result.dataset.scheme = report.scheme;
  result.dataset.role = report.role;
  result.hidden = false;
}

// ---- Pasted data ----------------------------------------------------------------------------

const truthy = (v) => /^(true|yes|y|1|pass|passed|ya|lulus|是|通过)$/i.test(String(v).trim());

function violationRow(v) {
  return {
    id: String(v.id ?? ""),
    type: String(v.type ?? ""),
    points: v.points === "" || v.points === undefined || v.points === null ? null : Number(v.points),
    issuedOn: typeof v.issuedOn === "string" ? csvDate(v.issuedOn) : v.issuedOn ?? null,
    surface: v.surface ? String(v.surface).toLowerCase() : null,
  };
}

function attemptRow(a) {
  return {
    violationId: String(a.violationId ?? ""),
    takenOn: typeof a.takenOn === "string" ? csvDate(a.takenOn) : a.takenOn ?? null,
    passed: typeof a.passed === "boolean" ? a.passed : truthy(a.passed ?? ""),
  };
}

/** Reads pasted CSV or JSON into `{ violations?, attempts? }` rows. */
function parseImport(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let data;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw inputError("csv", "", error.message);
    }
    if (Array.isArray(data)) {
      if (data.every((x) => x && typeof x === "object" && "violationId" in x)) return { attempts: data.map(attemptRow) };
      return { violations: data.map((x) => violationRow(x ?? {})) };
    }
    const out = {};
    if (Array.isArray(data.violations)) out.violations = data.violations.map((x) => violationRow(x ?? {}));
    if (Array.isArray(data.quizAttempts)) out.attempts = data.quizAttempts.map((x) => attemptRow(x ?? {}));
    if (!out.violations && !out.attempts) throw inputError("csv", "", t("import.kind"));
    return out;
  }
  const header = trimmed.split(/\r?\n/, 1)[0].toLowerCase().replace(/[^a-z]/g, "");
  if (header.includes("violationid") && (header.includes("takenon") || header.includes("passed"))) {
    const rows = csvObjects(trimmed, {
      violationId: ["violationId", "violation id", "violation"],
      takenOn: ["takenOn", "taken on", "date", "quiz date"],
      passed: ["passed", "result", "pass"],
    }, ["violationId", "takenOn", "passed"], "");
    readDates(rows, "takenOn", "quizAttempts");
    return { attempts: rows.map(attemptRow) };
  }
  const rows = csvObjects(trimmed, {
    id: ["id", "violation id", "violationId", "record id", "ID Pelanggaran", "违规编号", "记录编号", "Mã vi phạm"],
    type: ["type", "violation type", "violation", "reason", "Jenis Pelanggaran", "Alasan Pelanggaran", "违规类型", "违规原因",
      "Loại vi phạm", "ประเภทการละเมิด"],
    points: ["points", "violation points", "point", "Poin", "Poin Pelanggaran", "积分", "违规积分", "扣分", "Điểm vi phạm", "คะแนน"],
    issuedOn: ["issuedOn", "issued on", "issue date", "date", "issued", "violation time", "time", "Tanggal Pelanggaran",
      "Waktu Pelanggaran", "Tanggal", "处罚时间", "违规时间", "日期", "Ngày vi phạm", "Thời gian", "วันที่"],
    surface: ["surface", "where", "source", "Tempat", "发生位置", "来源", "Nơi vi phạm"],
  }, ["type", "points", "issuedOn"], "");
  // An export without a violation id column: rows are numbered (v1, v2, …) so quizzes can name them.
  rows.forEach((row, i) => {
    if (!row.id) row.id = `v${i + 1}`;
  });
  readDates(rows, "issuedOn", "violations");
  return { violations: rows.map(violationRow) };
}

/**
 * Reads a pasted date column one way for all its rows (day or month first, from the column and
 * the region), refusing a day after the one judged with its row.
 */
function readDates(rows, key, list) {
  const today = $("health-asof").value || localToday();
  const { dates } = readDateColumn(rows.map((r) => r[key] ?? ""), regionSelect.value, today, (i) => `${list}[${i}].${key}`);
  dates.forEach((date, i) => (rows[i][key] = date ?? ""));
}

function relabel() {
  regionOptions(regionSelect);
  violations.relabel();
  attempts.relabel();
}

page = await startPage({
  section: "health",
  restore(params) {
    restoreForm(form, params, { region: "ID", role: "seller", asOf: "" });
    // Empty unless a shared link brings rows: the example is loaded only on request.
    const rows = { violations: [], attempts: [] };
    try {
      if (params.has("violations")) rows.violations = JSON.parse(params.get("violations"));
      if (params.has("attempts")) rows.attempts = JSON.parse(params.get("attempts"));
    } catch {
      // A damaged link: keep what could be read; the form shows it and the checker judges it.
    }
    violations.set(Array.isArray(rows.violations) ? rows.violations : []);
    attempts.set(Array.isArray(rows.attempts) ? rows.attempts : []);
  },
  state() {
    const params = formParams(form);
    params.set("violations", JSON.stringify(violations.values()));
    params.set("attempts", JSON.stringify(attempts.values()));
    return params;
  },
  render,
  relabel,
  errorEl: $("health-error"),
  resultEl: result,
  resultAttr: "activePoints",
});

regionSelect.addEventListener("change", page.update);
$("health-role").addEventListener("change", page.update);
$("health-asof").addEventListener("change", page.update);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  page.update();
});
$("health-add-violation").addEventListener("click", () => {
  const n = violations.body.rows.length + 1;
  violations.add({ id: `v${n}`, points: 1, issuedOn: $("health-asof").value || localToday() });
});
$("health-add-attempt").addEventListener("click", () => {
  const first = violations.values()[0];
  attempts.add({ violationId: first?.id ?? "", takenOn: $("health-asof").value || localToday(), passed: true });
});
violations.addButton = $("health-add-violation");
attempts.addButton = $("health-add-attempt");
$("health-import-button").addEventListener("click", async () => {
  const status = $("health-import-status");
  try {
    const rows = parseImport($("health-import").value);
    let n = 0;
    if (rows.violations) {
      if (!(await violations.setInSteps(rows.violations))) return; // imported again meanwhile
      n += rows.violations.length;
    }
    if (rows.attempts) {
      if (!(await attempts.setInSteps(rows.attempts))) return;
      n += rows.attempts.length;
    }
    status.textContent = t("import.done", { n });
    await nextTask();
    page.update();
  } catch (error) {
    const where = error.path ? `${describePath(error.path)}: ` : "";
    status.textContent = `${t("error.csv")} ${where}${error.message}`;
  }
});
// A template with the columns the import reads, in the page's language, and two example rows.
const TEMPLATE_HEADERS = {
  en: ["id", "violation type", "points", "issued on", "surface"],
  id: ["ID Pelanggaran", "Jenis Pelanggaran", "Poin", "Tanggal Pelanggaran", "Tempat"],
  zh: ["违规编号", "违规类型", "积分", "处罚时间", "发生位置"],
};
$("health-template").addEventListener("click", () => {
  const today = localToday();
  downloadCsv("violations-template.csv", [
    TEMPLATE_HEADERS[lang()] ?? TEMPLATE_HEADERS.en,
    ["v1", "Prohibited Customer Communication", "4", addDays(today, -20), "chat"],
    ["v2", "Misleading Product Information", "2", addDays(today, -5), "live"],
  ]);
});
$("health-example").addEventListener("click", () => {
  restoreForm(form, new URLSearchParams(), { region: "ID", role: "seller", asOf: "" });
  const rows = example();
  violations.set(rows.violations);
  attempts.set(rows.attempts);
  showExample(form, true);
  page.update();
});
$("health-clear").addEventListener("click", () => {
  violations.set([]);
  attempts.set([]);
  page.update();
});
