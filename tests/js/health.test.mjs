// accountHealth as users import it: the free function, an Engine over an overlay, languages,
// the score scheme, and errors with code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accountHealth, Engine } from "shop-policy";
import { thrown } from "./errors.mjs";

const account = {
  region: "ID",
  asOf: "2023-02-10",
  violations: [
    { id: "v1", type: "Prohibited Customer Communication", points: 4, issuedOn: "2023-01-20", surface: "chat" },
    { id: "v2", type: "Misleading Product Information", points: 4, issuedOn: "2023-02-06", surface: "live" },
  ],
  quizAttempts: [{ violationId: "v1", takenOn: "2023-02-01", passed: true }],
};

test("accountHealth reports points, milestones, expirations, the week and the quizzes", () => {
  const report = accountHealth(account);
  assert.equal(report.role, "seller", "the default role");
  assert.equal(report.scheme, "points");
  assert.equal(report.inForce.ruleId, "health.seller");
  assert.equal(report.inForce.message, "Judged under the rule in force on 10 February 2023: seller violation points.");
  assert.equal(report.asOf, "2023-02-10");
  assert.equal(report.activePoints, 7, "4 + 4, less the point the quiz removed");
  assert.equal(report.score, null);
  assert.equal(report.milestone.reached, null);
  assert.equal(report.milestone.next.points, 12);
  assert.equal(report.milestone.next.pointsToGo, 5);
  assert.equal(report.milestone.next.action, "campaign_limits_7_days");
  assert.equal(report.milestone.next.message, "Campaign participation and seller benefits limited for 7 days.");
  assert.equal(report.warning.pointsToGo, 5);
  assert.equal(report.warning.ruleId, "health.milestone_warning");
  assert.equal(report.warning.verified, true, "Indonesia's official FAQ states the warning");
  assert.deepEqual(report.expirations, [
    { on: "2023-04-20", points: 3 },
    { on: "2023-05-07", points: 4 },
  ]);
  assert.equal(report.clearingStoppedOn, null);
  const { weekly } = report;
  assert.deepEqual([weekly.from, weekly.to, weekly.violations, weekly.points], ["2023-02-04", "2023-02-10", 1, 4]);
  assert.deepEqual(weekly.bySurface, [{ surface: "live", violations: 1, points: 4 }]);
  assert.equal(weekly.source, "seeds/003_00f37fbeee36ff4c.txt");
  assert.deepEqual(report.quizzes[0], {
    violationId: "v1",
    type: "Prohibited Customer Communication",
    open: true,
    deadline: "2023-02-28",
    attemptsLeft: 2,
    canRemovePoint: false,
    activePoints: 3,
    blockedBy: "type_cooldown",
    cooldownEndsOn: "2023-03-03",
  });
  assert.equal(report.quizzes[1].canRemovePoint, true);
  assert.deepEqual(report.policy, { id: "tiktok-shop-ID", version: "2026.12.1" });
  for (const note of report.notes) assert.ok(note.message.length > 20 && note.source, note.id);
});

test("Indonesia stops clearing at 48 points", () => {
  const report = accountHealth({
    region: "ID",
    asOf: "2024-12-31",
    violations: [
      { id: "a", type: "Spam", points: 24, issuedOn: "2024-01-01" },
      { id: "b", type: "Spam", points: 24, issuedOn: "2024-03-30" },
    ],
  });
  assert.equal(report.activePoints, 48);
  assert.equal(report.clearingStoppedOn, "2024-03-30");
  assert.deepEqual(report.expirations, []);
  assert.equal(report.milestone.reached.action, "permanent_suspension");
  assert.equal(report.milestone.next, null);
});

test("the US uses the health score", () => {
  const report = accountHealth({
    region: "US",
    asOf: "2024-06-10",
    violations: [{ id: "a", type: "Spam", points: 48, issuedOn: "2024-06-01" }],
  });
  assert.equal(report.scheme, "score");
  assert.equal(report.activePoints, 48);
  assert.equal(report.score.value, 152);
  assert.equal(report.score.status, "caution");
  assert.equal(report.score.verified, false);
  assert.deepEqual([report.milestone.next.points, report.milestone.next.pointsToGo], [150, 2]);
  assert.match(report.warning.message, /score 150/);
  assert.ok(report.notes.some((n) => n.id === "score_deduction"));
});

test("messages in Indonesian and Chinese", () => {
  const id = accountHealth({ ...account, lang: "id" });
  assert.equal(id.warning.message, "Mendekati batas 12 poin (kurang 5 lagi): Partisipasi kampanye dan manfaat penjual dibatasi selama 7 hari.");
  assert.equal(id.weekly.message, "7 hari terakhir (4 Februari 2023 s.d. 10 Februari 2023): 1 pelanggaran, 4 poin.");
  const zh = accountHealth({ ...account, lang: "zh" });
  assert.equal(zh.warning.message, "即将达到12分节点（还差5分）：限制参加营销活动和卖家权益7天。");
  assert.equal(zh.weekly.message, "最近7天（2023年2月4日至2023年2月10日）：违规1次，积分4分。");
});

test("new Engine(overlay).accountHealth uses the overlay's figures", () => {
  const engine = new Engine({ id: "agency-ID", version: "3", extends: "ID", health: { warning: { distance: 8 } } });
  const report = engine.accountHealth({
    region: "ID",
    asOf: "2024-05-01",
    violations: [{ id: "a", type: "Spam", points: 4, issuedOn: "2024-04-01" }],
  });
  assert.equal(report.warning.pointsToGo, 8);
  assert.deepEqual(report.policy, { id: "agency-ID", version: "3" });
  assert.equal(thrown(() => engine.accountHealth({ region: "TH", violations: [] })).code, "unknown_region");
  engine.free();
});

test("without asOf, today is taken in the region", () => {
  const report = accountHealth({ region: "ID", violations: [] });
  assert.match(report.asOf, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(report.activePoints, 0);
});

test("bad input throws with a stable code and the path of the field", () => {
  const cases = [
    [{ ...account, violations: [...account.violations, { id: "v3", type: "T", points: 1, issuedOn: "2023-02-29" }] }, "invalid_date", "violations[2].issuedOn"],
    [{ ...account, region: "JP" }, "unknown_region", "region"],
    [{ ...account, colour: "red" }, "unknown_field", "colour"],
    [{ ...account, violations: [{ ...account.violations[0], points: -1 }] }, "invalid_input", "violations[0].points"],
    [{ ...account, violations: [{ ...account.violations[0], points: NaN }] }, "invalid_input", "violations[0].points"],
    [{ ...account, violations: [{ ...account.violations[0], points: 49 }] }, "invalid_input", "violations[0].points"],
    [{ ...account, violations: [account.violations[0], account.violations[0]] }, "duplicate_id", "violations[1].id"],
    [{ ...account, quizAttempts: [{ violationId: "v9", takenOn: "2023-02-01", passed: true }] }, "unknown_reference", "quizAttempts[0].violationId"],
    [{ ...account, quizAttempts: [{ violationId: "v1", takenOn: "2023-01-19", passed: true }] }, "invalid_input", "quizAttempts[0].takenOn"],
    [{ ...account, violations: [{ ...account.violations[0], surface: "tv" }] }, "invalid_input", "violations[0].surface"],
    [{ ...account, lang: "fr" }, "invalid_input", "lang"],
  ];
  for (const [input, code, path] of cases) {
    const error = thrown(() => accountHealth(input));
    assert.deepEqual([error.code, error.path], [code, path], error.message);
  }
});

test("creators: violation points until 2026-01-11, the Creator Health Rating from 2026-01-12", () => {
  const creator = { region: "VN", role: "creator", violations: [] };
  const before = accountHealth({ ...creator, asOf: "2026-01-11" });
  assert.deepEqual([before.role, before.scheme, before.inForce.ruleId, before.inForce.effectiveUntil], [
    "creator",
    "points",
    "health.creator_points",
    "2026-01-11",
  ]);
  const on = accountHealth({ ...creator, asOf: "2026-01-12", lang: "id" });
  assert.deepEqual([on.scheme, on.score.value, on.inForce.effectiveFrom], ["score", 200, "2026-01-12"]);
  assert.equal(
    on.inForce.message,
    "Dinilai dengan aturan yang berlaku pada 12 Januari 2026: Creator Health Rating (skor 0 sampai 1.000), berlaku sejak 12 Januari 2026.",
  );
  // Thailand's creators are judged under the Vietnamese policy page: a borrowed rule says so.
  const th = accountHealth({ ...creator, region: "TH", asOf: "2026-03-01" });
  const cited = th.sources.find((s) => s.source === th.inForce.source);
  assert.deepEqual([cited.title, cited.official, cited.borrowedFrom], ["Creator Enforcement Policy", true, "VN"]);
  // Sellers stay on points.
  assert.equal(accountHealth({ region: "VN", role: "seller", asOf: "2026-03-01", violations: [] }).scheme, "points");
  assert.deepEqual(
    [thrown(() => accountHealth({ ...creator, role: "buyer" })).code, thrown(() => accountHealth({ ...creator, role: "buyer" })).path],
    ["invalid_input", "role"],
  );
});

test("US sellers: the Account Health Rating counts 180 days; no quiz at 0", () => {
  const violations = [{ id: "a", type: "Spam", points: 200, issuedOn: "2026-01-01" }];
  const zero = accountHealth({ region: "US", asOf: "2026-06-29", violations });
  assert.deepEqual([zero.score.value, zero.quizzes[0].blockedBy], [0, "closed"], "day 179: the points still count");
  assert.equal(accountHealth({ region: "US", asOf: "2026-06-30", violations }).score.value, 200);
  const fresh = accountHealth({ region: "US", asOf: "2026-01-05", violations });
  assert.equal(fresh.quizzes[0].blockedBy, "score_too_low");
  assert.ok(fresh.notes.some((n) => n.id === "milestone_quiz"));
});
