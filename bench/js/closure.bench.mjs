// checkClosure through pkg/ in Node: median time per call at 1,000 / 10,000 / 100,000 orders (is
// it linear?), and where the time goes at 100,000: the binding's JS flattener, the copy into wasm
// and the rebuilding of the value tree, and the Rust decode + evaluate + report.
//
// The split is measured from outside with the package's own exports: `flatten` alone (the
// binding's JS half, from pkg/snippets); `validatePolicy(input)`, which flattens, copies and
// rebuilds the same input and then stops at once (it is no pack); and `checkClosure`. The
// differences are the copy + rebuild and the closure work itself (with the report's output, whose
// fixed cost a call without orders shows). Each figure is a median of samples taken in
// alternating rounds, as wall time and as process CPU time (steadier when the machine is shared).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { median, ms } from "./harness.mjs";

export const title = "checkClosure through pkg/ (Node): median per call by order count, and its parts at 100,000 orders";

const root = new URL("../..", import.meta.url).pathname;

/**
 * A shop with `n` orders, all completed or closed on days spread over 2025 (every order is read),
 * listed by id as exports are, or `shuffled` (a fixed permutation).
 */
export function closureInput(n, { shuffled = false } = {}) {
  const start = Date.UTC(2025, 0, 1);
  const orders = new Array(n);
  for (let i = 0; i < n; i++) {
    const day = new Date(start + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    orders[i] = { id: `5771${String(i).padStart(14, "0")}`, status: i % 7 ? "completed" : "closed", finalizedOn: day };
  }
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = n - 1; shuffled && i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [orders[i], orders[j]] = [orders[j], orders[i]];
  }
  return {
    region: "ID",
    asOf: "2026-06-01",
    initiatedBy: "seller",
    sellerType: "cross_border",
    activeCampaigns: 0,
    boundCreators: 0,
    announcementSince: "2026-04-01",
    orders,
    commissionArrears: 0,
    balance: -2_500,
    unpaidInvoices: 0,
    depositArrears: 0,
    deposit: 50_000_000,
  };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Wall and CPU medians (ms per call) of several functions, sampled in alternating rounds so
 * that they all see the same machine. Each sample is one call, or a batch for fast calls.
 */
function sampleAll(fns, { rounds = 15, warmup = 3 } = {}) {
  const samples = fns.map(() => ({ wall: [], cpu: [] }));
  for (const fn of fns) for (let i = 0; i < warmup; i++) fn();
  const batch = fns.map((fn) => {
    const t0 = performance.now();
    fn();
    return Math.max(1, Math.ceil(5 / Math.max(performance.now() - t0, 0.001)));
  });
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const c0 = cpuMs();
      const t0 = performance.now();
      for (let k = 0; k < batch[i]; k++) fn();
      samples[i].wall.push((performance.now() - t0) / batch[i]);
      samples[i].cpu.push((cpuMs() - c0) / batch[i]);
    });
  }
  return samples.map(({ wall, cpu }) => ({ wall: median(wall), cpu: median(cpu) }));
}

export async function run() {
  const m = await import(join(root, "pkg", "node.js"));
  const snippets = join(root, "pkg", "snippets");
  const [dir] = readdirSync(snippets);
  const { flatten } = await import(join(snippets, dir, "src", "wasm_tape.js"));

  const sizes = [1_000, 10_000, 100_000];
  const inputs = sizes.map((n) => closureInput(n));
  const shuffled = closureInput(100_000, { shuffled: true });
  for (const input of [...inputs, shuffled]) {
    if (!m.checkClosure(input).canClose) throw new Error("the bench input should be able to close");
  }
  const perSize = sampleAll([...inputs, shuffled].map((input) => () => m.checkClosure(input)));
  const rows = perSize.map(({ wall, cpu }, i) => {
    const n = sizes[i] ?? 100_000;
    return {
      measure: `checkClosure, ${n.toLocaleString("en")} orders${i === sizes.length ? ", shuffled ids" : ""}`,
      wall: ms(wall),
      cpu: ms(cpu),
      "wall per 1,000 orders": ms((wall / n) * 1000),
    };
  });

  const input = inputs[2];
  const empty = closureInput(0);
  const [flat, through, total, json, fixed] = sampleAll(
    [
      () => flatten(input),
      () => m.validatePolicy(input),
      () => m.checkClosure(input),
      () => JSON.stringify(input),
      () => m.checkClosure(empty),
    ],
    { rounds: 15 },
  );
  const part = (label, wall, cpu) => ({
    measure: `100,000 orders: ${label}`,
    wall: ms(wall),
    cpu: ms(cpu),
    "wall per 1,000 orders": `${Math.round((cpu / total.cpu) * 100)}% of CPU`,
  });
  rows.push(
    part("flatten (src/wasm_tape.js)", flat.wall, flat.cpu),
    part("copy into wasm + rebuild Value", through.wall - flat.wall, through.cpu - flat.cpu),
    part("decode + evaluate + report (Rust) + output", total.wall - through.wall, total.cpu - through.cpu),
    {
      measure: "  of which the fixed cost of a call (checkClosure with no orders: report out as JSON)",
      wall: ms(fixed.wall),
      cpu: ms(fixed.cpu),
      "wall per 1,000 orders": "",
    },
    part("checkClosure total", total.wall, total.cpu),
    { measure: "(reference) JSON.stringify of the same input", wall: ms(json.wall), cpu: ms(json.cpu), "wall per 1,000 orders": "" },
  );
  return rows;
}
