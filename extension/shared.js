// What the service worker, the popup and the options page share: the options and their
// defaults, and the inference of region, surface and language from what a page tells us.
// Pure functions only (no `chrome.*` at import time), so Node tests can import this file.

export const REGIONS = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];
export const LANGS = ["en", "id", "zh"];
export const SURFACES = ["bio", "video", "live", "comment", "product", "chat"];

/** `region: "auto"` infers it from the page; `lang: "auto"` follows the browser's language. */
export const DEFAULT_OPTIONS = Object.freeze({ region: "auto", lang: "auto", patterns: null });

// Seller Center runs one host per region (seller-my.tiktok.com …); Indonesia's is
// seller-id.tokopedia.com since TikTok Shop became Shop | Tokopedia. UK is "uk" there, GB in ISO.
const HOST_REGION = /^seller-([a-z]{2})\.(?:tiktok|tokopedia)\.com$/;
const CODE_ALIASES = { GB: "UK" };
// Languages spoken mostly in one built-in region, for a page whose `lang` has no region subtag.
const LANGUAGE_REGION = { id: "ID", in: "ID", ms: "MY", th: "TH", vi: "VN", fil: "PH", tl: "PH" };

function regionCode(value) {
  if (typeof value !== "string") return null;
  const code = value.trim().toUpperCase();
  const region = CODE_ALIASES[code] ?? code;
  return REGIONS.includes(region) ? region : null;
}

/** A BCP 47 tag's region (`en-GB` → UK), else the region its language implies (`id` → ID). */
export function regionFromLanguageTag(tag) {
  if (typeof tag !== "string" || !tag) return null;
  const [language, ...rest] = tag.toLowerCase().split(/[-_]/);
  for (const part of rest) {
    if (part.length === 2) {
      const region = regionCode(part);
      if (region) return region;
    }
  }
  return LANGUAGE_REGION[language] ?? null;
}

/**
 * The region a page is for, from the strongest hint to the weakest: the regional Seller Center
 * host, a `region`/`shop_region`/`country` query parameter, the page's `lang` attribute. `null`
 * when the page does not say.
 */
export function inferRegion({ hostname = "", search = "", documentLang = "" } = {}) {
  const host = HOST_REGION.exec(hostname.toLowerCase());
  if (host) {
    const region = regionCode(host[1]);
    if (region) return region;
  }
  const params = new URLSearchParams(search);
  for (const name of ["region", "shop_region", "country"]) {
    const region = regionCode(params.get(name));
    if (region) return region;
  }
  return regionFromLanguageTag(documentLang);
}

/** The region to judge under: the options' choice, else the page's, else the browser's, else ID. */
export function resolveRegion(optionRegion, page, uiLanguage) {
  return regionCode(optionRegion) ?? inferRegion(page) ?? regionFromLanguageTag(uiLanguage) ?? "ID";
}

/**
 * Whether the region was only guessed: nobody chose it in the options and the page does not say
 * (the browser's language or the default decided). The reasons panel then asks, once.
 */
export function regionGuessed(optionRegion, page) {
  return regionCode(optionRegion) === null && inferRegion(page) === null;
}

/** The report language: the options' choice, else the browser's language when we have it, else en. */
export function resolveLang(optionLang, uiLanguage = "") {
  if (LANGS.includes(optionLang)) return optionLang;
  const language = uiLanguage.toLowerCase().split(/[-_]/)[0];
  if (language === "id" || language === "in") return "id";
  if (language === "zh") return "zh";
  return "en";
}

// Keyword families, tried in this order: the specific surfaces first, because a chat reply box
// or a video caption is often also called a "description" or "content" field.
const SURFACE_WORDS = [
  ["chat", /chat|\bim\b|message|inbox|\breply\b|pesan|balas|客服|消息|聊天/],
  ["comment", /comment|komentar|评论/],
  ["bio", /\bbio\b|biography|signature|profile|简介|个性签名/],
  ["live", /\blive\b|livestream|siaran langsung|直播/],
  ["video", /caption|\bvideo\b|\bpost\b|keterangan|视频|文案/],
  ["product", /product|\btitle\b|description|\bdesc\b|\bsku\b|listing|produk|deskripsi|judul|商品|标题|描述/],
];

/** Lowercase words from identifiers: `productDescription` → `product description`. */
export function hintWords(text) {
  return String(text)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.:/[\]]+/g, " ")
    .toLowerCase();
}

/**
 * The surface a field posts to, from what the field itself says (`hint`: its id, name,
 * placeholder, labels), then what its ancestors say (`context`), then the page's URL. An explicit
 * `data-shop-policy-surface` on the field or an ancestor wins. Default: `video` in TikTok Studio
 * (captions), `product` elsewhere (Seller Center listings).
 */
export function inferSurface({ explicit = "", hint = "", context = "", hostname = "", pathname = "" } = {}) {
  if (SURFACES.includes(explicit)) return explicit;
  const studio = hostname === "www.tiktok.com" && pathname.startsWith("/tiktokstudio");
  for (const text of [hint, context]) {
    const words = hintWords(text);
    for (const [surface, pattern] of SURFACE_WORDS) {
      // In TikTok Studio a "description" is a video's caption, not a product's.
      if (studio && surface === "product") continue;
      if (pattern.test(words)) return surface;
    }
  }
  if (studio) return "video";
  if (/chat|\bim\b|message|inbox/.test(hintWords(pathname))) return "chat";
  return "product";
}

// A Chrome match pattern: scheme://host/path, host "*", "*.domain" or a name without "*".
const MATCH_PATTERN = /^(https?|\*):\/\/(\*|(\*\.)?[^/*:]+(:\d+)?)\/.*$/;

/** Whether `pattern` is a match pattern Chrome accepts for content scripts (http/https only). */
export function isMatchPattern(pattern) {
  return typeof pattern === "string" && MATCH_PATTERN.test(pattern);
}

/** One pattern a line; blank lines and `#` comments ignored; duplicates dropped. */
export function parsePatterns(text) {
  const seen = new Set();
  for (const line of String(text).split(/\r?\n/)) {
    const pattern = line.replace(/#.*/, "").trim();
    if (pattern) seen.add(pattern);
  }
  return [...seen];
}

/** The options with defaults filled in; `defaults` are the manifest's host permissions. */
export function withDefaults(stored, defaultPatterns) {
  const options = { ...DEFAULT_OPTIONS, ...stored };
  if (!REGIONS.includes(options.region)) options.region = "auto";
  if (!LANGS.includes(options.lang)) options.lang = "auto";
  if (!Array.isArray(options.patterns)) options.patterns = [...defaultPatterns];
  return options;
}
