// The home page: what each checker answers, and the built-in policy packs with their sources
// (read from the wasm module, so the list is always the one the checkers use).
import { policies } from "./pkg/shop_policy.js";
import { describeSources, fill, h, sourceNode, startPage, t } from "./common.js";

const STRINGS = {
  en: {
    "home.title": "shop-policy — TikTok Shop policy checks in your browser",
    "skip.home": "Skip to the content",
    "home.h1": "TikTok Shop policies, checked before they cost you",
    "home.links": "Is there a link, phone number or \"buy on Shopee\" in this caption, bio, comment or chat reply?",
    "home.eligibility": "Can I get e-commerce permission, and if not, what is missing? Restrictions and appeals too.",
    "home.health": "My violation points, the next milestone, when points expire and which quizzes still help.",
    "home.closure": "Can my shop close, what blocks it, from which day, and how much deposit comes back?",
    "home.packs": "Built-in policy packs",
    "home.packs.intro": "Every answer cites the rule it comes from. These are the policies the checkers use, one per region, with their sources.",
    "home.col.region": "Region",
    "home.col.pack": "Pack",
    "home.col.version": "Version",
    "home.col.effective": "Effective",
    "home.col.sources": "Sources",
    "home.count": "{n} built-in packs.",
    "home.sources": "{n} sources",
  },
  id: {
    "home.title": "shop-policy — pemeriksaan kebijakan TikTok Shop di browser Anda",
    "skip.home": "Langsung ke konten",
    "home.h1": "Kebijakan TikTok Shop, diperiksa sebelum merugikan Anda",
    "home.links": "Apakah ada tautan, nomor telepon, atau \"beli di Shopee\" dalam keterangan, bio, komentar, atau balasan chat ini?",
    "home.eligibility": "Bisakah saya mendapat izin e-commerce, dan jika tidak, apa yang kurang? Termasuk pembatasan dan banding.",
    "home.health": "Poin pelanggaran saya, batas berikutnya, kapan poin kedaluwarsa, dan kuis mana yang masih membantu.",
    "home.closure": "Bisakah toko saya ditutup, apa penghambatnya, mulai kapan, dan berapa deposit yang kembali?",
    "home.packs": "Paket kebijakan bawaan",
    "home.packs.intro": "Setiap jawaban menyebutkan aturan asalnya. Inilah kebijakan yang dipakai pemeriksa, satu per wilayah, beserta sumbernya.",
    "home.col.region": "Wilayah",
    "home.col.pack": "Paket",
    "home.col.version": "Versi",
    "home.col.effective": "Berlaku",
    "home.col.sources": "Sumber",
    "home.count": "{n} paket bawaan.",
    "home.sources": "{n} sumber",
  },
  zh: {
    "home.title": "shop-policy — 在浏览器中检查TikTok Shop政策",
    "skip.home": "跳到正文",
    "home.h1": "在违规之前，先检查TikTok Shop政策",
    "home.links": "这段视频文案、简介、评论或聊天回复里有没有链接、电话号码或“去Shopee买”？",
    "home.eligibility": "我能获得电商权限吗？如果不能，还缺什么？也包括限制和申诉。",
    "home.health": "我的违规积分、下一个处罚节点、积分何时到期，以及哪些测验还有用。",
    "home.closure": "我的店铺能关闭吗？有什么阻碍、从哪天起可以关闭、能退还多少保证金？",
    "home.packs": "内置政策包",
    "home.packs.intro": "每个结果都会注明其依据的规则。以下是检查工具使用的政策，每个地区一个，并附有来源。",
    "home.col.region": "地区",
    "home.col.pack": "政策包",
    "home.col.version": "版本",
    "home.col.effective": "生效日期",
    "home.col.sources": "来源",
    "home.count": "共{n}个内置政策包。",
    "home.sources": "{n}个来源",
  },
};

const table = document.getElementById("packs");
const wrap = document.getElementById("packs-result");

/** A source as the reports show it, without the "Source:" label. */
function sourceItem(source) {
  const node = sourceNode(source);
  node.firstChild.remove();
  return h("li", {}, ...node.childNodes);
}

function render() {
  const rows = policies().map((pack) => {
    describeSources(pack.sourceDetails);
    const cell = (key, ...children) => h("td", { dataset: { caption: t(key) } }, ...children);
    return h("tr", { dataset: { region: pack.region } },
      cell("home.col.region", `${t(`region.${pack.region}`)} (${pack.region})`),
      cell("home.col.pack", pack.id),
      cell("home.col.version", pack.version),
      cell("home.col.effective", pack.effectiveDate),
      cell("home.col.sources", h("details", {}, h("summary", {}, t("home.sources", { n: pack.sources.length })),
        h("ul", {}, pack.sources.map(sourceItem)))));
  });
  fill(table.tBodies[0], rows);
  document.getElementById("packs-status").textContent = t("home.count", { n: rows.length });
  wrap.dataset.packs = String(rows.length);
  wrap.hidden = false;
}

await startPage({
  strings: STRINGS,
  restore() {},
  state: () => new URLSearchParams(),
  render,
  errorEl: document.getElementById("home-error"),
  resultEl: wrap,
  resultAttr: "packs",
});
