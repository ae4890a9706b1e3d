// Every ```js block in the README must really run, against the installed package. Each block
// is a self-contained module (it imports what it uses).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const pkgDir = dirname(createRequire(import.meta.url).resolve("shop-policy/package.json"));
const readme = readFileSync(join(pkgDir, "README.md"), "utf8");
const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test("the README has JavaScript examples", () => assert.ok(examples.length >= 1));

examples.forEach((example, i) => {
  const firstLine = example.split("\n").find((l) => l.startsWith("//")) ?? `example ${i + 1}`;
  test(`README example ${i + 1} runs as written (${firstLine.replace(/^\/\/\s*/, "")})`, async () => {
    const file = join(process.cwd(), `readme-example-${i + 1}.mjs`);
    writeFileSync(file, example);
    const logged = [];
    const log = console.log;
    console.log = (...args) => logged.push(args);
    try {
      await import(file);
    } finally {
      console.log = log;
    }
    assert.ok(logged.length >= 1, "the example prints its results");
    if (i === 0) {
      assert.deepEqual(logged.find((args) => args[0] === "invalid_pack"), ["invalid_pack", "health.weeklyReport.days"]);
    }
  });
});
