// A worker thread of the command line: its own engine (its own .wasm instance), checking the
// batches the main thread reads from the file, so both cores work while the main thread parses
// and writes.
import { parentPort } from "node:worker_threads";
import { Engine } from "../node.js";

const engine = new Engine();

parentPort.on("message", ({ id, columns, surface, region, lang }) => {
  try {
    let policy = null;
    const out = columns.map((texts) => {
      const report = engine.checkLinksBatch({ texts, surface, region, lang });
      policy = report.policy;
      return report.results.map((r) => ({
        verdict: r.verdict,
        suggestedText: r.suggestedText,
        findings: r.findings.map(({ ruleId, kind, verdict, start, end, match, platform, obfuscated, message, suggestion }) =>
          ({ ruleId, kind, verdict, start, end, match, platform, obfuscated, message, suggestion })),
      }));
    });
    parentPort.postMessage({ id, out, policy });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error?.message ?? error), code: error?.code, path: error?.path } });
  }
});
