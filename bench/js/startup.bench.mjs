// Start-up: download size and the time from `import` to a usable module, in fresh processes.
//
// Like for like, the peers' row is import + instantiate (their cheapest call proves the module
// is live). Our own first calls are listed separately: the packs are parsed and indexed lazily,
// per region, on first use, so the first check of a region pays for its pack and `policies()`
// (which reads all eight) pays for every pack.
//
// @open-policy-agent/opa-wasm is an SDK for policies compiled by the `opa` CLI; that compiler is
// distributed only as a GitHub release, which this machine cannot download, so there is no
// OPA policy .wasm to instantiate: the row gives the SDK's import time and says so.
import { join } from "node:path";
import { coldStart, gzipBytes, kb, ms, ratio } from "./harness.mjs";

export const title = "Start-up: fresh Node process, median of 20 — import + instantiate, first calls, .wasm gzip size";

const root = new URL("../..", import.meta.url).pathname;

export async function run() {
  const ours = join(root, "pkg", "node.js");
  const oursSize = gzipBytes(join(root, "pkg", "shop_policy_bg.wasm"));
  const imported = coldStart(ours);
  const firstCheck = coldStart(ours, {
    ready: `m.checkLinks({ text: "order via WA 0812 3456 7890", surface: "chat", region: "ID" })`,
  });
  const allPacks = coldStart(ours, { ready: "m.policies()" });

  const cedarDir = join(root, "node_modules", "@cedar-policy", "cedar-wasm");
  const cedar = coldStart("@cedar-policy/cedar-wasm/nodejs", { cwd: root, ready: "m.getCedarVersion()" });
  const cedarSize = gzipBytes(join(cedarDir, "nodejs", "cedar_wasm_bg.wasm"));
  const opa = coldStart("@open-policy-agent/opa-wasm", { cwd: root, ready: "typeof m.loadPolicy" });

  return [
    { benchmark: "shop-policy: import + instantiate", ours: ms(imported), peer: "", ratio: "", size: kb(oursSize) },
    { benchmark: "  … + first checkLinks (parses and indexes the ID pack)", ours: ms(firstCheck), peer: "", ratio: "", size: "" },
    { benchmark: "  … + policies() (parses all eight packs)", ours: ms(allPacks), peer: "", ratio: "", size: "" },
    {
      benchmark: "vs @cedar-policy/cedar-wasm: import + instantiate (+ getCedarVersion())",
      ours: ms(imported),
      peer: ms(cedar),
      ratio: ratio(cedar, imported),
      size: `${kb(oursSize)} vs ${kb(cedarSize)} (${ratio(cedarSize, oursSize)} smaller)`,
    },
    {
      benchmark: "vs @open-policy-agent/opa-wasm: SDK import only (no compiled policy available offline)",
      ours: ms(imported),
      peer: ms(opa),
      ratio: ratio(opa, imported),
      size: "n/a: needs a policy compiled by the opa CLI",
    },
  ];
}
