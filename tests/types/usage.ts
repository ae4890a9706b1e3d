// Type-checked with `tsc --noEmit --strict` against the installed package: the emitted .d.ts
// must describe every input and output precisely enough for this file to compile.
import init, {
  Engine,
  getPolicy,
  policies,
  validatePolicy,
  type Diagnostic,
  type PolicyOverlay,
  type PolicySummary,
  type ShopPolicyError,
  type Validation,
} from "shop-policy";

export async function usage(): Promise<string[]> {
  await init();
  const list: PolicySummary[] = policies();
  const regions: string[] = list.map((p) => `${p.region} ${p.version} ${p.effectiveDate} ${p.sources.length}`);

  const overlay: PolicyOverlay = {
    id: "agency-ID",
    extends: "ID",
    eligibility: { criteria: [{ id: "eligibility.followers", min: 1000 }] },
  };
  const checked: Validation = validatePolicy(overlay);
  const problems: Diagnostic[] = checked.diagnostics;
  if (!checked.ok) regions.push(...problems.map((d) => `${d.code} ${d.path}`));

  const pack = getPolicy("TH");
  const threshold: number | undefined = pack.eligibility?.criteria?.[0]?.min;
  regions.push(String(threshold));

  try {
    const engine = new Engine(overlay);
    regions.push(...engine.regions);
    engine.free();
  } catch (e) {
    const error = e as ShopPolicyError;
    if (error.code === "invalid_pack") regions.push(...(error.diagnostics ?? []).map((d) => d.path));
  }
  return regions;
}
