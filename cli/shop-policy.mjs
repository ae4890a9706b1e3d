#!/usr/bin/env node
// shop-policy check: every caption, title or description of a catalog export, checked on this
// machine with the same engine as the library. For agencies and CI:
//
//   npx shop-policy check products.xlsx --region ID --surface product
//   npx shop-policy check captions.txt --region MY --surface video --format csv > results.csv
//
// Streaming: rows are read, checked in batches (one `checkLinksBatch` call per column and batch)
// and written out as they come, so a million rows take bounded memory. CSV is read with
// papaparse, XLSX with exceljs's streaming reader: well-kept parsers, not home-made ones, and
// both stay out of the .wasm. Exit code: 0 when nothing is blocked, 1 when something is, 2 when
// the command or the file is wrong.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { extname, basename } from "node:path";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { COLUMN_NAMES, ID_NAMES, cellText, headerKey } from "./columns.mjs";

const REGIONS = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];
const SURFACES = ["bio", "video", "live", "comment", "product", "chat"];
const LANGS = ["en", "id", "zh"];
const FORMATS = ["table", "csv", "json"];
/** Rows per `checkLinksBatch` call: large enough to amortize the boundary, small enough to stream. */
const BATCH_ROWS = 512;

const USAGE = `Usage: shop-policy check <file.csv|.xlsx|.txt> --region <${REGIONS.join("|")}> [options]

Checks every text of a catalog export or a list of captions for links, contacts, payments and
calls to buy elsewhere, offline, and says what to write instead.

Options:
  --region R         the region whose rules apply (required): ${REGIONS.join(" ")}
  --surface S        where the texts are posted (default: product): ${SURFACES.join(" ")}
  --columns A,B      the columns to check (names or 1-based numbers); default: the product name,
                     description and caption columns a Seller Center export has, in any of the
                     site's languages, else every column
  --format F         table (default on a terminal), csv, json
  --all              list allowed texts too (csv and json always do)
  --lang L           language of the reasons and suggestions: ${LANGS.join(" ")} (default en)
  --sheet N          the worksheet of an .xlsx file, by name or 1-based number (default: the first)
  -h, --help         this help

A .txt file has one text per line. Exit code 1 when anything is blocked, 2 on a usage or file error.`;

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { files: [], surface: "product", lang: "en", all: false };
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const take = () => (inline !== undefined ? inline : value(i++, flag));
    switch (flag) {
      case "-h": case "--help": args.help = true; break;
      case "--region": args.region = take().toUpperCase(); break;
      case "--surface": args.surface = take().toLowerCase(); break;
      case "--columns": args.columns = take().split(",").map((c) => c.trim()).filter(Boolean); break;
      case "--format": args.format = take().toLowerCase(); break;
      case "--lang": args.lang = take().toLowerCase(); break;
      case "--sheet": args.sheet = take(); break;
      case "--all": args.all = true; break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
        args.files.push(arg);
    }
  }
  return args;
}

function validate(args) {
  if (args.files.length !== 1) throw new UsageError(args.files.length ? "give one file" : "give the file to check");
  if (!args.region) throw new UsageError(`choose the region with --region (${REGIONS.join(", ")})`);
  if (!REGIONS.includes(args.region)) throw new UsageError(`--region ${args.region} is not one of ${REGIONS.join(", ")}`);
  if (!SURFACES.includes(args.surface)) throw new UsageError(`--surface ${args.surface} is not one of ${SURFACES.join(", ")}`);
  if (!LANGS.includes(args.lang)) throw new UsageError(`--lang ${args.lang} is not one of ${LANGS.join(", ")}`);
  args.format ??= process.stdout.isTTY ? "table" : "csv";
  if (!FORMATS.includes(args.format)) throw new UsageError(`--format ${args.format} is not one of ${FORMATS.join(", ")}`);
  const [file] = args.files;
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
  const kind = extname(file).toLowerCase();
  if (![".csv", ".xlsx", ".txt", ".tsv"].includes(kind)) throw new UsageError(`${file}: read .csv, .tsv, .xlsx or .txt files`);
  args.file = file;
  args.kind = kind;
}

// ---- Reading: every format yields { header: string[] | null, rows: async iterable of { row, cells } } ----

async function* xlsxRows(file, sheet) {
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    entries: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit",
  });
  let index = 0;
  for await (const worksheet of reader) {
    index += 1;
    const wanted = sheet === undefined ? index === 1 : String(index) === sheet || worksheet.name === sheet;
    if (!wanted) {
      for await (const _ of worksheet); // eslint-disable-line no-unused-vars -- drain it
      continue;
    }
    for await (const row of worksheet) {
      const cells = [];
      const values = row.values ?? [];
      for (let c = 1; c < values.length; c++) cells[c - 1] = cellText(values[c]);
      yield { row: row.number, cells: Array.from(cells, (x) => x ?? "") };
    }
    return;
  }
  if (sheet !== undefined) throw new UsageError(`${basename(file)} has no worksheet ${sheet}`);
}

async function* csvRows(file, delimiter) {
  const { default: Papa } = await import("papaparse");
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false });
  // Decoded as UTF-8 by the stream, so a character split between two chunks stays whole.
  createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }).pipe(parser);
  let row = 0;
  for await (const cells of parser) {
    row += 1;
    if (cells.length === 1 && cells[0] === "") continue;
    yield { row, cells };
  }
}

async function* txtRows(file) {
  let row = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    row += 1;
    if (line.trim()) yield { row, cells: [line.replace(/^\uFEFF/, "")] };
  }
}

/**
 * Which row is the header and which columns to check. Seller Center exports put a few rows of
 * notes above the header, so the header is the first of the first ten rows that names a known
 * column; without one, the first row.
 */
function pickColumns(candidates, args) {
  const known = (cell) => COLUMN_NAMES.has(headerKey(cell));
  let headerAt = candidates.findIndex((r) => r.cells.some(known));
  if (headerAt < 0) headerAt = 0;
  const header = candidates[headerAt]?.cells.map((c) => String(c ?? "").replace(/^\uFEFF/, "").trim()) ?? [];
  let columns;
  if (args.columns) {
    columns = args.columns.map((wanted) => {
      const n = /^\d+$/.test(wanted) ? Number(wanted) - 1 : header.findIndex((h) => headerKey(h) === headerKey(wanted));
      if (n < 0 || n >= Math.max(header.length, 1)) {
        throw new UsageError(`no column "${wanted}"; the columns are: ${header.map((h, i) => h || `#${i + 1}`).join(", ")}`);
      }
      return n;
    });
  } else {
    columns = header.map((h, i) => (known(h) ? i : -1)).filter((i) => i >= 0);
    if (!columns.length) columns = header.map((_, i) => i);
  }
  const idColumn = header.findIndex((h) => ID_NAMES.has(headerKey(h)));
  return { headerAt, header, columns, idColumn };
}

// ---- Writing ----

function csvField(value) {
  const s = String(value ?? "");
  return /[",\r\n]/.test(s) || /^[=+\-@\t\r]/.test(s) ? `"${(/^[=+\-@\t\r]/.test(s) ? "'" : "") + s.replace(/"/g, '""')}"` : s;
}

function makeWriter(format, out) {
  let wrote = false;
  const write = (s) => (out.write(s) ? null : new Promise((resolve) => out.once("drain", resolve)));
  return {
    start() {
      if (format === "csv") return write("row,id,column,verdict,findings,found,rules,suggested_text\n");
      if (format === "json") return write("[");
      return null;
    },
    record(r) {
      if (format === "csv") {
        const found = r.findings.map((f) => `${f.verdict}: ${f.match}`).join(" | ");
        const rules = [...new Set(r.findings.map((f) => f.ruleId))].join(" ");
        // The suggested text only where it differs: an allowed row would repeat its text.
        const suggested = r.verdict === "allow" ? "" : r.suggestedText;
        return write(`${[r.row, r.id, r.column, r.verdict, r.findings.length, found, rules, suggested].map(csvField).join(",")}\n`);
      }
      if (format === "json") {
        const s = `${wrote ? "," : ""}\n${JSON.stringify(r)}`;
        wrote = true;
        return write(s);
      }
      const where = `${r.id ? `${r.id} ` : ""}row ${r.row} · ${r.column}`;
      const lines = [`${r.verdict.toUpperCase().padEnd(6)} ${where}`];
      for (const f of r.findings) {
        lines.push(`       ${f.verdict}: "${f.match}" — ${f.message}`);
        if (f.suggestion) lines.push(`         write instead: ${f.suggestion}`);
      }
      if (r.verdict !== "allow") lines.push(`       suggested text: ${r.suggestedText.replace(/\n/g, " ⏎ ")}`);
      return write(`${lines.join("\n")}\n`);
    },
    end() {
      if (format === "json") return write(wrote ? "\n]\n" : "]\n");
      return null;
    },
  };
}

// ---- The command ----

async function check(args) {
  const rows = args.kind === ".xlsx" ? xlsxRows(args.file, args.sheet)
    : args.kind === ".txt" ? txtRows(args.file)
    : csvRows(args.file, args.kind === ".tsv" ? "\t" : undefined);
  const iterator = rows[Symbol.asyncIterator]();
  // The workers start first: each instantiates its .wasm and builds the region's index while
  // this thread loads the parser and reads the header (a tenth of a second on a 20 MB export).
  const pool = makePool(args);
  try {
    return await checkRows(args, iterator, pool);
  } finally {
    await pool.close();
  }
}

/** Reads the header, then checks and writes every row through `pool`. */
async function checkRows(args, iterator, pool) {
  // The policy a batch was judged under (the workers' engines say it): the main thread never
  // loads the .wasm itself, nor reads every region's pack to name one.
  let policy = null;
  const size = statSync(args.file).size;
  const progress = process.stderr.isTTY ? makeProgress(size) : null;
  const writer = makeWriter(args.format, process.stdout);
  const counts = { allow: 0, review: 0, block: 0 };

  // The header, from the first rows (a .txt file has none: its one column is the text).
  let layout;
  const first = [];
  if (args.kind === ".txt") {
    layout = { headerAt: -1, header: ["text"], columns: [0], idColumn: -1 };
  } else {
    for (let i = 0; i < 10; i++) {
      const next = await iterator.next();
      if (next.done) break;
      first.push(next.value);
    }
    if (!first.length) throw new UsageError(`${args.file} is empty`);
    layout = pickColumns(first, args);
  }
  const names = layout.columns.map((c) => layout.header[c] || `column ${c + 1}`);
  await writer.start();

  // Batches go to the worker threads as they are read; their results are written in order.
  // At most two batches per worker are in flight, so memory stays bounded however long the file.
  const pending = [];
  let batch = [];
  let bytes = 0;
  let checked = 0;
  const write = async ({ rows: done, out }) => {
    for (let i = 0; i < done.length; i++) {
      const r = done[i];
      for (let k = 0; k < layout.columns.length; k++) {
        const text = String(r.cells[layout.columns[k]] ?? "");
        if (!text.trim()) continue;
        const result = out[k][i];
        counts[result.verdict] += 1;
        checked += 1;
        if (result.verdict === "allow" && args.format === "table" && !args.all) continue;
        const wait = writer.record({
          row: r.row,
          id: layout.idColumn >= 0 ? String(r.cells[layout.idColumn] ?? "") : "",
          column: names[k],
          verdict: result.verdict,
          findings: result.findings,
          suggestedText: result.suggestedText ?? text,
        });
        if (wait) await wait;
      }
    }
    progress?.update(checked, bytes);
  };
  const flush = async () => {
    if (!batch.length) return;
    const rowsOfBatch = batch;
    batch = [];
    const columns = layout.columns.map((c) => rowsOfBatch.map((r) => String(r.cells[c] ?? "")));
    pending.push(pool.check(columns).then(({ out, policy: judgedUnder }) => {
      policy ??= judgedUnder;
      return { rows: rowsOfBatch, out };
    }));
    while (pending.length >= pool.size * 2) await write(await pending.shift());
  };
  const take = async (item) => {
    for (const c of layout.columns) bytes += String(item.cells[c] ?? "").length;
    batch.push(item);
    if (batch.length >= BATCH_ROWS) await flush();
  };
  for (const item of first.slice(layout.headerAt + 1)) await take(item);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) await take(next.value);
  await flush();
  while (pending.length) await write(await pending.shift());
  await writer.end();
  progress?.done(checked, bytes);
  const under = policy ? `${policy.id} ${policy.version}` : `the rules for ${args.region}`;
  const summary = `${checked} texts checked under ${under} on ${args.surface}: ` +
    `${counts.block} blocked, ${counts.review} to review, ${counts.allow} allowed`;
  if (args.format === "table") process.stdout.write(`\n${summary}\n`);
  else process.stderr.write(`${summary}\n`);
  return counts.block > 0 ? 1 : 0;
}

/** Worker threads, one per core (at most 4), each with its own engine. */
function makePool(args) {
  const size = Math.max(1, Math.min(4, availableParallelism()));
  const { region, surface, lang } = args;
  const workers = Array.from({ length: size }, () =>
    new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { region, surface, lang } }));
  const waiting = new Map();
  let next = 0;
  for (const worker of workers) {
    worker.on("message", ({ id, out, policy, error }) => {
      const { resolve, reject } = waiting.get(id);
      waiting.delete(id);
      if (error) reject(Object.assign(new Error(error.message), { code: error.code, path: error.path }));
      else resolve({ out, policy });
    });
    worker.on("error", (error) => {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    });
  }
  return {
    size,
    check(columns) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % size].postMessage({ id, columns, surface: args.surface, region: args.region, lang: args.lang });
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

function makeProgress(size) {
  const started = performance.now();
  let last = 0;
  const line = (checked, bytes) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? bytes / 1e6 / seconds : 0;
    return `\r${checked.toLocaleString("en")} texts · ${(bytes / 1e6).toFixed(1)} of ~${(size / 1e6).toFixed(1)} MB · ${rate.toFixed(1)} MB/s `;
  };
  return {
    update(checked, bytes) {
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      process.stderr.write(line(checked, bytes));
    },
    done(checked, bytes) {
      process.stderr.write(`${line(checked, bytes)}\n`);
    },
  };
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command !== "check") throw new UsageError(`unknown command "${command}"; the command is: check`);
  const args = parseArgs(rest);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  validate(args);
  return check(args);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    if (error instanceof UsageError) process.stderr.write(`shop-policy: ${error.message}\n\n${USAGE}\n`);
    else process.stderr.write(`shop-policy: ${error?.code ? `${error.code}: ` : ""}${error?.message ?? error}\n`);
    process.exitCode = 2;
  },
);
