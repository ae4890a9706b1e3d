// Writes the npm package files wasm-bindgen does not: package.json with an explicit `exports`
// map, and the Node entry that initializes the module synchronously from its .wasm file.
// Run by `./build.sh build` after wasm-bindgen and wasm-opt have filled pkg/.
import { readFileSync, writeFileSync, copyFileSync, chmodSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const pkg = join(root, "pkg");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1];

// Node: `import "shop-policy"` is ready to use — no await. Browsers and bundlers get the
// wasm-bindgen web build and call `await init()` (here a no-op, so the same code runs in both).
// Node instantiates the build of the same code for speed (opt-level 3): on a server or in the
// command line its 70 KB more cost nothing, and it checks text about twice as fast.
writeFileSync(
  join(pkg, "node.js"),
  `// Node entry: instantiates the module synchronously from the package's own .wasm file, the
// build for speed (shop_policy_bg.wasm, which browsers load, is the same code built for size).
import { readFileSync } from "node:fs";
import init, { initSync } from "./shop_policy.js";

initSync({ module: readFileSync(new URL("./shop_policy_speed_bg.wasm", import.meta.url)) });

export * from "./shop_policy.js";
export default init;
`,
);

function files(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

copyFileSync(join(root, "README.md"), join(pkg, "README.md"));
// The built-in packs as written, with the maintainers' notes the module leaves out, and their
// changelog: `import pack from "shop-policy/policies/ID.json" with { type: "json" }`.
mkdirSync(join(pkg, "policies"), { recursive: true });
for (const name of readdirSync(join(root, "policies"))) {
  if (/\.(json|md)$/.test(name)) copyFileSync(join(root, "policies", name), join(pkg, "policies", name));
}
copyFileSync(join(root, "LICENSE"), join(pkg, "LICENSE"));
// The command line (`npx shop-policy check …`) and its spreadsheet readers, which only it (and
// the catalog page) load: they are dependencies of the package, never part of the .wasm.
mkdirSync(join(pkg, "cli"), { recursive: true });
for (const name of readdirSync(join(root, "cli"))) copyFileSync(join(root, "cli", name), join(pkg, "cli", name));
chmodSync(join(pkg, "cli", "shop-policy.mjs"), 0o755);
const workspace = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const cliDependencies = Object.fromEntries(["exceljs", "papaparse"].map((name) => [name, workspace.devDependencies[name]]));

const manifest = {
  name: "shop-policy",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "./node.js",
  module: "./shop_policy.js",
  types: "./shop_policy.d.ts",
  bin: { "shop-policy": "./cli/shop-policy.mjs" },
  dependencies: cliDependencies,
  exports: {
    ".": {
      types: "./shop_policy.d.ts",
      node: "./node.js",
      default: "./shop_policy.js",
    },
    "./shop_policy_bg.wasm": "./shop_policy_bg.wasm",
    "./shop_policy_speed_bg.wasm": "./shop_policy_speed_bg.wasm",
    "./policies/*": "./policies/*",
    "./package.json": "./package.json",
  },
  files: files(pkg).filter((f) => f !== "package.json").sort(),
  sideEffects: ["./node.js"],
  engines: { node: ">=18" },
  keywords: ["tiktok-shop", "policy", "wasm", "seller", "creator", "indonesia", "southeast-asia"],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`pkg/package.json: shop-policy@${manifest.version}, ${manifest.files.length} files`);
