// The popup's quick checks: each form becomes one call of the library, answered by the service
// worker's wasm instance (the one the content script uses), and rendered with the report's own
// localized messages and sources.
import { REGIONS } from "./shared.js";

const $ = (selector) => document.querySelector(selector);

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
  const details = [info?.publisher, info?.date, info?.official === false ? "third-party" : null,
    info?.borrowedFrom ? `same rule as ${info.borrowedFrom}` : null].filter(Boolean);
  return el("div", "src", `Source: ${title}${details.length ? ` (${details.join(", ")})` : ""}`);
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
    el("div", `outcome ${OUTCOME_CLASS[report.outcome] ?? ""}`, `${report.outcome.replace("_", " ")}${report.canApply ? " — you can apply" : ""}`),
    report.reason ? el("div", "", report.reason.message, source(report.reason.source)) : null,
    list(report.criteria.map((c) => [`${MET[c.met]} ${c.message}`, source(c.source)])),
    report.nextSteps.length ? el("div", "", "Next:") : null,
    report.nextSteps.length ? list(report.nextSteps.map((s) => s.message)) : null,
    tier ? el("div", `outcome ${OUTCOME_CLASS[tier.outcome] ?? ""}`, `Link-Share Only: ${tier.outcome.replace("_", " ")}`) : null,
    tier ? el("div", "", tier.message, source(tier.source)) : null,
    el("div", "muted", `${report.policy.id} ${report.policy.version}, as of ${report.asOf}`),
  );
}

function violations(text) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const match = /^(\d{4}-\d{2}-\d{2})\s+(\d+)\s+(.+)$/.exec(line);
      if (!match) {
        throw Object.assign(new Error(`write "YYYY-MM-DD points type", not "${line}"`), {
          code: "invalid_input",
          path: `line ${index + 1}`,
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
  const score = report.score ? `, health score ${report.score.value} (${report.score.status})` : "";
  show(
    "health",
    el("div", `outcome ${reached ? "bad" : report.warning ? "warn" : "good"}`, `${report.activePoints} active points${score}`),
    el("div", "", report.inForce.message, source(report.inForce.source)),
    reached ? el("div", "", `Reached: ${reached.message}`, source(reached.source)) : null,
    next ? el("div", "", `Next at ${next.points} (${next.pointsToGo} to go): ${next.message}`) : null,
    report.warning ? el("div", "warn", report.warning.message) : null,
    report.expirations.length ? el("div", "", "Points expire:") : null,
    report.expirations.length ? list(report.expirations.map((e) => `${e.on}: ${e.points}`)) : null,
    el("div", "", report.weekly.message),
    el("div", "muted", `${report.policy.id} ${report.policy.version}, as of ${report.asOf}`),
  );
}

const minorUnits = new Map();
async function currencyOf(code) {
  if (!minorUnits.has(code)) minorUnits.set(code, (await call("getPolicy", code)).currency);
  return minorUnits.get(code);
}

async function closure(form) {
  const data = new FormData(form);
  const currency = await currencyOf(region());
  // The library counts money in minor units (integers); the form asks in currency units.
  const money = (name) => Math.round(Number(data.get(name) || 0) * 10 ** currency.minorUnit);
  const orders = Array.from({ length: Number(data.get("openOrders") || 0) }, (_, i) => ({ id: `open-${i + 1}`, status: "awaiting shipment" }));
  if (data.get("lastFinalOn")) orders.push({ id: "last-final", status: "completed", finalizedOn: data.get("lastFinalOn") });
  const report = await call("checkClosure", {
    region: region(),
    lang: lang(),
    initiatedBy: data.get("initiatedBy"),
    sellerType: data.get("sellerType"),
    activeCampaigns: Number(data.get("activeCampaigns") || 0),
    boundCreators: Number(data.get("boundCreators") || 0),
    announcementSince: data.get("announcementSince") || null,
    orders,
    commissionArrears: money("commissionArrears"),
    balance: money("balance"),
    unpaidInvoices: money("unpaidInvoices"),
    depositArrears: money("depositArrears"),
    deposit: money("deposit"),
  });
  const format = (minor) =>
    `${report.currency.code} ${(minor / 10 ** report.currency.minorUnit).toLocaleString(undefined, { minimumFractionDigits: report.currency.minorUnit })}`;
  const failing = report.conditions.filter((c) => !c.met);
  described = new Map(report.sources.map((s) => [s.source, s]));
  show(
    "closure",
    report.applies ? null : el("div", "warn", report.scope.message),
    el("div", `outcome ${report.canClose ? "good" : "bad"}`, report.canClose ? "The shop can close now" : `${failing.length} condition(s) not met`),
    el("div", "", `Earliest close date: ${report.earliestCloseDate ?? "— (an order is still open)"}`),
    report.depositRefund === null ? null : el("div", "", `Deposit refunded: ${format(report.depositRefund)}`),
    failing.length ? list(failing.map((c) => [`✗ ${c.message} ${c.detail}`, source(c.source)])) : null,
    el("div", "", report.withdrawal.message),
    el("div", "muted", `${report.policy.id} ${report.policy.version}, as of ${report.asOf}${report.verified ? "" : " — unverified rules"}`),
  );
}

for (const [section, run] of [["eligibility", eligibility], ["health", health], ["closure", closure]]) {
  $(`#${section} form`).addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await run(event.target);
    } catch (error) {
      showError(section, error);
    }
  });
}

const settings = await chrome.runtime.sendMessage({ type: "options" });
for (const code of REGIONS) $("#region").append(new Option(code, code));
$("#region").value = settings?.region ?? "ID";
$("#lang").value = settings?.lang ?? "en";
const link = el("a", "", "Options");
link.href = "#";
link.addEventListener("click", (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});
$("#footer").append("Region and language default to the ", link, ". Nothing you enter leaves this browser.");
