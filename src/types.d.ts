/** A built-in region code. A caller's complete pack may use any two-letter code. */
export type Region = "ID" | "MY" | "TH" | "VN" | "PH" | "SG" | "UK" | "US";
/** Report language. */
export type Lang = "en" | "id" | "zh";
/** A calendar date written `YYYY-MM-DD`, in the region's local time. */
export type DateString = string;
/** Where a text is posted. */
export type Surface = "bio" | "video" | "live" | "comment" | "product" | "chat";
/** How strict a finding is; the strictest wins. */
export type Verdict = "allow" | "review" | "block";

/** Stable error codes: branch on these, never on message text. */
export type ErrorCode =
  | "invalid_input"
  | "unknown_field"
  | "unknown_region"
  | "invalid_date"
  | "invalid_pack"
  | "duplicate_id"
  | "unknown_reference";

/** One problem, with the path of the field at fault (e.g. `orders[2].finalizedOn`). */
export interface Diagnostic {
  code: ErrorCode;
  path: string;
  message: string;
}

/** What every function throws on bad input or an invalid pack. */
export interface ShopPolicyError extends Error {
  name: "ShopPolicyError";
  code: ErrorCode;
  path: string;
  /** For `invalid_pack`: every problem found. */
  diagnostics?: Diagnostic[];
}

/** The policy a report was judged under. */
export interface PolicyRef {
  id: string;
  version: string;
}

/** A line of `policies()`. */
export interface PolicySummary {
  id: string;
  region: string;
  version: string;
  effectiveDate: DateString;
  /** Every source the pack cites: seed files (`seeds/…`) and public pages. */
  sources: string[];
}

/** The result of `validatePolicy(pack)`. */
export interface Validation {
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** A message a pack gives a rule in place of the built-in text. */
export interface LocalText {
  en: string;
  id?: string;
  zh?: string;
}

/** What every rule in a pack carries. */
export interface RuleMeta {
  id: string;
  source: string;
  /** `false` where the sources are silent and the figure is a parameter. */
  verified: boolean;
  note?: string;
  message?: LocalText;
}

export type PlatformCategory = "ecommerce" | "messenger" | "social" | "link_in_bio" | "shortener" | "tiktok";
export type PhraseLang = "en" | "id" | "ms" | "th" | "vi" | "zh";

export interface LinkRuleSpec extends RuleMeta {
  verdict: Verdict;
  surfaces?: Partial<Record<Surface, Verdict>>;
}

export interface PlatformSpec {
  id: string;
  name: string;
  category: PlatformCategory;
  /** Registrable domains, matched as a suffix of the host. */
  domains: string[];
  /** Lowercase names people write for the platform ("wa", "虾皮"). */
  aliases: string[];
  /** A link rule that replaces the category's rule for this platform. */
  rule?: string;
}

export interface PhonePlanSpec {
  region: string;
  countryCode: string;
  trunkPrefix: string;
  leadingDigits: string[];
  minLength: number;
  maxLength: number;
}

export interface CallToActionSpec {
  id: string;
  rule: string;
  /** Lowercase phrases per language; slots `{ecommerce}`, `{messenger}`, `{social}`, `{platform}`. */
  phrases: Partial<Record<PhraseLang, string[]>>;
}

export interface LinksSection {
  rules: LinkRuleSpec[];
  categories: { id: PlatformCategory; rule: string }[];
  catalog: PlatformSpec[];
  knownTlds: string[];
  phone: RuleMeta & { plans: PhonePlanSpec[] };
  callsToAction: CallToActionSpec[];
  note?: string;
}

export type CriterionName =
  | "followers"
  | "age"
  | "identityVerified"
  | "notGovernmentAccount"
  | "codeOfConductViolations"
  | "neverRevoked"
  | "linkedShopNotAtRisk";

export interface CriterionSpec extends RuleMeta {
  criterion: CriterionName;
  /** For `followers` and `age`. */
  min?: number;
  /** For `codeOfConductViolations`. */
  max?: number;
  effectiveFrom?: DateString;
}

export interface RouteSpec extends RuleMeta {
  route: string;
  deadlineDays?: number | null;
}

export interface EligibilitySection {
  criteria: CriterionSpec[];
  capabilities: RuleMeta[];
  application: RouteSpec;
  enforcement: RuleMeta & { revocationIsPermanent: boolean };
  appeal: RouteSpec;
  pilot?: (RuleMeta & {
    belowFollowers: number;
    days: number;
    weeklyShoppableLives: number;
    weeklyShoppableVideos: number;
  }) | null;
  repeatViolation?: (RuleMeta & { count: number; withinDays: number }) | null;
  note?: string;
}

export interface HealthSection {
  scheme: "points" | "score";
  points: RuleMeta & { validityDays: number; clearingStopsAt?: number | null; maxPerViolation: number };
  warning: RuleMeta & { distance: number };
  milestones: (RuleMeta & { points: number; action: string })[];
  score: RuleMeta & { start: number; min: number; max: number; healthyFrom: number; unhealthyAtOrBelow: number };
  scoreMilestones: (RuleMeta & { score: number; action: string })[];
  quiz: RuleMeta & {
    questions: number;
    attemptsPerMonth: number;
    pointsRemovedPerPass: number;
    removalCooldownDays: number;
  };
  weeklyReport: RuleMeta & { days: number };
  note?: string;
}

export type ClosureConditionId =
  | "campaigns_stopped"
  | "creators_unbound"
  | "announcement_shown_30_days"
  | "orders_final"
  | "orders_quiet_90_days"
  | "no_commission_arrears"
  | "payments_settled";

export interface ClosureSection {
  conditions: (Omit<RuleMeta, "id"> & {
    id: ClosureConditionId;
    days?: number;
    finalStatuses?: string[];
    negativeBalanceFromDeposit?: boolean;
  })[];
  steps: (RuleMeta & { step: number })[];
  withdrawal: RuleMeta & { sellerBeforeStep: number; platformInitiated: boolean };
  afterClosure: RuleMeta[];
  note?: string;
}

/** Makes every field optional, all the way down (for overlays). */
export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A complete policy pack. */
export interface CompletePolicyPack {
  id: string;
  version: string;
  effectiveDate: DateString;
  region: string;
  timeZone: { name: string; utcOffsetMinutes: number; dst: "none" | "eu" | "us"; note?: string };
  currency: { code: string; minorUnit: number };
  links: LinksSection;
  eligibility: EligibilitySection;
  health: HealthSection;
  closure: ClosureSection;
  note?: string;
}

/**
 * An overlay on a built-in region: name it, say which region it `extends`, and give only what
 * changes. Objects merge key by key; lists of objects with an `id` merge on that id.
 */
export type PolicyOverlay = DeepPartial<Omit<CompletePolicyPack, "id" | "region">> & {
  id: string;
  extends: Region;
  region?: Region;
};

/** A complete pack, or an overlay on a built-in region. */
export type PolicyPack = CompletePolicyPack | PolicyOverlay;

/** A violation as the platform issued it. */
export interface HealthViolation {
  /** Your id for it, unique within the call. */
  id: string;
  /** The violation type as the platform names it; quizzes and the removal cap go by type. */
  type: string;
  /** Points carried when issued: a whole number from 0 to the pack's `maxPerViolation` (48). */
  points: number;
  issuedOn: DateString;
  surface?: Surface | null;
}

/** One attempt at the policy quiz of a violation. */
export interface QuizAttemptInput {
  /** The `id` of a violation in the same call. */
  violationId: string;
  /** On or after the violation's `issuedOn`. */
  takenOn: DateString;
  /** Full marks. */
  passed: boolean;
}

/** The argument of `accountHealth`. Violations issued and attempts taken after `asOf` are left out. */
export interface HealthInput {
  region: Region | (string & {});
  /** Default: today in the region's time zone. */
  asOf?: DateString | null;
  violations: HealthViolation[];
  quizAttempts?: QuizAttemptInput[] | null;
  lang?: Lang | null;
}

/** A rule behind a part of a report: its id, a message in the caller's language, its source. */
export interface Cited {
  ruleId: string;
  message: string;
  source: string;
}

/** A cited statement. */
export interface Note {
  id: string;
  message: string;
  source?: string;
}

/** A milestone that applies. `points` is a points total, or a score under the score scheme. */
export interface ReachedMilestone extends Cited {
  points: number;
  /** The enforcement action's key, e.g. `campaign_limits_7_days`; `message` says it in words. */
  action: string;
  verified: boolean;
}

/** The next milestone, `pointsToGo` away (points to gain, or score to lose). */
export interface NextMilestone extends ReachedMilestone {
  pointsToGo: number;
}

/** Set when the next milestone is within the pack's warning distance. */
export interface HealthWarning extends Cited {
  points: number;
  pointsToGo: number;
  distance: number;
  /** `false` for the built-in distance (5), a parameter. */
  verified: boolean;
}

/** The score scheme's standing (US). */
export interface ScoreStanding extends Cited {
  value: number;
  start: number;
  min: number;
  max: number;
  status: "healthy" | "caution" | "unhealthy";
  /** Always `false`: the deduction per violation point is a parameter. */
  verified: false;
}

/** The weekly account health report: violations issued in the 7 days ending on `asOf`. */
export interface WeeklyHealthReport extends Cited {
  from: DateString;
  to: DateString;
  violations: number;
  /** The points the violations carried when issued. */
  points: number;
  /** Most frequent first. */
  byType: { type: string; violations: number; points: number }[];
  /** Most frequent first; `surface: null` counts violations given without one. */
  bySurface: { surface: Surface | null; violations: number; points: number }[];
}

/** Why passing a quiz on `asOf` would not remove a point. */
export type QuizBlock =
  | "closed"
  | "no_attempts_left"
  | "removes_nothing"
  | "clearing_stopped"
  | "no_active_points"
  | "type_cooldown";

/** The policy quiz of one violation on `asOf`. */
export interface QuizStatus {
  violationId: string;
  type: string;
  open: boolean;
  /** The last day of the month after the violation's issue day. */
  deadline: DateString;
  /** Attempts left in `asOf`'s calendar month (0 when closed). */
  attemptsLeft: number;
  /** Whether passing on `asOf` would remove a point. */
  canRemovePoint: boolean;
  /** The violation's points still active. */
  activePoints: number;
  blockedBy: QuizBlock | null;
  /** While the per-type cap runs: the first day a pass may remove a point of this type again. */
  cooldownEndsOn: DateString | null;
}

/** The result of `accountHealth`. */
export interface HealthReport {
  scheme: "points" | "score";
  asOf: DateString;
  /** Violation points active on `asOf` (under the score scheme, what the score deducts). */
  activePoints: number;
  /** `null` under the points scheme. */
  score: ScoreStanding | null;
  milestone: { reached: ReachedMilestone | null; next: NextMilestone | null };
  warning: HealthWarning | null;
  /** When active points drop, soonest first. Empty once clearing has stopped. */
  expirations: { on: DateString; points: number }[];
  /** The day active points reached the pack's clearing stop (Indonesia: 48). */
  clearingStoppedOn: DateString | null;
  weekly: WeeklyHealthReport;
  /** One per violation whose quiz is open or whose points are still active on `asOf`, in input order. */
  quizzes: QuizStatus[];
  notes: Note[];
  policy: PolicyRef;
}
