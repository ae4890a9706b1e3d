// Hostile input at every entry point, through the npm package as users import it: huge strings,
// deep nesting and cycles, NaN / Infinity / negative numbers, dates far in the past and future,
// 100,000 findings. Each call must answer with a report or a ShopPolicyError carrying a stable
// `code` and a `path` — never a trap (a wasm trap would poison the module for the whole page),
// and never a hang: every test has a generous time limit that only catches runaway work; speed
// itself is measured in bench/, not here.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  accountHealth,
  checkClosure,
  checkEligibility,
  checkLinks,
  Engine,
  getPolicy,
  policies,
  validatePolicy,
} from "shop-policy";

const CODES = new Set([
  "invalid_input",
  "unknown_field",
  "unknown_region",
  "invalid_date",
  "invalid_pack",
  "duplicate_id",
  "unknown_reference",
]);
const LIMIT = { timeout: 60_000 };
const MB = 1024 * 1024;

/** Calls `fn`; a thrown error must be a coded ShopPolicyError. Returns the report or the error. */
function answer(fn) {
  try {
    return { report: fn() };
  } catch (error) {
    assert.equal(error.name, "ShopPolicyError", `not a coded error: ${error?.stack ?? error}`);
    assert.ok(CODES.has(error.code), `unknown code ${error.code}`);
    assert.equal(typeof error.path, "string");
    return { error };
  }
}

/** The module still answers normally after whatever came before. */
function stillAlive() {
  const report = checkLinks({ text: "beli di shopee.co.id/x", surface: "video", region: "ID" });
  assert.equal(report.verdict, "block");
  assert.ok(policies().length >= 8);
}

/** A value nested `depth` levels deep. */
function nested(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
}

const healthInput = () => ({
  region: "ID",
  asOf: "2026-03-01",
  violations: [{ id: "v1", type: "prohibited_products", points: 4, issuedOn: "2026-02-20" }],
});
const closureInput = () => ({
  region: "ID",
  asOf: "2026-06-01",
  initiatedBy: "seller",
  sellerType: "cross_border",
  activeCampaigns: 0,
  boundCreators: 0,
  announcementSince: "2026-04-01",
  orders: [{ id: "1", status: "completed", finalizedOn: "2026-01-15" }],
  commissionArrears: 0,
  balance: 0,
  unpaidInvoices: 0,
  depositArrears: 0,
  deposit: 50_000_000,
});
const eligibilityInput = () => ({ region: "ID", asOf: "2026-03-01", followers: 700, age: 30 });

test("10 MB strings: as a text to check, and in every string field", LIMIT, () => {
  const clean = "Kaos katun premium, nyaman dipakai seharian. 吸汗透气，日常百搭。 ".repeat(
    Math.ceil((10 * MB) / 64),
  );
  const links = answer(() => checkLinks({ text: clean, surface: "product", region: "ID" }));
  assert.equal(links.report.verdict, "allow");
  assert.equal(links.report.redacted.length, clean.length);

  const huge = "x".repeat(10 * MB);
  for (const [name, call] of [
    ["checkLinks region", () => checkLinks({ text: "hi", surface: "video", region: huge })],
    ["checkLinks surface", () => checkLinks({ text: "hi", surface: huge, region: "ID" })],
    ["checkEligibility asOf", () => checkEligibility({ ...eligibilityInput(), asOf: huge })],
    ["accountHealth type", () => accountHealth({ ...healthInput(), violations: [{ ...healthInput().violations[0], type: huge }] })],
    ["checkClosure order id", () => checkClosure({ ...closureInput(), orders: [{ id: huge, status: "open" }] })],
    ["getPolicy", () => getPolicy(huge)],
    ["validatePolicy", () => validatePolicy({ id: huge })],
  ]) {
    const { report, error } = answer(call);
    assert.ok(report || error, name);
    if (error) assert.ok(error.message.length < 2000, `${name}: the message quotes the whole string`);
  }
  stillAlive();
});

test("100,000 findings in one text", LIMIT, () => {
  const text = Array.from({ length: 100_000 }, (_, i) => `shopee.co.id/p${i}`).join(" ");
  const { report } = answer(() => checkLinks({ text, surface: "chat", region: "ID" }));
  assert.equal(report.findings.length, 100_000);
  assert.equal(report.verdict, "block");
  const last = report.findings.at(-1);
  assert.equal(text.slice(last.start, last.end), last.match);
  stillAlive();
});

test("deep nesting and cycles: coded errors at every entry point", LIMIT, () => {
  const deep = nested(100_000);
  const cyclic = { region: "ID" };
  cyclic.self = cyclic;
  for (const [name, call] of [
    ["checkLinks", (v) => checkLinks(v)],
    ["checkEligibility", (v) => checkEligibility(v)],
    ["accountHealth", (v) => accountHealth(v)],
    ["checkClosure", (v) => checkClosure(v)],
    ["validatePolicy", (v) => validatePolicy(v)],
    ["new Engine", (v) => new Engine(v)],
  ]) {
    for (const value of [deep, cyclic, { ...closureInput(), orders: [deep] }]) {
      const { error, report } = answer(() => call(value));
      if (name === "validatePolicy") assert.equal(report.ok, false, name);
      else assert.ok(error, `${name} accepted a hostile value`);
    }
  }
  stillAlive();
});

test("NaN, Infinity, negative and fractional numbers", LIMIT, () => {
  for (const bad of [NaN, Infinity, -Infinity, -1, 0.5, 2 ** 64, -0.000001]) {
    for (const [name, call] of [
      ["followers", () => checkEligibility({ ...eligibilityInput(), followers: bad })],
      ["age", () => checkEligibility({ ...eligibilityInput(), age: bad })],
      ["points", () => accountHealth({ ...healthInput(), violations: [{ ...healthInput().violations[0], points: bad }] })],
      ["activeCampaigns", () => checkClosure({ ...closureInput(), activeCampaigns: bad })],
      ["deposit", () => checkClosure({ ...closureInput(), deposit: bad })],
    ]) {
      const { error } = answer(call);
      assert.ok(error, `${name}: ${bad} was accepted`);
      assert.equal(error.code, "invalid_input", `${name}: ${bad}`);
      assert.ok(error.path.length > 0, `${name}: ${bad} has no path`);
    }
  }
  // A negative balance is meaningful (the shop owes money); an impossible one is an error.
  assert.ok(answer(() => checkClosure({ ...closureInput(), balance: -5 })).report);
  assert.equal(answer(() => checkClosure({ ...closureInput(), balance: NaN })).error.code, "invalid_input");
  stillAlive();
});

test("dates far in the past and the future", LIMIT, () => {
  for (const day of ["0001-01-01", "1900-02-28", "2099-12-31", "9999-12-31"]) {
    const health = answer(() => accountHealth({ ...healthInput(), asOf: day, violations: [{ ...healthInput().violations[0], issuedOn: day }] }));
    assert.ok(health.report, `accountHealth on ${day}: ${health.error?.message}`);
    const closure = answer(() => checkClosure({ ...closureInput(), asOf: day, announcementSince: day, orders: [{ id: "1", status: "closed", finalizedOn: day }] }));
    assert.ok(closure.report, `checkClosure on ${day}: ${closure.error?.message}`);
    assert.ok(answer(() => checkEligibility({ ...eligibilityInput(), asOf: day })).report);
  }
  for (const day of ["10000-01-01", "-0001-01-01", "+275760-09-13", "2023-02-29", "2026-13-01", "", "2026-1-1"]) {
    const { error } = answer(() => checkEligibility({ ...eligibilityInput(), asOf: day }));
    assert.ok(error, `asOf ${JSON.stringify(day)} was accepted`);
    assert.equal(error.code, "invalid_date", day);
    assert.equal(error.path, "asOf");
  }
  stillAlive();
});

test("wrong types everywhere: functions, symbols, bigints, arrays for objects", LIMIT, () => {
  const odd = [() => 1, Symbol("s"), 10n, [], new Date(0), new Map(), null, undefined, "", true];
  for (const value of odd) {
    for (const call of [
      () => checkLinks(value),
      () => checkLinks({ text: value, surface: "video", region: "ID" }),
      () => checkEligibility(value),
      () => accountHealth({ ...healthInput(), violations: value }),
      () => checkClosure({ ...closureInput(), orders: [value] }),
      () => getPolicy(value),
      () => validatePolicy(value),
      () => new Engine(value ?? { id: 1 }),
    ]) {
      answer(call);
    }
  }
  stillAlive();
});
