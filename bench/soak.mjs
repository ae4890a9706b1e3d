// Soak: 1,000,000 mixed calls through pkg/ (as users import it), sampling the wasm linear memory
// every 100,000 calls. Linear memory never shrinks, so a leak shows as growth after warm-up;
// the run fails (exit 1) if memory grows after the first sample.
//
//   node bench/soak.mjs [calls]        (./build.sh soak)
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const total = Number(process.argv[2] ?? 1_000_000);
const api = await import(join(root, "pkg", "node.js"));
const { initSync } = await import(join(root, "pkg", "shop_policy.js"));
// Already instantiated by node.js: initSync hands back the same exports, memory included.
const { memory } = initSync({ module: readFileSync(join(root, "pkg", "shop_policy_bg.wasm")) });

const captions = [
  "Promo hari ini! Checkout di keranjang kuning ya kak 🛒",
  "Order via WA 0812-3456-7890 atau shopee.co.id/tokoku",
  "更多款式请看 https://item.taobao.com/item.htm?id=1 或加微信 shop88",
  "DM me on IG @tokoku.official — link in bio linktr.ee/tokoku",
  "ราคาพิเศษ สั่งซื้อทางไลน์ line.me/ti/p/@shop",
];
const health = {
  region: "ID",
  asOf: "2026-03-01",
  violations: Array.from({ length: 12 }, (_, i) => ({
    id: `v${i}`,
    type: i % 2 ? "prohibited_products" : "misleading_content",
    points: 1 + (i % 4),
    issuedOn: `2026-0${1 + (i % 2)}-${String(10 + i).padStart(2, "0")}`,
  })),
  quizAttempts: [{ violationId: "v1", takenOn: "2026-02-20", passed: true }],
};
const closure = {
  region: "ID",
  asOf: "2026-06-01",
  initiatedBy: "seller",
  sellerType: "cross_border",
  activeCampaigns: 0,
  boundCreators: 1,
  announcementSince: "2026-05-01",
  orders: Array.from({ length: 50 }, (_, i) => ({ id: String(577000 + i), status: i === 7 ? "shipped" : "completed", finalizedOn: "2026-03-01" })),
  commissionArrears: 0,
  balance: -1000,
  unpaidInvoices: 0,
  depositArrears: 0,
  deposit: 50_000_000,
};
const eligibility = { region: "VN", asOf: "2026-03-01", followers: 950, age: 20, identityVerified: true, lang: "zh" };

let errors = 0;
const calls = [
  (i) => api.checkLinks({ text: captions[i % captions.length], surface: "live", region: "ID", lang: i % 3 ? "id" : "en" }),
  () => api.checkEligibility(eligibility),
  () => api.accountHealth(health),
  () => api.checkClosure(closure),
  (i) => api.checkLinks({ text: captions[i % captions.length].repeat(20), surface: "product", region: "TH" }),
  () => {
    try {
      api.checkClosure({ ...closure, orders: [{ id: "1", status: "completed" }] });
    } catch (error) {
      if (error.code !== "invalid_input") throw error;
      errors++;
    }
  },
  (i) => {
    if (i % 1000 !== 6) return api.getPolicy("MY");
    const engine = new api.Engine({ extends: "ID", id: "soak", version: "1" });
    engine.checkLinks({ text: captions[1], surface: "chat", region: "ID" });
    engine.free();
  },
];

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
const samples = [{ calls: 0, bytes: memory.buffer.byteLength }];
const started = performance.now();
for (let i = 1; i <= total; i++) {
  calls[i % calls.length](i);
  if (i % 100_000 === 0) samples.push({ calls: i, bytes: memory.buffer.byteLength });
}
const seconds = (performance.now() - started) / 1000;
console.table(samples.map((s) => ({ calls: s.calls.toLocaleString("en"), "wasm memory": mb(s.bytes) })));
const warm = samples[1] ?? samples[0];
const end = samples.at(-1);
console.log(
  `${total.toLocaleString("en")} calls in ${seconds.toFixed(1)} s (${errors.toLocaleString("en")} coded errors); ` +
    `wasm memory: ${mb(samples[0].bytes)} at start, ${mb(warm.bytes)} after ${warm.calls.toLocaleString("en")} calls, ${mb(end.bytes)} at the end`,
);
if (end.bytes > warm.bytes) {
  console.error("FAIL: wasm memory grew after warm-up");
  process.exit(1);
}
