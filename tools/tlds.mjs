// Writes links.knownTlds of policies/base.json: every top-level domain in the root zone, from the
// npm package `tlds` (IANA's list, MIT), so a scheme-less host such as "tokobaju.store" or
// "президент.рф" is recognized however new its top-level domain. Kept compact: one string of
// names separated by spaces, sorted (a list of 1,400 strings costs the .wasm about 1 KB more).
//
// Usage: node tools/tlds.mjs   (after npm ci)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const tlds = require("tlds");
const { version } = require("tlds/package.json");
const path = new URL("../policies/base.json", import.meta.url);
const pack = JSON.parse(readFileSync(path, "utf8"));
pack.links.knownTlds = [...tlds].sort().join(" ");
pack.links.note = (pack.links.note ?? "").replace(/ ?knownTlds: [^.]*\./, "") +
  ` knownTlds: every top-level domain of IANA's root zone, from the npm package tlds ${version}.`;
pack.links.note = pack.links.note.trim();
// Re-lay the pack as the other tools do (tools/pack_json.py), so only this field changes.
writeFileSync(path, JSON.stringify(pack));
execFileSync("python3", ["-c", `
import json, sys
sys.path.insert(0, "tools")
import pack_json
from collections import OrderedDict
p = "policies/base.json"
pack = json.loads(open(p).read(), object_pairs_hook=OrderedDict)
open(p, "w").write(pack_json.dumps(pack))
`], { cwd: new URL("..", import.meta.url).pathname, stdio: "inherit" });
console.log(`links.knownTlds: ${tlds.length} top-level domains (tlds ${version})`);
