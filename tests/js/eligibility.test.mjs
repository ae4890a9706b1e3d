// checkEligibility through the npm package as users import it: the free function and
// `new Engine(pack).checkEligibility`, every outcome, languages, errors with code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkEligibility, Engine } from "shop-policy";
import { codeAndPath } from "./errors.mjs";

const AS_OF = "2026-03-01";
const REGIONS = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];
const SEED_000 = "seeds/000_af88421e6aa80b60.txt";

/** Every fact given, every criterion met (followers as given). */
const allMet = (region, followers = 10_000) => ({
  region,
  asOf: AS_OF,
  followers,
  age: 30,
  identityVerified: true,
  governmentAccount: false,
  previouslyRevoked: false,
  codeOfConductViolations: 0,
  linkedShopAtRisk: false,
  taxInfoProvided: true,
  identityAndAgeVerified: true,
  foreignCreator: false,
});

const byId = (report, id) => report.criteria.find((c) => c.id === id);

test("eligible: every criterion met, in every region", () => {
  for (const region of REGIONS) {
    const report = checkEligibility(allMet(region));
    assert.equal(report.outcome, "eligible", region);
    assert.equal(report.canApply, true);
    assert.equal(report.asOf, AS_OF);
    assert.deepEqual(report.policy, { id: `tiktok-shop-${region}`, version: report.policy.version });
    assert.deepEqual(
      report.criteria.map((c) => [c.id, c.met]),
      [
        ["followers", true],
        ["age", true],
        ["identity_verified", true],
        ["not_government", true],
        ["no_code_of_conduct_violations", true],
        ["never_revoked", true],
        ["linked_shop_ok", true],
        // Vietnam asks its own creators for a tax code from 2025-07-01.
        ...(region === "VN" ? [["tax_info", true]] : []),
      ],
    );
    for (const c of report.criteria) {
      assert.equal(typeof c.ruleId, "string");
      assert.ok(c.message.length > 5 && c.source.length > 5, c.id);
      assert.equal(typeof c.verified, "boolean");
    }
    assert.deepEqual(report.nextSteps.map((s) => s.id), ["apply"]);
    assert.deepEqual(report.capabilities.map((c) => c.id), ["profile_showcase", "video_promotion", "live_promotion"]);
    assert.ok(report.capabilities.every((c) => c.source === SEED_000));
    assert.equal(report.reason, null);
    assert.ok(!("appeal" in report));
  }
});

test("thresholds per region: ID 600, TH/VN/US 1,000, others 1,000 unverified", () => {
  for (const [region, min, verified] of [
    ["ID", 600, true],
    ["TH", 1000, true],
    ["VN", 1000, true],
    ["US", 1000, true],
    ["MY", 1000, false],
    ["PH", 1000, false],
    ["SG", 1000, false],
    ["UK", 1000, false],
  ]) {
    const below = checkEligibility(allMet(region, min - 1));
    assert.equal(below.outcome, "not_eligible", region);
    assert.equal(byId(below, "followers").met, false);
    assert.equal(byId(below, "followers").verified, verified, region);
    assert.equal(checkEligibility(allMet(region, min)).outcome, "eligible", region);
    assert.equal(checkEligibility({ ...allMet(region), age: 17 }).outcome, "not_eligible");
    assert.equal(checkEligibility({ ...allMet(region), age: 18 }).outcome, "eligible");
  }
  const short = checkEligibility(allMet("ID", 563));
  assert.deepEqual(short.nextSteps[0], {
    id: "followers",
    message: "Gain 37 more followers: you have 563, and 600 are needed.",
    source: "https://seller-id.tokopedia.com/university/essay?knowledge_id=6837812658128641",
  });
});

test("incomplete: a fact left out is unknown, never eligible", () => {
  const { identityVerified, ...rest } = allMet("VN");
  const report = checkEligibility(rest);
  assert.equal(report.outcome, "incomplete");
  assert.equal(report.canApply, false);
  assert.equal(byId(report, "identity_verified").met, null);
  assert.deepEqual(report.nextSteps.map((s) => s.id), ["identity_verified"]);
  assert.equal(checkEligibility({ ...allMet("VN"), identityVerified: null }).outcome, "incomplete");
  assert.equal(checkEligibility({ ...allMet("VN"), identityVerified: undefined }).outcome, "incomplete");
  // A failing criterion outweighs unknown ones.
  assert.equal(checkEligibility({ region: "VN", asOf: AS_OF, governmentAccount: true }).outcome, "not_eligible");
});

test("never: revoked now or before, cited from seed 000", () => {
  for (const input of [
    { region: "ID", asOf: AS_OF, permission: "revoked" },
    { ...allMet("TH"), previouslyRevoked: true },
  ]) {
    const report = checkEligibility(input);
    assert.equal(report.outcome, "never");
    assert.equal(report.canApply, false);
    assert.equal(report.reason.ruleId, "eligibility.enforcement");
    assert.equal(report.reason.source, SEED_000);
    assert.match(report.reason.message, /never apply/);
    assert.equal(byId(report, "never_revoked").met, false);
  }
});

test("restricted until a date, with the appeal route and deadline; active after it", () => {
  const input = { region: "US", asOf: "2026-03-10", permission: "restricted", restrictedUntil: "2026-03-10", enforcedOn: "2026-03-01" };
  const report = checkEligibility(input);
  assert.equal(report.outcome, "restricted");
  assert.equal(report.restrictedUntil, "2026-03-10");
  assert.equal(report.reason.message, "Your e-commerce permission is temporarily restricted until the end of 10 March 2026.");
  assert.deepEqual(
    { ...report.appeal, message: undefined },
    {
      ruleId: "eligibility.appeal",
      route: "account_status_page",
      message: undefined,
      source: "https://seller-us.tiktok.com/university/essay?knowledge_id=6837869503317761",
      verified: true,
      deadlineDays: 30,
      deadline: "2026-03-31",
      open: true,
    },
  );
  assert.deepEqual(report.nextSteps.map((s) => s.id), ["appeal"]);
  const later = checkEligibility({ ...input, asOf: "2026-03-11" });
  assert.equal(later.outcome, "active");
  assert.ok(!("appeal" in later));
  // Without the day of the enforcement action, the window is given in days only.
  const { enforcedOn, ...undated } = input;
  const appeal = checkEligibility(undated).appeal;
  assert.equal(appeal.deadlineDays, 30);
  assert.ok(!("deadline" in appeal));
  assert.equal(appeal.open, null);
  // Indonesia publishes no deadline.
  const id = checkEligibility({ region: "ID", asOf: AS_OF, permission: "restricted" }).appeal;
  assert.equal(id.deadlineDays, null);
  assert.equal(id.source, SEED_000);
});

test("active: the creator holds the permission", () => {
  const report = checkEligibility({ region: "TH", asOf: AS_OF, permission: "active" });
  assert.equal(report.outcome, "active");
  assert.equal(report.canApply, false);
  assert.deepEqual(report.nextSteps, []);
});

test("the US pilot: limits under 5,000 followers", () => {
  const pilot = checkEligibility(allMet("US", 4999));
  assert.deepEqual(
    [pilot.limits.belowFollowers, pilot.limits.pilotDays, pilot.limits.weeklyShoppableLives, pilot.limits.weeklyShoppableVideos],
    [5000, 30, 3, 5],
  );
  assert.equal(pilot.limits.ruleId, "eligibility.us_pilot");
  assert.ok(!("limits" in checkEligibility(allMet("US", 5000))));
  assert.ok(!("limits" in checkEligibility(allMet("TH", 1200))));
});

test("Indonesia's identity and age verification binds foreign creators from 2026-01-01", () => {
  const foreign = { ...allMet("ID"), foreignCreator: true, identityAndAgeVerified: false };
  const before = checkEligibility({ ...foreign, asOf: "2025-12-31" });
  assert.equal(before.outcome, "eligible");
  assert.deepEqual(
    before.upcoming.map((c) => [c.id, c.met, c.effectiveFrom, c.effectiveUntil]),
    [["identity_age_verification", false, "2026-01-01", null]],
  );
  assert.deepEqual(before.nextSteps.map((s) => s.id), ["apply", "identity_age_verification"]);
  const after = checkEligibility({ ...foreign, asOf: "2026-01-01" });
  assert.equal(after.outcome, "not_eligible");
  // An Indonesian creator is invited to verify, not bound.
  assert.equal(checkEligibility({ ...foreign, foreignCreator: false, asOf: "2026-01-01" }).outcome, "eligible");
});

test("the Link-Share Only tier: Indonesia from 2025-07-03 without a follower minimum", () => {
  const small = { ...allMet("ID", 150), asOf: "2025-07-03" };
  const report = checkEligibility(small);
  assert.equal(report.outcome, "not_eligible");
  assert.equal(report.linkShare.outcome, "eligible");
  assert.equal(report.linkShare.canApply, true);
  assert.equal(report.linkShare.effectiveFrom, "2025-07-03");
  assert.ok(!report.linkShare.criteria.some((c) => c.id === "followers"));
  assert.match(report.linkShare.message, /^Link-Share Only/);
  assert.equal(checkEligibility({ ...small, asOf: "2025-07-02" }).linkShare, null);
  assert.equal(checkEligibility(allMet("TH", 150)).linkShare, null);
  const source = report.sources.find((s) => s.source === report.linkShare.source);
  assert.deepEqual(
    [source.title, source.official, source.region, source.borrowedFrom],
    ["TikTok Shop by Tokopedia Affiliate Links Programme", true, "ID", null],
  );
});

test("lang: Indonesian and Chinese messages, numbers grouped per language", () => {
  const id = checkEligibility({ ...allMet("TH", 0), lang: "id" });
  assert.equal(byId(id, "followers").message, "Memiliki minimal 1.000 pengikut.");
  assert.equal(id.nextSteps[0].message, "Tambah 1.000 pengikut lagi: Anda memiliki 0, dan dibutuhkan 1.000.");
  assert.equal(id.capabilities[2].message, "Mempromosikan produk selama Siaran Langsung (LIVE)");
  const zh = checkEligibility({ region: "ID", asOf: AS_OF, permission: "revoked", lang: "zh" });
  assert.equal(zh.reason.message, "您的电商权限已被永久撤销：无法恢复，也永远不能再次申请。");
  assert.equal(zh.appeal.message, "如果您认为处罚有误，可以通过账号状态页面提交申诉。该地区未公布申诉期限。");
});

test("new Engine(overlay).checkEligibility uses the caller's figures", () => {
  const engine = new Engine({
    id: "agency-ID",
    version: "4",
    extends: "ID",
    eligibility: { criteria: [{ id: "eligibility.followers", min: 1000, verified: false }] },
  });
  const report = engine.checkEligibility(allMet("ID", 999));
  assert.equal(report.outcome, "not_eligible");
  assert.deepEqual(report.policy, { id: "agency-ID", version: "4" });
  assert.equal(byId(report, "followers").verified, false);
  assert.equal(report.nextSteps[0].message, "Gain 1 more follower: you have 999, and 1,000 are needed.");
  assert.equal(engine.checkEligibility(allMet("ID", 1000)).outcome, "eligible");
  assert.deepEqual(codeAndPath(() => engine.checkEligibility(allMet("TH"))), ["unknown_region", "region"]);
  const builtin = new Engine();
  assert.deepEqual(builtin.checkEligibility(allMet("UK")), checkEligibility(allMet("UK")));
  engine.free();
  builtin.free();
});

test("bad input throws with a stable code and the path", () => {
  for (const [input, code, path] of [
    [{ ...allMet("ID"), asOf: "2023-02-29" }, "invalid_date", "asOf"],
    [{ ...allMet("ID"), folowers: 1 }, "unknown_field", "folowers"],
    [{ ...allMet("JP") }, "unknown_region", "region"],
    [{ ...allMet("ID"), followers: -1 }, "invalid_input", "followers"],
    [{ ...allMet("ID"), followers: NaN }, "invalid_input", "followers"],
    [{ ...allMet("ID"), followers: 12.5 }, "invalid_input", "followers"],
    [{ ...allMet("ID"), followers: "600" }, "invalid_input", "followers"],
    [{ ...allMet("ID"), followers: 600n }, "invalid_input", "followers"],
    [{ ...allMet("ID"), age: Infinity }, "invalid_input", "age"],
    [{ ...allMet("ID"), identityVerified: "yes" }, "invalid_input", "identityVerified"],
    [{ ...allMet("ID"), permission: "paused" }, "invalid_input", "permission"],
    [{ ...allMet("ID"), permission: "active", restrictedUntil: "2026-04-01" }, "invalid_input", "restrictedUntil"],
    [{ ...allMet("ID"), enforcedOn: "2026-02-01" }, "invalid_input", "enforcedOn"],
    [{ ...allMet("ID"), lang: "fr" }, "invalid_input", "lang"],
    [{ followers: 1 }, "invalid_input", "region"],
    [null, "invalid_input", ""],
    ["ID", "invalid_input", ""],
  ]) {
    assert.deepEqual(codeAndPath(() => checkEligibility(input)), [code, path], JSON.stringify(input, (_, v) => (typeof v === "bigint" ? `${v}n` : v)));
  }
});
