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
  section: "links",
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
