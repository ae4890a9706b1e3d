// What every page of the help site shares: starting the wasm module, the language switch, the
// URL-hash state (so a check can be shared as a link), error display, DOM builders and small
// parsers. Each page's own module imports this and adds its form and its checker.
//
// Why things are the way they are:
// - The CSP is `script-src 'self' 'wasm-unsafe-eval'` with no `unsafe-inline`, so nothing here
//   writes HTML strings or style attributes: every node is built with the DOM APIs and every
//   piece of user (or report) text goes in as a text node.
// - Nothing is ever sent over the network: the only fetch is `init()` loading our own .wasm.
//   State lives in the URL *hash*, which browsers never send to a server.
import init from "./pkg/shop_policy.js";

export const REGIONS = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];
export const SURFACES = ["bio", "video", "live", "comment", "product", "chat"];
export const LANGS = ["en", "id", "zh"];
const HTML_LANG = { en: "en", id: "id", zh: "zh-Hans" };
const NUMBER_LOCALE = { en: "en-US", id: "id-ID", zh: "zh-CN" };
// Dates in words as the library writes them: "12 January 2026", "12 Januari 2026", "2026年1月12日".
const DATE_LOCALE = { en: "en-GB", id: "id-ID", zh: "zh-CN" };

/** Strings every page uses. Pages add their own table (see `startPage`). */
const SHARED = {
  en: {
    "skip": "Skip to the checker",
    "site.name": "shop-policy",
    "site.tagline": "TikTok Shop seller and creator policies, checked in your browser. Nothing you type is sent anywhere.",
    "nav.label": "Checkers",
    "nav.home": "Home",
    "nav.links": "Links & contacts",
    "nav.catalog": "Check my catalog",
    "nav.changes": "What changed",
    "nav.rules": "My rules",
    "nav.eligibility": "Creator eligibility",
    "nav.health": "Account health",
    "nav.closure": "Shop closure",
    "lang.label": "Language",
    "loading": "Loading the policy engine…",
    "engine.failed": "The policy engine could not start: {message}",
    "privacy": "Everything runs on this device in WebAssembly. Your inputs are kept only in this page's address (after the #), so you can bookmark or share a check; they are never uploaded.",
    "region": "Region",
    "asOf": "Date to judge on",
    "asOf.hint": "Leave empty for today in the region's time zone.",
    "region.ID": "Indonesia",
    "region.MY": "Malaysia",
    "region.TH": "Thailand",
    "region.VN": "Vietnam",
    "region.PH": "Philippines",
    "region.SG": "Singapore",
    "region.UK": "United Kingdom",
    "region.US": "United States",
    "surface.none": "(not given)",
    "surface.bio": "Profile bio",
    "surface.video": "Video caption",
    "surface.live": "LIVE",
    "surface.comment": "Comment",
    "surface.product": "Product listing",
    "surface.chat": "Customer chat",
    "unknown": "Unknown",
    "yes": "Yes",
    "no": "No",
    "source": "Source",
    "source.official": "official page",
    "source.mine": "your rules",
    "changed.recent": "Changed recently",
    "changed.on": "This rule came into force on {date}, within the 90 days before this check.",
    "changed.link": "See what changed",
    "source.thirdParty": "third-party source",
    "source.borrowed": "same rule as {region}",
    "inForce": "Rule in force",
    "unverified": "Unverified parameter: the sources are silent and the figure is the pack's assumption.",
    "unverified.short": "unverified",
    "policy": "Judged under policy {id}, version {version}.",
    "check": "Check",
    "example": "Load the example",
    "example.loaded": "Example data: replace it with your own.",
    "clear": "Clear",
    "share": "Copy a link to this check",
    "share.done": "Link copied.",
    "share.manual": "Copy the address from the address bar to share this check.",
    "share.tooLarge": "This check is too large to share as a link; it is checked here all the same.",
    "copy.done": "Copied.",
    "copy.manual": "Select the text and press Ctrl+C (⌘C) to copy.",
    "row": "row {n}",
    "rows.add": "Add a row",
    "rows.remove": "Remove row {n}",
    "rows.empty": "No rows yet.",
    "rows.rest": "{n} more imported rows are checked too; only the first {shown} are shown for editing.",
    "rows.actions": "Actions",
    "import": "Import",
    "template": "Download a CSV template",
    "import.done": "Imported {n} rows.",
    "error.title": "This input cannot be checked yet.",
    "error.missing": "Fill this in: it is needed to judge.",
    "csv.noColumn": "The pasted data has no column for this: name it one of {names} (or the same in Indonesian or Chinese).",
    "date.mixed": "The dates in this column mix day-first and month-first: {value}",
    "date.unreadable": "This is not a date: {value}",
    "date.unreal": "This date does not exist: {value}",
    "date.future": "This date is in the future ({date}): {value}",
    "date.order.dmy": "Dates read day first, e.g. {example}.",
    "date.order.mdy": "Dates read month first, e.g. {example}.",
    "date.order.ymd": "Dates read as year-month-day, e.g. {example}.",
    "number.currency": "This amount is in {written}; the shop's currency is {expected}.",
    "number.notMoney": "Write the number only: {text}",
    "number.negative": "This cannot be negative: {text}",
    "number.unreadable": "This number cannot be read: {text}",
    "number.noDecimals": "{code} has no decimal places: {text}",
    "number.tooPrecise": "{code} has {places} decimal places: {text}",
    "number.notWhole": "This must be a whole number: {text}",
    "number.tooLarge": "This number is too large: {text}",
    "understood": "= {value}",
    "error.where": "Please check {field}.",
    "error.invalid_input": "The value is missing, of the wrong kind or out of range.",
    "error.unknown_field": "This field is not part of the input.",
    "error.unknown_region": "There is no policy for this region.",
    "error.invalid_date": "This is not a real calendar date (YYYY-MM-DD).",
    "error.invalid_pack": "The policy pack is not valid.",
    "error.duplicate_id": "This id is used twice.",
    "error.unknown_reference": "This refers to an id that does not exist.",
    "error.csv": "The pasted data could not be read.",
    "error.details": "Details: {message}",
    "error.unexpected": "Something unexpected went wrong: {message}",
    "met.yes": "Met",
    "met.no": "Not met",
    "met.unknown": "Unknown",
    "date.none": "—",
  },
  id: {
    "skip": "Langsung ke pemeriksa",
    "site.name": "shop-policy",
    "site.tagline": "Kebijakan penjual dan kreator TikTok Shop, diperiksa di browser Anda. Tidak ada yang Anda ketik yang dikirim ke mana pun.",
    "nav.label": "Pemeriksa",
    "nav.home": "Beranda",
    "nav.links": "Tautan & kontak",
    "nav.catalog": "Cek katalog saya",
    "nav.changes": "Apa yang berubah",
    "nav.rules": "Aturan saya",
    "nav.eligibility": "Kelayakan kreator",
    "nav.health": "Kesehatan akun",
    "nav.closure": "Penutupan toko",
    "lang.label": "Bahasa",
    "loading": "Memuat mesin kebijakan…",
    "engine.failed": "Mesin kebijakan tidak dapat dijalankan: {message}",
    "privacy": "Semuanya berjalan di perangkat ini dengan WebAssembly. Masukan Anda hanya disimpan di alamat halaman ini (setelah tanda #), sehingga pemeriksaan dapat ditandai atau dibagikan; masukan tidak pernah diunggah.",
    "region": "Wilayah",
    "asOf": "Tanggal penilaian",
    "asOf.hint": "Kosongkan untuk hari ini menurut zona waktu wilayah.",
    "region.ID": "Indonesia",
    "region.MY": "Malaysia",
    "region.TH": "Thailand",
    "region.VN": "Vietnam",
    "region.PH": "Filipina",
    "region.SG": "Singapura",
    "region.UK": "Britania Raya",
    "region.US": "Amerika Serikat",
    "surface.none": "(tidak diisi)",
    "surface.bio": "Bio profil",
    "surface.video": "Keterangan video",
    "surface.live": "LIVE",
    "surface.comment": "Komentar",
    "surface.product": "Halaman produk",
    "surface.chat": "Chat pelanggan",
    "unknown": "Tidak diketahui",
    "yes": "Ya",
    "no": "Tidak",
    "source": "Sumber",
    "source.official": "halaman resmi",
    "source.mine": "aturan kamu",
    "changed.recent": "Baru berubah",
    "changed.on": "Aturan ini berlaku sejak {date}, dalam 90 hari sebelum pemeriksaan ini.",
    "changed.link": "Lihat perubahannya",
    "source.thirdParty": "sumber pihak ketiga",
    "source.borrowed": "aturan yang sama dengan {region}",
    "inForce": "Aturan yang berlaku",
    "unverified": "Parameter belum terverifikasi: sumber tidak menyebutkannya dan angka ini adalah asumsi paket kebijakan.",
    "unverified.short": "belum terverifikasi",
    "policy": "Dinilai dengan kebijakan {id}, versi {version}.",
    "check": "Periksa",
    "example": "Muat contoh",
    "example.loaded": "Data contoh: ganti dengan data Anda sendiri.",
    "clear": "Kosongkan",
    "share": "Salin tautan ke pemeriksaan ini",
    "share.done": "Tautan disalin.",
    "share.manual": "Salin alamat dari bilah alamat untuk membagikan pemeriksaan ini.",
    "share.tooLarge": "Pemeriksaan ini terlalu besar untuk dibagikan sebagai tautan; tetap diperiksa di sini.",
    "copy.done": "Disalin.",
    "copy.manual": "Pilih teks lalu tekan Ctrl+C (⌘C) untuk menyalin.",
    "row": "baris {n}",
    "rows.add": "Tambah baris",
    "rows.remove": "Hapus baris {n}",
    "rows.empty": "Belum ada baris.",
    "rows.rest": "{n} baris impor lainnya juga diperiksa; hanya {shown} baris pertama yang ditampilkan untuk diedit.",
    "rows.actions": "Tindakan",
    "import": "Impor",
    "template": "Unduh templat CSV",
    "import.done": "{n} baris diimpor.",
    "error.title": "Masukan ini belum dapat diperiksa.",
    "error.missing": "Isi kolom ini: diperlukan untuk penilaian.",
    "csv.noColumn": "Data yang ditempel tidak punya kolom untuk ini: beri nama salah satu dari {names} (atau padanannya dalam bahasa Indonesia atau Mandarin).",
    "date.mixed": "Tanggal di kolom ini mencampur urutan hari-bulan dan bulan-hari: {value}",
    "date.unreadable": "Ini bukan tanggal: {value}",
    "date.unreal": "Tanggal ini tidak ada: {value}",
    "date.future": "Tanggal ini ada di masa depan ({date}): {value}",
    "date.order.dmy": "Tanggal dibaca hari lebih dulu, mis. {example}.",
    "date.order.mdy": "Tanggal dibaca bulan lebih dulu, mis. {example}.",
    "date.order.ymd": "Tanggal dibaca tahun-bulan-hari, mis. {example}.",
    "number.currency": "Jumlah ini dalam {written}; mata uang toko adalah {expected}.",
    "number.notMoney": "Tulis angkanya saja: {text}",
    "number.negative": "Nilai ini tidak boleh negatif: {text}",
    "number.unreadable": "Angka ini tidak dapat dibaca: {text}",
    "number.noDecimals": "{code} tidak memakai angka desimal: {text}",
    "number.tooPrecise": "{code} memakai {places} angka desimal: {text}",
    "number.notWhole": "Nilai ini harus bilangan bulat: {text}",
    "number.tooLarge": "Angka ini terlalu besar: {text}",
    "understood": "= {value}",
    "error.where": "Periksa kembali {field}.",
    "error.invalid_input": "Nilainya kosong, jenisnya salah, atau di luar rentang.",
    "error.unknown_field": "Kolom ini bukan bagian dari masukan.",
    "error.unknown_region": "Tidak ada kebijakan untuk wilayah ini.",
    "error.invalid_date": "Ini bukan tanggal kalender yang valid (YYYY-MM-DD).",
    "error.invalid_pack": "Paket kebijakan tidak valid.",
    "error.duplicate_id": "ID ini dipakai dua kali.",
    "error.unknown_reference": "Ini merujuk ke ID yang tidak ada.",
    "error.csv": "Data yang ditempel tidak dapat dibaca.",
    "error.details": "Rincian: {message}",
    "error.unexpected": "Terjadi masalah tak terduga: {message}",
    "met.yes": "Terpenuhi",
    "met.no": "Tidak terpenuhi",
    "met.unknown": "Tidak diketahui",
    "date.none": "—",
  },
  zh: {
    "skip": "跳到检查工具",
    "site.name": "shop-policy",
    "site.tagline": "在浏览器中检查TikTok Shop卖家和达人政策。您输入的任何内容都不会被发送出去。",
    "nav.label": "检查工具",
    "nav.home": "首页",
    "nav.links": "链接与联系方式",
    "nav.catalog": "批量检查商品",
    "nav.changes": "规则变更",
    "nav.rules": "我的规则",
    "nav.eligibility": "达人带货资格",
    "nav.health": "账户健康",
    "nav.closure": "关闭店铺",
    "lang.label": "语言",
    "loading": "正在加载政策引擎…",
    "engine.failed": "政策引擎无法启动：{message}",
    "privacy": "所有计算都通过WebAssembly在本设备上完成。您的输入只保存在本页地址（#之后）中，方便收藏或分享检查结果；不会被上传。",
    "region": "地区",
    "asOf": "判断日期",
    "asOf.hint": "留空则使用该地区时区的今天。",
    "region.ID": "印度尼西亚",
    "region.MY": "马来西亚",
    "region.TH": "泰国",
    "region.VN": "越南",
    "region.PH": "菲律宾",
    "region.SG": "新加坡",
    "region.UK": "英国",
    "region.US": "美国",
    "surface.none": "（未填写）",
    "surface.bio": "个人简介",
    "surface.video": "视频文案",
    "surface.live": "直播",
    "surface.comment": "评论",
    "surface.product": "商品详情",
    "surface.chat": "客服聊天",
    "unknown": "未知",
    "yes": "是",
    "no": "否",
    "source": "来源",
    "source.official": "官方页面",
    "source.mine": "你的规则",
    "changed.recent": "近期变更",
    "changed.on": "此规则自{date}起生效，在本次检查前 90 天内。",
    "changed.link": "查看规则变更",
    "source.thirdParty": "第三方来源",
    "source.borrowed": "沿用{region}的规则",
    "inForce": "适用的规则",
    "unverified": "未经核实的参数：来源未作规定，此数值为政策包的假设。",
    "unverified.short": "未核实",
    "policy": "依据政策 {id}（版本 {version}）判断。",
    "check": "检查",
    "example": "载入示例",
    "example.loaded": "示例数据：请替换为您自己的数据。",
    "clear": "清空",
    "share": "复制此检查的链接",
    "share.done": "链接已复制。",
    "share.manual": "请从地址栏复制地址以分享此检查。",
    "share.tooLarge": "此检查内容过多，无法以链接分享；本页仍会照常检查。",
    "copy.done": "已复制。",
    "copy.manual": "请选中文本并按 Ctrl+C（⌘C）复制。",
    "row": "第{n}行",
    "rows.add": "添加一行",
    "rows.remove": "删除第{n}行",
    "rows.empty": "还没有任何行。",
    "rows.rest": "另有{n}行导入数据同样参与检查；仅显示前{shown}行供编辑。",
    "rows.actions": "操作",
    "import": "导入",
    "template": "下载CSV模板",
    "import.done": "已导入{n}行。",
    "error.title": "暂时无法检查此输入。",
    "error.missing": "请填写此项：判断需要它。",
    "csv.noColumn": "粘贴的数据缺少此列：请命名为{names}之一（也可用印尼语或中文列名）。",
    "date.mixed": "此列日期混用了日在前和月在前两种写法：{value}",
    "date.unreadable": "这不是日期：{value}",
    "date.unreal": "该日期不存在：{value}",
    "date.future": "该日期在未来（{date}）：{value}",
    "date.order.dmy": "日期按日在前读取，例如{example}。",
    "date.order.mdy": "日期按月在前读取，例如{example}。",
    "date.order.ymd": "日期按年-月-日读取，例如{example}。",
    "number.currency": "该金额的币种为{written}，店铺币种为{expected}。",
    "number.notMoney": "请只填写数字：{text}",
    "number.negative": "此项不能为负数：{text}",
    "number.unreadable": "无法识别此数字：{text}",
    "number.noDecimals": "{code}没有小数位：{text}",
    "number.tooPrecise": "{code}最多{places}位小数：{text}",
    "number.notWhole": "此项须为整数：{text}",
    "number.tooLarge": "数字过大：{text}",
    "understood": "= {value}",
    "error.where": "请检查{field}。",
    "error.invalid_input": "该值缺失、类型错误或超出范围。",
    "error.unknown_field": "该字段不属于输入内容。",
    "error.unknown_region": "没有该地区的政策。",
    "error.invalid_date": "这不是有效的日历日期（YYYY-MM-DD）。",
    "error.invalid_pack": "政策包无效。",
    "error.duplicate_id": "该ID被重复使用。",
    "error.unknown_reference": "引用了不存在的ID。",
    "error.csv": "无法读取粘贴的数据。",
    "error.details": "详情：{message}",
    "error.unexpected": "发生了意外问题：{message}",
    "met.yes": "已满足",
    "met.no": "未满足",
    "met.unknown": "未知",
    "date.none": "—",
  },
};

let tables = SHARED;
let current = "en";

/** The language the page is shown in. */
export const lang = () => current;

/**
 * The UI string `key` in the current language, `{name}` slots filled from `vars`. A key missing
 * from the current language shows as ⟦key⟧ instead of silently falling back to English, so the
 * site test catches an untranslated string on sight.
 */
export function t(key, vars) {
  const text = tables[current]?.[key];
  if (text === undefined) return `⟦${key}⟧`;
  return vars ? text.replace(/\{(\w+)\}/g, (slot, name) => (name in vars ? String(vars[name]) : slot)) : text;
}

/** Whether the current language has a string for `key`. */
export const has = (key) => tables[current]?.[key] !== undefined;

// ---------------------------------------------------------------------------------------------
// DOM builders: the only way the site creates nodes.

/**
 * `h("li", { className: "x", dataset: {…}, attrs: {…}, on: { click } }, "text", node, …)`.
 * Strings become text nodes — never HTML. `null`/`false` children are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "attrs") for (const [name, v] of Object.entries(value)) el.setAttribute(name, String(v));
    else if (key === "on") for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else el[key] = value;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element (presentation attributes only: no style attribute, which the CSP blocks). */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

/** Empties `el` and fills it with `children`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** What the report being shown says about its sources (`report.sources`), by `source`. */
let described = new Map();

/**
 * Remembers what a report says about the sources it cites, so every `sourceNode` of that report
 * shows a title, publisher and date rather than an address. Pages call it before rendering.
 */
export function describeSources(sources = []) {
  described = new Map(sources.map((s) => [s.source, s]));
}

/**
 * A report's `source`, as a person reads it: the title (a link to the page, or to the seed text
 * served next to the pages), then publisher, date, whether it is an official page, and "same
 * rule as …" for a rule borrowed from another region. A source the pack does not describe shows
 * the page's host name, never a raw file name.
 */
export function sourceNode(source) {
  const label = h("span", { className: "source-label" }, `${t("source")}: `);
  // A rule of the person's own (My rules).
  if (source === "my-rules") return h("p", { className: "source" }, label, h("a", { href: "rules.html" }, t("source.mine")));
  const info = described.get(source);
  const linkable = /^https?:\/\//.test(source) || /^seeds\/[\w.-]+$/.test(source);
  let title = info?.title;
  if (!title && /^https?:\/\//.test(source)) title = new URL(source).hostname;
  title ??= source;
  const target = linkable
    ? h("a", { href: source, attrs: { rel: "noreferrer noopener", target: "_blank" } }, title)
    : h("span", {}, title);
  const details = [];
  if (info?.publisher) details.push(info.publisher);
  if (info?.date) details.push(formatDay(info.date));
  if (info?.official != null) details.push(t(info.official ? "source.official" : "source.thirdParty"));
  if (info?.borrowedFrom) details.push(t("source.borrowed", { region: t(`region.${info.borrowedFrom}`) }));
  return h("p", { className: "source" }, label, target,
    details.length ? h("span", { className: "source-details" }, ` — ${details.join(" · ")}`) : null);
}

/** "Judged under the rule in force on …", with the rule's source and whether it is verified. */
export function inForceNode(inForce, asOf, region) {
  return h("div", { className: "in-force" }, h("p", {}, inForce.message), unverifiedBadge(inForce.verified),
    changedNote(inForce.effectiveFrom, asOf, region), sourceNode(inForce.source));
}

/**
 * Says so when a rule that judged this came into force within the 90 days before the check's
 * day, with a link to the region's timeline on the "What changed" page.
 */
export function changedNote(effectiveFrom, asOf, region) {
  if (!effectiveFrom || !asOf) return null;
  const days = daysBetween(effectiveFrom, asOf);
  if (days < 0 || days > 90) return null;
  const hash = new URLSearchParams({ region: region ?? "", lang: current });
  return h("p", { className: "detail changed" },
    h("span", { className: "badge review" }, t("changed.recent")), " ",
    t("changed.on", { date: formatDay(effectiveFrom) }), " ",
    h("a", { href: `changes.html#${hash}` }, t("changed.link")));
}

/** A small "unverified" badge with its explanation as an accessible title. */
export function unverifiedBadge(verified) {
  if (verified !== false) return null;
  return h("span", { className: "badge unverified", title: t("unverified") }, t("unverified.short"),
    h("span", { className: "visually-hidden" }, ` — ${t("unverified")}`));
}

/** A cited note (`{ id, message, source? }`) as a list item. */
export function noteItem(note, ...extra) {
  return h("li", { dataset: { id: note.id ?? note.ruleId ?? "" } }, h("p", {}, note.message), ...extra,
    note.source ? sourceNode(note.source) : null);
}

/** A met / not met / unknown badge (`true` / `false` / `null`). */
export function metBadge(met, labels = {}) {
  const state = met === true ? "yes" : met === false ? "no" : "unknown";
  const text = labels[state] ?? t(`met.${state}`);
  return h("span", { className: `badge ${state}` }, text);
}

export function policyLine(policy) {
  return h("p", { className: "policy" }, t("policy", { id: policy.id, version: policy.version }));
}

/** Calls `fn` once input has paused for `ms`. `.now()` runs it at once, `.cancel()` drops it. */
export function debounce(fn, ms) {
  let timer = 0;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.now = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

// ---------------------------------------------------------------------------------------------
// Dates and money.

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC, so no time zone can shift it). */
export function addDays(date, days) {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/** Days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a, b) {
  const ms = (s) => {
    const [y, m, d] = s.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** Today on this device, `YYYY-MM-DD` (only for building examples; the checkers use the region's day). */
export function localToday() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}

/** An integer amount of minor units as a decimal string: 150000, 2 → "1500.00" (exact; no floats). */
export function minorToDecimal(amount, minorUnit) {
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(minorUnit + 1, "0");
  const whole = digits.slice(0, digits.length - minorUnit);
  const fraction = digits.slice(digits.length - minorUnit);
  return `${negative ? "-" : ""}${whole}${minorUnit ? `.${fraction}` : ""}`;
}

/** Money as the report's currency says, in the page's language: 48750000 IDR → "Rp 487.500,00". */
export function formatMoney(amount, currency) {
  const format = cachedFormat(`${NUMBER_LOCALE[current]}|${currency.code}|${currency.minorUnit}`, () =>
    new Intl.NumberFormat(NUMBER_LOCALE[current], {
      style: "currency",
      currency: currency.code,
      minimumFractionDigits: currency.minorUnit,
      maximumFractionDigits: currency.minorUnit,
    }));
  // Intl formats a decimal string exactly, so amounts up to 2^53 − 1 minor units stay exact.
  return format.format(minorToDecimal(amount, currency.minorUnit));
}

export function formatNumber(n) {
  return cachedFormat(NUMBER_LOCALE[current], () => new Intl.NumberFormat(NUMBER_LOCALE[current])).format(n);
}

/** Intl formatters by locale and options: one is costly to build (the home page spent 40 ms
 * building a date formatter per source date), and the pages format hundreds of figures. */
const formats = new Map();
function cachedFormat(key, build) {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = build()));
  return format;
}

/** An error shaped like the library's, for problems the page finds before calling it. */
export function inputError(code, path, message) {
  return Object.assign(new Error(message), { name: "InputError", code, path });
}

// ---- Numbers as people type them ------------------------------------------------------------
//
// Sellers type amounts and counts the way their region writes them: "Rp 1.500.000", "RM1,250.50",
// "฿ 12,000", "500rb", "1,2 jt", "50k", "1.2万", "−12.500,00", fullwidth digits from a Chinese
// input method. A value is read into a number and shown back as understood; what cannot be read
// without guessing (a decimal in dong, "1,234" where both readings are possible and the region's
// convention does not decide) is refused with a message rather than changed.

/** The decimal separator each region writes; the other of "." and "," groups thousands. */
const DECIMAL_MARK = { ID: ",", VN: ",", MY: ".", TH: ".", PH: ".", SG: ".", UK: ".", US: "." };

/** Currency signs and codes as typed, by the code they mean. */
const CURRENCY_SIGNS = [
  ["SGD", /^(?:S\$|SGD|SG\$)/i], ["USD", /^(?:US\$|USD)/i], ["MYR", /^(?:RM|MYR)/i], ["IDR", /^(?:Rp\.?|IDR)/i],
  ["THB", /^(?:฿|THB|บาท)/i], ["VND", /^(?:₫|VND|VNĐ|đ)/i], ["PHP", /^(?:₱|PHP|Php)/], ["GBP", /^(?:£|GBP)/i],
  ["$", /^\$/],
];
const CURRENCY_SUFFIXES = [
  ["IDR", /(?:rupiah|IDR)$/i], ["MYR", /(?:ringgit|MYR|RM)$/i], ["THB", /(?:฿|บาท|baht|THB)$/i],
  ["VND", /(?:₫|VNĐ|VND|đồng|dong|đ)$/i], ["PHP", /(?:₱|PHP|pesos?)$/i], ["SGD", /(?:SGD|S\$)$/i],
  ["GBP", /(?:£|GBP)$/i], ["USD", /(?:USD|US\$)$/i], ["$", /\$$/],
];

/** Shorthand multipliers written after a number, longest first. */
const MULTIPLIERS = [
  [/(?:juta|jt|triệu|tr|million|mil|mn|ล้าน)$/i, 1e6], [/(?:แสน)$/, 1e5], [/(?:หมื่น|万|萬)$/, 1e4],
  [/(?:ribu|rb|nghìn|ngàn|thousand|พัน|千|k)$/i, 1e3],
];

/**
 * A number as typed in `region`: `{ value, sign }` where `value` is exact to the digits given as a
 * `{ whole, fraction }` pair of digit strings (no floating point), or an `InputError` at `path`.
 */
function readNumber(text, region, path, { allowNegative = false, currency = null } = {}) {
  let s = String(text).normalize("NFKC").trim().replace(/[\s\u00a0\u202f_']/g, "");
  if (s === "") return null;
  // A minus of any kind, or accounting parentheses.
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-−–—]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  // A currency sign or code before or after, which must be the shop's.
  let written = null;
  for (const [code, re] of CURRENCY_SIGNS) {
    const m = re.exec(s);
    if (m) {
      written = code;
      s = s.slice(m[0].length);
      break;
    }
  }
  if (!written) {
    for (const [code, re] of CURRENCY_SUFFIXES) {
      const m = re.exec(s);
      if (m) {
        written = code;
        s = s.slice(0, m.index);
        break;
      }
    }
  }
  if (/^[-−–—]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  if (written && currency && written !== currency.code && !(written === "$" && ["USD", "SGD"].includes(currency.code))) {
    throw inputError("invalid_input", path, t("number.currency", { written, expected: currency.code }));
  }
  if (written && !currency) throw inputError("invalid_input", path, t("number.notMoney", { text }));
  let multiplier = 1;
  for (const [re, factor] of MULTIPLIERS) {
    const m = re.exec(s);
    if (m && m.index > 0) {
      multiplier = factor;
      s = s.slice(0, m.index);
      break;
    }
  }
  if (negative && !allowNegative) throw inputError("invalid_input", path, t("number.negative", { text }));
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) throw inputError("invalid_input", path, t("number.unreadable", { text }));

  // Which of "." and "," is the decimal mark: the last one when both appear; one that repeats
  // groups thousands; a single one followed by other than three digits is a decimal mark; a single
  // one followed by exactly three digits is read by the region's convention.
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let decimalMark = null;
  if (dots && commas) decimalMark = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
  else if (dots + commas === 1) {
    const mark = dots ? "." : ",";
    const after = s.length - s.indexOf(mark) - 1;
    decimalMark = after !== 3 || multiplier !== 1 ? mark : DECIMAL_MARK[region] === mark ? mark : null;
  }
  let whole = s;
  let fraction = "";
  if (decimalMark) {
    const at = s.lastIndexOf(decimalMark);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (fraction.includes(".") || fraction.includes(",")) throw inputError("invalid_input", path, t("number.unreadable", { text }));
  }
  const group = decimalMark === "." ? "," : ".";
  // Grouping marks must group by three: "1.50.000" is a typo, not 150,000.
  const groups = whole.split(decimalMark === null ? /[.,]/ : group);
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || groups[0].length > 3 || groups[0] === "")) {
    throw inputError("invalid_input", path, t("number.unreadable", { text }));
  }
  whole = groups.join("") || "0";
  if (decimalMark === null && whole.includes(".")) throw inputError("invalid_input", path, t("number.unreadable", { text }));
  return { negative, whole, fraction, multiplier };
}

/** `{ whole, fraction } × multiplier` as an integer count of 10^-places units, or `null` if not whole. */
function scaled({ whole, fraction, multiplier }, places) {
  const zeros = Math.round(Math.log10(multiplier)) + places;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, "");
  const shift = zeros - fraction.length;
  if (shift < 0) {
    const cut = digits.slice(digits.length + shift);
    if (/[1-9]/.test(cut)) return null;
    return BigInt(digits.slice(0, digits.length + shift) || "0");
  }
  return BigInt(digits + "0".repeat(shift));
}

/**
 * An amount typed in the region's ways, as whole minor units of `currency` (`{ code, minorUnit }`):
 * `null` for an empty field (unknown), an `InputError` at `path` for what cannot be read exactly.
 */
export function parseMoney(text, currency, region, path) {
  const n = readNumber(text, region, path, { allowNegative: true, currency });
  if (n === null) return null;
  const minor = scaled(n, currency.minorUnit);
  if (minor === null) {
    throw inputError("invalid_input", path, currency.minorUnit === 0
      ? t("number.noDecimals", { text, code: currency.code })
      : t("number.tooPrecise", { text, places: currency.minorUnit, code: currency.code }));
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw inputError("invalid_input", path, t("number.tooLarge", { text }));
  return n.negative ? -Number(minor) : Number(minor);
}

/** A count typed in the region's ways ("1.200", "1,2 rb", "1.2k", "1.2万"): a whole number, or `null` if empty. */
export function parseCount(text, region, path) {
  const n = readNumber(text, region, path);
  if (n === null) return null;
  const count = scaled(n, 0);
  if (count === null) throw inputError("invalid_input", path, t("number.notWhole", { text }));
  if (count > BigInt(Number.MAX_SAFE_INTEGER)) throw inputError("invalid_input", path, t("number.tooLarge", { text }));
  return Number(count);
}

/**
 * Shows next to `input` how its value was understood ("= IDR 500,000.00"): `plain` is the value
 * as a plain number (`null` when empty), `shown` formats it. Nothing is shown when the typed text
 * is that plain number already. The note is announced to screen readers with the field.
 */
export function showUnderstood(input, plain, shown) {
  let note = input.nextElementSibling?.classList.contains("understood") ? input.nextElementSibling : null;
  if (plain === null || String(plain) === input.value.trim()) {
    note?.remove();
    return;
  }
  if (!note) {
    note = h("span", { className: "understood", id: `${input.id}-understood` });
    input.after(note);
    const ids = new Set((input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
    ids.add(note.id);
    input.setAttribute("aria-describedby", [...ids].join(" "));
  }
  note.textContent = t("understood", { value: shown() });
}

// ---------------------------------------------------------------------------------------------
// Pasted data: CSV (from a spreadsheet or a Seller Center export) and JSON.

/** Parses CSV (RFC 4180 quoting; delimiter `,` `;` or tab, whichever the header uses most). */
export function parseCsv(text) {
  const source = text.replace(/^\ufeff/, "");
  const header = source.split(/\r?\n/, 1)[0];
  const count = (d) => header.split(d).length - 1;
  const delimiter = ["\t", ";", ","].reduce((best, d) => (count(d) > count(best) ? d : best), ",");
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

// Header names in any script ("Order ID", "ID Pesanan", "订单号", "Mã đơn hàng"): compared
// without case, spaces, punctuation or diacritics.
const normalizeHeader = (s) =>
  s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * CSV with a header row → objects keyed as in `columns` (`{ key: [header names…] }`, matched
 * ignoring case, spaces and punctuation). `required` keys must have a column.
 */
/**
 * Offers `rows` (the first is the header) as a CSV file to save: built here, never uploaded. The
 * header is in the page's language where `headers` has it, and the import reads it back.
 */
export function downloadCsv(name, rows) {
  const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const text = "\ufeff" + rows.map((row) => row.map((cell) => quote(String(cell))).join(",")).join("\r\n") + "\r\n";
  downloadFile(name, new Blob([text], { type: "text/csv;charset=utf-8" }));
}

/** Saves `blob` as a download named `name` (made on this device; nothing is sent). */
export function downloadFile(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, attrs: { download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function csvObjects(text, columns, required, path) {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw inputError("csv", path, "nothing to import");
  const index = {};
  header.forEach((name, i) => {
    const n = normalizeHeader(name);
    for (const [key, names] of Object.entries(columns)) {
      if (index[key] === undefined && names.some((alias) => normalizeHeader(alias) === n)) index[key] = i;
    }
  });
  for (const key of required) {
    if (index[key] === undefined) {
      throw inputError("csv", path, t("csv.noColumn", { names: columns[key].slice(0, 4).join(", ") }));
    }
  }
  return rows.map((cells) => {
    const out = {};
    for (const [key, i] of Object.entries(index)) out[key] = (cells[i] ?? "").trim();
    return out;
  });
}

/** Regions whose exports write the month first (M/D/Y); the others write the day first. */
const MONTH_FIRST = new Set(["US", "PH"]);

/**
 * One pasted date as its parts: ISO-like `YYYY-MM-DD` (or with `/` or `.`) is unambiguous; `A/B/YYYY`
 * leaves the day/month order to the column. A Thai Buddhist-era year (2569) is the Gregorian one
 * less 543. `null` for an empty cell; `{ bad }` for anything else.
 */
function dateParts(value) {
  const s = String(value ?? "").normalize("NFKC").trim();
  if (s === "") return null;
  const year = (y) => (Number(y) > 2400 ? Number(y) - 543 : Number(y));
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T])/.exec(s);
  if (m) return { y: year(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[ T,])/.exec(s);
  if (m) return { y: year(m[3]), a: Number(m[1]), b: Number(m[2]) };
  return { bad: s };
}

const iso = ({ y, m, d }) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * A column of pasted dates, read the same way for every row: the day/month order is what the
 * column itself proves (a 13 or more in one place), else the region's convention (month first in
 * the US and the Philippines). A column that proves both orders, a date that does not exist, or a
 * day after `today` is refused with the row it is on (`path(i)`), never moved to another date.
 * Returns `{ dates, order }`: ISO dates (`null` for empty cells) and the order used (`"ymd"`,
 * `"dmy"` or `"mdy"`), so the page can say how it read them.
 */
export function readDateColumn(values, region, today, path) {
  const parts = values.map(dateParts);
  const slashed = parts.filter((p) => p && p.a !== undefined);
  const dayFirst = slashed.some((p) => p.a > 12);
  const monthFirst = slashed.some((p) => p.b > 12);
  if (dayFirst && monthFirst) {
    const i = parts.findIndex((p) => p && p.b > 12);
    throw inputError("invalid_date", path(i), t("date.mixed", { value: values[i] }));
  }
  const order = !slashed.length ? "ymd" : dayFirst ? "dmy" : monthFirst ? "mdy" : MONTH_FIRST.has(region) ? "mdy" : "dmy";
  const dates = parts.map((p, i) => {
    if (p === null) return null;
    if (p.bad !== undefined) throw inputError("invalid_date", path(i), t("date.unreadable", { value: p.bad }));
    const day = p.a === undefined ? p : order === "mdy" ? { y: p.y, m: p.a, d: p.b } : { y: p.y, m: p.b, d: p.a };
    const text = iso(day);
    const check = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.getUTCMonth() + 1 !== day.m || check.getUTCDate() !== day.d) {
      throw inputError("invalid_date", path(i), t("date.unreal", { value: values[i] }));
    }
    if (today && text > today) throw inputError("invalid_date", path(i), t("date.future", { value: values[i], date: formatDay(text) }));
    return text;
  });
  return { dates, order: slashed.length ? order : "ymd" };
}

/**
 * A day in words in the page's language ("8 May 2026", "8 Mei 2026", "2026年5月8日"); a date known
 * only to the month or the year (a source's publication date: `2025-06`, `2025`) as precisely.
 */
export function formatDay(isoDate) {
  const [year, month, day] = isoDate.split("-").map(Number);
  const options = { timeZone: "UTC", year: "numeric", ...(month ? { month: "long" } : {}), ...(day ? { day: "numeric" } : {}) };
  const format = cachedFormat(`date|${DATE_LOCALE[current]}|${month ? "m" : ""}${day ? "d" : ""}`,
    () => new Intl.DateTimeFormat(DATE_LOCALE[current], options));
  return format.format(new Date(Date.UTC(year, (month || 1) - 1, day || 1)));
}

/** One pasted date on its own (JSON imports): ISO, or day first; see `readDateColumn` for columns. */
export function csvDate(value) {
  const p = dateParts(value);
  if (p === null) return null;
  if (p.bad !== undefined) return p.bad;
  return p.a === undefined ? iso(p) : iso({ y: p.y, m: p.b, d: p.a });
}

// ---------------------------------------------------------------------------------------------
// Editable rows (violations, quiz attempts, orders): a table whose cells are labelled inputs.

/**
 * `columns`: `[{ key, label, type: "text"|"number"|"date"|"select"|"checkbox", options? }]`
 * (`label` and option labels are string keys, re-read on every language change). Every input
 * carries `data-path` (`orders[2].finalizedOn`), so an error's path finds its field.
 */
export class RowEditor {
  constructor({ table, path, columns, onChange }) {
    this.table = table;
    this.body = table.tBodies[0];
    this.path = path;
    this.columns = columns;
    this.onChange = onChange;
    this.body.addEventListener("input", () => this.onChange());
    this.body.addEventListener("change", () => this.onChange());
  }

  /**
   * Replaces every row. A big import (a year of violations, thousands of orders) shows its first
   * `EDITABLE_ROWS` as editable rows and keeps the rest as data, still checked: thousands of
   * inputs froze the page for over a second while the browser laid them out.
   */
  set(rows) {
    this.generation = (this.generation ?? 0) + 1;
    this.body.replaceChildren();
    const shown = rows.slice(0, EDITABLE_ROWS);
    this.rest = rows.slice(EDITABLE_ROWS).map((row) => ({ ...row }));
    for (const row of shown) this.add(row, false);
    this.relabel();
  }

  /**
   * `set`, a few rows per task, so that a pasted import never freezes the page (a hundred rows
   * of inputs took over 100 ms to build and lay out in one go). Resolves when every row is in,
   * or when a later `set` took over.
   */
  async setInSteps(rows) {
    const generation = (this.generation = (this.generation ?? 0) + 1);
    this.body.replaceChildren();
    const shown = rows.slice(0, EDITABLE_ROWS);
    this.rest = rows.slice(EDITABLE_ROWS).map((row) => ({ ...row }));
    for (let i = 0; i < shown.length; i += ROWS_PER_STEP) {
      if (i > 0) await nextTask();
      if (this.generation !== generation) return false;
      for (const row of shown.slice(i, i + ROWS_PER_STEP)) this.add(row, false);
    }
    this.relabel();
    return true;
  }

  /** Says how many imported rows are checked without being shown. */
  showRest() {
    let note = this.table.parentElement.nextElementSibling?.classList.contains("rows-rest")
      ? this.table.parentElement.nextElementSibling : null;
    if (!this.rest?.length) {
      note?.remove();
      return;
    }
    if (!note) {
      note = h("p", { className: "rows-rest detail", attrs: { role: "status" } });
      this.table.parentElement.after(note);
    }
    note.textContent = t("rows.rest", { n: formatNumber(this.rest.length), shown: formatNumber(EDITABLE_ROWS) });
  }

  /** Appends a row; focuses its first input when `focus`. */
  add(values = {}, focus = true) {
    const tr = h("tr");
    for (const col of this.columns) {
      let input;
      const value = values[col.key];
      if (col.type === "select") {
        input = h("select");
        for (const option of col.options) input.append(h("option", { value: option.value }));
        input.value = value ?? col.options[0].value;
      } else if (col.type === "checkbox") {
        input = h("input", { type: "checkbox", checked: value === true });
      } else {
        input = h("input", {
          type: col.type,
          value: value ?? "",
          attrs: col.type === "number" ? { inputmode: "numeric", min: 0, step: 1 } : col.list ? { list: col.list } : {},
        });
      }
      input.dataset.key = col.key;
      tr.append(h("td", { dataset: { label: col.key } }, input));
    }
    const remove = h("button", {
      type: "button",
      className: "remove",
      on: {
        click: () => {
          const next = tr.nextElementSibling ?? tr.previousElementSibling;
          tr.remove();
          this.relabel();
          this.onChange();
          (next?.querySelector("input, select") ?? this.addButton)?.focus();
        },
      },
    }, "×");
    tr.append(h("td", {}, remove));
    this.body.append(tr);
    if (focus) {
      this.relabel();
      tr.querySelector("input, select").focus();
      this.onChange();
    }
    return tr;
  }

  /** Re-reads labels (language change) and renumbers paths after a removal. */
  relabel() {
    [...this.body.rows].forEach((tr, i) => {
      tr.querySelectorAll("[data-key]").forEach((input) => {
        const col = this.columns.find((c) => c.key === input.dataset.key);
        input.dataset.path = `${this.path}[${i}].${col.key}`;
        input.setAttribute("aria-label", `${t(col.label)} (${t("row", { n: i + 1 })})`);
        // Shown above the input on a phone, where the rows stack and the header row is hidden.
        input.parentElement.dataset.caption = t(col.label);
        if (col.type === "select") {
          // An option names itself (`text`, a function: a rule id, a figure) or by a string key.
          [...input.options].forEach((option, j) => {
            const o = col.options[j];
            option.textContent = o ? (typeof o.text === "function" ? o.text() : t(o.label)) : option.value;
          });
        }
      });
      tr.querySelector("button.remove").setAttribute("aria-label", t("rows.remove", { n: i + 1 }));
    });
    this.table.classList.toggle("empty", this.body.rows.length === 0);
    this.showRest();
  }

  /** The rows as objects: numbers parsed, empty dates and selects as null. */
  values() {
    const shown = [...this.body.rows].map((tr) => {
      const out = {};
      for (const col of this.columns) {
        const input = tr.querySelector(`[data-key="${col.key}"]`);
        if (col.type === "checkbox") out[col.key] = input.checked;
        else if (col.type === "number") out[col.key] = input.value.trim() === "" ? null : Number(input.value);
        else if (col.type === "date" || col.type === "select") out[col.key] = input.value === "" ? null : input.value;
        else out[col.key] = input.value;
      }
      return out;
    });
    return this.rest?.length ? shown.concat(this.rest) : shown;
  }
}

/** Imported rows shown as editable rows; the rest are kept as data (see `RowEditor.set`). */
const EDITABLE_ROWS = 100;
/** Rows built per task by `RowEditor.setInSteps`. */
const ROWS_PER_STEP = 20;

/** Resolves in a later task, after the browser has had a chance to paint and take input. */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ---------------------------------------------------------------------------------------------
// Copying text, with a fallback that selects it when the clipboard is not available.

export async function copyText(text, statusEl, selectable) {
  try {
    await navigator.clipboard.writeText(text);
    statusEl.textContent = t("copy.done");
  } catch {
    if (selectable) {
      const range = document.createRange();
      range.selectNodeContents(selectable);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    statusEl.textContent = t("copy.manual");
  }
}

// ---------------------------------------------------------------------------------------------
// The page life cycle.

/**
 * Starts a page: translates the static text, loads the wasm, restores the inputs from the URL
 * hash, renders the first result and keeps the hash in step with the form from then on.
 *
 * - `strings`: the page's own `{ en, id, zh }` table (merged over the shared one);
 * - `restore(params)`: fill the form from the hash (`URLSearchParams`; empty: the example);
 * - `state()`: the form as `URLSearchParams` (without `lang`);
 * - `render()`: run the checker and show the report; may throw (shown by `showError`);
 * - `relabel()`: re-read language-dependent labels the page built itself;
 * - `fieldFor(path)`: the input an error path points at, if any.
 *
 * Resolves to `{ update, updateSoon }`: `update()` saves the state and renders now,
 * `updateSoon()` does so once typing pauses.
 */
const LANG_KEY = "shop-policy:lang";

/** The language last chosen on this site (kept on this device only), if any. */
function storedLang() {
  try {
    const lang = localStorage.getItem(LANG_KEY);
    return LANGS.includes(lang) ? lang : null;
  } catch {
    return null; // storage blocked: the browser's language decides
  }
}

function rememberLang(lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage blocked: the choice still travels in the links between pages.
  }
}

/** The first of the browser's languages the site speaks ("in" is the old code for Indonesian). */
function browserLang() {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language ?? "en"];
  for (const tag of tags) {
    const base = String(tag).toLowerCase().split("-")[0];
    const lang = base === "in" ? "id" : base;
    if (LANGS.includes(lang)) return lang;
  }
  return "en";
}

/**
 * Fields the person changed before the page was ready (typed while the engine loaded). Restoring
 * a shared link or defaults never overwrites them.
 */
let editedEarly = new WeakSet();

/**
 * Remembers every text field whose value differs from what the HTML said: the person typed in it
 * before the scripts ran. (Selects are filled by the scripts themselves, so only a change event
 * counts for them, from `startPage` on.)
 */
function noteEarlyEdits() {
  for (const el of document.querySelectorAll("input, textarea")) {
    const changed = el.type === "checkbox" ? el.checked !== el.defaultChecked : el.value !== el.defaultValue;
    if (changed) editedEarly.add(el);
  }
}

/**
 * Shows (or hides) the "example" label over a form: an example is loaded only on request, and
 * the label stays until the person edits anything.
 */
export function showExample(form, on) {
  let label = form.querySelector(".example-label");
  if (!on) {
    label?.remove();
    return;
  }
  if (!label) {
    label = h("p", { className: "example-label", attrs: { role: "status" } }, t("example.loaded"));
    form.prepend(label);
    form.addEventListener("input", () => showExample(form, false), { once: true });
  }
}

export async function startPage({ strings, restore, state, render, relabel = () => {}, fieldFor = () => null, errorEl, resultEl, resultAttr }) {
  tables = Object.fromEntries(LANGS.map((l) => [l, { ...SHARED[l], ...strings[l] }]));
  const langSelect = document.getElementById("lang");
  const status = document.getElementById("engine-status");

  const hashParams = () => new URLSearchParams(location.hash.slice(1));
  const applyLang = (wanted) => {
    current = LANGS.includes(wanted) ? wanted : "en";
    document.documentElement.lang = HTML_LANG[current];
    langSelect.value = current;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    // Navigation keeps the language from page to page.
    for (const a of document.querySelectorAll("nav.site a")) {
      a.hash = current === "en" ? "" : `lang=${current}`;
    }
    relabel();
  };

  // A link holds a check of a sensible size: rewriting the address with a pasted export of a
  // thousand rows took half a second per keystroke (Chromium, 150 KB hash). Past this, the check
  // runs but the address keeps the last state that fitted, and the share button says so.
  const MAX_HASH = 32_000;
  let lastHash = location.hash;
  let tooLarge = false;
  const save = () => {
    const params = state();
    params.set("lang", current);
    const hash = `#${params}`;
    tooLarge = hash.length > MAX_HASH;
    if (tooLarge || hash === lastHash) return;
    lastHash = hash;
    // In a task of its own: rewriting the address costs tens of milliseconds for a long link,
    // which the check just rendered need not wait for.
    const pending = ++saves;
    setTimeout(() => {
      if (pending !== saves) return; // a newer state is on its way
      try {
        history.replaceState(null, "", hash);
      } catch {
        lastHash = location.hash; // keep the previous link rather than lose the check
      }
    }, 0);
  };
  let saves = 0;

  // The fields marked invalid by the last error, to clear on the next check.
  let marked = [];
  const clearMarks = () => {
    for (const { input, note } of marked) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      note.remove();
    }
    marked = [];
  };

  /** Why a problem is one, in the page's language: a missing value is asked for plainly. */
  const reason = (problem) => {
    // The page's own reading of a field (an amount, a count, a date) says what is wrong in words.
    if (problem.name === "InputError") return problem.message;
    if (problem.code === "invalid_input" && /^missing required field/.test(problem.message)) return t("error.missing");
    const codeKey = `error.${problem.code}`;
    return has(codeKey) ? t(codeKey) : problem.code;
  };

  const showError = (error) => {
    const isInput = error && (error.name === "ShopPolicyError" || error.name === "InputError");
    if (!isInput) {
      // Not the input's fault: keep the evidence in the console as well.
      console.error(error);
      fill(errorEl, h("p", {}, t("error.unexpected", { message: error?.message ?? String(error) })));
      errorEl.hidden = false;
      return;
    }
    // Every problem at once (the library lists them when there are several), each also next to
    // its field.
    const problems = error.diagnostics?.length ? error.diagnostics : [error];
    fill(
      errorEl,
      h("p", { className: "error-title" }, t("error.title")),
      h("ul", { className: "error-list" }, problems.map((problem) => h("li", {},
        problem.path ? `${t("error.where", { field: describePath(problem.path) })} ` : "", reason(problem)))),
      error.name === "InputError" ? null : h("p", { className: "error-details" }, t("error.details", { message: error.message })),
    );
    errorEl.hidden = false;
    problems.forEach((problem, n) => {
      if (!problem.path) return;
      const input = fieldFor(problem.path) ?? document.querySelector(`[data-path="${CSS.escape(problem.path)}"]`);
      if (!input || marked.some((m) => m.input === input)) return;
      const note = h("span", { className: "field-error", id: `${errorEl.id}-${n}` }, reason(problem));
      input.after(note);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${note.id} ${errorEl.id}`);
      marked.push({ input, note });
    });
  };

  const update = () => {
    updateSoon.cancel();
    save();
    clearMarks();
    try {
      render();
      errorEl.hidden = true;
      errorEl.replaceChildren();
      delete resultEl.dataset.error;
    } catch (error) {
      resultEl.hidden = true;
      delete resultEl.dataset[resultAttr];
      resultEl.dataset.error = error?.code ?? "unexpected";
      showError(error);
    }
    echoSummary();
  };

  // On a phone the answer starts screens below the field being typed in: while the result is out
  // of view, a bar at the bottom repeats its one-line summary (or that the input needs fixing) and
  // takes the reader to it. Hidden on wide screens and while the result itself is in view.
  const echo = h("a", { className: "answer-echo", href: `#${resultEl.id}`, attrs: { "aria-hidden": "true", tabindex: "-1" } });
  document.body.append(echo);
  let resultInView = false;
  const echoSummary = () => {
    const summary = resultEl.querySelector(".summary");
    // "Not eligible: On 5 December …" — the verdict badge, then its sentence.
    const badge = summary?.querySelector(".badge")?.textContent;
    const line = summary ? (badge ? `${badge}: ${summary.textContent.slice(summary.textContent.indexOf(badge) + badge.length).trim()}` : summary.textContent) : "";
    const text = resultEl.hidden ? (errorEl.hidden ? "" : t("error.title")) : line;
    echo.textContent = text;
    echo.classList.toggle("error", !resultEl.hidden ? false : !errorEl.hidden);
    echo.hidden = !text || resultInView || (resultEl.hidden && errorEl.hidden);
  };
  new IntersectionObserver((entries) => {
    resultInView = entries.some((e) => e.isIntersecting);
    echoSummary();
  }).observe(resultEl);
  const updateSoon = debounce(update, 200);

  // What the person typed while the page loaded is theirs: note it now, and keep noting until ready.
  noteEarlyEdits();
  const early = (event) => editedEarly.add(event.target);
  document.addEventListener("input", early, true);
  document.addEventListener("change", early, true);

  // The language follows the person: a link's `lang`, else their last choice on this site, else
  // the browser's language.
  applyLang(hashParams().get("lang") ?? storedLang() ?? browserLang());
  langSelect.addEventListener("change", () => {
    applyLang(langSelect.value);
    rememberLang(current);
    update();
  });

  try {
    await init();
    performance.mark("shop-policy:wasm");
  } catch (error) {
    status.textContent = t("engine.failed", { message: error.message });
    throw error;
  }
  status.textContent = "";
  status.hidden = true;

  restore(hashParams());
  document.removeEventListener("input", early, true);
  document.removeEventListener("change", early, true);
  // From now on restoring is the person's own doing (the example, a link): it may replace values.
  editedEarly = new WeakSet();
  update();
  document.documentElement.dataset.ready = "true";
  performance.mark("shop-policy:ready");

  // A shared link opened in a tab that already shows the page changes only the hash.
  window.addEventListener("hashchange", () => {
    const params = hashParams();
    applyLang(params.get("lang"));
    restore(params);
    update();
  });

  const share = document.getElementById("share");
  const shareStatus = document.getElementById("share-status");
  share?.addEventListener("click", async () => {
    update();
    if (tooLarge) {
      shareStatus.textContent = t("share.tooLarge");
      return;
    }
    try {
      await navigator.clipboard.writeText(location.href);
      shareStatus.textContent = t("share.done");
    } catch {
      shareStatus.textContent = t("share.manual");
    }
  });

  return { update, updateSoon };
}

/** `orders[2].finalizedOn` → "Orders, row 3, Finalized on" in the page's language. */
export function describePath(path) {
  const parts = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(t("row", { n: Number(m[2]) + 1 }));
    else parts.push(has(`field.${m[1]}`) ? t(`field.${m[1]}`) : m[1]);
  }
  return `“${parts.join(", ")}”`;
}

/** The form's named controls as URL parameters (row editors' inputs have no names). */
export function formParams(form) {
  const params = new URLSearchParams();
  for (const el of form.elements) {
    if (!el.name) continue;
    params.set(el.name, el.type === "checkbox" ? String(el.checked) : el.value);
  }
  return params;
}

/**
 * Fills the form's named controls from URL parameters, or from `defaults` (the example) when the
 * parameters hold none of them. A value a select does not offer falls back to the default.
 */
export function restoreForm(form, params, defaults) {
  const named = [...form.elements].filter((el) => el.name);
  const fromLink = named.some((el) => params.has(el.name));
  for (const el of named) {
    // Typed before the page was ready: the person's value stands.
    if (editedEarly.has(el)) continue;
    const fallback = defaults[el.name] ?? "";
    // A shared link says everything it means: a field it leaves out is empty, not the example's.
    const value = fromLink ? params.get(el.name) ?? "" : String(fallback);
    if (el.type === "checkbox") el.checked = value === "true";
    else {
      el.value = value;
      if (el.tagName === "SELECT" && (el.selectedIndex < 0 || el.value !== value)) el.value = String(fallback);
      if (el.tagName === "SELECT" && el.selectedIndex < 0) el.selectedIndex = 0;
    }
  }
  return fromLink;
}

/** Fills a `<select>` with the regions (codes as values, names in the page's language). */
export function regionOptions(select) {
  if (!select.options.length) for (const r of REGIONS) select.append(h("option", { value: r }));
  for (const option of select.options) option.textContent = `${t(`region.${option.value}`)} (${option.value})`;
}
