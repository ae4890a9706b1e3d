// Type-checked with `tsc --noEmit --strict` against the installed package: accountHealth's
// input and report types must be precise enough for this file to compile.
import {
  accountHealth,
  Engine,
  type HealthInput,
  type HealthReport,
  type QuizBlock,
  type QuizStatus,
  type ShopPolicyError,
} from "shop-policy";

export function health(): string[] {
  const input: HealthInput = {
    region: "ID",
    asOf: "2024-03-01",
    lang: "id",
    violations: [
      { id: "v1", type: "Prohibited Customer Communication", points: 4, issuedOn: "2024-02-20", surface: "chat" },
      { id: "v2", type: "Misleading Product Information", points: 2, issuedOn: "2024-02-26" },
    ],
    quizAttempts: [{ violationId: "v1", takenOn: "2024-02-21", passed: true }],
  };
  const report: HealthReport = accountHealth(input);
  const lines: string[] = [`${report.role} ${report.scheme} ${report.asOf} ${report.activePoints}`];
  const { inForce } = report;
  lines.push(`${inForce.ruleId} ${inForce.effectiveFrom ?? "-"} ${inForce.effectiveUntil ?? "-"} ${inForce.message}`);
  for (const s of report.sources) lines.push(`${s.title ?? s.source} ${s.publisher ?? ""} ${s.date ?? ""} ${s.official} ${s.borrowedFrom ?? ""}`);
  const creator: HealthReport = accountHealth({ ...input, role: "creator" });
  lines.push(creator.scheme === "score" ? String(creator.score?.value) : "points");
  // @ts-expect-error: role is "seller" or "creator"
  accountHealth({ ...input, role: "buyer" });

  const next = report.milestone.next;
  if (next !== null) lines.push(`${next.points} in ${next.pointsToGo}: ${next.action} (${next.ruleId}, ${next.source})`);
  if (report.milestone.reached) lines.push(report.milestone.reached.message);
  if (report.warning) lines.push(`${report.warning.message} ${report.warning.distance} ${report.warning.verified}`);
  if (report.score) lines.push(`${report.score.value} ${report.score.status}`);
  for (const { on, points } of report.expirations) lines.push(`${on} -${points}`);
  lines.push(report.clearingStoppedOn ?? "still clearing");

  const { weekly } = report;
  lines.push(`${weekly.from}..${weekly.to} ${weekly.violations} ${weekly.points} ${weekly.message}`);
  for (const t of weekly.byType) lines.push(`${t.type} ${t.violations} ${t.points}`);
  for (const s of weekly.bySurface) lines.push(`${s.surface ?? "unknown"} ${s.violations}`);

  const open: QuizStatus[] = report.quizzes.filter((q) => q.open && q.canRemovePoint);
  for (const q of report.quizzes) {
    const why: QuizBlock | null = q.blockedBy;
    lines.push(`${q.violationId} ${q.type} ${q.deadline} ${q.attemptsLeft} ${q.activePoints} ${why ?? "ok"} ${q.cooldownEndsOn ?? ""}`);
  }
  lines.push(String(open.length), ...report.notes.map((n) => `${n.id}: ${n.message} ${n.source ?? ""}`));
  lines.push(`${report.policy.id} ${report.policy.version}`);

  const engine = new Engine({ id: "agency-US", extends: "US", health: { warning: { distance: 10 } } });
  try {
    const us = engine.accountHealth({ region: "US", violations: [] });
    lines.push(us.score?.status ?? "no score");
  } catch (e) {
    const error = e as ShopPolicyError;
    lines.push(`${error.code} ${error.path}`);
  } finally {
    engine.free();
  }
  return lines;
}
