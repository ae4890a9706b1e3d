// checkClosure's types, compiled with `tsc --strict` (exactOptionalPropertyTypes,
// noUncheckedIndexedAccess) against the installed package.
import {
  checkClosure,
  Engine,
  type ClosureCondition,
  type ClosureConditionId,
  type ClosureInput,
  type ClosureOrder,
  type ClosureReport,
  type ClosureStep,
  type ShopPolicyError,
} from "shop-policy";

const orders: ClosureOrder[] = [
  { id: "577001", status: "completed", finalizedOn: "2026-01-15" },
  { id: "577002", status: "awaiting_shipment" },
  { id: "577003", status: "in_transit", finalizedOn: null },
];

const input: ClosureInput = {
  region: "ID",
  asOf: "2026-06-01",
  lang: "zh",
  initiatedBy: "seller",
  sellerType: "cross_border",
  activeCampaigns: 0,
  boundCreators: 0,
  announcementSince: null,
  orders,
  commissionArrears: 0,
  balance: -2_500,
  unpaidInvoices: 0,
  depositArrears: 0,
  deposit: 50_000_000,
};

export function closure(): string[] {
  const report: ClosureReport = checkClosure(input);
  const lines: string[] = [`${report.sellerType} ${report.applies} ${report.scope.message}`];
  for (const s of report.sources) lines.push(`${s.source} ${s.title ?? ""}`);
  const earliest: string | null = report.earliestCloseDate;
  const refund: number | null = report.depositRefund;
  lines.push(`${report.canClose} ${report.asOf} ${earliest ?? "open orders"} ${refund ?? "blocked"}`);
  lines.push(`${report.currency.code} ${report.currency.minorUnit} ${report.policy.id} ${report.verified}`);
  const blocking: ClosureCondition[] = report.conditions.filter((c) => !c.met);
  for (const c of blocking) {
    const id: ClosureConditionId = c.id;
    const on: string | null = c.metOn;
    lines.push(`${id} ${c.ruleId} ${on ?? "-"} ${c.detail} ${c.message} ${c.source} ${c.verified}`);
  }
  const steps: ClosureStep[] = report.steps;
  for (const s of steps) {
    const done: boolean | null = s.done;
    lines.push(`${s.step} ${s.id} ${s.title} ${done === null ? "?" : done} ${s.source}`);
  }
  lines.push(`${report.canWithdraw} ${report.withdrawal.ruleId} ${report.withdrawal.message}`);
  lines.push(...report.afterClosure.map((n) => `${n.id} ${n.message} ${n.source}`));

  const engine = new Engine({ id: "agency-UK", extends: "UK" });
  try {
    // A caller's own region code type-checks too.
    engine.checkClosure({ ...input, region: "UK", initiatedBy: "platform" });
    engine.checkClosure({ ...input, region: "XX" });
  } catch (e) {
    const error = e as ShopPolicyError;
    lines.push(`${error.code} ${error.path}`);
  } finally {
    engine.free();
  }
  return lines;
}

// @ts-expect-error: initiatedBy is "seller" or "platform"
const wrongInitiator: ClosureInput = { ...input, initiatedBy: "buyer" };
// @ts-expect-error: announcementSince is required (null when none is shown)
const noAnnouncement: ClosureInput = { ...input, announcementSince: undefined };
// @ts-expect-error: an order id is a string
const numericId: ClosureOrder = { id: 577001, status: "completed" };
export const rejected = [wrongInitiator, noAnnouncement, numericId];
