// A Seller Center product export, generated deterministically: what the catalog bench and the
// CLI and page tests feed the catalog check. Each product has a name and a description of about
// 2 KB of the multilingual seller prose the other benches use (bench/corpus.mjs); one product in
// eight carries a line that sends buyers elsewhere, taken from the labelled corpus
// (tests/corpus/, label block or review), so the results have findings to show.
//
//   node bench/catalog.mjs 10000 target/catalog.xlsx   (or .csv)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { CORPORA } from "./corpus.mjs";

const root = new URL("..", import.meta.url).pathname;

/** Column names of the export, per language of Seller Center. */
export const HEADERS = {
  en: ["Product ID", "Product Name", "Product Description", "Price", "Stock"],
  id: ["ID Produk", "Nama Produk", "Deskripsi Produk", "Harga", "Stok"],
  zh: ["商品ID", "商品名称", "商品描述", "价格", "库存"],
};

const NAMES = [
  "Kaos Polos Cotton Combed 30s Premium", "Gamis Syari Jumbo Busui Friendly", "Hijab Pashmina Ceruti Babydoll",
  "纯棉宽松短袖T恤女夏季", "韩版高腰阔腿牛仔裤", "Áo thun cotton unisex form rộng", "เสื้อยืดผ้าฝ้าย oversize",
  "Tudung Bawal Cotton Voile Premium", "Soft Cotton Tee Relaxed Fit", "Sepatu Sneakers Pria Casual",
  "Madu Hutan Asli Sumbawa 500ml", "Kopi Bubuk Arabika Gayo 250g", "Serum Wajah Niacinamide 10%",
];

function* random(seed) {
  let a = seed >>> 0;
  for (;;) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    yield ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** Texts of the labelled corpus that are not allowed (what a seller should be told about). */
function flagged() {
  const dir = join(root, "tests", "corpus");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)))
    .filter((c) => c.label !== "allow" && (c.surface === "product" || c.surface === "video"))
    .map((c) => c.text.replace(/\n/g, " "));
}

/**
 * `n` products: { header, rows } with rows as arrays in the header's order. `descriptionBytes`
 * is the approximate size of each description.
 */
export function catalog(n, { lang = "en", seed = 20261205, descriptionBytes = 2000 } = {}) {
  const rng = random(seed);
  const r = () => rng.next().value;
  const bad = flagged();
  const rows = [];
  for (let i = 0; i < n; i++) {
    const parts = [];
    let bytes = 0;
    while (bytes < descriptionBytes) {
      const line = CORPORA.clean(r);
      parts.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    if (r() < 1 / 8) parts.splice(Math.floor(r() * parts.length), 0, bad[Math.floor(r() * bad.length)]);
    const id = String(1729000000000000000n + BigInt(i) * 7919n);
    rows.push([id, NAMES[i % NAMES.length], parts.join("\n"), String(15000 + Math.floor(r() * 500) * 1000), String(Math.floor(r() * 500))]);
  }
  return { header: HEADERS[lang], rows };
}

/** Writes the catalog as CSV (papaparse's writer: quoting and line breaks in cells as Excel reads them). */
export function csv({ header, rows }) {
  return `\uFEFF${Papa.unparse({ fields: header, data: rows })}\n`;
}

/**
 * Writes the catalog as an .xlsx file the way Seller Center lays out its templates: a note row
 * above the header row.
 */
export async function writeXlsx(path, { header, rows }, { note = true } = {}) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Products");
  if (note) sheet.addRow(["Do not edit the column names. Required fields are marked *."]).commit();
  sheet.addRow(header).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = "10000", out = "target/catalog.csv"] = process.argv.slice(2);
  const data = catalog(Number(count));
  if (out.endsWith(".xlsx")) await writeXlsx(out, data);
  else (await import("node:fs")).writeFileSync(out, csv(data));
  console.log(`${out}: ${count} products`);
}
