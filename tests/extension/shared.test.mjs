// The extension's pure helpers (extension/shared.js): how a page and a field become a region,
// a surface and a language, and which URL patterns the options page accepts.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  inferRegion,
  inferSurface,
  isMatchPattern,
  parsePatterns,
  resolveLang,
  resolveRegion,
  withDefaults,
} from "../../extension/shared.js";

test("the region comes from the Seller Center host, then the URL, then the page language", () => {
  assert.equal(inferRegion({ hostname: "seller-id.tiktok.com", documentLang: "en" }), "ID");
  // Indonesia's Seller Center moved to Shop | Tokopedia.
  assert.equal(inferRegion({ hostname: "seller-id.tokopedia.com", documentLang: "en" }), "ID");
  assert.equal(inferRegion({ hostname: "www.tokopedia.com", documentLang: "en" }), null);
  assert.equal(inferRegion({ hostname: "seller-uk.tiktok.com" }), "UK");
  assert.equal(inferRegion({ hostname: "seller-vn.tiktok.com", search: "?region=TH" }), "VN");
  assert.equal(inferRegion({ hostname: "seller.tiktokshop.com", search: "?shop_region=my" }), "MY");
  assert.equal(inferRegion({ hostname: "seller.tiktokshop.com", documentLang: "en-GB" }), "UK");
  assert.equal(inferRegion({ hostname: "127.0.0.1", documentLang: "th-TH" }), "TH");
  assert.equal(inferRegion({ hostname: "127.0.0.1", documentLang: "vi" }), "VN");
  assert.equal(inferRegion({ hostname: "127.0.0.1", documentLang: "zh-Hans-SG" }), "SG");
  assert.equal(inferRegion({ hostname: "127.0.0.1", documentLang: "en" }), null);
  assert.equal(inferRegion({ hostname: "seller-xx.tiktok.com", search: "?region=FR" }), null);
});

test("the options' region wins; without one, the page, then the browser, then ID", () => {
  assert.equal(resolveRegion("MY", { hostname: "seller-id.tiktok.com" }, "en-US"), "MY");
  assert.equal(resolveRegion("auto", { hostname: "seller-id.tiktok.com" }, "en-US"), "ID");
  assert.equal(resolveRegion("auto", { documentLang: "en" }, "en-US"), "US");
  assert.equal(resolveRegion("auto", {}, "fr-FR"), "ID");
});

test("the language: the options' choice, else the browser's when the library has it, else en", () => {
  assert.equal(resolveLang("zh", "id-ID"), "zh");
  assert.equal(resolveLang("auto", "id-ID"), "id");
  assert.equal(resolveLang("auto", "zh-CN"), "zh");
  assert.equal(resolveLang("auto", "th-TH"), "en");
});

test("the surface comes from the field, then its surroundings, then the URL", () => {
  const seller = { hostname: "seller-id.tiktok.com", pathname: "/product/edit" };
  assert.equal(inferSurface({ ...seller, hint: "productDescription Product description" }), "product");
  assert.equal(inferSurface({ ...seller, hint: "product-title" }), "product");
  assert.equal(inferSurface({ ...seller, hint: "chat-reply Chat reply" }), "chat");
  assert.equal(inferSurface({ ...seller, hint: "Tulis pesan" }), "chat");
  assert.equal(inferSurface({ ...seller, hint: "", context: "im-editor message-box" }), "chat");
  assert.equal(inferSurface({ ...seller, hint: "", context: "" }), "product");
  assert.equal(inferSurface({ hostname: "seller-id.tiktok.com", pathname: "/chat/inbox" }), "chat");
  assert.equal(inferSurface({ ...seller, hint: "description", explicit: "live" }), "live");
  // In TikTok Studio a description is a caption.
  const studio = { hostname: "www.tiktok.com", pathname: "/tiktokstudio/upload" };
  assert.equal(inferSurface({ ...studio, hint: "Description" }), "video");
  assert.equal(inferSurface({ ...studio, hint: "Add a comment" }), "comment");
  assert.equal(inferSurface({ ...studio, hint: "bio" }), "bio");
});

test("URL patterns: valid match patterns only, one a line", () => {
  for (const ok of ["https://seller-id.tiktok.com/*", "http://127.0.0.1/*", "https://*.example.com/shop/*", "*://localhost:8080/*"]) {
    assert.ok(isMatchPattern(ok), ok);
  }
  for (const bad of ["https://seller-*.tiktok.com/*", "seller-id.tiktok.com", "ftp://x.com/*", "https://x.com", "<all_urls>", ""]) {
    assert.ok(!isMatchPattern(bad), bad);
  }
  assert.deepEqual(parsePatterns("https://a.com/*\n\n  # a comment\nhttps://a.com/*\r\nhttp://b.com/* # why\n"), [
    "https://a.com/*",
    "http://b.com/*",
  ]);
});

test("options: stored values with defaults for what is missing or invalid", () => {
  const defaults = ["http://127.0.0.1/*"];
  assert.deepEqual(withDefaults({}, defaults), { region: "auto", lang: "auto", patterns: defaults });
  assert.deepEqual(withDefaults({ region: "XX", lang: "fr", patterns: [] }, defaults), { region: "auto", lang: "auto", patterns: [] });
  assert.deepEqual(withDefaults({ region: "TH", lang: "zh" }, defaults).region, "TH");
});

test("the extension runs on Indonesia's Seller Center, seller-id.tokopedia.com, by default", async () => {
  const { readFile } = await import("node:fs/promises");
  const manifest = JSON.parse(await readFile(new URL("../../extension/manifest.json", import.meta.url), "utf8"));
  assert.ok(manifest.host_permissions.includes("https://seller-id.tokopedia.com/*"));
  const defaults = withDefaults({}, manifest.host_permissions);
  assert.ok(defaults.patterns.includes("https://seller-id.tokopedia.com/*"), JSON.stringify(defaults.patterns));
});

test("the region is a guess only when neither the options nor the page say it", async () => {
  const { regionGuessed } = await import("../../extension/shared.js");
  assert.equal(regionGuessed("auto", { hostname: "example.com" }), true);
  assert.equal(regionGuessed("auto", { hostname: "seller-my.tiktok.com" }), false);
  assert.equal(regionGuessed("auto", { hostname: "example.com", documentLang: "th" }), false);
  assert.equal(regionGuessed("VN", { hostname: "example.com" }), false);
});
