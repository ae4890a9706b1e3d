// The README's JS example must really run, against the installed package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

test("the README's JavaScript example runs as written", async () => {
  const pkgDir = dirname(createRequire(import.meta.url).resolve("shop-policy/package.json"));
  const readme = readFileSync(join(pkgDir, "README.md"), "utf8");
  const example = readme.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(example, "README has a ```js example");
  const file = join(process.cwd(), "readme-example.mjs");
  writeFileSync(file, example);
  const logged = [];
  const log = console.log;
  console.log = (...args) => logged.push(args);
  try {
    await import(file);
  } finally {
    console.log = log;
  }
  assert.ok(logged.length >= 10, "the example prints its results");
  assert.deepEqual(logged.find((args) => args[0] === "invalid_pack"), ["invalid_pack", "health.weeklyReport.days"]);
});
