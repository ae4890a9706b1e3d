// A seller's or an agency's own rules, kept on this device and applied to every check of the
// site. They are edited as table rows ("My rules"); behind the rows is an ordinary overlay pack
// on the region (`extends`), which the library validates and evaluates like any other, so a
// finding from a seller's own word cites "your rules" as its source.
//
// Stored in localStorage under one key, as rows per region; exported and imported as the same
// document, with the overlay packs it makes, so an agency can hand one file to its sellers (and
// a developer can pass the packs to `new Engine(pack)`).
import * as builtin from "./pkg/shop_policy.js";
import { Engine, getPolicy } from "./pkg/shop_policy.js";

export const STORAGE_KEY = "shop-policy.my-rules";
export const FORMAT = "shop-policy-rules";
export const VERSION = 1;
export const SOURCE = "my-rules";

/** An empty set of rows for a region. */
export const emptyRules = () => ({ words: [], allow: [], verdicts: [], figures: [] });

/** The stored document: `{ format, version, regions: { ID: rows, … } }`; empty when there is none. */
export function loadDocument() {
  try {
    const doc = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (doc?.format === FORMAT && doc.regions && typeof doc.regions === "object") return doc;
  } catch {
    // A damaged entry is treated as none; it is replaced only by an explicit save.
  }
  return { format: FORMAT, version: VERSION, regions: {} };
}

export function saveDocument(doc) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(doc));
  engines.clear();
}

/** The rows of `region`, complete with every list. */
export function rulesOf(doc, region) {
  return { ...emptyRules(), ...(doc.regions[region] ?? {}) };
}

export function hasRules(rules) {
  return Boolean(rules && (rules.words?.length || rules.allow?.length || rules.verdicts?.length || rules.figures?.length));
}

const MESSAGE = {
  en: "On your own list of words to avoid.",
  id: "Ada di daftar kata yang kamu hindari.",
  zh: "在你自己的禁用词清单中。",
};
const LEAVE_OUT = { en: "(leave this out)", id: "(hapus bagian ini)", zh: "（删去此处）" };

/**
 * The overlay pack the rows make, and where each part came from: `origins` maps a pack path
 * (as the library's diagnostics give it) to `[list, row]`, so a problem is shown on its row.
 */
export function overlayFor(region, rules) {
  const base = getPolicy(region);
  const overlay = {
    id: `my-rules-${region}`,
    version: `${base.version}+mine`,
    extends: region,
    sources: [{ id: SOURCE, title: "Your rules", publisher: "you", official: false, region }],
  };
  const origins = new Map();
  const links = {};
  // Words: one rule, phrase group and suggestion per verdict, surface and replacement.
  const groups = new Map();
  rules.words.forEach((w, row) => {
    const key = JSON.stringify([w.verdict, w.surface, w.instead ?? ""]);
    if (!groups.has(key)) groups.set(key, { ...w, rows: [] });
    groups.get(key).rows.push(row);
  });
  const linkRules = [];
  const phraseGroups = [];
  const suggestions = [];
  [...groups.values()].forEach((g, n) => {
    const id = `links.my_words_${n + 1}`;
    const all = !g.surface || g.surface === "all";
    linkRules.push({
      id, verdict: all ? g.verdict : "allow", ...(all ? {} : { surfaces: { [g.surface]: g.verdict } }),
      source: SOURCE, verified: true, message: MESSAGE,
    });
    origins.set(`links.rules[${linkRules.length - 1}]`, ["words", g.rows[0]]);
    phraseGroups.push({ id: `my_words_${n + 1}`, rule: id, phrases: { en: g.rows.map((row) => rules.words[row].phrase.trim().toLowerCase()) } });
    g.rows.forEach((row, i) => origins.set(`links.callsToAction[${phraseGroups.length - 1}].phrases.en[${i}]`, ["words", row]));
    const instead = g.instead?.trim();
    suggestions.push({ id: `my_words_${n + 1}`, rules: [id], text: instead ? { en: instead } : LEAVE_OUT });
    origins.set(`links.suggestions[${suggestions.length - 1}]`, ["words", g.rows[0]]);
  });
  // Verdicts of built-in rules, per surface (several rows of one rule make one entry).
  const byRule = new Map();
  rules.verdicts.forEach((v, row) => {
    const entry = byRule.get(v.rule) ?? { id: v.rule, rows: [] };
    if (!v.surface || v.surface === "all") entry.verdict = v.verdict;
    else entry.surfaces = { ...entry.surfaces, [v.surface]: v.verdict };
    entry.rows.push(row);
    byRule.set(v.rule, entry);
  });
  for (const { rows, ...entry } of byRule.values()) {
    linkRules.push(entry);
    origins.set(`links.rules[${linkRules.length - 1}]`, ["verdicts", rows[0]]);
  }
  if (linkRules.length) links.rules = linkRules;
  if (phraseGroups.length) links.callsToAction = phraseGroups;
  if (suggestions.length) links.suggestions = suggestions;
  if (rules.allow.length) {
    links.allow = rules.allow.map((a) => a.phrase.trim().toLowerCase());
    rules.allow.forEach((_, row) => origins.set(`links.allow[${row}]`, ["allow", row]));
  }
  if (Object.keys(links).length) overlay.links = links;
  // Figures: a criterion's threshold, cited as "your rules".
  if (rules.figures.length) {
    overlay.eligibility = {
      criteria: rules.figures.map((f) => ({ id: f.rule, [f.field]: f.value, source: SOURCE, verified: false })),
    };
    rules.figures.forEach((_, row) => origins.set(`eligibility.criteria[${row}]`, ["figures", row]));
  }
  return { overlay, origins };
}

/**
 * The list and row a diagnostic's path points to: the longest origin that prefixes it. Paths
 * of a merged pack index the merged lists, so generated entries are found by their ids too.
 */
export function rowOf(path, origins, overlay) {
  let best = null;
  for (const [prefix, where] of origins) {
    if ((path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) && (!best || prefix.length > best[0].length)) {
      best = [prefix, where];
    }
  }
  if (best) return best[1];
  // The merged pack's index differs from the overlay's: find the entry by the id at that path.
  const m = path.match(/^(links\.rules|links\.callsToAction|links\.suggestions|eligibility\.criteria)\[(\d+)\]/);
  if (m) {
    const [section, list] = m[1].split(".");
    const merged = getMergedIds(overlay, section, list);
    const id = merged?.[Number(m[2])];
    const own = overlay[section]?.[list]?.findIndex((e) => e.id === id);
    if (own >= 0) {
      const found = origins.get(`${m[1]}[${own}]`);
      if (found) return found;
    }
  }
  return null;
}

function getMergedIds(overlay, section, list) {
  try {
    const base = getPolicy(overlay.extends)[section]?.[list] ?? [];
    const ids = base.map((e) => e.id);
    for (const e of overlay[section]?.[list] ?? []) if (!ids.includes(e.id)) ids.push(e.id);
    return ids;
  } catch {
    return null;
  }
}

/** Engines over the stored rules, one per region, built once. */
const engines = new Map();

/**
 * What checks `region` on this site: an engine with the person's rules when they have some,
 * else `null` (the built-in packs). A stored set that no longer validates is not applied.
 */
export function engineFor(region) {
  if (engines.has(region)) return engines.get(region);
  let engine = null;
  const rules = rulesOf(loadDocument(), region);
  if (hasRules(rules)) {
    try {
      engine = new Engine(overlayFor(region, rules).overlay);
    } catch {
      engine = null;
    }
  }
  engines.set(region, engine);
  return engine;
}

/** The overlay packs of every region with rules, for export (and for `new Engine(pack)`). */
export function overlaysOf(doc) {
  return Object.entries(doc.regions).filter(([, rules]) => hasRules(rules)).map(([region, rules]) => overlayFor(region, { ...emptyRules(), ...rules }).overlay);
}

/** What the pages check with: the person's engine for the region, else the built-in functions. */
export function checker(region) {
  return engineFor(region) ?? builtin;
}

/** The stored overlay of `region` (for a worker, which cannot read localStorage), or null. */
export function storedOverlay(region) {
  const rules = rulesOf(loadDocument(), region);
  return hasRules(rules) && engineFor(region) ? overlayFor(region, rules).overlay : null;
}

/** The file an export writes: every region's rows, and the overlay packs they make. */
export function exportDocument(doc) {
  return { format: FORMAT, version: VERSION, exported: new Date().toISOString().slice(0, 10), regions: doc.regions, packs: overlaysOf(doc) };
}

/** The file name of an export made today. */
export const exportName = () => `my-rules-${new Date().toISOString().slice(0, 10)}.json`;

/**
 * A rules file read for `regions` (the codes the reader knows): `{ version, regions }` with each
 * region's rows in their shape (a row that is no object is left out; a missing field is null),
 * or an Error saying why it is none (not JSON, not this format). An import never replaces
 * anything with what it cannot read.
 */
export function readExport(text, regions) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return error;
  }
  if (data?.format !== FORMAT || !data.regions || typeof data.regions !== "object") return new Error(`not a ${FORMAT} file`);
  const clean = (list, keys) => (Array.isArray(list) ? list : []).filter((r) => r && typeof r === "object")
    .map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
  const out = {};
  for (const [code, rules] of Object.entries(data.regions)) {
    if (!regions.includes(code) || !rules || typeof rules !== "object") continue;
    out[code] = {
      words: clean(rules.words, ["phrase", "verdict", "surface", "instead"]).map((w) => ({ ...w, phrase: String(w.phrase ?? ""), instead: String(w.instead ?? "") })),
      allow: clean(rules.allow, ["phrase"]).map((a) => ({ phrase: String(a.phrase ?? "") })),
      verdicts: clean(rules.verdicts, ["rule", "surface", "verdict"]),
      figures: clean(rules.figures, ["rule", "field", "value"]),
    };
  }
  return { version: data.version, regions: out };
}

/** The eligibility thresholds of `pack` its sources do not confirm: what a person may set. */
export function unverifiedFigures(pack) {
  return pack.eligibility.criteria
    .filter((c) => c.verified === false && (typeof c.min === "number" || typeof c.max === "number"))
    .map((c) => {
      const field = typeof c.min === "number" ? "min" : "max";
      return { id: c.id, field, value: c[field] };
    });
}
