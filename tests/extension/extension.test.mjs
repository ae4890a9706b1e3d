// The unpacked extension (extension/dist/shop-policy, built by `./build.sh build`) in Chromium,
// on a mock Seller Center page served from 127.0.0.1 under a strict CSP without
// 'wasm-unsafe-eval' — the situation of the real Seller Center, where a content script could
// not compile wasm. Also measures keystroke → badge latency on a 5,000-character description.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("../..", import.meta.url).pathname;
const extension = join(root, "extension", "dist", "shop-policy");
const results = join(root, "test-results", "extension");

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  // The page frames its own rich-text editor, as Seller Center's chat and description editors do.
  "frame-src 'self'",
  "frame-ancestors 'self'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Seller Center (mock)</title>
  <link rel="stylesheet" href="/style.css">
  <script src="/app.js" defer></script>
</head>
<body>
  <header>TikTok Shop Seller Center · mock</header>
  <main>
    <section class="product-edit">
      <h1>Edit product</h1>
      <label for="product-title">Product title</label>
      <input id="product-title" name="productTitle" type="text" value="Kaos polos katun premium">
      <label for="description">Product description</label>
      <textarea id="description" name="productDescription" rows="7"></textarea>
      <label for="price">Price (Rp)</label>
      <input id="price" name="price" type="number" value="75000">
    </section>
    <section class="rich-editor">
      <h2>Description (rich text)</h2>
      <iframe id="editor-frame" src="/editor.html" title="Rich text editor"></iframe>
    </section>
    <section class="chat-panel">
      <h2>Buyer chat</h2>
      <div id="replies"></div>
      <button id="add-reply" type="button">Write a reply</button>
    </section>
  </main>
</body>
</html>
`;

// The page's own script: inserts a chat editor when asked (a field the extension has never
// seen at load time), and records any CSP violation, which must never happen.
const APP = `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective + " " + e.blockedURI));
document.getElementById("add-reply").addEventListener("click", () => {
  const editor = document.createElement("div");
  editor.id = "chat-reply";
  editor.contentEditable = "true";
  editor.setAttribute("aria-label", "Chat reply");
  editor.className = "chat-input";
  const line = document.createElement("p");
  line.textContent = "Halo kak, stok ready. Order via WA 0812-3456-7890 ya";
  editor.append(line);
  document.getElementById("replies").append(editor);
});
`;

const STYLE = `body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #161823; }
header { background: #000; color: #fff; padding: 10px 20px; font-weight: 600; }
main { max-width: 760px; margin: 20px auto; display: grid; gap: 20px; }
section { background: #fff; border-radius: 8px; padding: 16px 20px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
h1, h2 { font-size: 18px; margin: 0 0 12px; }
label { display: block; font-size: 13px; color: #555; margin: 12px 0 4px; }
input, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 8px 10px; border: 1px solid #ccc; border-radius: 6px; }
textarea { resize: vertical; }
.chat-input { border: 1px solid #ccc; border-radius: 6px; padding: 4px 10px; min-height: 48px; margin-bottom: 8px; }
button { font: inherit; padding: 6px 14px; }
`;

// The framed editor: a field of its own, in a document of its own.
const EDITOR = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Editor</title></head>
<body><label for="frame-note">Note to buyers</label><textarea id="frame-note" name="frameNote" rows="4"></textarea></body>
</html>
`;

// A page that says nothing about its region (no regional host, no lang, no query).
const PLAIN = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>Plain</title></head>
<body><label for="plain-note">Note</label><textarea id="plain-note" name="plainNote" rows="3"></textarea></body>
</html>
`;

const ROUTES = {
  "/": ["text/html; charset=utf-8", PAGE],
  "/plain.html": ["text/html; charset=utf-8", PLAIN],
  "/editor.html": ["text/html; charset=utf-8", EDITOR],
  "/app.js": ["text/javascript; charset=utf-8", APP],
  "/style.css": ["text/css; charset=utf-8", STYLE],
  "/favicon.ico": ["image/x-icon", ""],
};

/** Every request the mock received, with what it answered. */
const served = [];
let server;
let origin;
let context;
let profile;
let extensionId;

before(async () => {
  assert.ok(existsSync(join(extension, "manifest.json")), `${extension} is missing: run ./build.sh build first`);
  server = createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    const route = ROUTES[path];
    served.push({ url: `${origin}${req.url}`, status: route ? 200 : 404 });
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": route[0], "content-security-policy": CSP, "cache-control": "no-store" });
    res.end(route[1]);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;

  profile = mkdtempSync(join(tmpdir(), "shop-policy-extension-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1000, height: 900 },
    args: [
      // The new headless mode runs extensions; the old one does not.
      "--headless=new",
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  context.on("request", (request) => requested.push(request.url()));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent("serviceworker");
  extensionId = new URL(worker.url()).host;
  // The content script is registered at run time (onInstalled): wait for it, as a user would
  // by installing before browsing.
  for (let i = 0; ; i += 1) {
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    if (scripts.some((s) => s.matches.includes("http://127.0.0.1/*"))) break;
    assert.ok(i < 100, "the content script was never registered");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Every request the browser made: pages, frames and the extension's worker. */
const requested = [];

async function openMock() {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  return page;
}

const badge = (page, field) => page.locator(`[data-shop-policy-badge][data-shop-policy-field="${field}"]`);

/** Resolves once the field's badge says `verdict`; fails after `timeout` ms. */
function verdict(page, field, expected, timeout = 1000) {
  return page.waitForFunction(
    ([f, v]) => document.querySelector(`[data-shop-policy-badge][data-shop-policy-field="${f}"]`)?.getAttribute("data-shop-policy-verdict") === v,
    [field, expected],
    { timeout, polling: 10 },
  );
}

test("typing a Shopee link into the product description blocks within 1 s; clearing it allows", async () => {
  const page = await openMock();
  const description = page.locator("#description");
  await description.click();
  const text = "Kaos polos katun, adem dan nyaman. Beli di shopee.co.id ya kak";
  await page.keyboard.type(text);
  const typed = Date.now();
  await verdict(page, "description", "block");
  const elapsed = Date.now() - typed;
  assert.ok(elapsed < 1000, `block shown ${elapsed} ms after the last keystroke`);

  const shown = badge(page, "description");
  assert.equal(await shown.getAttribute("data-shop-policy-surface"), "product");
  assert.equal(await shown.getAttribute("data-shop-policy-region"), "ID"); // from <html lang="id">
  // The browser's language (en here), as the options' default says. The verdict can turn to
  // block on a check of a prefix of the text still in flight when typing ends; the check of the
  // final text follows within the rate limit, so wait for its count rather than read it once.
  await page.waitForFunction(
    () => document.querySelector('[data-shop-policy-badge][data-shop-policy-field="description"]')
      ?.shadowRoot?.querySelector(".pill")?.textContent === "Not allowed · 2",
    null,
    { timeout: 1000, polling: 10 },
  );
  assert.equal(await shown.evaluate((b) => b.shadowRoot.querySelector(".pill").textContent), "Not allowed · 2");
  // The highlights cover exactly the offending spans, and the field is untouched.
  // The overlay is drawn on the next animation frame after the badge: wait for its marks.
  const markTexts = () =>
    [...document.querySelectorAll('[data-shop-policy-ui="overlay"]')].flatMap((o) => [...o.shadowRoot.querySelectorAll("mark")].map((m) => m.textContent));
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-shop-policy-ui="overlay"]')].flatMap((o) => [...o.shadowRoot.querySelectorAll("mark")]).length === 2,
    null,
    { timeout: 1000, polling: 10 },
  );
  const marks = await page.evaluate(markTexts);
  assert.deepEqual(marks, ["Beli di", "shopee.co.id"]);
  assert.equal(await description.inputValue(), text);

  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await verdict(page, "description", "allow");
  assert.equal(await description.inputValue(), "");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.close();
});

test("a field inserted after load is checked, with the surface it is for", async () => {
  const page = await openMock();
  await page.click("#add-reply");
  // Inserted with a WhatsApp number already in it: found by the MutationObserver, no typing.
  await verdict(page, "chat-reply", "block");
  const shown = badge(page, "chat-reply");
  assert.equal(await shown.getAttribute("data-shop-policy-surface"), "chat");
  // Editors are highlighted from DOM ranges over their own text nodes.
  const rects = await page.evaluate(() =>
    [...document.querySelectorAll('[data-shop-policy-ui="overlay"]')].reduce((n, o) => n + o.shadowRoot.querySelectorAll(".rect").length, 0),
  );
  assert.ok(rects >= 2, `${rects} highlight rectangles`);

  // Replace from the reasons works in a rich-text editor too: through a DOM range, as an edit.
  await shown.locator(".pill").click();
  await page.waitForFunction(() => document.querySelector('[data-shop-policy-field="chat-reply"]')?.shadowRoot?.querySelector(".replace"));
  const replaces = shown.locator(".replace");
  await replaces.nth((await replaces.count()) - 1).click();
  await page.waitForFunction(() => !/0812/.test(document.getElementById("chat-reply").textContent));
  assert.match(await page.locator("#chat-reply").innerText(), /this chat|chat ini|这里的聊天/);
  assert.match(await page.locator("#chat-reply").innerText(), /^Halo kak, stok ready\./);

  // Editing it: remove everything, write a clean reply.
  await page.locator("#chat-reply").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Halo kak, stok ready, silakan checkout di keranjang kuning");
  await verdict(page, "chat-reply", "allow");
  assert.match(await page.locator("#chat-reply").innerText(), /keranjang kuning/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.close();
});

test("the service worker re-instantiates the wasm after it is stopped", async () => {
  // An extension page to ask the worker how it is (its module state is out of evaluate's reach).
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/popup.html`);
  const status = () => control.evaluate(() => chrome.runtime.sendMessage({ type: "status" }));
  const first = (await status()).stats;
  assert.equal(typeof first.instantiatedAt, "number");

  const page = await openMock();
  // What Chrome does to an idle worker after 30 s, now: stop it, module state and all.
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  const stoppedAt = Date.now();
  await cdp.send("ServiceWorker.stopAllWorkers");
  await page.locator("#description").fill("Chat kami di wa.me/6281234567890");
  await verdict(page, "description", "block", 3000);
  const second = (await status()).stats;
  assert.ok(second.instantiatedAt >= stoppedAt, "a fresh worker instantiated the wasm for the first message");
  assert.equal(second.checks, 1, "and that first message was the page's check");
  await cdp.detach();
  await control.close();
  await page.close();
});

/** The popup in a tab of its own, for `region` and in `lang`. */
async function openPopup(region, lang) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.selectOption("#region", region);
  await page.selectOption("#lang", lang);
  return { page, eligibility: page.locator("#eligibility") };
}

test("the popup's quick checks run on the same wasm", async () => {
  const { page, eligibility } = await openPopup("ID", "en");
  await eligibility.locator('[name="followers"]').fill("563");
  await eligibility.locator('[name="age"]').fill("24");
  await eligibility.locator('[name="identityVerified"]').selectOption("true");
  await eligibility.locator('[name="governmentAccount"]').selectOption("false");
  await eligibility.locator('[name="codeOfConductViolations"]').fill("0");
  await eligibility.locator('[name="previouslyRevoked"]').selectOption("false");
  await eligibility.locator('[name="linkedShopAtRisk"]').selectOption("false");
  await eligibility.locator("button").click();
  await assert.doesNotReject(eligibility.locator(".outcome", { hasText: "not eligible" }).waitFor({ timeout: 3000 }));
  assert.match(await eligibility.locator(".result").innerText(), /Gain 37 more followers/);

  await page.locator("#health summary").click();
  await page.fill('#health [name="violations"]', "2023-01-20 4 Prohibited Customer Communication\n2023-02-06 4 Misleading Product Information");
  await page.fill('#health [name="asOf"]', "2023-02-10");
  await page.click("#health button");
  await page.locator("#health .outcome").waitFor({ timeout: 3000 });
  assert.match(await page.locator("#health .result").innerText(), /8 active points[\s\S]*Next at 12 \(4 to go\)/);
  assert.match(await page.locator("#health .result").innerText(), /Judged under the rule in force on 10 February 2023: seller violation points\./);

  // A creator in 2026 is on the Creator Health Rating; the rule and its source are named.
  await page.selectOption('#health [name="role"]', "creator");
  await page.fill('#health [name="violations"]', "2026-02-20 30 Misleading Product Information");
  await page.fill('#health [name="asOf"]', "2026-03-01");
  await page.click("#health button");
  await page.locator("#health .outcome", { hasText: "health score 170" }).waitFor({ timeout: 3000 });
  const creator = await page.locator("#health .result").innerText();
  assert.match(creator, /Creator Health Rating[\s\S]*in force since 12 January 2026/);
  assert.match(creator, /Source: Creator Enforcement Policy \(TikTok Shop Seller University \(Vietnam\), 2025-11-28, same rule as VN\)/);
  await page.selectOption('#health [name="role"]', "seller");

  await page.locator("#closure summary").click();
  // A blank figure is unknown: the popup names what to fill in rather than judging it 0.
  await page.fill('#closure [name="openOrders"]', "1");
  await page.click("#closure button");
  await page.locator("#closure .bad", { hasText: "Fill in: Active campaigns, Bound creators, Commission owed" }).waitFor({ timeout: 3000 });
  assert.equal(await page.locator('#closure [name="deposit"]').getAttribute("aria-invalid"), "");
  for (const name of ["activeCampaigns", "boundCreators", "commissionArrears", "balance", "unpaidInvoices", "depositArrears"]) {
    await page.fill(`#closure [name="${name}"]`, "0");
  }
  await page.fill('#closure [name="deposit"]', "500000");
  await page.click("#closure button");
  await page.locator("#closure .outcome").waitFor({ timeout: 3000 });
  const closure = await page.locator("#closure .result").innerText();
  assert.match(closure, /Conditions not met: \d/);
  assert.match(closure, /an order is still open/);
  // Empty amounts are unknown, not 0: the answer asks for them rather than judging them paid.
  assert.doesNotMatch(closure, /⟦/);
  await page.selectOption('#closure [name="sellerType"]', "local");
  await page.click("#closure button");
  await page.locator("#closure .warn", { hasText: "shown as a guide" }).waitFor({ timeout: 3000 });

  // Bad input comes back as the library's error, with its code and path.
  await page.fill('#health [name="violations"]', "2023-02-31 4 Spam");
  await page.click("#health button");
  await page.locator("#health .bad").waitFor({ timeout: 3000 });
  assert.match(await page.locator("#health .bad").innerText(), /^invalid_date \(violations\[0\]\.issuedOn\)/);
  await page.close();
});

test("the popup speaks the language chosen for the reasons: its form, its answers, its dates", async () => {
  const { page, eligibility } = await openPopup("ID", "id");
  await page.locator("#eligibility summary", { hasText: "Izin e-commerce (kreator)" }).waitFor({ timeout: 3000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "id");
  await eligibility.locator('[name="followers"]').fill("563");
  await eligibility.locator('[name="age"]').fill("24");
  await eligibility.locator("button", { hasText: "Cek kelayakan" }).click();
  await eligibility.locator(".outcome").first().waitFor({ timeout: 3000 });
  const answer = await eligibility.locator(".result").innerText();
  assert.match(answer, /tidak memenuhi syarat|data belum lengkap/);
  assert.match(answer, /per \d{1,2} [A-Z][a-z]+ 20\d\d/, "the date in words, in Indonesian");
  await page.screenshot({ path: join(results, "popup-id.png"), fullPage: true });
  await page.selectOption("#lang", "zh");
  await page.locator("#closure summary", { hasText: "关闭店铺" }).waitFor({ timeout: 3000 });
  // The answer shown is asked again in the new language.
  await eligibility.locator(".outcome", { hasText: "不符合条件" }).waitFor({ timeout: 3000 });
  const text = await page.locator("body").innerText();
  assert.doesNotMatch(text, /⟦/, "every popup string exists in Chinese");
  assert.match(await page.locator("#footer").innerText(), /设置/);
  await page.locator("#closure summary").click();
  await page.locator("#closure button").click();
  await page.locator("#closure .bad", { hasText: "请填写" }).waitFor({ timeout: 3000 });
  await page.screenshot({ path: join(results, "popup-zh.png"), fullPage: true });
  await page.close();
});

test("the options page's region applies to the fields", async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.selectOption('select[name="region"]', "MY");
  await options.selectOption('select[name="lang"]', "zh");
  await options.click('button[type="submit"]');
  // The options page itself now speaks the language chosen, My rules included.
  await options.locator("#status", { hasText: "已保存。" }).waitFor({ timeout: 3000 });
  assert.equal(await options.locator("h1").textContent(), "shop-policy 设置");
  assert.equal(await options.locator("#rules-add-word").textContent(), "添加词语");
  await options.screenshot({ path: join(results, "options-zh.png"), fullPage: true });

  const page = await openMock();
  // Tokopedia is under review in Indonesia but an outside marketplace in Malaysia.
  await page.locator("#description").fill("Tersedia juga di tokopedia.com/tokokaos");
  await verdict(page, "description", "block");
  assert.equal(await badge(page, "description").getAttribute("data-shop-policy-region"), "MY");
  assert.equal(await badge(page, "description").evaluate((b) => b.shadowRoot.querySelector(".pill").textContent), "不允许 · 1");
  // The reasons, in the chosen language, with their source.
  await badge(page, "description").locator(".pill").click();
  const reasons = await badge(page, "description").evaluate((b) => b.shadowRoot.querySelector(".panel").innerText);
  assert.match(reasons, /tokopedia\.com\/tokokaos/);
  assert.match(reasons, /电商/);
  assert.match(reasons, /来源: \S+/);

  // Back to inferring the region from the page: the open page follows without a reload.
  await options.selectOption('select[name="region"]', "auto");
  await options.selectOption('select[name="lang"]', "auto");
  await options.click('button[type="submit"]');
  await verdict(page, "description", "review", 3000);
  assert.equal(await badge(page, "description").getAttribute("data-shop-policy-region"), "ID");
  await options.close();
  await page.close();
});

test("keystroke → badge latency on a 5,000-character description, and a screenshot", async () => {
  const page = await openMock();
  const description = page.locator("#description");
  // Clean text; the end " kaosku.c" is nothing yet, " kaosku.co" is a domain to review. (Not a
  // marketplace's name: a bare "shopee" in a product text is already a mention to review.)
  const body = "Kaos polos katun combed 30s, adem, tidak luntur, jahitan rapi. Tersedia ukuran S sampai XXL. ";
  const text = body.repeat(60).slice(0, 5000 - " kaosku.c".length) + " kaosku.c";
  assert.equal(text.length, 5000);
  await description.fill(text);
  await description.focus();
  await page.evaluate(() => document.getElementById("description").setSelectionRange(5000, 5000));
  await page.waitForTimeout(300);
  assert.equal(await badge(page, "description").getAttribute("data-shop-policy-verdict"), "allow");

  // Timed in the page: from the keydown event to the mutation of the badge's verdict.
  await page.evaluate(() => {
    const target = document.querySelector('[data-shop-policy-field="description"]');
    window.latency = { down: 0, samples: [] };
    document.addEventListener("keydown", (e) => (window.latency.down = e.timeStamp), true);
    new MutationObserver(() => window.latency.samples.push(performance.now() - window.latency.down)).observe(target, {
      attributes: true,
      attributeFilter: ["data-shop-policy-verdict"],
    });
  });
  const KEYSTROKES = 40;
  for (let i = 0; i < KEYSTROKES; i += 1) {
    const [key, expected] = i % 2 === 0 ? ["o", "review"] : ["Backspace", "allow"];
    await page.keyboard.press(key);
    await verdict(page, "description", expected);
    await page.waitForTimeout(120); // a typist's pause between keys
  }
  const samples = await page.evaluate(() => window.latency.samples);
  assert.equal(samples.length, KEYSTROKES, "one badge update per keystroke");
  const sorted = [...samples].sort((a, b) => a - b);
  const median = (sorted[KEYSTROKES / 2 - 1] + sorted[KEYSTROKES / 2]) / 2;
  const timings = {
    what: "keydown → data-shop-policy-verdict mutation, 5,000-character textarea, Chromium headless",
    textLength: text.length,
    keystrokes: KEYSTROKES,
    medianMs: Number(median.toFixed(1)),
    minMs: Number(sorted[0].toFixed(1)),
    // Nearest rank: the value 95% of keystrokes were at or under (issue #16's goal: one frame).
    p95Ms: Number(sorted[Math.ceil(0.95 * KEYSTROKES) - 1].toFixed(1)),
    maxMs: Number(sorted.at(-1).toFixed(1)),
    samplesMs: samples.map((s) => Number(s.toFixed(1))),
    userAgent: await page.evaluate(() => navigator.userAgent),
  };
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "timings.json"), JSON.stringify(timings, null, 2) + "\n");
  console.log(`keystroke → badge on a 5,000-character description: median ${timings.medianMs} ms ` +
    `(p95 ${timings.p95Ms}, min ${timings.minMs}, max ${timings.maxMs}, ${KEYSTROKES} keystrokes) → test-results/extension/timings.json`);
  assert.ok(median < 1000, `median ${median} ms`);

  // The screenshot: a description with a link, a WhatsApp number and a call to action.
  await description.fill(
    "Kaos polos katun combed 30s, adem dan tidak luntur. Ukuran S–XXL.\n" +
      "Mau lebih murah? Beli di shopee.co.id/kaospolos atau order via WA 0812-3456-7890.\n" +
      "Info lain di instagram.com/kaospolos.id",
  );
  await verdict(page, "description", "block");
  await badge(page, "description").locator(".pill").click();
  await page.locator("#description").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(results, "overlay.png") });
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.close();
});

test("the reasons open from the keyboard next to the field, and close with Escape or a click elsewhere", async () => {
  const page = await openMock();
  const description = page.locator("#description");
  await description.fill("Order via WA 0812-3456-7890");
  await verdict(page, "description", "block");
  const expanded = () => badge(page, "description").evaluate((b) => b.shadowRoot.querySelector(".pill").getAttribute("aria-expanded"));
  assert.equal(await expanded(), "false");
  await description.focus();
  await page.keyboard.press("Alt+Shift+P");
  await page.waitForFunction(() => document.querySelector('[data-shop-policy-field="description"]')?.shadowRoot?.querySelector(".pill")?.getAttribute("aria-expanded") === "true");
  assert.match(await badge(page, "description").evaluate((b) => b.shadowRoot.querySelector(".panel").innerText), /WhatsApp|phone|telepon|0812/i);
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector('[data-shop-policy-field="description"]')?.shadowRoot?.querySelector(".pill")?.getAttribute("aria-expanded") === "false");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "description", "focus goes back to the field");
  await badge(page, "description").locator(".pill").click();
  assert.equal(await expanded(), "true");
  await page.mouse.click(5, 5);
  await page.waitForFunction(() => document.querySelector('[data-shop-policy-field="description"]')?.shadowRoot?.querySelector(".pill")?.getAttribute("aria-expanded") === "false");
  await page.close();
});

test("the reasons say what to write instead, and Replace puts it in the field only when clicked", async () => {
  const page = await openMock();
  const description = page.locator("#description");
  const text = "Kaos polos katun, adem dan nyaman. Cek juga di shopee.co.id/tokoku ya kak";
  await description.fill(text);
  await verdict(page, "description", "block");
  await badge(page, "description").locator(".pill").click();
  const panel = () => badge(page, "description").evaluate((b) => b.shadowRoot.querySelector(".panel").innerText);
  await page.waitForFunction(() => document.querySelector('[data-shop-policy-field="description"]')?.shadowRoot?.querySelector(".instead"));
  assert.match(await panel(), /Write instead: .*Buy now/);
  assert.equal(await description.inputValue(), text, "nothing changes before the click");
  await badge(page, "description").locator(".replace").first().click();
  await verdict(page, "description", "allow");
  assert.equal(await description.inputValue(), "Kaos polos katun, adem dan nyaman. Cek juga di the Buy now button on this page ya kak");
  // The page's editor saw an ordinary edit: its undo brings the words back.
  await description.focus();
  await page.keyboard.press("Control+Z");
  assert.equal(await description.inputValue(), text);
  await page.close();
});

test("my rules in the options: a blocked word and an allowed phrase apply to the fields; export, re-import, a broken file", async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.selectOption("#rules-region", "ID");
  await options.click("#rules-add-word");
  await options.fill('#rules-words tbody tr:nth-child(1) input[data-key="phrase"]', "termurah se-indonesia");
  await options.fill('#rules-words tbody tr:nth-child(1) input[data-key="instead"]', "harga bersahabat");
  await options.click("#rules-add-allow");
  await options.fill('#rules-allow tbody tr:nth-child(1) input[data-key="phrase"]', "wa ode");
  await options.click("#rules-save");
  await options.locator("#rules-status", { hasText: "Saved." }).waitFor({ timeout: 3000 });

  const page = await openMock();
  await page.locator("#description").fill("Batik Wa Ode tulis asli, termurah se-Indonesia!");
  await verdict(page, "description", "block");
  await badge(page, "description").locator(".pill").click();
  const reasons = await badge(page, "description").evaluate((b) => b.shadowRoot.querySelector(".panel").innerText);
  assert.match(reasons, /termurah se-Indonesia/);
  assert.match(reasons, /your rules|Your rules/);
  assert.match(reasons, /harga bersahabat/);
  assert.doesNotMatch(reasons, /WhatsApp/, "the allowed phrase is no finding");

  // Exported, the word removed and saved, then the file imported back.
  const [download] = await Promise.all([options.waitForEvent("download"), options.click("#rules-export")]);
  const file = join(results, "extension-my-rules.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.deepEqual(exported.regions.ID.allow, [{ phrase: "wa ode" }]);
  await options.locator('#rules-words tbody tr:nth-child(1) button').click();
  await options.click("#rules-save");
  await page.locator("#description").fill("termurah se-Indonesia!");
  await verdict(page, "description", "allow");
  await options.setInputFiles("#rules-import", file);
  await options.locator("#rules-status", { hasText: "Read extension-my-rules.json" }).waitFor({ timeout: 3000 });
  assert.equal(await options.locator("#rules-words tbody tr").count(), 1);
  await options.click("#rules-save");
  await options.locator("#rules-status", { hasText: "Saved." }).waitFor({ timeout: 3000 });
  await page.locator("#description").fill("termurah se-Indonesia!!");
  await verdict(page, "description", "block");

  // A broken file changes nothing.
  const broken = join(results, "extension-my-rules-broken.json");
  writeFileSync(broken, "not json at all");
  await options.setInputFiles("#rules-import", broken);
  await options.locator("#rules-status", { hasText: "is not a rules file" }).waitFor({ timeout: 3000 });
  assert.equal(await options.locator("#rules-words tbody tr").count(), 1);

  // Cleaned up for the other tests.
  await options.locator('#rules-words tbody tr:nth-child(1) button').click();
  await options.locator('#rules-allow tbody tr:nth-child(1) button').click();
  await options.click("#rules-save");
  await options.locator("#rules-status", { hasText: "Saved." }).waitFor({ timeout: 3000 });
  await options.close();
  await page.close();
});

test("my rules in the options: a figure set for a region is used by the popup's quick checks", async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.selectOption("#rules-region", "MY");
  await options.click("#rules-add-figure");
  const row = options.locator("#rules-figures tbody tr:nth-child(1)");
  await row.locator('[data-key="figure"]').selectOption("eligibility.followers|min");
  await row.locator('[data-key="value"]').fill("500");
  await options.click("#rules-save");
  await options.locator("#rules-status", { hasText: "Saved." }).waitFor({ timeout: 3000 });

  const { page: popup, eligibility } = await openPopup("MY", "en");
  await eligibility.locator('[name="followers"]').fill("563");
  await eligibility.locator('[name="age"]').fill("24");
  await eligibility.locator("button").click();
  await eligibility.locator(".outcome").waitFor({ timeout: 3000 });
  const answer = await eligibility.locator(".result").innerText();
  assert.doesNotMatch(answer, /more followers/, "563 followers meet the 500 the person set");
  assert.match(answer, /your rules|Your rules/);

  // Cleaned up for the other tests.
  await options.locator("#rules-figures tbody tr:nth-child(1) button").click();
  await options.click("#rules-save");
  await options.locator("#rules-status", { hasText: "Saved." }).waitFor({ timeout: 3000 });
  await options.close();
  await popup.close();
});

test("a field inside a frame is checked too (editors and chat panes often live in iframes)", async () => {
  const page = await openMock();
  const frame = page.frameLocator("#editor-frame");
  await frame.locator("#frame-note").fill("Beli di shopee.co.id/tokoku ya kak");
  await assert.doesNotReject(
    frame.locator('[data-shop-policy-badge][data-shop-policy-field="frame-note"][data-shop-policy-verdict="block"]').waitFor({ state: "attached", timeout: 3000 }),
  );
  await page.close();
});

test("where the page does not say the region, the reasons ask for it once, the guess preselected", async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.selectOption('select[name="region"]', "auto");
  await options.selectOption('select[name="lang"]', "en");
  await options.click('button[type="submit"]');
  await options.locator("#status", { hasText: "Saved." }).waitFor({ timeout: 3000 });
  await options.close();

  const page = await context.newPage();
  await page.goto(`${origin}/plain.html`);
  await page.locator("#plain-note").fill("Order via WA 0812-3456-7890");
  const plain = badge(page, "plain-note");
  await plain.waitFor({ state: "attached", timeout: 3000 });
  await plain.locator(".pill").click();
  const ask = plain.locator(".ask");
  await ask.waitFor({ timeout: 3000 });
  assert.match(await ask.innerText(), /Which region's rules should apply here\?/);
  await ask.locator("select").selectOption("MY");
  await ask.locator("button").click();
  // Saved in the options: the field is judged again under Malaysia's rules, and the question goes.
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-shop-policy-field="plain-note"]')?.shadowRoot;
    return root && !root.querySelector(".ask") && /Region MY/.test(root.querySelector(".head")?.textContent ?? "");
  }, null, { timeout: 10_000 });
  await page.close();
});

test("no page made a request the mock did not serve", () => {
  assert.ok(requested.length > 0);
  const answered = new Set(served.filter((s) => s.status === 200).map((s) => s.url));
  assert.ok(answered.has(`${origin}/`) && answered.has(`${origin}/app.js`));
  for (const s of served) assert.equal(s.status, 200, `the mock did not serve ${s.url}`);
  const strays = requested.filter((url) => !answered.has(url) && !url.startsWith(`chrome-extension://${extensionId}/`));
  assert.deepEqual(strays, []);
});
