// Type-checked with `tsc --noEmit --strict` against the installed package: checkEligibility's
// input and report are typed precisely enough to write this without a cast.
import {
  checkEligibility,
  Engine,
  type CriterionResult,
  type EligibilityAppeal,
  type EligibilityCriterionId,
  type EligibilityInput,
  type EligibilityLimits,
  type EligibilityOutcome,
  type EligibilityReport,
  type LinkShareTier,
  type Permission,
} from "shop-policy";

function lines0(tier: LinkShareTier): string {
  const outcome: EligibilityOutcome = tier.outcome;
  return `${outcome} ${tier.canApply} ${tier.verified} ${tier.effectiveFrom ?? ""} ${tier.criteria.length} ${tier.message}`;
}

export function eligibility(): string[] {
  const permission: Permission = "restricted";
  const input: EligibilityInput = {
    region: "VN",
    asOf: "2026-03-05",
    lang: "zh",
    followers: 1200,
    age: null, // unknown
    identityVerified: true,
    governmentAccount: false,
    permission,
    restrictedUntil: "2026-03-10",
    enforcedOn: "2026-03-01",
    previouslyRevoked: false,
    codeOfConductViolations: 0,
    linkedShopAtRisk: false,
    taxInfoProvided: true,
    identityAndAgeVerified: null,
    foreignCreator: false,
  };
  const report: EligibilityReport = checkEligibility(input);
  const tier: LinkShareTier | null = report.linkShare;
  if (tier) lines0(tier);
  const outcome: EligibilityOutcome = report.outcome;
  const lines: string[] = [outcome, report.asOf, String(report.canApply)];

  const unmet: CriterionResult[] = report.criteria.filter((c) => c.met !== true);
  for (const c of [...unmet, ...report.upcoming]) {
    const id: EligibilityCriterionId = c.id;
    const met: boolean | null = c.met;
    lines.push(`${id} ${c.ruleId} ${String(met)} ${c.verified} ${c.effectiveFrom ?? "always"} ${c.source}`);
  }
  for (const step of report.nextSteps) {
    if (step.id === "apply" || step.id === "appeal" || step.id === "followers") lines.push(step.message);
    lines.push(step.source ?? "");
  }
  lines.push(...report.capabilities.map((c) => `${c.id}: ${c.message}`));

  const limits: EligibilityLimits | undefined = report.limits;
  if (limits) lines.push(`${limits.weeklyShoppableLives}/${limits.weeklyShoppableVideos} a week for ${limits.pilotDays} days`);
  const appeal: EligibilityAppeal | undefined = report.appeal;
  if (appeal) {
    const deadline: string = appeal.deadline ?? `${appeal.deadlineDays ?? "no"} days`;
    const open: boolean | null = appeal.open;
    lines.push(`${appeal.route} ${deadline} ${String(open)}`);
  }
  if (report.reason) lines.push(report.reason.ruleId, report.reason.message, report.reason.source);
  lines.push(report.restrictedUntil ?? "", ...report.enforcement.map((n) => n.id));
  lines.push(`${report.policy.id}@${report.policy.version}`);

  // A pack for a region of its own is checked under its own code.
  const engine = new Engine({ id: "agency-ID", extends: "ID", eligibility: { criteria: [{ id: "eligibility.followers", min: 800 }] } });
  const minimal: EligibilityReport = engine.checkEligibility({ region: "ID" });
  const custom: EligibilityInput = { region: "KH", followers: 10 };
  lines.push(minimal.outcome, custom.region);
  engine.free();
  return lines;
}
