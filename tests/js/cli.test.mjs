// The `shop-policy` command as a user runs it after `npm install shop-policy`: on CSV, XLSX and
// TXT files with findings and without, in every output format, and with the mistakes people
// make on the command line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";

const require = createRequire(import.meta.url);
const bin = join(require.resolve("shop-policy/package.json"), "..", "cli", "shop-policy.mjs");
const dir = mkdtempSync(join(tmpdir(), "shop-policy-cli-"));

function run(...args) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status, stdout, stderr };
}

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const CSV = "\uFEFFProduct ID,Product Name,Product Description,Price\n" +
  '1001,Kaos polos katun,"Bahan adem, ready S-XL.\nOrder via WA 0812-3456-7890 ya kak",75000\n' +
  '1002,Gamis syari,"Harga Rp 250.000, berat 1,2 kg",250000\n' +
  "1003,Tas rajut,Cek juga di shopee.co.id/tokoku,120000\n";

test("a CSV export with findings: one line per checked cell, exit code 1", () => {
  const { status, stdout, stderr } = run("check", file("products.csv", CSV), "--region", "ID", "--format", "csv", "--lang", "id");
  assert.equal(status, 1, stderr);
  const lines = stdout.trim().split("\n");
  assert.equal(lines[0], "row,id,column,verdict,findings,found,rules,suggested_text");
  // The name and description columns are found by their names; price is not checked.
  assert.ok(lines.some((l) => l.startsWith("3,1002,Product Description,allow,0,")));
  const blocked = lines.find((l) => l.startsWith("2,1001,Product Description,block,2,"));
  assert.ok(blocked, stdout);
  assert.match(blocked, /links\.cta_order_elsewhere/);
  // The suggested text keeps the cell's line break, quoted as CSV does.
  assert.match(stdout, /"Bahan adem, ready S-XL\.\nPesan lewat tombol Beli Sekarang di halaman ini"/);
  assert.ok(!lines.some((l) => l.includes(",Price,")));
  assert.match(stderr, /6 texts checked under tiktok-shop-ID .* 2 blocked, 0 to review, 4 allowed/);
});

test("JSON: every checked text with its findings and suggestions, in file order", () => {
  const { status, stdout } = run("check", file("products.csv", CSV), "--region", "ID", "--format", "json");
  assert.equal(status, 1);
  const records = JSON.parse(stdout);
  assert.equal(records.length, 6);
  assert.deepEqual(records.map((r) => r.row), [2, 2, 3, 3, 4, 4]);
  const shopee = records.find((r) => r.id === "1003" && r.column === "Product Description");
  assert.equal(shopee.verdict, "block");
  assert.equal(shopee.findings[0].platform, "shopee");
  assert.equal(shopee.findings[0].suggestion, "the Buy now button on this page");
  assert.equal(shopee.suggestedText, "Cek juga di the Buy now button on this page");
});

test("an XLSX export in Indonesian, with a note row above the header", async () => {
  const path = join(dir, "produk.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Produk");
  sheet.addRow(["Jangan ubah nama kolom. Kolom wajib bertanda *."]);
  sheet.addRow(["* ID Produk", "* Nama Produk", "Deskripsi Produk", "Harga"]);
  sheet.addRow(["2001", "Kopi bubuk Gayo 250g", "Aroma kuat, sangrai medium. Info grosir: 0857-1122-3344", 85000]);
  sheet.addRow(["2002", "Madu hutan 500ml", { richText: [{ text: "Madu asli " }, { text: "tanpa campuran", font: { bold: true } }] }, 120000]);
  await workbook.xlsx.writeFile(path);
  const { status, stdout, stderr } = run("check", path, "--region", "ID", "--format", "json");
  assert.equal(status, 1, stderr);
  const records = JSON.parse(stdout);
  assert.deepEqual(records.map((r) => [r.row, r.id, r.column, r.verdict]), [
    [3, "2001", "* Nama Produk", "allow"],
    [3, "2001", "Deskripsi Produk", "block"],
    [4, "2002", "* Nama Produk", "allow"],
    [4, "2002", "Deskripsi Produk", "allow"],
  ]);
  assert.equal(records[1].findings[0].kind, "phone");
});

test("a clean TXT of captions: exit code 0, a summary on the terminal table", () => {
  const path = file("captions.txt", "Ready stock kak, cek keranjang kuning ya 🛒\n\nPromo 12.12 mulai jam 08.30 WIB\n");
  const { status, stdout } = run("check", path, "--region", "ID", "--surface", "video", "--format", "table");
  assert.equal(status, 0);
  assert.match(stdout, /2 texts checked under tiktok-shop-ID .* on video: 0 blocked, 0 to review, 2 allowed/);
});

test("Chinese headers, a chosen column by name, and Chinese reasons", () => {
  const path = file("商品.csv", "商品ID,商品名称,商品描述\n3001,纯棉T恤,加微信 abc123 私聊下单\n");
  const { status, stdout } = run("check", path, "--region", "MY", "--columns", "商品描述", "--format", "table", "--lang", "zh");
  assert.equal(status, 1);
  assert.match(stdout, /BLOCK  3001 row 2 · 商品描述/);
  assert.match(stdout, /可改为|write instead/);
  assert.match(stdout, /1 texts checked|1 text/);
});

test("mistakes get a clear message and exit code 2", () => {
  const csv = file("p.csv", CSV);
  const noRegion = run("check", csv);
  assert.equal(noRegion.status, 2);
  assert.match(noRegion.stderr, /choose the region with --region/);
  const badRegion = run("check", csv, "--region", "XX");
  assert.match(badRegion.stderr, /--region XX is not one of ID, MY/);
  const badColumn = run("check", csv, "--region", "ID", "--columns", "Caption");
  assert.equal(badColumn.status, 2);
  assert.match(badColumn.stderr, /no column "Caption"; the columns are: Product ID, Product Name, Product Description, Price/);
  const missing = run("check", join(dir, "nope.csv"), "--region", "ID");
  assert.match(missing.stderr, /no such file/);
  const help = run("--help");
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: shop-policy check/);
});
