// checkLinks's types, as a TypeScript user sees them.
import { checkLinks, Engine, type Finding, type FindingKind, type LinksInput, type LinksReport } from "shop-policy";

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
