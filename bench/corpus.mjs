// The benchmark corpora, generated deterministically (same bytes on every machine) into
// target/bench-corpus/: ~1 MB each of clean multilingual seller prose, link-dense text, and a
// mix (one line in ten with something to find). Both the native and the Node benches read them.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const CLEAN = [
  "Kaos polos bahan katun combed 30s, nyaman dipakai sehari-hari.",
  "Ukuran S M L XL, harga Rp 75.000 saja, hemat 50%!",
  "Berat 2,5 kg, dimensi 30 x 40 x 10 cm, garansi 1 tahun.",
  "纯棉T恤，舒适透气，多种颜色可选，包邮到家。",
  "重量2.5公斤，尺寸30x40厘米，七天无理由退换。",
  "Áo thun cotton mềm mại, thoáng mát, giá 150.000đ.",
  "เสื้อยืดผ้าฝ้าย ใส่สบาย ระบายอากาศได้ดี ราคา 299 บาท",
  "Soft cotton tee, sizes S to XL, now $19.99 with free shipping.",
  "Harga RM 29.90 sahaja, saiz 2.5 kg, jualan hebat 11.11.",
  "Promo 12.12 mulai jam 08.30-17.00 WIB, versi v2.0 lebih awet.",
  "Order #576932199283736451 shipped today, tracking in the app.",
  "Motif polka dot, cocok untuk wanita, limited edition line baru.",
  "Check the size chart before checkout, then tap the yellow cart.",
  "Terima kasih kak, pesanan dikirim besok pagi 😀🎉",
];
const DENSE = [
  "Beli di shopee.co.id/tokobaju atau lazada.co.id ya kak!",
  "Order via WA 0812-3456-7890, email toko.baju@gmail.com",
  "Cek https://bit.ly/promo-murah dan www.tokobajuku.com/katalog",
  "加微信下单 vx: abc_123 或者 去虾皮买更便宜",
  "Đặt hàng qua Zalo 0901 234 567, shopee.vn/shopvn",
  "สั่งซื้อทางไลน์ Line: @shopthai โทร 081-234-5678",
  "Link in bio! Follow me on Instagram IG @mystore, amazon.com/dp/B0123",
  "shopee(.)co(.)id, ｓｈｏｐｅｅ．ｃｏ．ｉｄ, tokopedia dot com",
  "Call (555) 123-4567 or visit https://www.ebay.com/itm/123?x=1.",
  "Video lengkap di https://vt.tiktok.com/ZSabc123/ dan t.me/tokobaju",
];

function* random(seed) {
  // mulberry32
  let a = seed >>> 0;
  for (;;) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    yield ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

function build(size, pick) {
  const rng = random(20261121);
  const parts = [];
  let bytes = 0;
  while (bytes < size) {
    const line = pick(() => rng.next().value);
    parts.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return parts.join("\n");
}

const choose = (list, r) => list[Math.floor(r() * list.length)];
export const CORPORA = {
  clean: (r) => `${choose(CLEAN, r)} ${choose(CLEAN, r)}`,
  dense: (r) => `${choose(DENSE, r)} ${choose(DENSE, r)}`,
  mixed: (r) => (r() < 0.1 ? `${choose(CLEAN, r)} ${choose(DENSE, r)}` : `${choose(CLEAN, r)} ${choose(CLEAN, r)}`),
};

/** Writes (if missing) and returns the corpora: { clean, dense, mixed } as strings. */
export function corpora(root = new URL("..", import.meta.url).pathname, size = 1_000_000) {
  const dir = join(root, "target", "bench-corpus");
  mkdirSync(dir, { recursive: true });
  const out = {};
  for (const [name, pick] of Object.entries(CORPORA)) {
    const file = join(dir, `${name}.txt`);
    if (!existsSync(file)) writeFileSync(file, build(size, pick));
    out[name] = readFileSync(file, "utf8");
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, text] of Object.entries(corpora())) console.log(`${name}: ${Buffer.byteLength(text)} bytes`);
}
