// policyDiff through the npm package: what changed between two packs, as the "What changed" page
// and an agency's own rules use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getPolicy, policyDiff } from "shop-policy";
import { thrown } from "./errors.mjs";

test("a region against itself: nothing changed", () => {
  const diff = policyDiff("ID", "ID");
  assert.deepEqual([diff.added, diff.removed, diff.changed, diff.changes.length], [0, 0, 0, 0]);
  assert.equal(diff.from.id, "tiktok-shop-ID");
  assert.equal(diff.to.version, diff.from.version);
});

test("an agency's overlay: the changed figure with its old and new value and both sources", () => {
  const overlay = {
    id: "agency-ID", version: "2026.1", extends: "ID",
    eligibility: { criteria: [{ id: "eligibility.followers", min: 1000, source: "Agency handbook 2026", verified: false }] },
  };
  const diff = policyDiff("ID", overlay);
  assert.equal(diff.changed, 1);
  const [change] = diff.changes;
  assert.equal(change.id, "eligibility.followers");
  assert.equal(change.change, "changed");
  assert.deepEqual(change.fields.find((f) => f.field === "min"), { field: "min", old: 600, new: 1000 });
  assert.deepEqual(change.sources.map((s) => s.source).slice(-1), ["Agency handbook 2026"]);
  assert.ok(change.sources[0].title, "the built-in source is described");
});

test("a changed verdict on one surface is a dotted field; a pack may come from getPolicy", () => {
  const pack = getPolicy("TH");
  const rule = pack.links.rules.find((r) => r.id === "links.social_link");
  rule.surfaces = { ...rule.surfaces, comment: "review" };
  const diff = policyDiff("TH", pack);
  const change = diff.changes.find((c) => c.id === "links.social_link");
  assert.deepEqual(change.fields, [{ field: "surfaces.comment", old: null, new: "review" }]);
  assert.equal(diff.changed, 1);
});

test("bad sides throw coded errors with paths under a or b", () => {
  let error = thrown(() => policyDiff("XX", "ID"));
  assert.deepEqual([error.code, error.path], ["unknown_region", "a"]);
  error = thrown(() => policyDiff("ID", { id: "x", version: "1", extends: "ID", eligibility: { criteria: [{ id: "eligibility.followers", min: "many" }] } }));
  assert.equal(error.code, "invalid_pack");
  assert.ok(error.diagnostics.every((d) => d.path.startsWith("b.")), JSON.stringify(error.diagnostics));
  error = thrown(() => policyDiff(42, "ID"));
  assert.deepEqual([error.code, error.path], ["invalid_input", "a"]);
});
