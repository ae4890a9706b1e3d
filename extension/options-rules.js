// The options page's "My rules": the same rows, overlay and file as the help site's My rules
// page (my-rules.js, shared), kept in chrome.storage.local and applied by the service worker to
// every field it checks. Every edit is checked by the library; a problem is shown on its row,
// and only a valid set is saved, so what was saved before is never lost.
import init, { getPolicy, validatePolicy } from "./pkg/shop_policy.js";
import {
  FORMAT, VERSION, emptyRules, exportDocument, exportName, hasRules, overlayFor, readExport, rowOf, unverifiedFigures,
} from "./my-rules.js";
import { REGIONS } from "./shared.js";
import { relabel, t } from "./options-i18n.js";

await init();

const $ = (id) => document.getElementById(id);
const SURFACES = ["all", "bio", "video", "live", "comment", "product", "chat"];
/** Where a rule applies, as a choice: everywhere, or one surface. */
const WHERE = () => SURFACES.map((s) => [s, s === "all" ? t("where.all") : t(`surface.${s}`)]);
/** Verdicts as a choice: `block` and `review`, and `allow` where a rule may be lifted. */
const VERDICTS = (...values) => values.map((v) => [v, t(`verdict.${v}`)]);

/** The stored document: `{ format, version, regions: { ID: rows, … } }`. */
async function load() {
  const { myRules } = await chrome.storage.local.get("myRules");
  return myRules?.format === FORMAT && myRules.regions ? myRules : { format: FORMAT, version: VERSION, regions: {} };
}

let doc = await load();
let shown = null;

function el(tag, { dataset, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset ?? {});
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

/** `node` with `data-key`: what a row's value is read as. */
const keyed = (node, key) => {
  node.dataset.key = key;
  return node;
};

function select(options, value, label) {
  const s = el("select", { ariaLabel: label });
  for (const [v, text] of options) s.append(new Option(text, v, false, v === value));
  if (value && ![...s.options].some((o) => o.value === value)) s.append(new Option(t("rules.unknownRule", { id: value }), value, false, true));
  return s;
}

function removeButton(tr) {
  const b = el("button", { type: "button", className: "secondary", textContent: "×", ariaLabel: t("options.remove") });
  b.addEventListener("click", () => tr.remove());
  return b;
}

const ROWS = {
  words: (w = {}) => {
    const tr = el("tr");
    tr.append(
      el("td", {}, el("input", { type: "text", value: w.phrase ?? "", ariaLabel: t("field.phrase"), dataset: { key: "phrase" } })),
      el("td", {}, keyed(select(VERDICTS("block", "review"), w.verdict ?? "block", t("field.verdict")), "verdict")),
      el("td", {}, keyed(select(WHERE(), w.surface ?? "all", t("field.surface")), "surface")),
      el("td", {}, el("input", { type: "text", value: w.instead ?? "", ariaLabel: t("field.instead"), dataset: { key: "instead" } })),
    );
    tr.append(el("td", {}, removeButton(tr)));
    return tr;
  },
  allow: (a = {}) => {
    const tr = el("tr");
    tr.append(el("td", {}, el("input", { type: "text", value: a.phrase ?? "", ariaLabel: t("field.phrase"), dataset: { key: "phrase" } })));
    tr.append(el("td", {}, removeButton(tr)));
    return tr;
  },
  verdicts: (v = {}) => {
    const rules = getPolicy(shown).links.rules.map((r) => [r.id, r.id]);
    const tr = el("tr");
    tr.append(
      el("td", {}, keyed(select(rules, v.rule ?? rules[0]?.[0], t("field.rule")), "rule")),
      el("td", {}, keyed(select(WHERE(), v.surface ?? "all", t("field.surface")), "surface")),
      el("td", {}, keyed(select(VERDICTS("block", "review", "allow"), v.verdict ?? "review", t("field.verdict")), "verdict")),
    );
    tr.append(el("td", {}, removeButton(tr)));
    return tr;
  },
  figures: (f = {}) => {
    const options = figures().map((c) => [`${c.id}|${c.field}`, t("figure.builtin", { label: t(`figure.${c.field}`, { rule: c.id }), value: c.value })]);
    const tr = el("tr");
    tr.append(
      el("td", {}, keyed(select(options, f.rule ? `${f.rule}|${f.field}` : options[0]?.[0], t("field.rule")), "figure")),
      el("td", {}, el("input", { type: "number", value: f.value ?? "", ariaLabel: t("field.value"), dataset: { key: "value" } })),
    );
    tr.append(el("td", {}, removeButton(tr)));
    return tr;
  },
};

const figures = () => unverifiedFigures(getPolicy(shown));

function read() {
  const rows = (list) => [...$(`rules-${list}`).tBodies[0].rows].map((tr) =>
    Object.fromEntries([...tr.querySelectorAll("[data-key]")].map((i) => [i.dataset.key, i.type === "number" ? (i.value === "" ? null : Number(i.value)) : i.value])));
  return {
    words: rows("words").filter((w) => w.phrase.trim()),
    allow: rows("allow").filter((a) => a.phrase.trim()),
    verdicts: rows("verdicts"),
    figures: rows("figures").filter((f) => f.value !== null).map((f) => {
      const [rule, field] = f.figure.split("|");
      return { rule, field, value: f.value };
    }),
  };
}

function show(code) {
  if (shown) doc.regions[shown] = read();
  shown = code;
  const rules = { ...emptyRules(), ...(doc.regions[code] ?? {}) };
  for (const list of ["words", "allow", "verdicts", "figures"]) {
    $(`rules-${list}`).tBodies[0].replaceChildren(...rules[list].map((row) => ROWS[list](row)));
  }
  const f = figures();
  $("rules-figures-hint").textContent = t(f.length ? "rules.figures.hint" : "rules.figures.none", { region: code });
  $("rules-add-figure").hidden = f.length === 0;
}

/** Checks the rows with the library; marks the rows at fault. Returns the rows when valid. */
function check() {
  for (const marked of document.querySelectorAll("#my-rules [aria-invalid]")) marked.removeAttribute("aria-invalid");
  const rules = read();
  const { overlay, origins } = overlayFor(shown, rules);
  const validation = validatePolicy(overlay);
  const problems = validation.diagnostics.map((d) => {
    const where = rowOf(d.path, origins, overlay);
    const tr = where && $(`rules-${where[0]}`).tBodies[0].rows[where[1]];
    tr?.querySelector("[data-key]")?.setAttribute("aria-invalid", "true");
    return where ? t("options.rules.row", { list: t(`field.${where[0]}`), n: where[1] + 1, message: d.message }) : d.message;
  });
  $("rules-problems").replaceChildren(...problems.map((p) => el("li", { textContent: p })));
  return problems.length ? null : rules;
}

/** The status line: a catalog key and its slots, so a change of language can say it again. */
let said = null;
function say(key, vars, className = "") {
  said = { key, vars, className };
  $("rules-status").className = `result ${className}`;
  $("rules-status").textContent = t(key, vars);
}

for (const code of REGIONS) $("rules-region").append(new Option(code, code));
$("rules-region").value = Object.keys(doc.regions)[0] ?? "ID";
show($("rules-region").value);
$("rules-region").addEventListener("change", () => show($("rules-region").value));
// A new language: the rows are drawn again in it (what they hold is kept), and so is the status.
relabel(() => {
  show(shown);
  if (said) say(said.key, said.vars, said.className);
});
for (const list of ["words", "allow", "verdicts", "figures"]) {
  const id = { words: "rules-add-word", allow: "rules-add-allow", verdicts: "rules-add-verdict", figures: "rules-add-figure" }[list];
  $(id).addEventListener("click", () => {
    const tr = ROWS[list]();
    $(`rules-${list}`).tBodies[0].append(tr);
    tr.querySelector("input, select")?.focus();
  });
}

$("rules-save").addEventListener("click", async () => {
  const rules = check();
  if (!rules) return say("rules.notSaved", undefined, "bad");
  const stored = await load();
  if (hasRules(rules)) stored.regions[shown] = rules;
  else delete stored.regions[shown];
  await chrome.storage.local.set({ myRules: stored });
  doc.regions[shown] = rules;
  say("options.rules.saved", { region: shown }, "good");
});

$("rules-export").addEventListener("click", () => {
  doc.regions[shown] = read();
  const name = exportName();
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(exportDocument(doc), null, 2)}\n`], { type: "application/json" }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say("rules.exported", { name });
});

$("rules-import").addEventListener("change", async () => {
  const file = $("rules-import").files?.[0];
  $("rules-import").value = "";
  if (!file) return;
  const data = readExport(await file.text(), REGIONS);
  if (data instanceof Error) {
    say("options.rules.importBad", { name: file.name, reason: data.message }, "bad");
    return;
  }
  const regions = Object.keys(data.regions);
  Object.assign(doc.regions, data.regions);
  shown = null;
  if (regions[0]) $("rules-region").value = regions[0];
  show($("rules-region").value);
  const ok = check();
  say(ok ? "options.rules.imported" : "options.rules.importedFix", { name: file.name, regions: regions.join(", ") }, ok ? "" : "warn");
});
