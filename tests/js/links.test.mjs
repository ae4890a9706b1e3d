// checkLinks through the npm package, as users call it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkLinks, checkLinksBatch, Engine } from "shop-policy";
import { thrown } from "./errors.mjs";

test("a Shopee link in a caption is blocked, with its rule, source and a localized message", () => {
  const report = checkLinks({ text: "Beli di shopee.co.id ya kak", surface: "video", region: "ID" });
  assert.equal(report.verdict, "block");
  assert.deepEqual(report.policy, { id: "tiktok-shop-ID", version: "2026.12.1" });
  const link = report.findings.find((f) => f.kind === "domain");
  assert.equal(link.ruleId, "links.ecommerce_link");
  assert.equal(link.platform, "shopee");
  assert.equal(link.host, "shopee.co.id");
  assert.equal(link.source, "seeds/001_c9b7d2c11510964b.txt");
  assert.match(link.message, /Shopee/);
  assert.equal(report.redacted, "••••••• •••••••••••• ya kak");
  const id = checkLinks({ text: "Beli di shopee.co.id", surface: "video", region: "ID", lang: "id" });
  assert.match(id.findings[1].message, /platform e-commerce lain/);
  const zh = checkLinks({ text: "Beli di shopee.co.id", surface: "video", region: "ID", lang: "zh" });
  assert.match(zh.findings[1].message, /其他电商平台/);
});

test("every finding says what to write instead, and the suggested text checks as allowed", () => {
  const text = "Order via WA 0812-3456-7890 ya kak 🙏";
  const report = checkLinks({ text, surface: "video", region: "ID", lang: "id" });
  assert.equal(report.verdict, "block");
  for (const f of report.findings) assert.equal(typeof f.suggestion, "string", JSON.stringify(f));
  assert.equal(report.suggestedText, "Checkout lewat keranjang kuning 🙏");
  assert.equal(checkLinks({ text: report.suggestedText, surface: "video", region: "ID", lang: "id" }).verdict, "allow");
  const chat = checkLinks({ text: "Sure! Whatsapp me at 012-345 6789 for the price.", surface: "chat", region: "MY" });
  assert.equal(chat.suggestedText, "Sure! Reply here in this chat.");
  const zh = checkLinks({ text: "更多穿搭关注我IG @mimi.ootd ✨", surface: "video", region: "MY", lang: "zh" });
  assert.equal(zh.suggestedText, "在TikTok关注我们 ✨");
  // An allowed finding stays, with no suggestion.
  const own = checkLinks({ text: "vt.tiktok.com/ZS123/", surface: "video", region: "ID" });
  assert.equal(own.findings[0].suggestion, null);
  assert.equal(own.suggestedText, "vt.tiktok.com/ZS123/");
});

test("clean text is allowed and untouched", () => {
  const text = "Kaos polos Rp 75.000, berat 2,5 kg, versi v2.0 — cek ukuran di index.html";
  const report = checkLinks({ text, surface: "product", region: "ID" });
  assert.deepEqual(report.findings, []);
  assert.equal(report.verdict, "allow");
  assert.equal(report.redacted, text);
  assert.equal(report.suggestedText, text);
});

test("offsets are UTF-16: text.slice(start, end) === match, with emoji and lone surrogates", () => {
  const text = "😀😀 \ud800 WA 0812-3456-7890 \udfff 🎉 beli di shopee.co.id 👍🏽 email: a@b.co";
  const report = checkLinks({ text, surface: "chat", region: "ID" });
  assert.ok(report.findings.length >= 4);
  for (const f of report.findings) assert.equal(text.slice(f.start, f.end), f.match, JSON.stringify(f));
  assert.equal(report.redacted.length, text.length);
  const starts = report.findings.map((f) => f.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  for (let i = 1; i < report.findings.length; i++) assert.ok(report.findings[i - 1].end <= report.findings[i].start);
});

test("surfaces and regions change the verdict as the pack says", () => {
  const bio = checkLinks({ text: "instagram.com/toko", surface: "bio", region: "TH" });
  const live = checkLinks({ text: "instagram.com/toko", surface: "live", region: "TH" });
  assert.equal(bio.verdict, "review");
  assert.equal(live.verdict, "block");
  assert.equal(checkLinks({ text: "tokopedia.com/toko", surface: "video", region: "ID" }).verdict, "review");
  assert.equal(checkLinks({ text: "tokopedia.com/toko", surface: "video", region: "MY" }).verdict, "block");
  assert.equal(checkLinks({ text: "vt.tiktok.com/ZS123/", surface: "video", region: "ID" }).verdict, "allow");
});

test("disguised links are seen through and marked obfuscated", () => {
  for (const text of ["shopee(.)co(.)id", "shopee dot co dot id", "ｓｈｏｐｅｅ．ｃｏ．ｉｄ", "sh\u043epee.co.id", "sho\u200bpee.co.id"]) {
    const [finding] = checkLinks({ text, surface: "video", region: "ID" }).findings;
    assert.equal(finding.platform, "shopee", text);
    assert.equal(finding.obfuscated, true, text);
    assert.equal(finding.verdict, "block", text);
  }
});

test("an engine with an overlay applies its own verdicts", () => {
  const engine = new Engine({
    id: "strict-ID",
    extends: "ID",
    links: { rules: [{ id: "links.tokopedia_in_id", verdict: "block" }] },
  });
  const report = engine.checkLinks({ text: "tokopedia.com/toko", surface: "video", region: "ID" });
  assert.equal(report.verdict, "block");
  assert.deepEqual(report.policy, { id: "strict-ID", version: "2026.12.1" });
  const error = thrown(() => engine.checkLinks({ text: "x", surface: "video", region: "TH" }));
  assert.equal(error.code, "unknown_region");
  engine.free();
});

test("bad input: coded errors with paths, never a trap", () => {
  const cases = [
    [{ text: "x", surface: "video" }, "invalid_input", "region"],
    [{ text: "x", surface: "tv", region: "ID" }, "invalid_input", "surface"],
    [{ text: 42, surface: "video", region: "ID" }, "invalid_input", "text"],
    [{ text: "x", surface: "video", region: "JP" }, "unknown_region", "region"],
    [{ text: "x", surface: "video", region: "ID", colour: 1 }, "unknown_field", "colour"],
    [{ text: "x", surface: "video", region: "ID", lang: "fr" }, "invalid_input", "lang"],
    [{ text: "x", surface: "video", region: "ID", asOf: "2026-01-01" }, "unknown_field", "asOf"],
    ["just text", "invalid_input", ""],
    [null, "invalid_input", ""],
  ];
  for (const [input, code, path] of cases) {
    const error = thrown(() => checkLinks(input));
    assert.deepEqual([error.code, error.path], [code, path], JSON.stringify(input));
  }
  // The module still works after every error.
  assert.equal(checkLinks({ text: "ok", surface: "video", region: "ID" }).verdict, "allow");
});

test("Shop | Tokopedia share links are TikTok Shop's own in Indonesia; reports describe their sources", () => {
  const text = "Checkout di keranjang kuning ya kak https://vt.tokopedia.com/t/ZSF7Wx6Uj/";
  const id = checkLinks({ region: "ID", surface: "video", text });
  assert.equal(id.verdict, "allow");
  assert.deepEqual([id.findings[0].ruleId, id.findings[0].platform], ["links.tokopedia_share_link", "tokopedia_share"]);
  const source = id.sources.find((s) => s.source === id.findings[0].source);
  assert.deepEqual([source.title, source.official], ["TikTok Shop by Tokopedia Affiliate Links Programme", true]);
  assert.equal(checkLinks({ region: "MY", surface: "video", text }).verdict, "block");
  const clean = checkLinks({ region: "ID", surface: "video", text: "Ready stok kak, cek keranjang kuning" });
  assert.deepEqual(clean.sources, []);
});

test("checkLinksBatch: one result per text, as checkLinks judges each, sources and policy once", () => {
  const texts = ["Kaos polos Rp 75.000", "Beli di shopee.co.id ya kak", "", "WA 0812-3456-7890"];
  const batch = checkLinksBatch({ texts, surface: "product", region: "ID", lang: "id" });
  assert.equal(batch.verdict, "block");
  assert.deepEqual(batch.policy, { id: "tiktok-shop-ID", version: "2026.12.1" });
  assert.equal(batch.results.length, texts.length);
  texts.forEach((text, i) => {
    const single = checkLinks({ text, surface: "product", region: "ID", lang: "id" });
    const result = batch.results[i];
    assert.equal(result.verdict, single.verdict, text);
    assert.deepEqual(result.findings, single.findings, text);
    // The text itself is not sent back; the suggested text only where something was replaced.
    assert.equal(result.suggestedText, single.verdict === "allow" ? undefined : single.suggestedText, text);
  });
  const cited = new Set(batch.results.flatMap((r) => r.findings.map((f) => f.source)));
  assert.deepEqual(new Set(batch.sources.map((s) => s.source)), cited);
  const error = thrown(() => checkLinksBatch({ texts: ["ok", 5], surface: "product", region: "ID" }));
  assert.deepEqual([error.code, error.path], ["invalid_input", "texts[1]"]);
  assert.equal(new Engine().checkLinksBatch({ texts: [], surface: "bio", region: "MY" }).verdict, "allow");
});
