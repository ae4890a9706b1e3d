// checkClosure from the npm package, as users import it: the free function, Engine#checkClosure
// with an overlay, the contract's shapes, and errors with code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkClosure, Engine } from "shop-policy";
import { codeAndPath } from "./errors.mjs";

/** An Indonesian shop that can close on 2026-06-01. */
const ready = () => ({
  region: "ID",
  asOf: "2026-06-01",
  initiatedBy: "seller",
  sellerType: "cross_border",
  activeCampaigns: 0,
  boundCreators: 0,
  announcementSince: "2026-04-01",
  orders: [
    { id: "577001", status: "completed", finalizedOn: "2026-01-15" },
    { id: "577002", status: "closed", finalizedOn: "2026-02-01" },
  ],
  commissionArrears: 0,
  balance: 0,
  unpaidInvoices: 0,
  depositArrears: 0,
  deposit: 50_000_000,
});

const condition = (report, id) => report.conditions.find((c) => c.id === id);

test("a shop that meets every condition can close today", () => {
  const report = checkClosure(ready());
  assert.equal(report.canClose, true);
  assert.equal(report.asOf, "2026-06-01");
  assert.equal(report.earliestCloseDate, "2026-06-01");
  assert.equal(report.depositRefund, 50_000_000);
  assert.deepEqual(report.currency, { code: "IDR", minorUnit: 2 });
  assert.deepEqual(report.policy, { id: "tiktok-shop-ID", version: "2026.12.1" });
  assert.equal(report.canWithdraw, true);
  assert.equal(report.verified, true);
  assert.deepEqual(
    report.conditions.map((c) => [c.id, c.met, c.metOn]),
    [
      ["campaigns_stopped", true, null],
      ["creators_unbound", true, null],
      ["announcement_shown_30_days", true, "2026-05-01"],
      ["orders_final", true, null],
      ["orders_quiet_90_days", true, "2026-05-02"],
      ["no_commission_arrears", true, null],
      ["payments_settled", true, null],
    ],
  );
  for (const c of report.conditions) {
    assert.deepEqual(Object.keys(c), ["id", "ruleId", "met", "metOn", "detail", "message", "source", "verified"]);
  }
  assert.deepEqual(
    report.steps.map((s) => [s.step, s.id, s.done]),
    [
      [1, "apply", null],
      [2, "verify_details", null],
      [3, "meet_conditions", true],
      [4, "agree", false],
    ],
  );
  assert.deepEqual(
    report.afterClosure.map((n) => n.id),
    ["history_viewable", "obligations_remain", "no_buyer_data", "no_new_shop_same_country"],
  );
});

test("the clocks: announcement day + 30, last final order + 90, on both sides", () => {
  const day29 = checkClosure({ ...ready(), announcementSince: "2026-05-03" });
  assert.equal(condition(day29, "announcement_shown_30_days").met, false);
  assert.equal(day29.earliestCloseDate, "2026-06-02");
  const day30 = checkClosure({ ...ready(), announcementSince: "2026-05-02" });
  assert.equal(condition(day30, "announcement_shown_30_days").met, true);
  assert.equal(day30.canClose, true);

  const quiet = (last) => checkClosure({ ...ready(), orders: [{ id: "1", status: "completed", finalizedOn: last }] });
  assert.equal(condition(quiet("2026-03-04"), "orders_quiet_90_days").met, false);
  assert.equal(quiet("2026-03-04").earliestCloseDate, "2026-06-02");
  assert.equal(condition(quiet("2026-03-03"), "orders_quiet_90_days").met, true);

  const none = checkClosure({ ...ready(), announcementSince: null });
  assert.equal(condition(none, "announcement_shown_30_days").metOn, null);
  assert.equal(none.earliestCloseDate, "2026-07-01");

  const open = checkClosure({ ...ready(), orders: [...ready().orders, { id: "577003", status: "in_transit" }] });
  assert.equal(open.earliestCloseDate, null);
  assert.match(condition(open, "orders_final").detail, /577003 \(in_transit\)/);
});

test("money: a negative balance comes out of the deposit, up to the deposit", () => {
  assert.equal(checkClosure({ ...ready(), balance: -1_000 }).depositRefund, 49_999_000);
  assert.equal(checkClosure({ ...ready(), balance: -50_000_000 }).depositRefund, 0);
  const beyond = checkClosure({ ...ready(), balance: -50_000_001 });
  assert.equal(beyond.depositRefund, null);
  assert.equal(condition(beyond, "payments_settled").met, false);
  assert.equal(checkClosure({ ...ready(), unpaidInvoices: 1 }).canClose, false);
  assert.equal(checkClosure({ ...ready(), depositArrears: 1 }).canClose, false);
  assert.equal(checkClosure({ ...ready(), commissionArrears: 1 }).depositRefund, null);
});

test("a platform-initiated closure cannot be withdrawn; a seller's can", () => {
  assert.equal(checkClosure(ready()).canWithdraw, true);
  const platform = checkClosure({ ...ready(), initiatedBy: "platform", lang: "id" });
  assert.equal(platform.canWithdraw, false);
  assert.equal(platform.withdrawal.message, "Penutupan toko yang dimulai oleh TikTok Shop tidak dapat dibatalkan.");
  assert.equal(platform.withdrawal.ruleId, "closure.withdrawal");
});

test("new Engine(overlay).checkClosure uses the overlay's figures", () => {
  const engine = new Engine({
    id: "agency-ID",
    version: "1",
    extends: "ID",
    closure: {
      conditions: [
        { id: "orders_final", finalStatuses: ["completed", "closed", "returned"], verified: false },
        { id: "payments_settled", negativeBalanceFromDeposit: false, verified: false },
      ],
    },
  });
  const input = { ...ready(), balance: -1, orders: [{ id: "9", status: "returned", finalizedOn: "2026-01-01" }] };
  const report = engine.checkClosure(input);
  assert.equal(report.policy.id, "agency-ID");
  assert.equal(report.verified, false);
  assert.equal(condition(report, "orders_final").met, true);
  assert.equal(condition(report, "payments_settled").met, false);
  assert.equal(report.depositRefund, null);
  // The built-in pack does not know "returned": a coded error naming the row, never "open".
  assert.deepEqual(codeAndPath(() => checkClosure(input)), ["invalid_input", "orders[0].status"]);
  const builtin = checkClosure({ ...input, orders: [{ id: "9", status: "Dibatalkan", finalizedOn: "2026-01-01" }] });
  assert.equal(condition(builtin, "orders_final").met, true, "a cancelled order is closed, hence final");
  assert.equal(builtin.depositRefund, 49_999_999);
  engine.free();
});

test("the UK closure pack is an unverified overlay", () => {
  const uk = checkClosure({ ...ready(), region: "UK" });
  assert.equal(uk.verified, false);
  assert.ok(uk.conditions.every((c) => c.verified === false));
  assert.equal(uk.currency.code, "GBP");
});

test("bad input throws with code and path", () => {
  const orders = [...ready().orders, { id: "3", status: "shipped" }, { id: "4", status: "completed" }];
  assert.deepEqual(codeAndPath(() => checkClosure({ ...ready(), orders })), ["invalid_input", "orders[3].finalizedOn"]);
  orders[3] = { id: "4", status: "completed", finalizedOn: "2026-02-30" };
  assert.deepEqual(codeAndPath(() => checkClosure({ ...ready(), orders })), ["invalid_date", "orders[3].finalizedOn"]);
  orders[3] = { id: "1", status: "completed", finalizedOn: "2026-02-03", note: "x" };
  assert.deepEqual(codeAndPath(() => checkClosure({ ...ready(), orders })), ["unknown_field", "orders[3].note"]);
  orders[3] = { id: "577001", status: "completed", finalizedOn: "2026-02-03" };
  assert.deepEqual(codeAndPath(() => checkClosure({ ...ready(), orders })), ["duplicate_id", "orders[3].id"]);
  for (const [change, code, path] of [
    [{ deposit: NaN }, "invalid_input", "deposit"],
    [{ deposit: Infinity }, "invalid_input", "deposit"],
    [{ balance: -0.5 }, "invalid_input", "balance"],
    [{ activeCampaigns: -1 }, "invalid_input", "activeCampaigns"],
    [{ boundCreators: 2 ** 53 }, "invalid_input", "boundCreators"],
    [{ unpaidInvoices: 10n }, "invalid_input", "unpaidInvoices"],
    [{ announcementSince: undefined }, "invalid_input", "announcementSince"],
    [{ asOf: "2026-02-29" }, "invalid_date", "asOf"],
    [{ initiatedBy: "buyer" }, "invalid_input", "initiatedBy"],
    [{ region: "JP" }, "unknown_region", "region"],
    [{ colour: "red" }, "unknown_field", "colour"],
  ]) {
    assert.deepEqual(codeAndPath(() => checkClosure({ ...ready(), ...change })), [code, path], path);
  }
  assert.equal(codeAndPath(() => checkClosure(null))[0], "invalid_input");
});

test("sellerType: the published policy is the cross-border one; a local seller gets it as a guide", () => {
  const cross = checkClosure(ready());
  assert.deepEqual([cross.sellerType, cross.applies, cross.verified, cross.scope.id], ["cross_border", true, true, "scope"]);
  const local = checkClosure({ ...ready(), sellerType: "local" });
  assert.deepEqual([local.applies, local.verified, local.canClose], [false, false, cross.canClose]);
  assert.ok(local.conditions.every((c) => c.verified === false));
  assert.match(local.scope.message, /guide/);
  assert.ok(local.sources.every((s) => typeof s.source === "string" && "title" in s));
  const { sellerType, ...missing } = ready();
  assert.deepEqual(codeAndPath(() => checkClosure(missing)), ["invalid_input", "sellerType"]);
});
