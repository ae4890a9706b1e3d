// accountHealth through the npm package's Node entry: a year of violations with as many quiz
// attempts, at three sizes to show the cost is linear, and a dense worst case. Median ms per
// call, input conversion and JSON report included. The reference is V8's own
// JSON.stringify of the same input, timed alternately in the same run: a machine-independent
// yardstick for a figure that depends heavily on the machine and its load.
import { join } from "node:path";
import { ms, timePair } from "./harness.mjs";

export const title =
  "accountHealth (pkg/node.js): n violations + n quiz attempts, median per call, vs JSON.stringify(input)";

const root = new URL("../..", import.meta.url).pathname;

const TYPES = [
  "Prohibited Customer Communication",
  "Misleading Product Information",
  "Redirecting Traffic",
  "Intellectual Property Infringement",
  "Prohibited Products",
  "Late Dispatch",
  "Fake Orders",
  "Inappropriate LIVE Content",
];
const SURFACES = ["live", "video", "product", "chat", "comment", "bio", undefined];
const DAY = 86_400_000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/**
 * A deterministic account: `n` violations spread over the `days` before `asOf`, and `n` quiz
 * attempts on random violations within 45 days of their issue.
 */
export function account(n, { region = "TH", asOf = "2024-06-30", days = 365, seed = 1 } = {}) {
  let state = seed;
  const rand = (k) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % k;
  };
  const end = Date.parse(asOf);
  const violations = [];
  for (let i = 0; i < n; i++) {
    const v = { id: `v${i}`, type: TYPES[rand(TYPES.length)], points: 1 + rand(6), issuedOn: iso(end - rand(days) * DAY) };
    const surface = SURFACES[rand(SURFACES.length)];
    if (surface) v.surface = surface;
    violations.push(v);
  }
  const quizAttempts = [];
  for (let i = 0; i < n; i++) {
    const v = violations[rand(n)];
    const taken = Math.min(Date.parse(v.issuedOn) + rand(45) * DAY, end);
    quizAttempts.push({ violationId: v.id, takenOn: iso(taken), passed: rand(2) === 0 });
  }
  return { region, asOf, violations, quizAttempts };
}

export async function run() {
  const { accountHealth } = await import(join(root, "pkg", "node.js"));
  const cases = [100, 1_000, 10_000].map((n) => [`${n.toLocaleString("en")} + ${n.toLocaleString("en")}, over a year`, account(n)]);
  cases.push(["1,000 + 1,000, all in the last 60 days", account(1_000, { days: 60 })]);
  const rows = [];
  for (const [label, input] of cases) {
    const n = input.violations.length;
    const report = accountHealth(input);
    const options = { warmup: 10, runs: 30, minMs: 1_000 };
    const [ours, reference] = timePair(() => accountHealth(input), () => JSON.stringify(input), options);
    rows.push({
      benchmark: `accountHealth: ${label}`,
      ours: ms(ours),
      "per violation": ms(ours / n),
      "JSON.stringify(input)": ms(reference),
      "× reference": `${(ours / reference).toFixed(1)}×`,
      quizzes: report.quizzes.length,
      "report JSON": `${(JSON.stringify(report).length / 1024).toFixed(0)} KB`,
    });
  }
  return rows;
}
