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
  /**
   * For `invalid_pack`: every problem found. For a checker's argument with more than one problem:
   * each of them (at most 50; the first is the error's own `code`, `path` and message), so a form
   * can mark every field at fault at once.
   */
  diagnostics?: Diagnostic[];
}

/** The policy a report was judged under. */
export interface PolicyRef {
  id: string;
  version: string;
}

/** A reason with its citation: the rule it comes from, a localized message, the rule's source. */
export interface Cited {
  ruleId: string;
  message: string;
  /** A seed file (`seeds/…`) or a public page. */
  source: string;
}

/** A source a report cites, with what a person needs to trust it. */
export interface SourceRef {
  /** The source as rules cite it: the `source` of a reason in the report. */
  source: string;
  /** `null` when the pack does not describe the source. */
  title: string | null;
  publisher: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | null;
  /** TikTok Shop's own page (`true`), a third party's (`false`), or not described (`null`). */
  official: boolean | null;
  /** The region whose policy the source states. */
  region: Region | null;
  /** Set when that region is not the report's: the rule is borrowed ("same rule as Vietnam"). */
  borrowedFrom: Region | null;
}

/** The dated rule a report was judged under. */
export interface InForce extends Cited {
  /** "Judged under the rule in force on 1 March 2026: …, in force since 12 January 2026." */
  message: string;
  verified: boolean;
  effectiveFrom: DateString | null;
  effectiveUntil: DateString | null;
}

/** A cited statement: a capability, a next step, an enforcement rule. */
export interface Note<Id extends string = string> {
  id: Id;
  message: string;
  /** The source of the rule the note comes from. */
  source?: string;
}

/** A line of `policies()`. */
export interface PolicySummary {
  id: string;
  region: string;
  version: string;
  effectiveDate: DateString;
  /** Every source the pack cites: seed files (`seeds/…`) and public pages. */
  sources: string[];
  /** The same sources described. */
  sourceDetails: SourceRef[];
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
  /** A URL or seed file; described (title, publisher, date) in the pack's `sources`. */
  source: string;
  /** `false` where the sources are silent and the figure is a parameter. */
  verified: boolean;
  /** For maintainers; kept in `policies/*.json`, left out of the built-in packs `getPolicy` returns. */
  note?: string;
  message?: LocalText;
  /** The first day the rule applies (inclusive); absent: since before the pack's history. */
  effectiveFrom?: DateString | null;
  /** The last day it applied, once a newer rule replaced it (inclusive); absent: in force. */
  effectiveUntil?: DateString | null;
}

/** What a cited source is, in a pack's `sources` list. */
export interface SourceSpec {
  /** The `source` string rules cite. */
  id: string;
  title: string;
  publisher: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string | null;
  /** TikTok Shop's (or Tokopedia's) own page, or a copy of one. */
  official: boolean;
  /** The region whose policy it states. */
  region?: Region | null;
}

export type PlatformCategory =
  | "ecommerce" | "messenger" | "social" | "link_in_bio" | "shortener" | "tiktok" | "payment";
export type PhraseLang = "en" | "id" | "ms" | "th" | "tl" | "vi" | "zh";

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
  /** The nicknames sellers use for it, per language, each list with its source. */
  nicknames?: NicknamesSpec[];
  /** Names that are also ordinary words ("line", "oren"): a platform only beside a cue. */
  ambiguous?: string[];
  /** A link rule that replaces the category's rule for this platform. */
  rule?: string;
}

/** Nicknames in one language ("toko oren" for Shopee in Indonesian). */
export interface NicknamesSpec {
  lang: PhraseLang;
  names: string[];
  /** A public page, or "observed usage" when none was found (then `verified: false`). */
  source: string;
  verified: boolean;
}

/** The words people write in place of ".", "/" and "@", per language ("titik", "点", "chấm"). */
export interface HostWordsSpec extends RuleMeta {
  dot: Partial<Record<PhraseLang, string[]>>;
  slash: Partial<Record<PhraseLang, string[]>>;
  at: Partial<Record<PhraseLang, string[]>>;
}

/** The finding kinds a phrase group or a signal can report. */
export type PhraseKind = "call_to_action" | "direct_message" | "pointer" | "payment" | "mention" | "domain";

/**
 * A finding made of cues in one clause: every entry of `needs` (a `{category}` name or the id of
 * a phrase group) and none of `unless`.
 */
export interface SignalSpec {
  id: string;
  rule: string;
  kind: PhraseKind;
  needs: string[];
  unless?: string[];
}

export type NumberType =
  | "fixed" | "mobile" | "tollFree" | "premium" | "sharedCost"
  | "personal" | "voip" | "pager" | "uan" | "voicemail";

/** Numbers of a plan that share their lengths (from libphonenumber's metadata). */
export interface NumberBlockSpec {
  types: NumberType[];
  /** Lengths of the national significant number. */
  lengths: number[];
  /** Space-separated digit prefixes such numbers start with; `"*"` for any. */
  prefixes: string;
}

export interface PhonePlanSpec {
  region: string;
  countryCode: string;
  trunkPrefix: string;
  /** National numbers are written with or without the trunk prefix (North America). */
  trunkOptional?: boolean;
  /** Mobile numbers are written without the trunk prefix that landlines take (China). */
  mobileWithoutTrunk?: boolean;
  /** First digits of one-digit area codes written as their own group ("03-2385 6789"). */
  shortAreaCodes?: string;
  numbers: NumberBlockSpec[];
}

/** Digits spelled as words, per language: `{ "0": ["nol", "kosong"], …, twice: ["double"], hundred: ["hundred"] }` (`tens` and `hundred` stand for a zero and two zeros). */
export type DigitWordsSpec = Partial<
  Record<"0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "twice" | "thrice" | "tens" | "hundred", string[]>
>;

/** A group of phrases: with a `rule`, each phrase found is a finding; without, a cue for signals. */
export interface CallToActionSpec {
  id: string;
  rule?: string;
  /** The kind of finding (default `"call_to_action"`). */
  kind?: PhraseKind;
  /** Lowercase phrases per language; slots `{ecommerce}`, `{messenger}`, `{social}`, `{platform}`. */
  phrases: Partial<Record<PhraseLang, string[]>>;
}

export interface LinksSection {
  rules: LinkRuleSpec[];
  categories: { id: PlatformCategory; rule: string }[];
  catalog: PlatformSpec[];
  /** Top-level domains a scheme-less host may end in: one space-separated string, or a list. */
  knownTlds: string | string[];
  hostWords: HostWordsSpec;
  phone: RuleMeta & { plans: PhonePlanSpec[] };
  digitWords: RuleMeta & { words: Partial<Record<PhraseLang, DigitWordsSpec>> };
  callsToAction: CallToActionSpec[];
  signals?: SignalSpec[];
  /** What to write instead of the findings of the rules each lists; every rule that can block or review needs one. */
  suggestions?: SuggestionSpec[];
  /** Phrases that are never findings (a brand or a name that holds a platform's name), lowercase, matched in any case. */
  allow?: string[];
  note?: string;
}

/** A suggestion's wording: a clause for what the seller said, a name for a link or handle inside a sentence. */
export interface WordingSpec {
  text: LocalText;
  name?: LocalText;
}

/** What to write instead of a finding under the listed rules, with per-surface wordings. */
export interface SuggestionSpec extends WordingSpec {
  id: string;
  rules: string[];
  surfaces?: Partial<Record<Surface, WordingSpec>>;
}

export type CriterionName =
  | "followers"
  | "age"
  | "identityVerified"
  | "notGovernmentAccount"
  | "codeOfConductViolations"
  | "neverRevoked"
  | "linkedShopNotAtRisk"
  | "taxInfoProvided"
  | "identityAndAgeVerified";

export interface CriterionSpec extends RuleMeta {
  criterion: CriterionName;
  /** For `followers` and `age`. */
  min?: number;
  /** For `codeOfConductViolations`. */
  max?: number;
  /** Which creators it binds (default `all`); judged with the input's `foreignCreator`. */
  appliesTo?: "all" | "foreign" | "local";
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
  /** The Link-Share Only tier: the full criteria less the ones it `waives`. */
  linkShare?: (RuleMeta & { waives: CriterionName[] }) | null;
  note?: string;
}

export type HealthScheme = "points" | "score";
export type HealthRole = "seller" | "creator";

/** The figure sections of the health section; a regime restates the ones that differ. */
export interface HealthFigures {
  points: RuleMeta & { validityDays: number; clearingStopsAt?: number | null; maxPerViolation: number };
  warning: RuleMeta & { distance: number };
  milestones: (RuleMeta & { points: number; action: string })[];
  score: RuleMeta & { start: number; min: number; max: number; healthyFrom: number; unhealthyAtOrBelow: number };
  scoreMilestones: (RuleMeta & { score: number; action: string })[];
  quiz: RuleMeta & {
    questions: number;
    attemptsPerMonth: number;
    /** `null`: passing gives points back, but how many is not published. */
    pointsRemovedPerPass: number | null;
    removalCooldownDays: number;
    /** At or below this score no quiz is offered (US sellers: 0). */
    unavailableAtOrBelowScore?: number | null;
    /** The milestone quiz, which shortens an enforcement period (US sellers). */
    milestoneQuiz?: RuleMeta | null;
  };
  weeklyReport: RuleMeta & { days: number };
}

/** One role's scheme over a span of dates, with the figures it states itself. */
export interface HealthRegimeSpec extends RuleMeta, Partial<HealthFigures> {
  scheme: HealthScheme;
}

/**
 * The shared figures, and each role's regime with the regimes it replaced (newest first, each
 * with `effectiveUntil`). For each role exactly one regime is in force on any day.
 */
export interface HealthSection extends HealthFigures {
  regimes: (HealthRegimeSpec & { role: HealthRole; replaced?: HealthRegimeSpec[] | null })[];
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

export type SellerType = "cross_border" | "local";

export interface ClosureSection {
  /** Whom the policy is published for; for other seller types it is a guide. */
  scope: RuleMeta & { sellerTypes: SellerType[] };
  conditions: (Omit<RuleMeta, "id"> & {
    id: ClosureConditionId;
    days?: number;
    /** Statuses that count as final, in every export language; compared lowercase with `_`/`-` as spaces. */
    finalStatuses?: string[];
    /** Statuses known to be open; with this list, a status in neither is an error naming the row. */
    openStatuses?: string[];
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
  /** What each cited source is. */
  sources?: SourceSpec[];
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

/** The arguments of `checkLinks`. */
export interface LinksInput {
  /** The caption, bio, LIVE comment, product text or chat message to check. */
  text: string;
  surface: Surface;
  region: Region | string;
  lang?: Lang;
}

/** What a links finding is. */
export type FindingKind =
  | "url"
  | "domain"
  | "email"
  | "phone"
  | "messenger"
  | "social_handle"
  | "call_to_action"
  | "shortener"
  /** Asking to order or for the price by direct message ("DM to order", "PM harga"). */
  | "direct_message"
  /** A pointer to where the contact or link is ("number in the last photo", "cek bio"). */
  | "pointer"
  /** Paying outside TikTok Shop: a bank transfer, an e-wallet paid to the seller, a meet-up. */
  | "payment"
  /** Another marketplace named in a selling text, without a call to buy there. */
  | "mention";

/** One thing found in the text. `text.slice(start, end) === match`. */
export interface Finding {
  ruleId: string;
  kind: FindingKind;
  /** The verdict on this surface. */
  verdict: Verdict;
  /** UTF-16 offset (a JS string index). */
  start: number;
  /** UTF-16 offset, exclusive. */
  end: number;
  match: string;
  /** The normalized host (lowercase, de-obfuscated), for links and e-mail addresses. */
  host?: string;
  /** The catalog id of the platform, e.g. `"shopee"`, `"whatsapp"`. */
  platform?: string;
  /** The text disguised it: spelled-out dots, look-alike letters, fullwidth, punycode… */
  obfuscated: boolean;
  /** Why, in the requested language. */
  message: string;
  /** The rule's source: a seed text or a public page. */
  source: string;
  /**
   * What to write instead, in the requested language: a phrase that keeps the intent and sends
   * the buyer to TikTok Shop's own basket, checkout or chat (`"tap the yellow basket to order"`,
   * `"message us in TikTok Shop chat"`). Never a disguise or a "link in bio". `null` when the
   * finding is allowed and can stay.
   */
  suggestion: string | null;
}

/** What `checkLinks` answers. */
export interface LinksReport {
  /** The strictest verdict of the findings; `"allow"` when there are none. */
  verdict: Verdict;
  /** Sorted by position, never overlapping. */
  findings: Finding[];
  /** The text with every blocked span masked (`•` per UTF-16 unit: same length as the text). */
  redacted: string;
  /**
   * The text with every blocked or reviewed span replaced by its `suggestion` (findings of one
   * clause become one suggestion): checking it again answers `"allow"`. The text itself when
   * nothing needs replacing.
   */
  suggestedText: string;
  /** The sources the findings cite, each once. */
  sources: SourceRef[];
  policy: PolicyRef;
}

/** The arguments of `checkLinksBatch`: many texts for one surface, such as a catalog column. */
export interface LinksBatchInput {
  /** The texts, in order (an empty string is allowed). */
  texts: string[];
  surface: Surface;
  region: Region | string;
  lang?: Lang;
}

/**
 * One text of a batch: its verdict and findings, and the suggested text only where something
 * was replaced (the texts the caller already has are not sent back; no masked copy).
 */
export interface LinksResult {
  verdict: Verdict;
  findings: Finding[];
  /** As `LinksReport.suggestedText`; absent when the text is allowed as it is. */
  suggestedText?: string;
}

/** What `checkLinksBatch` answers. */
export interface LinksBatchReport {
  /** The strictest verdict of all the texts. */
  verdict: Verdict;
  /** One per text, in the order given. */
  results: LinksResult[];
  /** The sources any finding cites, each once. */
  sources: SourceRef[];
  policy: PolicyRef;
}

/** Where a creator stands with e-commerce permission. */
export type Permission = "none" | "active" | "restricted" | "revoked";

/**
 * The facts for `checkEligibility`. Every fact is optional: one left out (or `null`) is unknown,
 * its criterion is reported `met: null`, and the outcome cannot be `eligible`.
 */
export interface EligibilityInput {
  /** A built-in region, or the region of the engine's own pack. */
  region: Region | string;
  /** The day to judge on; default: today in the region's time zone. */
  asOf?: DateString;
  lang?: Lang;
  /** Follower count (a whole number, 0 or more). */
  followers?: number | null;
  /** Age in whole years (0–150). */
  age?: number | null;
  identityVerified?: boolean | null;
  /** A government, politician or political party account. */
  governmentAccount?: boolean | null;
  /**
   * The permission's state. Default `"none"`: the creator does not hold it and asks whether they
   * can apply. `"revoked"` (or `previouslyRevoked: true`) is `never` where revocation is
   * permanent, as in every built-in pack.
   */
  permission?: Permission | null;
  /**
   * The last day of a temporary restriction (the restriction lasts through it; from the next day
   * the outcome is `active`). Only with `permission: "restricted"`.
   */
  restrictedUntil?: DateString | null;
  /**
   * The day the restriction or revocation was imposed. With the pack's appeal window (US, VN: 30
   * days) it dates `appeal.deadline`; without it the report gives `appeal.deadlineDays` only.
   * Only with `permission: "restricted"` or `"revoked"`.
   */
  enforcedOn?: DateString | null;
  /** Whether an e-commerce permission of this creator's was ever revoked. */
  previouslyRevoked?: boolean | null;
  /** Creator Code of Conduct violations on record (a whole number, 0 or more). */
  codeOfConductViolations?: number | null;
  /** Whether a linked TikTok Shop account carries a violation risk. */
  linkedShopAtRisk?: boolean | null;
  /** Whether tax information (tax code) was submitted (Vietnam, from 2025-07-01, local creators). */
  taxInfoProvided?: boolean | null;
  /** Whether the in-app Identity and Age Verification is complete (Indonesia, from Q1 2026). */
  identityAndAgeVerified?: boolean | null;
  /**
   * Not a citizen of the region. Some criteria bind only foreign creators (Indonesia's identity
   * and age verification) or only local ones (Vietnam's tax code); unknown, they stay listed and
   * are unknown unless met anyway.
   */
  foreignCreator?: boolean | null;
}

/**
 * - `eligible`: no permission yet and every criterion in force is met (the only outcome with
 *   `canApply: true`);
 * - `not_eligible`: at least one criterion in force is not met;
 * - `incomplete`: nothing fails, but a fact was left out;
 * - `never`: the permission was revoked permanently (now or before);
 * - `active`: the creator holds the permission (also once a restriction has ended);
 * - `restricted`: the permission is temporarily restricted.
 */
export type EligibilityOutcome = "eligible" | "not_eligible" | "incomplete" | "never" | "active" | "restricted";

export type EligibilityCriterionId =
  | "followers"
  | "age"
  | "identity_verified"
  | "not_government"
  | "no_code_of_conduct_violations"
  | "never_revoked"
  | "linked_shop_ok"
  | "tax_info"
  | "identity_age_verification";

/** One eligibility criterion as judged. */
export interface CriterionResult extends Cited {
  id: EligibilityCriterionId;
  /** `true` met, `false` not met, `null` unknown (the fact was left out). */
  met: boolean | null;
  /** `false`: the figure is a parameter of the pack (the sources are silent), not a published rule. */
  verified: boolean;
  /** The day the criterion comes (or came) into force, where the pack gives one. */
  effectiveFrom: DateString | null;
  /** The last day it applies, where a newer rule replaces it. */
  effectiveUntil: DateString | null;
}

/** The Link-Share Only tier (Indonesia from 2025-07-03, Vietnam): sharing TikTok Shop links for commission. */
export interface LinkShareTier extends Cited {
  outcome: EligibilityOutcome;
  canApply: boolean;
  verified: boolean;
  effectiveFrom: DateString | null;
  /** The full criteria less the waived ones (no follower minimum). */
  criteria: CriterionResult[];
  upcoming: CriterionResult[];
  nextSteps: Note<EligibilityCriterionId | "apply" | "appeal">[];
}

/** The pilot a new permission holder works under (the US: under 5,000 followers). */
export interface EligibilityLimits extends Cited {
  verified: boolean;
  belowFollowers: number;
  pilotDays: number;
  weeklyShoppableLives: number;
  weeklyShoppableVideos: number;
}

/** How to appeal a restriction or revocation in force. */
export interface EligibilityAppeal extends Cited {
  /** Where to appeal, as a stable key: `"account_status_page"`. */
  route: string;
  verified: boolean;
  /** Days from the enforcement action within which to appeal, where the pack knows them. */
  deadlineDays: number | null;
  /** The last day to appeal: `enforcedOn` + `deadlineDays`, when both are known. */
  deadline?: DateString;
  /** Whether `asOf` is on or before `deadline`; `null` without a deadline date. */
  open: boolean | null;
}

/** What `checkEligibility` returns. */
export interface EligibilityReport {
  outcome: EligibilityOutcome;
  /** `true` exactly when `outcome` is `"eligible"`. */
  canApply: boolean;
  /** The day the check was made for. */
  asOf: DateString;
  /** Every criterion in force on `asOf`, in pack order. */
  criteria: CriterionResult[];
  /** Criteria that come into force after `asOf`: judged, but they do not decide the outcome yet. */
  upcoming: CriterionResult[];
  /**
   * What to do next: `apply` when eligible; one step per criterion not met or unknown (ids as in
   * `criteria`, upcoming ones included); `appeal` for a restriction or revocation in force.
   */
  nextSteps: Note<EligibilityCriterionId | "apply" | "appeal">[];
  /** What the permission allows (`profile_showcase`, `video_promotion`, `live_promotion`). */
  capabilities: Note[];
  /** Present where the pack has a pilot and the follower count is under it (or unknown). */
  limits?: EligibilityLimits;
  /** Why the enforcement state decides: for `never`, `restricted`, and `active` after a restriction ended. */
  reason: Cited | null;
  /** The restriction's last day, for a restricted permission whose end was given. */
  restrictedUntil: DateString | null;
  /** Present for a restriction or revocation in force. */
  appeal?: EligibilityAppeal;
  /** How the permission can be restricted or removed (and, in the US, removal after repeated violations). */
  enforcement: Note<"enforcement" | "repeat_violation">[];
  /** The Link-Share Only tier beside the full permission, where the region offers it on `asOf`. */
  linkShare: LinkShareTier | null;
  /** Every source the eligibility rules cite. */
  sources: SourceRef[];
  policy: PolicyRef;
}

/** A region code: a built-in one, or the region of a caller's complete pack. */
export type RegionCode = Region | (string & {});

/** The ISO 4217 currency every amount of a report is in, as integer minor units. */
export interface Currency {
  code: string;
  /** Decimal places of the minor unit: an amount of 150000 with `minorUnit: 2` is 1,500.00. */
  minorUnit: number;
}

/** One order of the shop, for `checkClosure`. */
export interface ClosureOrder {
  /** Unique within `orders`. A string: order ids have more digits than a JS number holds. */
  id: string;
  /**
   * Free text. Final when it is one of the pack's final statuses (`completed`, `closed`;
   * ASCII case ignored); anything else is open.
   */
  status: string;
  /** The day the order became final: required when the status is final, ignored otherwise. */
  finalizedOn?: DateString | null;
}

/**
 * The argument of `checkClosure`. Every fact is required. Counts are whole numbers from 0;
 * amounts are whole numbers of the pack currency's minor units, at most 2^53 − 1 in size.
 */
export interface ClosureInput {
  region: RegionCode;
  /** The day to judge; default today in the region's time zone. */
  asOf?: DateString;
  lang?: Lang;
  /** Who started the closure: the seller (Seller Center) or TikTok Shop (a closure notice). */
  initiatedBy: "seller" | "platform";
  /**
   * A seller based outside the shop's market (`cross_border`) or in it (`local`). The published
   * policy is the cross-border one; for a local seller the report is a guide (`applies: false`).
   */
  sellerType: SellerType;
  /** Marketing campaigns still running. */
  activeCampaigns: number;
  /** Creator accounts still bound to the shop. */
  boundCreators: number;
  /** The day the closure announcement went up on the shop homepage; `null` if it is not shown. */
  announcementSince: DateString | null;
  /** Every order of the shop. */
  orders: ClosureOrder[];
  /** Affiliate commission owed. */
  commissionArrears: number;
  /** The shop's balance with TikTok Shop; negative when the shop owes. */
  balance: number;
  /** Invoices issued by TikTok Shop and not yet paid. */
  unpaidInvoices: number;
  /** What the shop owes towards its deposit. */
  depositArrears: number;
  /** The deposit held. */
  deposit: number;
}

/** One closure condition as judged on `asOf`. */
export interface ClosureCondition {
  id: ClosureConditionId;
  ruleId: string;
  met: boolean;
  /**
   * The day it is (or will be) met: announcement day + 30, last final order + 90. `null` for
   * the other conditions, before the announcement is shown, and while an order is open.
   */
  metOn: DateString | null;
  /** The facts behind the judgement. */
  detail: string;
  /** What the condition is. */
  message: string;
  source: string;
  /** `false` where the sources are silent and the rule is a parameter of the pack. */
  verified: boolean;
}

/** A step of the closure process. */
export interface ClosureStep {
  step: number;
  id: string;
  title: string;
  /**
   * Step 3 is done when every condition is met; step 4 (agreeing) closes the shop, so it is not
   * done; `null` where the input cannot tell (steps 1 and 2).
   */
  done: boolean | null;
  source: string;
}

/** Something that holds once the shop is closed. */
export interface ClosureNote {
  id: string;
  message: string;
  source: string;
}

/** The answer of `checkClosure`. */
export interface ClosureReport {
  /** Every condition is met: the last step can be taken. */
  canClose: boolean;
  sellerType: SellerType;
  /** Whether the policy is published for this seller type; `false`: a guide, every rule unverified. */
  applies: boolean;
  /** Whom the policy is written for, and what that means for this seller. */
  scope: Note<"scope">;
  asOf: DateString;
  conditions: ClosureCondition[];
  /**
   * The first day the shop could close if everything else were fixed today: the latest of
   * `asOf`, the announcement day (`asOf` + 30 if none is shown) and the quiet-period day.
   * `null` while an order is open.
   */
  earliestCloseDate: DateString | null;
  /**
   * The deposit refunded on closure (minor units): the deposit less a negative balance taken
   * from it. `null` while `payments_settled` or `no_commission_arrears` fails.
   */
  depositRefund: number | null;
  currency: Currency;
  /** A seller's own closure can be withdrawn before step 4; the platform's cannot. */
  canWithdraw: boolean;
  /** Why `canWithdraw` is what it is. */
  withdrawal: Cited;
  steps: ClosureStep[];
  afterClosure: ClosureNote[];
  /** `false` when any closure rule used is an unverified parameter (the US pack; local sellers). */
  verified: boolean;
  /** Every source the closure rules cite. */
  sources: SourceRef[];
  policy: PolicyRef;
}

/** A violation as the platform issued it. */
export interface HealthViolation {
  /** Your id for it, unique within the call. */
  id: string;
  /** The violation type as the platform names it; quizzes and the removal cap go by type. */
  type: string;
  /**
   * Points carried when issued (under a rating, what it deducts): a whole number from 0 to the
   * regime's `maxPerViolation` (48 for Southeast Asian sellers, 24 for creators before 2026).
   */
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
  /** Whose account: a seller's (default) or a creator's; each is judged under its own scheme. */
  role?: HealthRole | null;
  /** Default: today in the region's time zone. */
  asOf?: DateString | null;
  violations: HealthViolation[];
  quizAttempts?: QuizAttemptInput[] | null;
  lang?: Lang | null;
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
  /** Whether the source states the distance (Indonesia's official FAQ does; elsewhere a parameter). */
  verified: boolean;
}

/** The score scheme's standing (US and UK sellers; creators). */
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
  | "score_too_low"
  | "amount_unpublished"
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
  role: HealthRole;
  /** The scheme in force for the role on `asOf`. */
  scheme: HealthScheme;
  /** The regime that judged the account, with its dates: "judged under the rule in force on …". */
  inForce: InForce;
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
  /** Every source the regime's rules cite. */
  sources: SourceRef[];
  policy: PolicyRef;
}

/** One side of `policyDiff`. */
export interface PackRef {
  id: string;
  version: string;
  region: string;
  effectiveDate: string;
}

/** A field of an entry before and after (`null` where it had or has none). */
export interface FieldChange {
  /** Dotted for nested objects: `"min"`, `"surfaces.bio"`, `"message.id"`. */
  field: string;
  old: unknown;
  new: unknown;
}

/** An entry of the packs (a rule, criterion, milestone, platform, phrase group…) that differs. */
export interface PolicyChange {
  id: string;
  /** The list it is in, with enclosing entries' ids: `"links.rules"`, `"health.regimes[health.seller_points].milestones"`. */
  section: string;
  change: "added" | "removed" | "changed";
  /** The fields that differ; for an added or removed entry, all of its fields on one side. */
  fields: FieldChange[];
  /** Its sources before and after, each once, described. */
  sources: SourceRef[];
}

/** What `policyDiff(a, b)` answers. */
export interface PolicyDiff {
  from: PackRef;
  to: PackRef;
  added: number;
  removed: number;
  changed: number;
  /** Added and changed entries in the second pack's order, then the removed ones. */
  changes: PolicyChange[];
}
