// checkLinks's types, as a TypeScript user sees them.
import { checkLinks, checkLinksBatch, Engine, policyDiff, type Finding, type FindingKind, type LinksInput, type LinksReport, type LinksResult, type PolicyChange, type PolicyDiff, type Verdict } from "shop-policy";

export function highlight(text: string): string[] {
  const input: LinksInput = { text, surface: "product", region: "ID", lang: "id" };
  const report: LinksReport = checkLinks(input);
  const kinds: FindingKind[] = report.findings.map((f: Finding) => f.kind);
  const engine = new Engine();
  const other = engine.checkLinks({ text, surface: "chat", region: "TH" });
  engine.free();
  return [
    report.verdict,
    report.redacted,
    report.policy.id,
    ...kinds,
    ...report.findings.map((f) => `${f.start}-${f.end} ${f.match} ${f.platform ?? ""} ${f.host ?? ""} ${f.obfuscated}`),
    other.verdict,
  ];
}

// A batch: one result per text; the suggested text only where something was replaced.
export function batch(texts: string[]): string[] {
  const report = checkLinksBatch({ texts, surface: "product", region: "ID", lang: "id" });
  const first: LinksResult | undefined = report.results[0];
  const verdict: Verdict = report.verdict;
  void first;
  void verdict;
  return report.results.map((r, i) => r.suggestedText ?? texts[i] ?? "");
}

// What changed between two packs.
export function changedRules(): string[] {
  const diff: PolicyDiff = policyDiff("ID", { id: "mine", version: "1", extends: "ID" });
  const first: PolicyChange | undefined = diff.changes[0];
  void first;
  return diff.changes.filter((c) => c.change !== "removed").map((c) => `${c.section} ${c.id}`);
}
