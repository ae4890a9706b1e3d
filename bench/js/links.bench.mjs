// checkLinks through pkg/ vs linkify-it (fuzzy links and e-mails) + tldts doing the detection and
// host-classification part of the same job, on the same 1 MB corpora, timed alternately in one
// process. The peer classifies each host against the same platform catalog (label-suffix match).
import { createRequire } from "node:module";
import { join } from "node:path";
import { corpora } from "../corpus.mjs";
import { readFileSync } from "node:fs";
import { ms, ratio, timeAll } from "./harness.mjs";

export const title =
  "checkLinks on 1 MB corpora (Node, through pkg/) vs linkify-it + tldts — median ms per call; the Node entry's build for speed, and the build for size that browsers load";

const root = new URL("../..", import.meta.url).pathname;
const require = createRequire(join(root, "package.json"));

export async function run() {
  const { checkLinks, getPolicy } = await import(join(root, "pkg", "node.js"));
  // The same glue a second time (a module of its own), on the build for size.
  const browser = await import(`${new URL("../../pkg/shop_policy.js", import.meta.url).href}?build=size`);
  browser.initSync({ module: readFileSync(join(root, "pkg", "shop_policy_bg.wasm")) });
  const linkifyModule = require("linkify-it");
  const LinkifyIt = linkifyModule.default ?? linkifyModule.LinkifyIt ?? linkifyModule;
  const { parse } = require("tldts");
  const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });
  // The same catalog the wasm uses, for the peer's host classification.
  const catalog = new Map();
  for (const platform of getPolicy("ID").links.catalog) for (const d of platform.domains) catalog.set(d, platform.id);
  const classify = (hostname) => {
    for (let host = hostname; host; host = host.slice(host.indexOf(".") + 1 || host.length)) {
      const hit = catalog.get(host);
      if (hit) return hit;
      if (!host.includes(".")) break;
    }
    return undefined;
  };
  const peer = (text) => {
    const found = [];
    for (const m of linkify.match(text) ?? []) {
      const { hostname, domain } = parse(m.url);
      found.push({ start: m.index, end: m.lastIndex, host: hostname, domain, platform: hostname ? classify(hostname) : undefined });
    }
    return found;
  };
  const rows = [];
  for (const [name, text] of Object.entries(corpora())) {
    const input = { text, surface: "video", region: "ID" };
    const ours = checkLinks(input);
    const theirs = peer(text);
    const [oursMs, browserMs, peerMs] = timeAll([() => checkLinks(input), () => browser.checkLinks(input), () => peer(text)], {
      runs: 10,
      minMs: 400,
      warmup: 2,
    });
    rows.push({
      corpus: `${name} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB)`,
      "shop-policy (Node)": ms(oursMs),
      "linkify-it + tldts": ms(peerMs),
      ratio: ratio(peerMs, oursMs),
      "MB/s (ours)": (Buffer.byteLength(text) / 1e6 / (oursMs / 1000)).toFixed(1),
      "browser build": ms(browserMs),
      "ratio (browser build)": ratio(peerMs, browserMs),
      "findings (ours / peer)": `${ours.findings.length} / ${theirs.length}`,
    });
  }
  return rows;
}
