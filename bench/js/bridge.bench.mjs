// The JS <-> wasm bridge, measured (issue #17): the value tape the binding uses today
// (src/wasm_tape.js: the argument flattened into three arrays, copied in three bulk copies,
// the report rebuilt from a tape) side by side with serde-wasm-bindgen, the bridge the design
// card names, on the same inputs and the same checks, in one module built with the
// `bridge-bench` feature (./build.sh bench builds it into target/bench-bridge/). If
// serde-wasm-bindgen is faster anywhere, the binding should use it there.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { timePair, ms } from "./harness.mjs";
import { closureInput } from "./closure.bench.mjs";
import { catalog } from "../catalog.mjs";

export const title = "The JS <-> wasm bridge: the value tape (today) vs serde-wasm-bindgen, same module, same inputs (ms per call)";

const root = new URL("../..", import.meta.url).pathname;
const dir = join(root, "target", "bench-bridge");

export async function run() {
  if (!existsSync(join(dir, "shop_policy.js"))) {
    return [{ case: "not built", tape: "", "serde-wasm-bindgen": "", "swb ÷ tape": "run ./build.sh bench (it builds target/bench-bridge/)" }];
  }
  const lib = await import(join(dir, "shop_policy.js"));
  lib.initSync({ module: readFileSync(join(dir, "shop_policy_bg.wasm")) });
  const eligibility = {
    region: "ID", asOf: "2026-03-01", followers: 12_000, age: 24, identityVerified: true, governmentAccount: false,
    previouslyRevoked: false, codeOfConductViolations: 0, linkedShopAtRisk: false,
  };
  const products = catalog(10_000, { descriptionBytes: 0 }).rows;
  const names = products.map((r) => r[1]);
  const texts = catalog(256).rows.map((r) => r[2]);
  const cases = [
    ["one eligibility call", "checkEligibility", eligibility],
    ["checkClosure, 1,000 orders", "checkClosure", closureInput(1_000)],
    ["checkClosure, 100,000 orders", "checkClosure", closureInput(100_000)],
    ["checkLinksBatch, 256 product descriptions (~2 KB each)", "checkLinksBatch", { texts, surface: "product", region: "ID" }],
    ["checkLinksBatch, 10,000 product names (the bridge dominates)", "checkLinksBatch", { texts: names, surface: "product", region: "ID" }],
  ];
  const rows = [];
  for (const [name, check, input] of cases) {
    const viaTape = () => lib[check](input);
    const viaSwb = () => lib.viaSerdeWasmBindgen(check, input);
    // Both bridges must hand back the same report (serde-wasm-bindgen writes an absent field as
    // null where the tape leaves it out; JSON round trips compare them as JSON).
    const same = isDeepStrictEqual(JSON.parse(JSON.stringify(viaTape())), JSON.parse(JSON.stringify(viaSwb(), (k, v) => (v === null ? undefined : v))))
      || isDeepStrictEqual(JSON.parse(JSON.stringify(viaTape(), (k, v) => (v === null ? undefined : v))), JSON.parse(JSON.stringify(viaSwb(), (k, v) => (v === null ? undefined : v))));
    const heavy = check === "checkClosure" && input.orders.length > 10_000;
    const [tape, swb] = timePair(viaTape, viaSwb, heavy ? { runs: 10, minMs: 1000, warmup: 2 } : { minMs: 500 });
    rows.push({
      case: name,
      tape: ms(tape),
      "serde-wasm-bindgen": ms(swb),
      "swb ÷ tape": `${(swb / tape).toFixed(2)}×`,
      faster: Math.abs(swb / tape - 1) < 0.03 ? "tie (within 3%)" : swb < tape ? "serde-wasm-bindgen" : "tape",
      "same report": same ? "yes" : "no",
    });
  }
  return rows;
}
