// The npm package as users import it: policies, validatePolicy, getPolicy, Engine, errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import init, { policies, validatePolicy, getPolicy, Engine } from "shop-policy";
import { thrown } from "./errors.mjs";

const REGIONS = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];

test("the Node entry is ready on import, and init() is a harmless no-op", async () => {
  assert.equal(typeof init, "function");
  await init();
  assert.equal(policies().length, REGIONS.length);
});

test("policies() lists every built-in pack with its sources", () => {
  const list = policies();
  assert.deepEqual(list.map((p) => p.region), REGIONS);
  for (const p of list) {
    assert.equal(p.id, `tiktok-shop-${p.region}`);
    assert.match(p.version, /^\d{4}\.\d+\.\d+$/);
    assert.match(p.effectiveDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(p.sources.includes("seeds/004_1ce1c89aa1fd4710.txt"), `${p.region} cites seed 004`);
    assert.equal(new Set(p.sources).size, p.sources.length, "each source once");
  }
  const id = list.find((p) => p.region === "ID");
  assert.ok(id.sources.includes("https://seller-id.tokopedia.com/university/essay?knowledge_id=6837812658128641"));
});

test("getPolicy() returns the merged built-in pack, a valid starting point for overlays", () => {
  const pack = getPolicy("ID");
  assert.equal(pack.region, "ID");
  const followers = pack.eligibility.criteria.find((c) => c.id === "eligibility.followers");
  assert.equal(followers.min, 600);
  assert.equal(followers.verified, true);
  assert.deepEqual(validatePolicy(pack), { ok: true, diagnostics: [] });
  const error = thrown(() => getPolicy("JP"));
  assert.equal(error.code, "unknown_region");
  assert.equal(error.path, "region");
});

test("validatePolicy() reports every problem, each with its path, and never throws", () => {
  const result = validatePolicy({
    id: "agency-ID",
    extends: "ID",
    colour: "red",
    effectiveDate: "2023-02-29",
    links: { catalog: [{ id: "lazada", rule: "links.nope" }] },
    health: { milestones: [{ id: "health.milestone_24", points: 50 }] },
    eligibility: { criteria: [{ id: "eligibility.age", min: -1 }] },
    closure: { steps: [{ id: "apply", step: 3 }] },
  });
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.path]),
    [
      ["invalid_date", "effectiveDate"],
      ["invalid_input", "eligibility.criteria[1].min"],
      // Health figures are checked as they are read, whatever else is broken.
      ["invalid_input", "health.milestones[2]"],
      ["unknown_field", "colour"],
    ],
  );
  for (const d of result.diagnostics) assert.ok(d.message.length > 10, d.message);

  // Once the types are right, the cross-checks speak.
  const cross = validatePolicy({
    id: "agency-ID",
    extends: "ID",
    links: { catalog: [{ id: "lazada", rule: "links.nope" }] },
    health: { milestones: [{ id: "health.milestone_24", points: 50 }] },
    closure: { steps: [{ id: "apply", step: 3 }] },
    eligibility: { capabilities: [{ id: "links.email", source: "x", verified: true, message: { en: "x" } }] },
  });
  assert.deepEqual(
    cross.diagnostics.map((d) => [d.code, d.path]),
    [
      ["invalid_input", "health.milestones[2]"],
      ["duplicate_id", ""],
      ["unknown_reference", "links.catalog[1].rule"],
      ["invalid_input", "closure.steps[0].step"],
    ],
  );
});

test("validatePolicy() answers for anything, even values JSON cannot hold", () => {
  for (const [value, code, path] of [
    [undefined, "invalid_input", ""],
    [42, "invalid_input", ""],
    [{ id: "x", extends: "ID", version: () => 1 }, "invalid_input", "version"],
    [{ id: "x", extends: "ID", version: 10n }, "invalid_input", "version"],
    [{ id: "x", extends: "XX" }, "unknown_region", "extends"],
    [{ id: "x", extends: "ID", health: { weeklyReport: { days: NaN } } }, "invalid_input", "health.weeklyReport.days"],
  ]) {
    const result = validatePolicy(value);
    assert.equal(result.ok, false);
    assert.deepEqual([result.diagnostics[0].code, result.diagnostics[0].path], [code, path], String(value));
  }
  const cyclic = { id: "x", extends: "ID" };
  cyclic.links = { self: cyclic };
  const deep = validatePolicy(cyclic);
  assert.equal(deep.diagnostics[0].code, "invalid_input");
  assert.match(deep.diagnostics[0].message, /nested more than 64 levels/);
});

test("new Engine(pack) validates once and covers the pack's region only", () => {
  const builtin = new Engine();
  assert.deepEqual(builtin.regions, REGIONS);

  const engine = new Engine({
    id: "agency-ID",
    version: "3",
    extends: "ID",
    eligibility: { criteria: [{ id: "eligibility.followers", min: 1000, verified: false }] },
  });
  assert.deepEqual(engine.regions, ["ID"]);
  const [summary] = engine.policies();
  assert.equal(summary.id, "agency-ID");
  assert.equal(summary.version, "3");
  engine.free();
});

test("an invalid pack throws invalid_pack with every diagnostic", () => {
  const error = thrown(
    () =>
      new Engine({
        id: "bad",
        extends: "ID",
        colour: 1,
        health: { weeklyReport: { days: 0 }, quiz: { attemptsPerMonth: "three" } },
      }),
  );
  assert.equal(error.code, "invalid_pack");
  assert.equal(error.path, "health.quiz.attemptsPerMonth");
  assert.deepEqual(
    error.diagnostics.map((d) => [d.code, d.path]),
    [
      ["invalid_input", "health.quiz.attemptsPerMonth"],
      ["invalid_input", "health.weeklyReport.days"],
      ["unknown_field", "colour"],
    ],
  );
  assert.match(error.message, /^invalid_pack at health\.quiz\.attemptsPerMonth: invalid policy pack: .*\(3 problems\)$/);

  const notAPack = thrown(() => new Engine(() => 1));
  assert.equal(notAPack.code, "invalid_pack");
  assert.equal(notAPack.diagnostics[0].code, "invalid_input");
});

test("lone surrogates and astral characters survive the trip into wasm", () => {
  const result = validatePolicy({ id: "x", extends: "ID", note: "a\ud800b😀", colour: "\udfff" });
  assert.deepEqual(result.diagnostics.map((d) => d.path), ["colour"]);
});

test("the package ships the packs with their notes and the changelog, one entry per version", async () => {
  const { readFile } = await import("node:fs/promises");
  const read = async (name) => readFile(new URL(import.meta.resolve(`shop-policy/policies/${name}`)), "utf8");
  const changelog = await read("CHANGELOG.md");
  for (const summary of policies()) {
    const file = JSON.parse(await read(`${summary.region}.json`));
    assert.equal(file.version, summary.version, summary.region);
    assert.match(changelog, new RegExp(`^## ${summary.version.replaceAll(".", "\\.")} — `, "m"), summary.version);
  }
  const base = JSON.parse(await read("base.json"));
  assert.ok(base.health.regimes.some((r) => typeof r.note === "string"), "notes stay in the files");
  assert.equal(getPolicy("ID").health.regimes.every((r) => r.note === undefined), true, "and out of the module");
});
