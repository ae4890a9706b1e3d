// "What changed": a region's rules over time. Two sources, both the packs' own: the dated rules
// in the built-in pack (`effectiveFrom` / `effectiveUntil`, read with getPolicy), and the
// packs' changelog (policies/CHANGELOG.md, copied next to the pages by the build), one entry per
// pack version. Newest first; each change links to its source.
import { getPolicy, policies } from "./pkg/shop_policy.js";
import {
  describeSources, fill, formatDay, h, has, lang, regionOptions, restoreForm, sourceNode, startPage, t,
} from "./common.js";

const STRINGS = {
  en: {
    "changes.title": "What changed — shop-policy",
    "changes.h1": "What changed",
    "changes.intro": "The rules of each region as they changed over time: the dated rules of the built-in policy packs (a new rule from its first day, an old one until its last), and every pack version with what it changed. Each change links to its source.",
    "changes.timeline": "Timeline",
    "changes.summary": "{rules} dated rules and {versions} pack versions for {region}.",
    "changes.from": "In force from {date}",
    "changes.until": "In force until {date}, then replaced",
    "changes.version": "Pack version {version}, published {date}",
    "changes.contentAsOf": "Content as of {date}.",
    "changes.englishOnly": "The changelog is written in English.",
    "changes.details": "What this version changed",
    "changes.recent": "Changed within the last 90 days",
    "changes.unverified": "Unverified",
    "changes.rule": "Rule {id}",
    "changes.regime.seller.points": "Sellers are judged on violation points",
    "changes.regime.seller.score": "Sellers are judged on a health score (Account Health Rating)",
    "changes.regime.creator.points": "Creators are judged on violation points",
    "changes.regime.creator.score": "Creators are judged on the Creator Health Rating",
    "changes.criterion.identityAndAgeVerified": "Foreign creators must verify their identity and age to get e-commerce permission",
    "changes.criterion.taxInfoProvided": "Local creators must provide their tax information to get e-commerce permission",
    "changes.criterion.other": "A new requirement for e-commerce permission ({criterion})",
    "changes.linkShare": "The Link-Share Only tier: creators below the follower threshold may share product links",
    "changes.changelogMissing": "The changelog could not be loaded; the dated rules are shown.",
  },
  id: {
    "changes.title": "Apa yang berubah — shop-policy",
    "changes.h1": "Apa yang berubah",
    "changes.intro": "Aturan setiap wilayah dari waktu ke waktu: aturan bertanggal di paket kebijakan bawaan (aturan baru sejak hari pertamanya, aturan lama sampai hari terakhirnya), dan setiap versi paket beserta perubahannya. Setiap perubahan ditautkan ke sumbernya.",
    "changes.timeline": "Linimasa",
    "changes.summary": "{rules} aturan bertanggal dan {versions} versi paket untuk {region}.",
    "changes.from": "Berlaku mulai {date}",
    "changes.until": "Berlaku sampai {date}, lalu diganti",
    "changes.version": "Versi paket {version}, terbit {date}",
    "changes.contentAsOf": "Isi per {date}.",
    "changes.englishOnly": "Catatan perubahan ditulis dalam bahasa Inggris.",
    "changes.details": "Yang diubah di versi ini",
    "changes.recent": "Berubah dalam 90 hari terakhir",
    "changes.unverified": "Belum terverifikasi",
    "changes.rule": "Aturan {id}",
    "changes.regime.seller.points": "Penjual dinilai dengan poin pelanggaran",
    "changes.regime.seller.score": "Penjual dinilai dengan skor kesehatan akun (Account Health Rating)",
    "changes.regime.creator.points": "Kreator dinilai dengan poin pelanggaran",
    "changes.regime.creator.score": "Kreator dinilai dengan Creator Health Rating",
    "changes.criterion.identityAndAgeVerified": "Kreator asing wajib verifikasi identitas dan usia untuk mendapat izin e-commerce",
    "changes.criterion.taxInfoProvided": "Kreator lokal wajib mengisi informasi pajak untuk mendapat izin e-commerce",
    "changes.criterion.other": "Syarat baru untuk izin e-commerce ({criterion})",
    "changes.linkShare": "Tingkat Link-Share Only: kreator di bawah batas pengikut boleh membagikan tautan produk",
    "changes.changelogMissing": "Catatan perubahan tidak bisa dimuat; yang ditampilkan hanya aturan bertanggal.",
  },
  zh: {
    "changes.title": "规则变更 — shop-policy",
    "changes.h1": "规则变更",
    "changes.intro": "各地区规则随时间的变化：内置政策包中带日期的规则（新规则自生效日起，旧规则至最后一天止），以及每个政策包版本的变更内容。每项变更都附有来源链接。",
    "changes.timeline": "时间线",
    "changes.summary": "{region}：{rules} 条带日期的规则，{versions} 个政策包版本。",
    "changes.from": "自{date}起生效",
    "changes.until": "至{date}止，之后被取代",
    "changes.version": "政策包版本 {version}，发布于{date}",
    "changes.contentAsOf": "内容截至{date}。",
    "changes.englishOnly": "变更记录为英文。",
    "changes.details": "此版本的变更内容",
    "changes.recent": "最近 90 天内变更",
    "changes.unverified": "未核实",
    "changes.rule": "规则 {id}",
    "changes.regime.seller.points": "商家按违规积分考核",
    "changes.regime.seller.score": "商家按账户健康分（Account Health Rating）考核",
    "changes.regime.creator.points": "达人按违规积分考核",
    "changes.regime.creator.score": "达人按达人健康分（Creator Health Rating）考核",
    "changes.criterion.identityAndAgeVerified": "境外达人须完成身份和年龄验证才能获得电商权限",
    "changes.criterion.taxInfoProvided": "本地达人须填写税务信息才能获得电商权限",
    "changes.criterion.other": "电商权限的新要求（{criterion}）",
    "changes.linkShare": "仅限分享链接（Link-Share Only）：粉丝数未达门槛的达人可分享商品链接",
    "changes.changelogMissing": "无法加载变更记录，仅显示带日期的规则。",
  },
};

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
  strings: STRINGS,
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
