// Start-up: download size and the time from `import` to a usable module, in fresh processes.
import { join } from "node:path";
import { coldStart, gzipBytes, kb, ms, ratio } from "./harness.mjs";

export const title = "Start-up: import + instantiate (fresh Node process, median of 20) and .wasm gzip size";

const root = new URL("../..", import.meta.url).pathname;

export async function run() {
  const ours = coldStart(join(root, "pkg", "node.js"), { ready: "m.policies()" });
  const oursSize = gzipBytes(join(root, "pkg", "shop_policy_bg.wasm"));
  const rows = [
    { benchmark: "shop-policy: import + first call (policies())", ours: ms(ours), peer: "", ratio: "", size: kb(oursSize) },
  ];
  const cedarDir = join(root, "node_modules", "@cedar-policy", "cedar-wasm");
  const cedar = coldStart("@cedar-policy/cedar-wasm/nodejs", { cwd: root, ready: "m.getCedarVersion()" });
  const cedarSize = gzipBytes(join(cedarDir, "nodejs", "cedar_wasm_bg.wasm"));
  rows.push({
    benchmark: "vs @cedar-policy/cedar-wasm (import + getCedarVersion())",
    ours: ms(ours),
    peer: ms(cedar),
    ratio: ratio(cedar, ours),
    size: `${kb(oursSize)} vs ${kb(cedarSize)} (${ratio(cedarSize, oursSize)})`,
  });
  return rows;
}
