// "What changed": a region's rules over time. Two sources, both the packs' own: the dated rules
// in the built-in pack (`effectiveFrom` / `effectiveUntil`, read with getPolicy), and the
// packs' changelog (policies/CHANGELOG.md, copied next to the pages by the build), one entry per
// pack version. Newest first; each change links to its source.
import { getPolicy, policies } from "./pkg/shop_policy.js";
import {
  describeSources, fill, formatDay, h, has, lang, regionOptions, restoreForm, sourceNode, startPage, t,
} from "./common.js";

const region = document.getElementById("changes-region");
const result = document.getElementById("changes-result");
/** The changelog's versions, once loaded: [{ version, date, asOf, sections: [{ heading, items }] }]. */
let changelog = null;
let changelogFailed = false;

/**
 * The changelog's Markdown, read as far as it is written: `## version — date (content as of …)`
 * headings, `### ` sections, `- ` items (continued on indented lines), `**bold**` and `code`.
 */
function parseChangelog(text) {
  const versions = [];
  let section = null;
  let item = null;
  for (const line of text.split("\n")) {
    const version = line.match(/^## (\S+) — (\d{4}-\d{2}-\d{2})(?: \(content as of (\d{4}-\d{2}-\d{2})\))?/);
    if (version) {
      versions.push({ version: version[1], date: version[2], asOf: version[3] ?? null, intro: [], sections: [] });
      section = null;
      item = null;
      continue;
    }
    const current = versions.at(-1);
    if (!current) continue;
    if (line.startsWith("### ")) {
      section = { heading: line.slice(4).trim(), items: [] };
      current.sections.push(section);
      item = null;
    } else if (line.startsWith("- ")) {
      item = line.slice(2);
      (section ?? (current.sections[0] ??= { heading: "", items: [] })).items.push(item);
    } else if (/^\s+\S/.test(line) && item !== null) {
      const list = (section ?? current.sections[0]).items;
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() && !section) {
      // Lines of one paragraph join; a blank line starts the next.
      if (current.open) current.intro[current.intro.length - 1] += ` ${line.trim()}`;
      else current.intro.push(line.trim());
      current.open = true;
    } else if (!line.trim()) {
      item = null;
      current.open = false;
    }
  }
  return versions;
}

/** `**bold**` and `code` of a changelog line as nodes (text only: nothing is parsed as HTML). */
function inline(text) {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).filter(Boolean).map((part) =>
    part.startsWith("**") ? h("strong", {}, part.slice(2, -2)) : part.startsWith("`") ? h("code", {}, part.slice(1, -1)) : part);
}

/** Whether `date` (YYYY-MM-DD) is within the 90 days up to today. */
function recent(date) {
  const today = new Date();
  const days = (Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  return days >= 0 && days <= 90;
}

/** The dated rules of a pack: every object with `effectiveFrom` or `effectiveUntil`, labelled. */
function datedRules(pack) {
  const out = [];
  const label = (rule, path, parent) => {
    if (path.startsWith("health.regimes")) {
      const role = rule.role ?? parent?.role;
      const key = `changes.regime.${role}.${rule.scheme ?? parent?.scheme}`;
      return has(key) ? t(key) : t("changes.rule", { id: rule.id });
    }
    if (path === "eligibility.linkShare") return t("changes.linkShare");
    if (path === "eligibility.criteria" && rule.criterion) {
      const key = `changes.criterion.${rule.criterion}`;
      return has(key) ? t(key) : t("changes.criterion.other", { criterion: rule.criterion });
    }
    return t("changes.rule", { id: rule.id });
  };
  const walk = (value, path, parent) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path, parent);
      return;
    }
    if (!value || typeof value !== "object") return;
    if (value.id && (value.effectiveFrom || value.effectiveUntil)) {
      const text = label(value, path, parent);
      if (value.effectiveFrom) out.push({ date: value.effectiveFrom, kind: "from", id: value.id, text, source: value.source, verified: value.verified });
      if (value.effectiveUntil) out.push({ date: value.effectiveUntil, kind: "until", id: value.id, text, source: value.source, verified: value.verified });
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === "replaced") walk(child, path, value);
      else if (child && typeof child === "object") walk(child, path ? `${path}.${key}` : key, parent);
    }
  };
  walk(pack, "", null);
  return out;
}

function ruleEvent(e) {
  return h("li", { className: `event rule ${e.kind}`, dataset: { date: e.date, kind: e.kind, rule: e.id } },
    h("p", { className: "event-date" }, h("time", { attrs: { datetime: e.date } }, formatDay(e.date)),
      recent(e.date) ? [" ", h("span", { className: "badge review" }, t("changes.recent"))] : null),
    h("p", {}, h("strong", {}, e.text), " — ", t(e.kind === "from" ? "changes.from" : "changes.until", { date: formatDay(e.date) }),
      e.verified === false ? [" ", h("span", { className: "badge unverified" }, t("changes.unverified"))] : null),
    e.source ? sourceNode(e.source) : null);
}

function versionEvent(v) {
  return h("li", { className: "event version", dataset: { date: v.date, version: v.version } },
    h("p", { className: "event-date" }, h("time", { attrs: { datetime: v.date } }, formatDay(v.date)),
      recent(v.date) ? [" ", h("span", { className: "badge review" }, t("changes.recent"))] : null),
    h("p", {}, h("strong", {}, t("changes.version", { version: v.version, date: formatDay(v.date) })),
      v.asOf ? ` ${t("changes.contentAsOf", { date: formatDay(v.asOf) })}` : null),
    h("details", {},
      h("summary", {}, t("changes.details")),
      lang() === "en" ? null : h("p", { className: "hint" }, t("changes.englishOnly")),
      v.intro.map((paragraph) => h("p", {}, inline(paragraph))),
      v.sections.flatMap((s) => [s.heading ? h("h4", {}, s.heading) : null, h("ul", {}, s.items.map((item) => h("li", {}, inline(item))))])));
}

function render() {
  const code = region.value;
  const pack = getPolicy(code);
  const summary = policies().find((p) => p.region === code);
  describeSources(summary?.sourceDetails ?? []);
  const rules = datedRules(pack);
  const versions = changelog ?? [];
  const events = [
    ...rules.map((e) => ({ date: e.date, node: () => ruleEvent(e) })),
    ...versions.map((v) => ({ date: v.date, node: () => versionEvent(v) })),
  ].sort((a, b) => b.date.localeCompare(a.date));
  fill(document.getElementById("changes-summary"),
    t("changes.summary", { rules: rules.length, versions: versions.length, region: t(`region.${code}`) }),
    changelogFailed ? [" ", t("changes.changelogMissing")] : null);
  fill(document.getElementById("changes-timeline"), events.map((e) => e.node()));
  result.dataset.region = code;
  result.dataset.events = String(events.length);
  result.hidden = false;
}

regionOptions(region);
// The changelog loads alongside the engine; the timeline shows the dated rules until it is in.
const loading = fetch("changelog.md").then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))));
const page = await startPage({
  section: "changes",
  restore: (params) => restoreForm(document.getElementById("changes-form"), params, { region: "ID" }),
  state: () => new URLSearchParams({ region: region.value }),
  render,
  relabel: () => regionOptions(region),
  errorEl: document.getElementById("changes-error"),
  resultEl: result,
  resultAttr: "region",
});
region.addEventListener("change", page.update);
try {
  changelog = parseChangelog(await loading);
} catch {
  changelogFailed = true;
}
page.update();
document.documentElement.dataset.changelog = changelogFailed ? "missing" : "loaded";
