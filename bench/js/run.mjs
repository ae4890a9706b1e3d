// ./build.sh bench — every *.bench.mjs in this folder, one Node process, one table; also
// written to BENCHMARKS.md with the machine, date and command.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const root = new URL("../..", import.meta.url).pathname;
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs") && (!only || f.startsWith(only)))
  .sort((a, b) => (a === "startup.bench.mjs") - (b === "startup.bench.mjs") || a.localeCompare(b));

const sections = [];
for (const file of files) {
  const bench = await import(join(here, file));
  process.stdout.write(`\n${bench.title}\n`);
  const rows = await bench.run();
  console.table(rows);
  sections.push({ title: bench.title, rows });
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
const lines = [
  "# Benchmarks",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
  "",
  "Command: `./build.sh bench` (native criterion benches, then `node bench/js/run.mjs`). Medians, not means;",
  "every ratio compares two timings taken in the same run, peer ÷ shop-policy (higher is better for us).",
  "",
];
for (const { title, rows } of sections) {
  const columns = Object.keys(rows[0] ?? {});
  lines.push(`## ${title}`, "", `| ${columns.join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`);
  for (const row of rows) lines.push(`| ${columns.map((c) => String(row[c] ?? "")).join(" | ")} |`);
  lines.push("");
}
if (!only) {
  writeFileSync(join(root, "BENCHMARKS.md"), lines.join("\n"));
  console.log("\nwrote BENCHMARKS.md");
}
