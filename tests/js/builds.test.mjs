// The package holds two builds of the same code: shop_policy_bg.wasm, built for size, which
// browsers and bundlers load, and shop_policy_speed_bg.wasm, built for speed, which the Node
// entry loads. One JS glue drives both, so they must answer every call alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as speed from "shop-policy";

const packageDir = new URL(".", import.meta.resolve("shop-policy"));
// A second instance of the glue (the query makes it a module of its own), on the size build.
const size = await import(new URL("shop_policy.js?build=size", packageDir).href);
size.initSync({ module: readFileSync(new URL("shop_policy_bg.wasm", packageDir)) });

// The labelled corpus: next to this file in the repository, three levels up from the scratch
// project the npm smoke test installs the package into.
const corpusDir = [new URL("../corpus/", import.meta.url), new URL("../../../tests/corpus/", import.meta.url)].find(
  (dir) => existsSync(dir),
);

test("both builds are in the package and the Node entry loads the speed build", () => {
  const sizeBytes = readFileSync(new URL("shop_policy_bg.wasm", packageDir)).length;
  const speedBytes = readFileSync(new URL("shop_policy_speed_bg.wasm", packageDir)).length;
  assert.ok(speedBytes > sizeBytes, `speed build ${speedBytes} bytes, size build ${sizeBytes}`);
  assert.match(readFileSync(new URL("node.js", packageDir), "utf8"), /shop_policy_speed_bg\.wasm/);
});

test("both builds give the same links report for every text of the corpus", { skip: !corpusDir }, () => {
  let texts = 0;
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith(".jsonl"))) {
    for (const line of readFileSync(new URL(file, corpusDir), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { id, text, surface, region, lang } = JSON.parse(line);
      const input = { text, surface, region, lang: ["en", "id", "zh"].includes(lang) ? lang : "en" };
      assert.deepEqual(speed.checkLinks(input), size.checkLinks(input), id);
      texts++;
    }
  }
  assert.ok(texts > 6000, `${texts} texts`);
});

test("both builds give the same eligibility, health, closure and batch reports, and errors", () => {
  const eligibility = {
    region: "ID",
    asOf: "2026-06-01",
    followers: 1200,
    age: 30,
    identityVerified: true,
    governmentAccount: false,
    previouslyRevoked: false,
  };
  const health = {
    region: "ID",
    asOf: "2024-12-31",
    violations: [
      { id: "a", type: "Spam", points: 4, issuedOn: "2024-11-01" },
      { id: "b", type: "Spam", points: 6, issuedOn: "2024-12-30" },
    ],
  };
  const closure = {
    region: "MY",
    asOf: "2026-06-01",
    initiatedBy: "seller",
    sellerType: "cross_border",
    activeCampaigns: 1,
    boundCreators: 0,
    announcementSince: "2026-04-01",
    orders: [
      { id: "1", status: "completed", finalizedOn: "2026-01-15" },
      { id: "2", status: "in_transit" },
    ],
    commissionArrears: 0,
    balance: 120,
    unpaidInvoices: 0,
    depositArrears: 0,
    deposit: 500,
  };
  const batch = { texts: ["Beli di shopee.co.id", "WA 0812 3456 7890", "kaos polos"], surface: "product", region: "ID" };
  for (const lang of ["en", "id", "zh"]) {
    assert.deepEqual(speed.checkEligibility({ ...eligibility, lang }), size.checkEligibility({ ...eligibility, lang }));
    assert.deepEqual(speed.accountHealth({ ...health, lang }), size.accountHealth({ ...health, lang }));
    assert.deepEqual(speed.checkClosure({ ...closure, lang }), size.checkClosure({ ...closure, lang }));
    assert.deepEqual(speed.checkLinksBatch({ ...batch, lang }), size.checkLinksBatch({ ...batch, lang }));
  }
  assert.deepEqual(speed.policies(), size.policies());
  assert.deepEqual(speed.getPolicy("TH"), size.getPolicy("TH"));
  const error = (module) => {
    try {
      module.checkClosure({ ...closure, asOf: "2026-02-30" });
    } catch (e) {
      return { name: e.name, message: e.message, code: e.code, path: e.path };
    }
    return null;
  };
  assert.ok(error(speed)?.code, "a bad date is an error");
  assert.deepEqual(error(speed), error(size));
});
