// accountHealth through the npm package's Node entry: a year of violations with as many quiz
// attempts, at three sizes to show the cost is linear. Median ms per call, input conversion
// and JSON report included.
import { join } from "node:path";
import { ms, timeIt } from "./harness.mjs";

export const title = "accountHealth (pkg/node.js): n violations over a year + n quiz attempts, median per call";

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

/** A deterministic account: `n` violations spread over the year before `asOf`, `n` attempts. */
export function account(n, { region = "TH", asOf = "2024-06-30", seed = 1 } = {}) {
  let state = seed;
  const rand = (k) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % k;
  };
  const end = Date.parse(asOf);
  const violations = [];
  for (let i = 0; i < n; i++) {
    const v = { id: `v${i}`, type: TYPES[rand(TYPES.length)], points: 1 + rand(6), issuedOn: iso(end - rand(365) * DAY) };
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
  const rows = [];
  for (const n of [100, 1_000, 10_000]) {
    const input = account(n);
    const report = accountHealth(input);
    const perCall = timeIt(() => accountHealth(input), { warmup: 10, runs: 30, minMs: 1_000 });
    rows.push({
      benchmark: `accountHealth: ${n.toLocaleString("en")} violations + ${n.toLocaleString("en")} attempts`,
      ours: ms(perCall),
      "per violation": ms(perCall / n),
      quizzes: report.quizzes.length,
      "report JSON": `${(JSON.stringify(report).length / 1024).toFixed(0)} KB`,
    });
  }
  return rows;
}
