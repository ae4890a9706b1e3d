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

const STRINGS = {
  en: {
    "rules.title": "My rules — shop-policy",
    "rules.footer": "Everything runs on this device in WebAssembly. Your rules are kept in this browser's storage on this device and are never uploaded; export them to move them elsewhere.",
    "rules.h1": "My rules",
    "rules.intro": "Add your own words to block or to review, allow phrases your shop needs (a brand that contains a platform's name), change a rule's verdict where you post, and set a figure where the built-in one is unverified. Your rules are kept on this device and apply to every check on this site for the region.",
    "rules.words": "Words and phrases to avoid",
    "rules.words.hint": "A text that contains one is blocked or held for review where you choose. \"Write instead\" is what the suggestions put in its place.",
    "rules.allow": "Phrases to allow",
    "rules.allow.hint": "Never a finding, even when it contains a platform's name: your shop's or a brand's name (\"Wa Ode Batik\", \"Toko Oren Jaya\").",
    "rules.verdicts": "Verdicts where you post",
    "rules.verdicts.hint": "Make a built-in rule stricter or lighter on one surface, or everywhere.",
    "rules.figures": "Your region's figures",
    "rules.figures.hint": "Figures the sources do not confirm for {region}; set the one your account manager or Seller Center shows you.",
    "rules.figures.none": "Every figure for {region} is confirmed by its source: there is nothing to set.",
    "rules.col.phrase": "Word or phrase",
    "rules.col.verdict": "Verdict",
    "rules.col.where": "Where",
    "rules.col.instead": "Write instead (optional)",
    "rules.col.rule": "Rule",
    "rules.col.figure": "Figure",
    "rules.col.value": "Your value",
    "rules.addWord": "Add a word",
    "rules.addAllow": "Add a phrase",
    "rules.addVerdict": "Change a verdict",
    "rules.addFigure": "Set a figure",
    "rules.save": "Save my rules",
    "rules.export": "Export to a file",
    "rules.import": "Import a file",
    "rules.clear": "Remove my rules for this region",
    "rules.saved": "Saved. Your rules apply to every check on this site for {region}.",
    "rules.cleared": "Your rules for {region} are removed; the built-in rules apply.",
    "rules.unsaved": "Not saved yet: save to apply these rules to your checks.",
    "rules.notSaved": "Not saved: fix the rows marked first. What was saved before is kept.",
    "rules.exported": "Saved {name}.",
    "rules.imported": "Read {name}: {regions}. Check the rows and save to apply them.",
    "rules.importBad": "{name} is not a rules file exported from this page ({reason}). Nothing was changed.",
    "rules.importNewer": "{name} was written by a newer version of this page; what it holds is read as far as possible.",
    "rules.result": "What your rules change",
    "rules.summary.none": "Nothing yet: the built-in rules for {region} apply as they are.",
    "rules.summary": "Compared with the built-in rules for {region}: {added} added, {changed} changed.",
    "rules.change.added": "Added",
    "rules.change.changed": "Changed",
    "rules.change.removed": "Removed",
    "rules.try": "Try them",
    "rules.trySurface": "Where it is posted",
    "rules.tryText": "A text to check with your rules",
    "rules.try.none": "Nothing found with your rules.",
    "rules.try.found": "{n} found.",
    "rules.problem": "{reason} ({detail})",
    "rules.unknownRule": "{id} (not in this version of the rules)",
    "rules.section.": "Setting:",
    "rules.section.links.rules": "Link rule",
    "rules.section.links.callsToAction": "Word list",
    "rules.section.links.suggestions": "What to write instead",
    "rules.section.eligibility.criteria": "Eligibility criterion",
    "verdict.block": "Not allowed",
    "verdict.review": "Review",
    "verdict.allow": "Allowed",
    "where.all": "Everywhere",
    "field.words": "Words to avoid",
    "field.allow": "Phrases to allow",
    "field.verdicts": "Verdicts",
    "field.figures": "Figures",
    "field.phrase": "Word or phrase",
    "field.verdict": "Verdict",
    "field.surface": "Where",
    "field.instead": "Write instead",
    "field.rule": "Rule",
    "field.value": "Your value",
    "figure.min": "{rule}: at least",
    "figure.max": "{rule}: at most",
    "figure.builtin": "{label} {value} (built in, unverified)",
  },
  id: {
    "rules.title": "Aturan saya — shop-policy",
    "rules.footer": "Semuanya berjalan di perangkat ini dengan WebAssembly. Aturanmu disimpan di penyimpanan browser di perangkat ini dan tidak pernah diunggah; ekspor untuk memindahkannya.",
    "rules.h1": "Aturan saya",
    "rules.intro": "Tambahkan kata yang ingin kamu blokir atau tinjau, izinkan frasa yang dibutuhkan tokomu (merek yang mengandung nama platform), ubah putusan aturan di tempat kamu memposting, dan isi angka yang belum terverifikasi. Aturanmu disimpan di perangkat ini dan berlaku untuk semua pemeriksaan di situs ini untuk wilayah tersebut.",
    "rules.words": "Kata dan frasa yang dihindari",
    "rules.words.hint": "Teks yang memuatnya diblokir atau ditahan untuk ditinjau di tempat yang kamu pilih. \"Tulis saja\" adalah pengganti yang dipakai dalam saran.",
    "rules.allow": "Frasa yang diizinkan",
    "rules.allow.hint": "Tidak pernah jadi temuan, walau memuat nama platform: nama toko atau merekmu (\"Wa Ode Batik\", \"Toko Oren Jaya\").",
    "rules.verdicts": "Putusan di tempat kamu memposting",
    "rules.verdicts.hint": "Buat aturan bawaan lebih ketat atau lebih longgar di satu tempat, atau di semua tempat.",
    "rules.figures": "Angka untuk wilayahmu",
    "rules.figures.hint": "Angka yang belum dipastikan sumbernya untuk {region}; isi dengan angka dari account manager atau Seller Center kamu.",
    "rules.figures.none": "Semua angka untuk {region} sudah dipastikan sumbernya: tidak ada yang perlu diisi.",
    "rules.col.phrase": "Kata atau frasa",
    "rules.col.verdict": "Putusan",
    "rules.col.where": "Di mana",
    "rules.col.instead": "Tulis saja (opsional)",
    "rules.col.rule": "Aturan",
    "rules.col.figure": "Angka",
    "rules.col.value": "Angka kamu",
    "rules.addWord": "Tambah kata",
    "rules.addAllow": "Tambah frasa",
    "rules.addVerdict": "Ubah putusan",
    "rules.addFigure": "Isi angka",
    "rules.save": "Simpan aturan saya",
    "rules.export": "Ekspor ke file",
    "rules.import": "Impor file",
    "rules.clear": "Hapus aturan saya untuk wilayah ini",
    "rules.saved": "Tersimpan. Aturanmu berlaku untuk semua pemeriksaan di situs ini untuk {region}.",
    "rules.cleared": "Aturanmu untuk {region} dihapus; aturan bawaan yang berlaku.",
    "rules.unsaved": "Belum disimpan: simpan agar aturan ini dipakai saat pemeriksaan.",
    "rules.notSaved": "Tidak disimpan: perbaiki dulu baris yang ditandai. Yang sudah tersimpan sebelumnya tetap aman.",
    "rules.exported": "{name} tersimpan.",
    "rules.imported": "{name} sudah dibaca: {regions}. Periksa barisnya lalu simpan agar berlaku.",
    "rules.importBad": "{name} bukan file aturan yang diekspor dari halaman ini ({reason}). Tidak ada yang diubah.",
    "rules.importNewer": "{name} dibuat oleh versi halaman yang lebih baru; isinya dibaca sebisanya.",
    "rules.result": "Yang diubah oleh aturanmu",
    "rules.summary.none": "Belum ada: aturan bawaan untuk {region} berlaku apa adanya.",
    "rules.summary": "Dibandingkan aturan bawaan untuk {region}: {added} ditambah, {changed} diubah.",
    "rules.change.added": "Ditambah",
    "rules.change.changed": "Diubah",
    "rules.change.removed": "Dihapus",
    "rules.try": "Coba",
    "rules.trySurface": "Tempat diposting",
    "rules.tryText": "Teks untuk dicek dengan aturanmu",
    "rules.try.none": "Tidak ada temuan dengan aturanmu.",
    "rules.try.found": "{n} temuan.",
    "rules.problem": "{reason} ({detail})",
    "rules.unknownRule": "{id} (tidak ada di versi aturan ini)",
    "rules.section.": "Pengaturan:",
    "rules.section.links.rules": "Aturan tautan",
    "rules.section.links.callsToAction": "Daftar kata",
    "rules.section.links.suggestions": "Saran pengganti",
    "rules.section.eligibility.criteria": "Syarat kelayakan",
    "verdict.block": "Tidak diizinkan",
    "verdict.review": "Ditinjau",
    "verdict.allow": "Diizinkan",
    "where.all": "Di semua tempat",
    "field.words": "Kata yang dihindari",
    "field.allow": "Frasa yang diizinkan",
    "field.verdicts": "Putusan",
    "field.figures": "Angka",
    "field.phrase": "Kata atau frasa",
    "field.verdict": "Putusan",
    "field.surface": "Di mana",
    "field.instead": "Tulis saja",
    "field.rule": "Aturan",
    "field.value": "Angka kamu",
    "figure.min": "{rule}: minimal",
    "figure.max": "{rule}: maksimal",
    "figure.builtin": "{label} {value} (bawaan, belum terverifikasi)",
  },
  zh: {
    "rules.title": "我的规则 — shop-policy",
    "rules.footer": "所有计算都通过WebAssembly在本设备上完成。你的规则保存在本设备的浏览器存储中，从不上传；如需迁移请导出。",
    "rules.h1": "我的规则",
    "rules.intro": "添加你要禁止或需审核的词语，允许店铺需要的说法（含有平台名称的品牌名），按发布位置调整规则的结论，并在内置数字未经核实时填写你的数字。你的规则只保存在本设备上，并应用于本站该地区的所有检查。",
    "rules.words": "要避免的词语",
    "rules.words.hint": "含有这些词的文字会在你选择的位置被判为违规或需审核。“可改为”是建议中用来替换它的说法。",
    "rules.allow": "允许的说法",
    "rules.allow.hint": "即使含有平台名称也不算问题：你的店名或品牌名（如“Wa Ode Batik”“Toko Oren Jaya”）。",
    "rules.verdicts": "按发布位置调整结论",
    "rules.verdicts.hint": "让某条内置规则在某个位置或所有位置更严或更宽。",
    "rules.figures": "本地区的数字",
    "rules.figures.hint": "{region}尚未经来源核实的数字；请填写客户经理或 Seller Center 给你的数字。",
    "rules.figures.none": "{region}的所有数字都已由来源核实，无需填写。",
    "rules.col.phrase": "词语",
    "rules.col.verdict": "结论",
    "rules.col.where": "位置",
    "rules.col.instead": "可改为（选填）",
    "rules.col.rule": "规则",
    "rules.col.figure": "数字",
    "rules.col.value": "你的数字",
    "rules.addWord": "添加词语",
    "rules.addAllow": "添加说法",
    "rules.addVerdict": "调整结论",
    "rules.addFigure": "填写数字",
    "rules.save": "保存我的规则",
    "rules.export": "导出为文件",
    "rules.import": "导入文件",
    "rules.clear": "删除本地区的我的规则",
    "rules.saved": "已保存。你的规则将应用于本站{region}的所有检查。",
    "rules.cleared": "已删除你在{region}的规则，恢复使用内置规则。",
    "rules.unsaved": "尚未保存：保存后检查才会使用这些规则。",
    "rules.notSaved": "未保存：请先修正标出的行。之前保存的规则不受影响。",
    "rules.exported": "已保存 {name}。",
    "rules.imported": "已读取 {name}：{regions}。请检查各行后保存以生效。",
    "rules.importBad": "{name} 不是从本页导出的规则文件（{reason}），未做任何更改。",
    "rules.importNewer": "{name} 由更新版本的本页生成，已尽量读取其内容。",
    "rules.result": "你的规则改变了什么",
    "rules.summary.none": "暂无：{region}按内置规则检查。",
    "rules.summary": "与{region}的内置规则相比：新增 {added} 项，修改 {changed} 项。",
    "rules.change.added": "新增",
    "rules.change.changed": "修改",
    "rules.change.removed": "删除",
    "rules.try": "试一试",
    "rules.trySurface": "发布位置",
    "rules.tryText": "用你的规则检查一段文字",
    "rules.try.none": "按你的规则未发现问题。",
    "rules.try.found": "发现 {n} 处。",
    "rules.problem": "{reason}（{detail}）",
    "rules.unknownRule": "{id}（此版本规则中没有）",
    "rules.section.": "设置：",
    "rules.section.links.rules": "链接规则",
    "rules.section.links.callsToAction": "词语清单",
    "rules.section.links.suggestions": "改写建议",
    "rules.section.eligibility.criteria": "资格条件",
    "verdict.block": "违规",
    "verdict.review": "需审核",
    "verdict.allow": "通过",
    "where.all": "所有位置",
    "field.words": "要避免的词语",
    "field.allow": "允许的说法",
    "field.verdicts": "结论",
    "field.figures": "数字",
    "field.phrase": "词语",
    "field.verdict": "结论",
    "field.surface": "位置",
    "field.instead": "可改为",
    "field.rule": "规则",
    "field.value": "你的数字",
    "figure.min": "{rule}：至少",
    "figure.max": "{rule}：至多",
    "figure.builtin": "{label} {value}（内置，未核实）",
  },
};

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
  strings: STRINGS,
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
