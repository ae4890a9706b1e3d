// "My rules": a plain table editor for a seller's or an agency's own rules (words to avoid,
// phrases to allow, verdicts per surface, figures where the built-in ones are unverified).
// Behind the tables is an overlay pack (my-rules.js) that the library validates on every edit:
// each problem is shown on the row it comes from, and only a valid set can be saved. Saved rules
// apply to every check of the site; an export is one file an agency can hand to its sellers.
import { Engine, getPolicy, policyDiff, validatePolicy } from "./pkg/shop_policy.js";
import {
  RowEditor, SURFACES, describeSources, downloadFile, fill, formatNumber, h, has, inputError, regionOptions, restoreForm, sourceNode, startPage, t,
} from "./common.js";
import {
  VERSION, emptyRules, exportDocument, exportName, hasRules, loadDocument, overlayFor, readExport, rowOf, rulesOf, saveDocument,
  unverifiedFigures,
} from "./my-rules.js";

const $ = (id) => document.getElementById(id);
const form = $("rules-form");
const region = $("rules-region");
const result = $("rules-result");
const WHERE = [{ value: "all", label: "where.all" }, ...SURFACES.map((s) => ({ value: s, label: `surface.${s}` }))];
const STRICT = [{ value: "block", label: "verdict.block" }, { value: "review", label: "verdict.review" }];
const ANY = [...STRICT, { value: "allow", label: "verdict.allow" }];

/** The document being edited: every region's rows, saved or not. */
let doc = loadDocument();
let shownRegion = null;

/** Options that name the region's link rules, and the figures that are unverified. */
function linkRuleOptions(pack) {
  return pack.links.rules.map((r) => ({ value: r.id, text: () => r.id }));
}
function figureOptions(pack) {
  return unverifiedFigures(pack).map((f) => ({ ...f, value: `${f.id}|${f.field}`, text: () => t(`figure.${f.field}`, { rule: f.id }) }));
}

const editors = {};
function makeEditors(pack) {
  const onChange = () => page?.updateSoon();
  editors.words = new RowEditor({
    table: $("rules-words"), path: "words", onChange,
    columns: [
      { key: "phrase", label: "field.phrase", type: "text" },
      { key: "verdict", label: "field.verdict", type: "select", options: STRICT },
      { key: "surface", label: "field.surface", type: "select", options: WHERE },
      { key: "instead", label: "field.instead", type: "text" },
    ],
  });
  editors.allow = new RowEditor({ table: $("rules-allow"), path: "allow", onChange, columns: [{ key: "phrase", label: "field.phrase", type: "text" }] });
  editors.verdicts = new RowEditor({
    table: $("rules-verdicts"), path: "verdicts", onChange,
    columns: [
      { key: "rule", label: "field.rule", type: "select", options: linkRuleOptions(pack) },
      { key: "surface", label: "field.surface", type: "select", options: WHERE },
      { key: "verdict", label: "field.verdict", type: "select", options: ANY },
    ],
  });
  editors.figures = new RowEditor({
    table: $("rules-figures"), path: "figures", onChange,
    columns: [
      { key: "figure", label: "field.rule", type: "select", options: figureOptions(pack) },
      { key: "value", label: "field.value", type: "number" },
    ],
  });
}

/** The tables as rows of the document's shape. */
function tableRules() {
  const figures = editors.figures.values().filter((f) => f.figure).map((f) => {
    const [rule, field] = f.figure.split("|");
    return { rule, field, value: f.value };
  });
  return {
    words: editors.words.values().map((w) => ({ phrase: w.phrase, verdict: w.verdict, surface: w.surface, instead: w.instead })),
    allow: editors.allow.values().map((a) => ({ phrase: a.phrase })),
    verdicts: editors.verdicts.values().filter((v) => v.rule),
    figures,
  };
}

/** Shows `code`'s rows in the tables (the other regions' rows stay in the document). */
function showRegion(code) {
  if (shownRegion && shownRegion !== code) doc.regions[shownRegion] = tableRules();
  shownRegion = code;
  const pack = getPolicy(code);
  const rules = rulesOf(doc, code);
  // A row naming a rule this pack no longer has (a file from an older version) stays visible,
  // marked by the check below, rather than silently dropped.
  const ruleOptions = linkRuleOptions(pack);
  for (const v of rules.verdicts) {
    if (v.rule && !ruleOptions.some((o) => o.value === v.rule)) ruleOptions.push({ value: v.rule, text: () => t("rules.unknownRule", { id: v.rule }) });
  }
  const figures = figureOptions(pack);
  for (const f of rules.figures ?? []) {
    const value = `${f.rule}|${f.field}`;
    if (f.rule && !figures.some((o) => o.value === value)) figures.push({ value, text: () => t("rules.unknownRule", { id: f.rule }), field: f.field });
  }
  editors.verdicts.columns[0].options = ruleOptions;
  editors.figures.columns[0].options = figures;
  editors.words.set(rules.words);
  editors.allow.set(rules.allow);
  editors.verdicts.set(rules.verdicts);
  editors.figures.set(rules.figures.map((f) => ({ figure: `${f.rule}|${f.field}`, value: f.value })));
  showFiguresHint(code);
  // Nothing to set where every figure is confirmed: no button that does nothing.
  $("rules-add-figure").hidden = unverifiedFigures(pack).length === 0 && !rules.figures.length;
}

function showFiguresHint(code) {
  const figures = figureOptions(getPolicy(code));
  $("rules-figures-hint").textContent = figures.length
    ? `${t("rules.figures.hint", { region: t(`region.${code}`) })} ${figures.map((f) => t("figure.builtin", { label: f.text(), value: formatNumber(f.value) })).join("; ")}.`
    : t("rules.figures.none", { region: t(`region.${code}`) });
}

/** The library's diagnostics on the overlay, as problems on the rows they come from. */
function problemsOf(validation, origins, overlay) {
  const keyOf = { words: "phrase", allow: "phrase", verdicts: "rule", figures: "value" };
  return validation.diagnostics.map((d) => {
    const where = rowOf(d.path, origins, overlay);
    const reason = has(`error.${d.code}`) ? t(`error.${d.code}`) : d.code;
    const message = t("rules.problem", { reason, detail: d.message });
    return where ? inputError(d.code, `${where[0]}[${where[1]}].${keyOf[where[0]]}`, message) : inputError(d.code, "", message);
  });
}

let lastValid = null;

function render() {
  const code = region.value;
  if (shownRegion !== code) showRegion(code);
  const rules = tableRules();
  // Rows the person has not filled in yet are not rules yet.
  const filled = {
    ...rules,
    words: rules.words.filter((w) => w.phrase.trim()),
    allow: rules.allow.filter((a) => a.phrase.trim()),
    figures: rules.figures.filter((f) => f.value !== null),
  };
  const { overlay, origins } = overlayFor(code, filled);
  const validation = validatePolicy(overlay);
  lastValid = null;
  if (!validation.ok) {
    const problems = problemsOf(validation, origins, overlay);
    const error = problems[0];
    error.diagnostics = problems;
    throw error;
  }
  lastValid = { code, rules: filled, overlay };
  const saved = JSON.stringify(rulesOf(loadDocument(), code));
  const unsaved = saved !== JSON.stringify({ ...emptyRules(), ...filled });
  if (unsaved && !$("rules-status").dataset.keep) $("rules-status").textContent = hasRules(filled) || hasRules(JSON.parse(saved)) ? t("rules.unsaved") : "";
  delete $("rules-status").dataset.keep;
  // What the rules change, compared with the built-in pack.
  const diff = hasRules(filled) ? policyDiff(code, overlay) : null;
  describeSources([]);
  // The "your rules" source every overlay adds is no change of the rules themselves.
  const changes = (diff?.changes ?? []).filter((c) => c.section !== "sources");
  const count = (kind) => changes.filter((c) => c.change === kind).length;
  fill($("rules-summary"), diff
    ? t("rules.summary", { region: t(`region.${code}`), added: count("added"), changed: count("changed") })
    : t("rules.summary.none", { region: t(`region.${code}`) }));
  fill($("rules-changes"), changes.map((c) =>
    h("li", { dataset: { change: c.change, id: c.id } },
      h("span", { className: `badge ${c.change === "added" ? "review" : "block"}` }, t(`rules.change.${c.change}`)), " ",
      has(`rules.section.${c.section}`) ? `${t(`rules.section.${c.section}`)} ` : null,
      c.section ? [h("code", {}, c.id), " "] : null,
      c.change === "changed" ? c.fields.filter((f) => f.field !== "source" && f.field !== "verified").map((f) => `${f.field}: ${show(f.old)} → ${show(f.new)}`).join("; ") : null)));
  renderTry(overlay, filled);
  result.dataset.changes = String(changes.length);
  result.dataset.saved = unsaved ? "false" : "true";
  result.hidden = false;
}

const show = (v) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

let tryEngine = { key: "", engine: null };
function renderTry(overlay, rules) {
  const text = $("rules-try").value;
  if (!text.trim()) {
    fill($("rules-try-summary"));
    fill($("rules-try-findings"));
    return;
  }
  const key = hasRules(rules) ? JSON.stringify(overlay) : "";
  if (tryEngine.key !== key || !tryEngine.engine) tryEngine = { key, engine: new Engine(key ? overlay : undefined) };
  const report = tryEngine.engine.checkLinks({ text, surface: $("rules-try-surface").value, region: region.value, lang: document.documentElement.lang.slice(0, 2) });
  describeSources(report.sources);
  fill($("rules-try-summary"), report.findings.length
    ? [h("span", { className: `badge ${report.verdict}` }, t(`verdict.${report.verdict}`)), " ", t("rules.try.found", { n: report.findings.length })]
    : t("rules.try.none"));
  fill($("rules-try-findings"), report.findings.map((f) => h("li", { className: `finding ${f.verdict}`, dataset: { verdict: f.verdict, source: f.source } },
    h("p", {}, h("span", { className: `badge ${f.verdict}` }, t(`verdict.${f.verdict}`)), " ", h("q", { className: "match" }, f.match), " ", f.message),
    f.suggestion ? h("p", { className: "detail" }, `→ ${f.suggestion}`) : null,
    sourceNode(f.source))));
}

function save() {
  page.update();
  if (!lastValid) {
    $("rules-status").textContent = t("rules.notSaved");
    $("rules-status").dataset.keep = "true";
    return;
  }
  const stored = loadDocument();
  stored.regions[lastValid.code] = lastValid.rules;
  if (!hasRules(lastValid.rules)) delete stored.regions[lastValid.code];
  stored.saved = new Date().toISOString().slice(0, 10);
  saveDocument(stored);
  doc.regions[lastValid.code] = lastValid.rules;
  $("rules-status").textContent = t("rules.saved", { region: t(`region.${lastValid.code}`) });
  $("rules-status").dataset.keep = "true";
  page.update();
}

function exportFile() {
  doc.regions[region.value] = tableRules();
  const name = exportName();
  downloadFile(name, new Blob([`${JSON.stringify(exportDocument(doc), null, 2)}\n`], { type: "application/json" }));
  $("rules-status").textContent = t("rules.exported", { name });
  $("rules-status").dataset.keep = "true";
}

/** Reads a rules file into the tables (not saved until the person saves): row by row, nothing lost. */
async function importFile(file) {
  const status = $("rules-status");
  status.dataset.keep = "true";
  const data = readExport(await file.text(), [...region.options].map((o) => o.value));
  if (data instanceof Error) {
    status.textContent = t("rules.importBad", { name: file.name, reason: data.message });
    return;
  }
  Object.assign(doc.regions, data.regions);
  const codes = Object.keys(data.regions);
  const message = t("rules.imported", { name: file.name, regions: codes.map((code) => t(`region.${code}`)).join(", ") });
  status.textContent = data.version > VERSION ? `${message} ${t("rules.importNewer", { name: file.name })}` : message;
  shownRegion = null;
  if (codes[0]) region.value = codes[0];
  page.update();
}

regionOptions(region);
let page = null;
makeEditors({ links: { rules: [] }, eligibility: { criteria: [] } });
page = await startPage({
  section: "rules",
  restore: (params) => restoreForm(form, params, { region: Object.keys(doc.regions)[0] ?? "ID" }),
  state: () => new URLSearchParams({ region: region.value }),
  render,
  relabel: () => {
    regionOptions(region);
    for (const editor of Object.values(editors)) editor.relabel();
    if (shownRegion) showFiguresHint(shownRegion);
    for (const option of $("rules-try-surface").options) option.textContent = t(`surface.${option.value}`);
  },
  errorEl: $("rules-error"),
  resultEl: result,
  resultAttr: "saved",
});

$("rules-add-word").addEventListener("click", () => editors.words.add({ verdict: "block", surface: "all" }));
$("rules-add-allow").addEventListener("click", () => editors.allow.add());
$("rules-add-verdict").addEventListener("click", () => editors.verdicts.add());
$("rules-add-figure").addEventListener("click", () => editors.figures.add());
region.addEventListener("change", page.update);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  save();
});
$("rules-export").addEventListener("click", exportFile);
$("rules-import").addEventListener("change", () => {
  const file = $("rules-import").files?.[0];
  if (file) importFile(file);
  $("rules-import").value = "";
});
$("rules-clear").addEventListener("click", () => {
  const stored = loadDocument();
  delete stored.regions[region.value];
  saveDocument(stored);
  doc.regions[region.value] = emptyRules();
  shownRegion = null;
  $("rules-status").textContent = t("rules.cleared", { region: t(`region.${region.value}`) });
  $("rules-status").dataset.keep = "true";
  page.update();
});
for (const control of [$("rules-try"), $("rules-try-surface")]) control.addEventListener("input", page.updateSoon);
