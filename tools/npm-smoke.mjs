// Tests the npm package exactly as a user gets it: `npm pack` pkg/, install the tarball by name
// into a scratch project, then run the `node --test` suites and the strict `tsc` check there.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const scratch = join(root, "target", "npm-smoke");
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: "inherit" });

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const tarball = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", scratch, "--silent"], {
  cwd: root,
  encoding: "utf8",
})
  .trim()
  .split("\n")
  .pop();
writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "npm-smoke", private: true, type: "module" }));
run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--offline", `./${tarball}`], scratch);

for (const dir of ["js", "types"]) cpSync(join(root, "tests", dir), join(scratch, dir), { recursive: true });
const suites = readdirSync(join(scratch, "js")).filter((f) => f.endsWith(".test.mjs")).map((f) => join("js", f));
run(process.execPath, ["--test", "--test-reporter=spec", ...suites], scratch);
run(join(root, "node_modules", ".bin", "tsc"), ["-p", join("types", "tsconfig.json")], scratch);
console.log(`npm package ${tarball}: ${suites.length} node --test suites and the tsc --strict check passed`);
