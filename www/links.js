// The link checker page: checkLinks on a caption, bio, comment, product text or chat reply,
// with the findings highlighted in place as the user types.
//
// The highlights are a "backdrop": a div behind a transparent-background textarea, with the same
// font, padding and wrapping, holding the text as text nodes and <mark>s. The textarea stays a
// real textarea (native editing, undo, accessibility); the marks only paint behind it. Checking
// is debounced; in between, the previous marks are shifted by the edit so they stay on their words.
import { checker } from "./my-rules.js";
import {
  copyText, describeSources, fill, h, lang, policyLine, regionOptions, restoreForm, showExample, sourceNode, startPage, t,
} from "./common.js";

const STRINGS = {
  en: {
    "links.title": "Links and contacts — shop-policy",
    "links.h1": "Can I post this?",
    "links.intro": "Paste a caption, bio, LIVE comment, product text or chat reply. Links, contact details and calls to buy elsewhere are highlighted as you type, each with the rule it breaks and where that rule comes from.",
    "links.surface": "Where it is posted",
    "links.text": "Text to check",
    "links.hint": "Highlights: red is not allowed, amber may be held for review, green is allowed.",
    "links.result": "Result",
    "links.suggested": "What to write instead",
    "links.suggested.note": "Each part that is not allowed or may be held for review is replaced by a way of saying it that keeps buyers in TikTok Shop. Read it through before you post.",
    "links.copy": "Copy the suggested text",
    "links.use": "Put it in the text box",
    "links.instead": "Write instead:",
    "links.replace": "Replace in my text",
    "links.verdict.allow": "Allowed",
    "links.verdict.review": "Needs review",
    "links.verdict.block": "Not allowed",
    "links.summary.none": "Nothing found: this text can be posted here.",
    "links.summary.allow": "Allowed here: {count}, none against the rules on this surface.",
    "links.summary.review": "Needs review: {count}; TikTok Shop may hold this text for review.",
    "links.summary.block": "Not allowed: {count}; remove the parts highlighted in red.",
    "links.count.one": "1 finding",
    "links.count.other": "{n} findings",
    "links.show": "Show in the text",
    "links.more": "…and {n} more findings, all highlighted in the text and masked below.",
    "links.obfuscated": "Disguised (spelled-out dots, look-alike letters, full-width or hidden characters).",
    "links.platform": "Platform: {platform}",
    "links.host": "Address: {host}",
    "kind.url": "Link",
    "kind.domain": "Web address",
    "kind.email": "E-mail address",
    "kind.phone": "Phone number",
    "kind.messenger": "Messenger contact",
    "kind.social_handle": "Social media handle",
    "kind.call_to_action": "Call to buy elsewhere",
    "kind.shortener": "Shortened link",
    "field.text": "the text",
    "field.surface": "where it is posted",
    "field.region": "the region",
  },
  id: {
    "links.title": "Tautan dan kontak — shop-policy",
    "links.h1": "Bolehkah saya memposting ini?",
    "links.intro": "Tempel keterangan, bio, komentar LIVE, teks produk, atau balasan chat. Tautan, detail kontak, dan ajakan membeli di tempat lain disorot saat Anda mengetik, masing-masing dengan aturan yang dilanggar dan sumber aturannya.",
    "links.surface": "Tempat diposting",
    "links.text": "Teks yang diperiksa",
    "links.hint": "Sorotan: merah tidak diizinkan, kuning mungkin ditinjau, hijau diizinkan.",
    "links.result": "Hasil",
    "links.suggested": "Sebaiknya ditulis begini",
    "links.suggested.note": "Setiap bagian yang tidak diizinkan atau bisa ditahan untuk ditinjau diganti dengan kalimat yang membuat pembeli tetap belanja di TikTok Shop. Baca dulu sebelum memposting.",
    "links.copy": "Salin teks saran",
    "links.use": "Pakai di kolom teks",
    "links.instead": "Tulis saja:",
    "links.replace": "Ganti di teks saya",
    "links.verdict.allow": "Diizinkan",
    "links.verdict.review": "Perlu ditinjau",
    "links.verdict.block": "Tidak diizinkan",
    "links.summary.none": "Tidak ada temuan: teks ini boleh diposting di sini.",
    "links.summary.allow": "Diizinkan di sini: {count}, tidak ada yang melanggar aturan di tempat ini.",
    "links.summary.review": "Perlu ditinjau: {count}; TikTok Shop mungkin menahan teks ini untuk ditinjau.",
    "links.summary.block": "Tidak diizinkan: {count}; hapus bagian yang disorot merah.",
    "links.count.one": "1 temuan",
    "links.count.other": "{n} temuan",
    "links.show": "Tunjukkan di teks",
    "links.more": "…dan {n} temuan lainnya, semuanya disorot di teks dan disamarkan di bawah.",
    "links.obfuscated": "Disamarkan (titik dieja, huruf mirip, karakter lebar penuh atau tersembunyi).",
    "links.platform": "Platform: {platform}",
    "links.host": "Alamat: {host}",
    "kind.url": "Tautan",
    "kind.domain": "Alamat web",
    "kind.email": "Alamat e-mail",
    "kind.phone": "Nomor telepon",
    "kind.messenger": "Kontak aplikasi chat",
    "kind.social_handle": "Akun media sosial",
    "kind.call_to_action": "Ajakan membeli di tempat lain",
    "kind.shortener": "Tautan pendek",
    "field.text": "teks",
    "field.surface": "tempat diposting",
    "field.region": "wilayah",
  },
  zh: {
    "links.title": "链接与联系方式 — shop-policy",
    "links.h1": "这段内容可以发布吗？",
    "links.intro": "粘贴视频文案、个人简介、直播评论、商品文字或聊天回复。链接、联系方式以及引导到别处购买的话语会在您输入时高亮显示，并附上违反的规则及其来源。",
    "links.surface": "发布位置",
    "links.text": "要检查的文字",
    "links.hint": "高亮：红色为不允许，黄色可能被审核，绿色为允许。",
    "links.result": "结果",
    "links.suggested": "建议这样写",
    "links.suggested.note": "不允许或可能被审核的部分，都换成了让买家留在TikTok Shop下单、咨询的说法。发布前请通读一遍。",
    "links.copy": "复制建议文字",
    "links.use": "填入输入框",
    "links.instead": "可改为：",
    "links.replace": "在原文中替换",
    "links.verdict.allow": "允许",
    "links.verdict.review": "需要审核",
    "links.verdict.block": "不允许",
    "links.summary.none": "未发现问题：这段文字可以在此发布。",
    "links.summary.allow": "在此允许：{count}，均未违反此处的规则。",
    "links.summary.review": "需要审核：{count}；TikTok Shop可能会暂扣这段文字进行审核。",
    "links.summary.block": "不允许：{count}；请删除红色高亮的部分。",
    "links.count.one": "1处发现",
    "links.count.other": "{n}处发现",
    "links.show": "在文字中显示",
    "links.more": "……还有{n}处发现，均已在文字中高亮并在下方屏蔽。",
    "links.obfuscated": "经过伪装（用文字写出的点、形近字母、全角或隐藏字符）。",
    "links.platform": "平台：{platform}",
    "links.host": "地址：{host}",
    "kind.url": "链接",
    "kind.domain": "网址",
    "kind.email": "电子邮件地址",
    "kind.phone": "电话号码",
    "kind.messenger": "即时通讯联系方式",
    "kind.social_handle": "社交媒体账号",
    "kind.call_to_action": "引导到别处购买",
    "kind.shortener": "短链接",
    "field.text": "文字",
    "field.surface": "发布位置",
    "field.region": "地区",
  },
};

const EXAMPLE = {
  text: "Ready stock kak! Order lewat WA 0812-3456-7890 atau beli di shopee.co.id/tokokita ya",
  surface: "video",
  region: "ID",
};

/** How many findings are listed in full (all of them are highlighted and masked). */
const LIST_MAX = 200;

const text = document.getElementById("links-text");
const surface = document.getElementById("links-surface");
const region = document.getElementById("links-region");
const backdrop = document.getElementById("links-backdrop");
const result = document.getElementById("links-result");
const summary = document.getElementById("links-summary");
const findingsList = document.getElementById("links-findings");
const suggestedBox = document.getElementById("links-suggested-box");
const suggested = document.getElementById("links-suggested");
const policy = document.getElementById("links-policy");

/** The text and findings the backdrop currently paints. */
let painted = { text: "", findings: [] };
let lastReport = null;

/** Paints `value` behind the textarea with `findings` (sorted, non-overlapping) as marks. */
function paint(value, findings) {
  const parts = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at || f.end > value.length) continue;
    parts.push(value.slice(at, f.start));
    parts.push(h("mark", { className: f.verdict }, value.slice(f.start, f.end)));
    at = f.end;
  }
  // A trailing newline needs something after it, or the backdrop is one line short.
  parts.push(value.slice(at), "\u200b");
  fill(backdrop, parts);
  backdrop.scrollTop = text.scrollTop;
  painted = { text: value, findings };
}

/**
 * Keeps the previous marks on their words while the check waits for typing to pause: marks
 * before the edit stay, marks after it move by the edit's length, marks it touches are dropped.
 */
function shiftMarks() {
  const before = painted.text;
  const after = text.value;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept = [];
  for (const f of painted.findings) {
    if (f.end <= prefix) kept.push(f);
    else if (f.start >= editEnd) kept.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  paint(after, kept);
}

function select(finding) {
  text.focus();
  text.setSelectionRange(finding.start, finding.end);
}

function renderFinding(f) {
  const details = [];
  if (f.platform) details.push(t("links.platform", { platform: f.platform }));
  if (f.host) details.push(t("links.host", { host: f.host }));
  return h(
    "li",
    { className: `finding ${f.verdict}`, dataset: { kind: f.kind, verdict: f.verdict, ruleId: f.ruleId } },
    h("p", { className: "finding-head" },
      h("span", { className: `badge ${f.verdict}` }, t(`links.verdict.${f.verdict}`)), " ",
      h("strong", {}, t(`kind.${f.kind}`)), " ",
      h("q", { className: "match" }, f.match), " ",
      h("button", { type: "button", className: "link-button", on: { click: () => select(f) } }, t("links.show"))),
    h("p", { className: "message" }, f.message),
    details.length ? h("p", { className: "detail" }, details.join(" · ")) : null,
    f.obfuscated ? h("p", { className: "detail" }, t("links.obfuscated")) : null,
    f.suggestion
      ? h("p", { className: "instead" },
        h("span", {}, t("links.instead")), " ", h("q", { className: "suggestion" }, f.suggestion), " ",
        h("button", { type: "button", className: "link-button", on: { click: () => replaceSpan(f.start, f.end, f.suggestion) } },
          t("links.replace")))
      : null,
    sourceNode(f.source),
  );
}

/**
 * Puts `replacement` in place of `start..end` in the text box, as typing would: the browser's
 * undo (Ctrl+Z) brings the old words back. Only ever on the person's click.
 */
function replaceSpan(start, end, replacement) {
  text.focus();
  text.setSelectionRange(start, end);
  if (!document.execCommand?.("insertText", false, replacement)) {
    text.setRangeText(replacement, start, end, "end");
    text.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

function render() {
  const report = checker(region.value).checkLinks({ text: text.value, surface: surface.value, region: region.value, lang: lang() });
  describeSources(report.sources);
  lastReport = report;
  paint(text.value, report.findings);
  const n = report.findings.length;
  const count = t(n === 1 ? "links.count.one" : "links.count.other", { n });
  const key = n === 0 ? "links.summary.none" : `links.summary.${report.verdict}`;
  fill(summary, h("span", { className: `badge ${report.verdict}` }, t(`links.verdict.${report.verdict}`)), " ", t(key, { count }));
  // A pasted export can hold thousands of findings: list the first ones, mark them all.
  fill(findingsList, report.findings.slice(0, LIST_MAX).map(renderFinding),
    n > LIST_MAX ? h("li", { className: "more" }, t("links.more", { n: n - LIST_MAX })) : null);
  suggested.textContent = report.suggestedText;
  suggestedBox.hidden = report.verdict === "allow";
  fill(policy, policyLine(report.policy));
  result.dataset.verdict = report.verdict;
  result.dataset.findings = String(n);
  result.hidden = false;
}

/**
 * The page from a shared link, or empty: the example is loaded only on request. What the person
 * typed while the page was loading is kept (`restoreForm` rules for the text too).
 */
function restore(params, defaults = { text: "", surface: EXAMPLE.surface, region: EXAMPLE.region }) {
  restoreForm(document.getElementById("links-form"), params, defaults);
  // An unknown value in a shared link leaves the select empty; fall back to the default.
  if (!surface.value) surface.value = defaults.surface;
  if (!region.value) region.value = defaults.region;
}

function state() {
  return new URLSearchParams({ text: text.value, surface: surface.value, region: region.value });
}

function relabel() {
  regionOptions(region);
  for (const option of surface.options) option.textContent = t(`surface.${option.value}`);
}

regionOptions(region);
const page = await startPage({
  strings: STRINGS,
  restore,
  state,
  render,
  relabel,
  errorEl: document.getElementById("links-error"),
  resultEl: result,
  resultAttr: "verdict",
});

text.addEventListener("input", () => {
  // Shifting thousands of marks per keystroke would make a huge paste lag; there the marks
  // just wait for the check.
  if (painted.findings.length <= LIST_MAX) shiftMarks();
  page.updateSoon();
});
text.addEventListener("scroll", () => {
  backdrop.scrollTop = text.scrollTop;
});
surface.addEventListener("change", page.update);
region.addEventListener("change", page.update);
document.getElementById("links-form").addEventListener("submit", (event) => {
  event.preventDefault();
  page.update();
});
document.getElementById("links-example").addEventListener("click", () => {
  restore(new URLSearchParams(), EXAMPLE);
  showExample(document.getElementById("links-form"), true);
  page.update();
});
document.getElementById("links-clear").addEventListener("click", () => {
  text.value = "";
  page.update();
  text.focus();
});
document.getElementById("links-copy").addEventListener("click", () => {
  copyText(lastReport?.suggestedText ?? "", document.getElementById("links-copy-status"), suggested);
});
document.getElementById("links-use").addEventListener("click", () => {
  if (lastReport) replaceSpan(0, text.value.length, lastReport.suggestedText);
});
