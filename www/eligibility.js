// The eligibility page: checkEligibility from a form of the creator's facts. Every fact may be
// left empty, which the library treats as unknown (a criterion `met: null`, outcome at best
// `incomplete`), so the form never invents a value the creator did not give.
import { checker } from "./my-rules.js";
import {
  changedNote, describeSources, fill, formatDay, formParams, formatNumber, h, lang, metBadge, noteItem, parseCount, policyLine, regionOptions,
  restoreForm, showExample, showUnderstood, sourceNode, startPage, t,
  unverifiedBadge,
} from "./common.js";

/** The README's example: a creator in Indonesia 37 followers short, one fact unknown. */
const EXAMPLE = {
  region: "ID",
  asOf: "",
  followers: "563",
  age: "24",
  identityVerified: "true",
  governmentAccount: "false",
  codeOfConductViolations: "0",
  linkedShopAtRisk: "",
  previouslyRevoked: "false",
  foreignCreator: "false",
  taxInfoProvided: "",
  identityAndAgeVerified: "",
  permission: "none",
  restrictedUntil: "",
  enforcedOn: "",
};
const EMPTY = { ...Object.fromEntries(Object.keys(EXAMPLE).map((k) => [k, ""])), region: "ID", permission: "none" };

const form = document.getElementById("eligibility-form");
const $ = (id) => document.getElementById(id);
const result = $("eligibility-result");
const regionSelect = $("elig-region");
const permission = $("elig-permission");
const until = $("elig-until");
const enforced = $("elig-enforced");

/** Only the date fields the chosen permission state uses can be filled in (the library rejects the others). */
function syncPermissionFields() {
  until.disabled = permission.value !== "restricted";
  enforced.disabled = !["restricted", "revoked"].includes(permission.value);
}

function input() {
  const v = (name) => form.elements[name].value.trim();
  const out = { region: v("region"), lang: lang() };
  if (v("asOf")) out.asOf = v("asOf");
  // Counts as people type them ("1.200", "1,2 rb", "1.2k"); empty is unknown. What was read is
  // shown back when it differs from what was typed.
  for (const name of ["followers", "age", "codeOfConductViolations"]) {
    const n = parseCount(v(name), out.region, name);
    if (n !== null) out[name] = n;
    showUnderstood(form.elements[name], n, () => formatNumber(n));
  }
  for (const name of [
    "identityVerified", "governmentAccount", "linkedShopAtRisk", "previouslyRevoked", "foreignCreator",
    "taxInfoProvided", "identityAndAgeVerified",
  ]) {
    if (v(name) !== "") out[name] = v(name) === "true";
  }
  out.permission = v("permission");
  if (!until.disabled && v("restrictedUntil")) out.restrictedUntil = v("restrictedUntil");
  if (!enforced.disabled && v("enforcedOn")) out.enforcedOn = v("enforcedOn");
  return out;
}

function criterionItem(c, report) {
  const state = c.met === true ? "yes" : c.met === false ? "no" : "unknown";
  const recently = changedNote(c.effectiveFrom, report.asOf, $("elig-region").value);
  return h(
    "li",
    { className: state, dataset: { id: c.id, met: state } },
    h("p", {}, metBadge(c.met), " ", h("strong", {}, c.message), " ", unverifiedBadge(c.verified)),
    recently ?? (c.effectiveFrom ? h("p", { className: "detail" }, t("from", { date: formatDay(c.effectiveFrom) })) : null),
    sourceNode(c.source),
  );
}

function render() {
  const facts = input();
  const report = checker(facts.region).checkEligibility(facts);
  describeSources(report.sources);
  fill($("elig-summary"),
    h("span", { className: `badge ${report.outcome}` }, t(`outcome.${report.outcome}`)), " ",
    t(`summary.${report.outcome}`, { date: formatDay(report.asOf) }));
  fill($("elig-reason"),
    report.reason ? h("ul", { className: "notes" }, noteItem(report.reason)) : null,
    report.restrictedUntil ? h("p", {}, t("restrictedUntil", { date: formatDay(report.restrictedUntil) })) : null);
  fill($("elig-criteria"), report.criteria.map((c) => criterionItem(c, report)));
  $("elig-upcoming-wrap").hidden = report.upcoming.length === 0;
  fill($("elig-upcoming"), report.upcoming.map((c) => criterionItem(c, report)));
  fill($("elig-next"), report.nextSteps.map((s) => noteItem(s)));

  $("elig-limits-wrap").hidden = !report.limits;
  if (report.limits) {
    const l = report.limits;
    fill($("elig-limits"), h("ul", { className: "notes" }, noteItem(l,
      h("p", { className: "detail" }, t("limits.figures", {
        followers: l.belowFollowers, days: l.pilotDays, lives: l.weeklyShoppableLives, videos: l.weeklyShoppableVideos,
      }), " ", unverifiedBadge(l.verified)))));
  }

  $("elig-appeal-wrap").hidden = !report.appeal;
  if (report.appeal) {
    const a = report.appeal;
    const facts = [];
    if (a.deadline) facts.push(t("appeal.deadline", { date: formatDay(a.deadline) }));
    if (a.deadlineDays !== null) facts.push(t("appeal.days", { days: a.deadlineDays }));
    else facts.push(t("appeal.noDays"));
    if (a.open !== null) facts.push(t(a.open ? "appeal.open" : "appeal.closed"));
    fill($("elig-appeal"), h("ul", { className: "notes" }, noteItem(a,
      h("p", { className: "detail" }, facts.join(" "), " ", unverifiedBadge(a.verified)))));
  }

  $("elig-linkshare-wrap").hidden = !report.linkShare;
  if (report.linkShare) {
    const tier = report.linkShare;
    fill($("elig-linkshare"),
      h("p", {}, t("linkShare.intro")),
      h("p", { className: "summary" }, h("span", { className: `badge ${tier.outcome}` }, t(`outcome.${tier.outcome}`)), " ",
        t(`summary.${tier.outcome}`, { date: formatDay(report.asOf) })),
      h("p", {}, tier.message, " ", unverifiedBadge(tier.verified)),
      tier.effectiveFrom ? h("p", { className: "detail" }, t("linkShare.from", { date: formatDay(tier.effectiveFrom) })) : null,
      sourceNode(tier.source),
      h("ul", { className: "checklist" }, tier.criteria.filter((c) => c.met !== true).map((c) => criterionItem(c, report))),
      h("ul", { className: "notes" }, tier.nextSteps.map((s) => noteItem(s))));
    result.dataset.linkShare = tier.outcome;
  } else delete result.dataset.linkShare;

  fill($("elig-capabilities"), report.capabilities.map((c) => noteItem(c)));
  fill($("elig-enforcement"), report.enforcement.map((n) => noteItem(n)));
  fill($("elig-policy"), policyLine(report.policy));
  result.dataset.outcome = report.outcome;
  result.dataset.canApply = String(report.canApply);
  result.hidden = false;
}

function relabel() {
  regionOptions(regionSelect);
  for (const select of form.querySelectorAll("select.tri")) {
    if (!select.options.length) {
      for (const value of ["", "true", "false"]) select.append(h("option", { value }));
    }
    const [unknown, yes, no] = select.options;
    unknown.textContent = t("unknown");
    yes.textContent = t("yes");
    no.textContent = t("no");
  }
  for (const option of permission.options) option.textContent = t(`permission.${option.value}`);
}

relabel();
const page = await startPage({
  section: "eligibility",
  restore(params) {
    restoreForm(form, params, EMPTY);
    syncPermissionFields();
  },
  state: () => formParams(form),
  render,
  relabel,
  errorEl: $("eligibility-error"),
  resultEl: result,
  resultAttr: "outcome",
});

form.addEventListener("input", (event) => {
  if (event.target === permission) syncPermissionFields();
  page.updateSoon();
});
form.addEventListener("change", (event) => {
  if (event.target === permission) syncPermissionFields();
  page.update();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  page.update();
});
$("elig-example").addEventListener("click", () => {
  restoreForm(form, new URLSearchParams(), EXAMPLE);
  showExample(form, true);
  syncPermissionFields();
  page.update();
});
$("elig-clear").addEventListener("click", () => {
  restoreForm(form, new URLSearchParams(), EMPTY);
  syncPermissionFields();
  page.update();
});
