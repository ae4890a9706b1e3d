// A worker thread of the command line: its own engine (its own .wasm instance), checking the
// batches the main thread reads from the file, so both cores work while the main thread parses
// and writes.
import { parentPort, workerData } from "node:worker_threads";
import { Engine } from "../node.js";

const engine = new Engine();
// Warm up before the first batch arrives: the region's index (its tries and numbering plans) is
// built on the first check.
if (workerData?.region) {
  try {
    engine.checkLinksBatch({ texts: [""], surface: workerData.surface, region: workerData.region, lang: workerData.lang });
  } catch {
    // A bad region or surface is reported with the first batch, as before.
  }
}

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
