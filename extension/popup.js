// The popup's quick checks: each form becomes one call of the library, answered by the service
// worker's wasm instance (the one the content script uses), and rendered with the report's own
// localized messages and sources.
import { REGIONS } from "./shared.js";
import { LOCALES, applyStrings, strings } from "./strings.js";

const $ = (selector) => document.querySelector(selector);

// The popup's words come from the help site's catalogs (section `popup`), in the language chosen
// for the reasons, so the answer and the form around it speak one language.
let t = (key) => `⟦${key}⟧`;

async function applyLang(wanted) {
  const words = await strings(wanted, ["popup"]);
  t = words.t;
  applyStrings(words);
  footer();
}

async function call(fn, arg) {
  const answer = await chrome.runtime.sendMessage({ type: "call", fn, arg });
  if (!answer?.ok) throw Object.assign(new Error(answer?.error?.message ?? "no answer"), answer?.error ?? {});
  return answer.result;
}

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
  return node;
}

function list(items) {
  return el("ul", "", ...items.map((item) => el("li", "", ...[item].flat())));
}

/** What the last report said about its sources (`report.sources`), by source. */
let described = new Map();

/** A source by its title, publisher and date where the report describes it; never a bare file name. */
function source(text) {
  if (!text) return null;
  const info = described.get(text);
  const title = info?.title ?? (/^https?:\/\//.test(text) ? new URL(text).hostname : text);
  const details = [info?.publisher, info?.date, info?.official === false ? t("popup.thirdParty") : null,
    info?.borrowedFrom ? t("popup.sameRuleAs", { region: info.borrowedFrom }) : null].filter(Boolean);
  return el("div", "src", t("popup.source", { source: `${title}${details.length ? ` (${details.join(", ")})` : ""}` }));
}

function show(section, ...nodes) {
  $(`#${section} .result`).replaceChildren(...nodes.filter(Boolean));
}

function showError(section, error) {
  const where = error.path ? ` (${error.path})` : "";
  show(section, el("div", "bad", `${error.code ?? "error"}${where}: ${error.message}`));
}

const region = () => $("#region").value;
const lang = () => $("#lang").value;

/** A select of unknown/yes/no: `null` for unknown. */
function tristate(value) {
  return value === "" ? null : value === "true";
}

function count(value) {
  return value === "" ? null : Number(value);
}

const OUTCOME_CLASS = { eligible: "good", active: "good", incomplete: "warn", restricted: "warn", not_eligible: "bad", never: "bad" };
const MET = { true: "✓", false: "✗", null: "?" };

async function eligibility(form) {
  const data = new FormData(form);
  const report = await call("checkEligibility", {
    region: region(),
    lang: lang(),
    followers: count(data.get("followers")),
    age: count(data.get("age")),
    identityVerified: tristate(data.get("identityVerified")),
    governmentAccount: tristate(data.get("governmentAccount")),
    codeOfConductViolations: count(data.get("codeOfConductViolations")),
    previouslyRevoked: tristate(data.get("previouslyRevoked")),
    linkedShopAtRisk: tristate(data.get("linkedShopAtRisk")),
    foreignCreator: tristate(data.get("foreignCreator")),
    taxInfoProvided: tristate(data.get("taxInfoProvided")),
    identityAndAgeVerified: tristate(data.get("identityAndAgeVerified")),
    permission: data.get("permission"),
  });
  described = new Map(report.sources.map((s) => [s.source, s]));
  const tier = report.linkShare;
  show(
    "eligibility",
    el("div", `outcome ${OUTCOME_CLASS[report.outcome] ?? ""}`, `${t(`popup.outcome.${report.outcome}`)}${report.canApply ? t("popup.canApply") : ""}`),
    report.reason ? el("div", "", report.reason.message, source(report.reason.source)) : null,
    list(report.criteria.map((c) => [`${MET[c.met]} ${c.message}`, source(c.source)])),
    report.nextSteps.length ? el("div", "", t("popup.next")) : null,
    report.nextSteps.length ? list(report.nextSteps.map((s) => s.message)) : null,
    tier ? el("div", `outcome ${OUTCOME_CLASS[tier.outcome] ?? ""}`, t("popup.linkShare", { outcome: t(`popup.outcome.${tier.outcome}`) })) : null,
    tier ? el("div", "", tier.message, source(tier.source)) : null,
    el("div", "muted", t("popup.policyAsOf", { policy: `${report.policy.id} ${report.policy.version}`, date: day(report.asOf) })),
  );
}

/** A date in words, in the popup's language. */
function day(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const locale = LOCALES[lang()] ?? "en-GB";
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}

function violations(text) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const match = /^(\d{4}-\d{2}-\d{2})\s+(\d+)\s+(.+)$/.exec(line);
      if (!match) {
        throw Object.assign(new Error(t("popup.error.line", { line })), {
          code: "invalid_input",
          path: t("popup.line", { n: index + 1 }),
        });
      }
      return { id: `v${index + 1}`, issuedOn: match[1], points: Number(match[2]), type: match[3] };
    });
}

async function health(form) {
  const data = new FormData(form);
  const report = await call("accountHealth", {
    region: region(),
    role: data.get("role"),
    lang: lang(),
    asOf: data.get("asOf") || null,
    violations: violations(data.get("violations")),
  });
  described = new Map(report.sources.map((s) => [s.source, s]));
  const { reached, next } = report.milestone;
  const score = report.score ? t("popup.score", { value: report.score.value, status: t(`popup.status.${report.score.status}`) }) : "";
  show(
    "health",
    el("div", `outcome ${reached ? "bad" : report.warning ? "warn" : "good"}`, `${t("popup.activePoints", { points: report.activePoints })}${score}`),
    el("div", "", report.inForce.message, source(report.inForce.source)),
    reached ? el("div", "", t("popup.reached", { message: reached.message }), source(reached.source)) : null,
    next ? el("div", "", t("popup.nextAt", { points: next.points, toGo: next.pointsToGo, message: next.message })) : null,
    report.warning ? el("div", "warn", report.warning.message) : null,
    report.expirations.length ? el("div", "", t("popup.expire")) : null,
    report.expirations.length ? list(report.expirations.map((e) => `${day(e.on)}: ${e.points}`)) : null,
    el("div", "", report.weekly.message),
    el("div", "muted", t("popup.policyAsOf", { policy: `${report.policy.id} ${report.policy.version}`, date: day(report.asOf) })),
  );
}

const minorUnits = new Map();
async function currencyOf(code) {
  if (!minorUnits.has(code)) minorUnits.set(code, (await call("getPolicy", code)).currency);
  return minorUnits.get(code);
}

/** The closure form's figures: each is needed, and an empty one is unknown, never 0. */
const CLOSURE_FIGURES = ["activeCampaigns", "boundCreators", "openOrders", "commissionArrears", "balance", "unpaidInvoices", "depositArrears", "deposit"];

async function closure(form) {
  const data = new FormData(form);
  const missing = CLOSURE_FIGURES.filter((name) => String(data.get(name)).trim() === "");
  if (missing.length) {
    const label = (name) => form.elements[name].closest("label").querySelector("[data-i18n]").textContent;
    for (const name of CLOSURE_FIGURES) form.elements[name].toggleAttribute("aria-invalid", missing.includes(name));
    const fields = new Intl.ListFormat(LOCALES[lang()] ?? "en-GB", { type: "conjunction" }).format(missing.map(label));
    show("closure", el("div", "bad", t("popup.missing", { fields })));
    form.elements[missing[0]].focus();
    return;
  }
  for (const name of CLOSURE_FIGURES) form.elements[name].removeAttribute("aria-invalid");
  const currency = await currencyOf(region());
  // The library counts money in minor units (integers); the form asks in currency units.
  const money = (name) => Math.round(Number(data.get(name)) * 10 ** currency.minorUnit);
  const count = (name) => Number(data.get(name));
  const orders = Array.from({ length: Number(data.get("openOrders") || 0) }, (_, i) => ({ id: `open-${i + 1}`, status: "awaiting shipment" }));
  if (data.get("lastFinalOn")) orders.push({ id: "last-final", status: "completed", finalizedOn: data.get("lastFinalOn") });
  const report = await call("checkClosure", {
    region: region(),
    lang: lang(),
    initiatedBy: data.get("initiatedBy"),
    sellerType: data.get("sellerType"),
    activeCampaigns: count("activeCampaigns"),
    boundCreators: count("boundCreators"),
    announcementSince: data.get("announcementSince") || null,
    orders,
    commissionArrears: money("commissionArrears"),
    balance: money("balance"),
    unpaidInvoices: money("unpaidInvoices"),
    depositArrears: money("depositArrears"),
    deposit: money("deposit"),
  });
  const format = (minor) =>
    new Intl.NumberFormat({ en: "en-US", id: "id-ID", zh: "zh-CN" }[lang()] ?? "en-US", {
      style: "currency", currency: report.currency.code, minimumFractionDigits: report.currency.minorUnit, maximumFractionDigits: report.currency.minorUnit,
    }).format(minor / 10 ** report.currency.minorUnit);
  const failing = report.conditions.filter((c) => !c.met);
  described = new Map(report.sources.map((s) => [s.source, s]));
  show(
    "closure",
    report.applies ? null : el("div", "warn", report.scope.message),
    el("div", `outcome ${report.canClose ? "good" : "bad"}`, report.canClose ? t("popup.canClose") : t("popup.notMet", { n: failing.length })),
    el("div", "", t("popup.earliest", { date: report.earliestCloseDate ? day(report.earliestCloseDate) : t("popup.earliestOpen") })),
    report.depositRefund === null ? null : el("div", "", t("popup.refund", { amount: format(report.depositRefund) })),
    failing.length ? list(failing.map((c) => [`✗ ${c.message} ${c.detail}`, source(c.source)])) : null,
    el("div", "", report.withdrawal.message),
    el("div", "muted", t("popup.policyAsOf", { policy: `${report.policy.id} ${report.policy.version}`, date: day(report.asOf) }) + (report.verified ? "" : t("popup.unverified"))),
  );
}

const CHECKS = [["eligibility", eligibility], ["health", health], ["closure", closure]];
async function check(section, run) {
  try {
    await run($(`#${section} form`));
  } catch (error) {
    showError(section, error);
  }
}
for (const [section, run] of CHECKS) {
  $(`#${section} form`).addEventListener("submit", (event) => {
    event.preventDefault();
    check(section, run);
  });
}

const settings = await chrome.runtime.sendMessage({ type: "options" });
for (const code of REGIONS) $("#region").append(new Option(code, code));
$("#region").value = settings?.region ?? "ID";
$("#lang").value = settings?.lang ?? "en";
// A new language: the form's words change, and every answer shown is asked again in it.
$("#lang").addEventListener("change", async () => {
  await applyLang(lang());
  for (const [section, run] of CHECKS) if ($(`#${section} .result`).childElementCount) await check(section, run);
});
await applyLang(lang());

/** The footer, with the link to the options inside the sentence of each language. */
function footer() {
  const link = el("a", "", t("popup.options"));
  link.href = "#";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    chrome.runtime.openOptionsPage();
  });
  const [before, after = ""] = t("popup.footer").split("{options}");
  $("#footer").replaceChildren(before, link, after);
}
