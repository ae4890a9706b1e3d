// checkLinks on hostile or accidental pastes: one fragment repeated to 100 KB and to 1 MB. The
// goal (issue #14): linear in the worst case, each within 3× the time per MB of the clean 1 MB
// corpus, measured in the same run. "linear" is (ms at 1 MB ÷ ms at 100 KB) ÷ 10: about 1 when
// the time grows with the size, 10 when it grows with its square.
import { join } from "node:path";
import { corpora } from "../corpus.mjs";
import { timeIt } from "./harness.mjs";

export const title =
  "checkLinks on adversarial pastes (Node, through pkg/): one fragment repeated, per MB against the clean 1 MB corpus";

const root = new URL("../..", import.meta.url).pathname;

/** The families of the issue: scheme fragments, dots, digits, separators, `@`, spaced letters
 * and the words for "dot", in the scripts sellers write them in. */
export const FRAGMENTS = [
  ["scheme, repeated", "http://a"],
  ["bare scheme separator", "a://"],
  ["www. chain", "www."],
  ["dots", "."],
  ["dotted numbers", "1."],
  ["slashes", "/a"],
  ["ASCII digits, spaced", "1 "],
  ["digits with separators", "0-8.1 2"],
  ["keycap digits", "1\uFE0F\u20E3"],
  ["Chinese digit words", "零八"],
  ["Thai digits", "๐๘"],
  ["Indonesian digit words", "nol delapan "],
  ["hyphens", "-"],
  ["@ signs", "a@"],
  ["spelled at and dot", "x at y dot "],
  ["word for dot", "a dot "],
  ["Indonesian word for dot", "toko titik "],
  ["Chinese word for dot", "店点"],
  ["spaced letters", "s h o p e e "],
  ["sentence ends", "a. "],
];

const repeatTo = (unit, bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

export async function run() {
  const { checkLinks } = await import(join(root, "pkg", "node.js"));
  const check = (text) => checkLinks({ text, surface: "video", region: "ID" });
  const clean = corpora().clean;
  const cleanMb = Buffer.byteLength(clean) / 1e6;
  const cleanMsPerMb = timeIt(() => check(clean), { warmup: 2, runs: 5, minMs: 300 }) / cleanMb;
  const rows = [];
  for (const [family, unit] of FRAGMENTS) {
    const small = repeatTo(unit, 100_000);
    const large = repeatTo(unit, 1_000_000);
    const smallMs = timeIt(() => check(small), { warmup: 1, runs: 5, minMs: 100 });
    const largeMs = timeIt(() => check(large), { warmup: 1, runs: 3, minMs: 0 });
    const perMb = largeMs / (Buffer.byteLength(large) / 1e6);
    const vsClean = perMb / cleanMsPerMb;
    rows.push({
      family,
      fragment: JSON.stringify(unit),
      "100 KB": `${smallMs.toFixed(1)} ms`,
      "1 MB": `${largeMs.toFixed(1)} ms`,
      "per MB ÷ clean": `${vsClean.toFixed(1)}×`,
      linear: ((largeMs / smallMs) * (Buffer.byteLength(small) / Buffer.byteLength(large))).toFixed(2),
      "goal ≤ 3×": vsClean <= 3 ? "met" : "not met",
    });
  }
  rows.push({
    family: "clean prose (the yardstick)",
    fragment: "bench/corpus.mjs clean",
    "100 KB": "",
    "1 MB": `${(cleanMsPerMb * cleanMb).toFixed(1)} ms`,
    "per MB ÷ clean": "1.0×",
    linear: "",
    "goal ≤ 3×": "",
  });
  return rows;
}
