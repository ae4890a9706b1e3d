// How the help site reads amounts and counts as sellers type them (www/common.js): currency signs
// and codes before or after, each region's separators, minus signs of every kind, shorthand
// (500rb, 1,5jt, 50k, 1.2万), fullwidth digits; and what it refuses rather than guess.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCount, parseMoney } from "../../www/common.js";

const IDR = { code: "IDR", minorUnit: 2 };
const VND = { code: "VND", minorUnit: 0 };
const MYR = { code: "MYR", minorUnit: 2 };
const THB = { code: "THB", minorUnit: 2 };
const PHP = { code: "PHP", minorUnit: 2 };
const SGD = { code: "SGD", minorUnit: 2 };
const GBP = { code: "GBP", minorUnit: 2 };

test("amounts in each region's ways, as minor units", () => {
  for (const [text, currency, region, minor] of [
    ["Rp 1.500.000", IDR, "ID", 150_000_000],
    ["Rp1.500.000,50", IDR, "ID", 150_000_050],
    ["1.500.000 rupiah", IDR, "ID", 150_000_000],
    ["500rb", IDR, "ID", 50_000_000],
    ["1,5jt", IDR, "ID", 150_000_000],
    ["-12.500,00", IDR, "ID", -1_250_000],
    ["－１２.５００", IDR, "ID", -1_250_000],
    ["1.500", IDR, "ID", 150_000],
    ["RM1,250.50", MYR, "MY", 125_050],
    ["1,250.50 MYR", MYR, "MY", 125_050],
    ["50k", MYR, "MY", 5_000_000],
    ["−12,500.00", MYR, "MY", -1_250_000],
    ["(1,000.00)", MYR, "MY", -100_000],
    ["฿ 12,000", THB, "TH", 1_200_000],
    ["12,000 บาท", THB, "TH", 1_200_000],
    ["₫ 500.000", VND, "VN", 500_000],
    ["500.000đ", VND, "VN", 500_000],
    ["1,2tr", VND, "VN", 1_200_000],
    ["₱2,499.00", PHP, "PH", 249_900],
    ["S$ 80.50", SGD, "SG", 8_050],
    ["$80.50", SGD, "SG", 8_050],
    ["£1,250", GBP, "UK", 125_000],
    ["", IDR, "ID", null],
    ["   ", IDR, "ID", null],
  ]) {
    assert.equal(parseMoney(text, currency, region, "deposit"), minor, `${text} in ${region}`);
  }
});

test("what cannot be read exactly is refused with its path, never changed", () => {
  for (const [text, currency, region, why] of [
    ["500.5", VND, "VN", /VND has no decimal places/],
    ["$100", IDR, "ID", /in \$; the shop's currency is IDR/],
    ["RM 100", IDR, "ID", /in MYR; the shop's currency is IDR/],
    ["1.50.000", IDR, "ID", /cannot be read/],
    ["1,234.567", MYR, "MY", /MYR has 2 decimal places/],
    ["abc", IDR, "ID", /cannot be read/],
    ["12.", MYR, "MY", /cannot be read/],
  ]) {
    assert.throws(() => parseMoney(text, currency, region, "balance"), (error) => {
      assert.equal(error.name, "InputError");
      assert.deepEqual([error.code, error.path], ["invalid_input", "balance"]);
      assert.match(error.message, why, text);
      return true;
    }, text);
  }
});

test("counts: 1.200, 1,2 rb, 1.2k, 1.2万 are 1,200 or 12,000; fractions and signs are refused", () => {
  for (const [text, region, count] of [
    ["1.200", "ID", 1200],
    ["1,2 rb", "ID", 1200],
    ["12 ribu", "ID", 12_000],
    ["1.2k", "MY", 1200],
    ["1,2K", "ID", 1200],
    ["1.2万", "ID", 12_000],
    ["1,200", "US", 1200],
    ["１２００", "ID", 1200],
    ["600", "ID", 600],
    ["", "ID", null],
  ]) {
    assert.equal(parseCount(text, region, "followers"), count, `${text} in ${region}`);
  }
  for (const text of ["-5", "1.5", "1,5", "abc", "Rp 5"]) {
    assert.throws(() => parseCount(text, "ID", "followers"), /whole number|negative|cannot be read|number only/, text);
  }
});

test("a column of dates is read one way for every row: what it proves, else the region's order", async () => {
  const { readDateColumn } = await import("../../www/common.js");
  const path = (i) => `orders[${i}].finalizedOn`;
  // 08/05/2026 alone is ambiguous; the 13 in another row proves day first.
  assert.deepEqual(readDateColumn(["08/05/2026", "13/05/2026"], "US", "2026-12-01", path), {
    dates: ["2026-05-08", "2026-05-13"], order: "dmy",
  });
  // Nothing proves it: the region decides (month first in the US, day first in Indonesia).
  assert.deepEqual(readDateColumn(["08/05/2026"], "US", "2026-12-01", path).dates, ["2026-08-05"]);
  assert.deepEqual(readDateColumn(["08/05/2026"], "ID", "2026-12-01", path).dates, ["2026-05-08"]);
  // ISO with a time, a Thai Buddhist-era year, empty cells.
  assert.deepEqual(readDateColumn(["2026-03-30 14:22:01", "30/03/2569", ""], "TH", "2026-12-01", path).dates, [
    "2026-03-30", "2026-03-30", null,
  ]);
  for (const [values, why, row] of [
    [["13/05/2026", "05/13/2026"], /mix day-first and month-first/, 1],
    [["31/02/2026"], /does not exist/, 0],
    [["2026-05-01", "soon"], /not a date/, 1],
    [["2026-05-01", "2027-01-02"], /in the future/, 1],
  ]) {
    assert.throws(() => readDateColumn(values, "ID", "2026-12-01", path), (error) => {
      assert.deepEqual([error.code, error.path], ["invalid_date", `orders[${row}].finalizedOn`]);
      assert.match(error.message, why);
      return true;
    });
  }
});

test("CSV headers in the exports' languages; rows numbered when there is no id column", async () => {
  const { csvObjects } = await import("../../www/common.js");
  const columns = { id: ["Order ID", "ID Pesanan", "订单号", "Mã đơn hàng"], status: ["Order Status", "Status Pesanan", "订单状态"] };
  for (const header of ["订单号,订单状态", "ID Pesanan,Status Pesanan", "Mã Đơn Hàng,Order status", "order_id,ORDER STATUS"]) {
    assert.deepEqual(csvObjects(`${header}\n5771,已完成`, columns, ["status"], ""), [{ id: "5771", status: "已完成" }], header);
  }
  assert.throws(() => csvObjects("Nomor,Tanggal\n1,2", columns, ["status"], ""), /no column for this: name it one of Order Status/);
});
