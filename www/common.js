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

/**
 * The strings, one catalog file per language (`i18n/<lang>.js`, shared with the browser
 * extension): `shared` for every page and one section per page, named after its script. Only
 * the languages shown are loaded.
 */
const catalogs = {};
/** The page's section of the catalogs, set by `startPage`. */
let section = null;
/** By language: the shared strings and the page's own. */
const tables = {};
let current = "en";

/** The .wasm's loading, started as soon as this module runs. */
let engineLoading = null;

/** Loads `lang`'s catalog (once) and builds its table for this page. */
async function loadLang(lang) {
  catalogs[lang] ??= (await import(`./i18n/${lang}.js`)).default;
  tables[lang] = { ...catalogs[lang].shared, ...(section ? catalogs[lang][section] : {}) };
}

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
 * - `section`: the page's own part of the string catalogs (`i18n/<lang>.js`), added to `shared`;
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

export async function startPage({ section: page, restore, state, render, relabel = () => {}, fieldFor = () => null, errorEl, resultEl, resultAttr }) {
  section = page;
  const langSelect = document.getElementById("lang");
  const status = document.getElementById("engine-status");

  const hashParams = () => new URLSearchParams(location.hash.slice(1));
  const applyLang = async (wanted) => {
    const next = LANGS.includes(wanted) ? wanted : "en";
    try {
      await loadLang(next);
      current = next;
    } catch {
      // The catalog could not be loaded (offline after the page was cached?): stay as shown.
      if (!tables[current]) await loadLang("en");
    }
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
  const engine = (engineLoading ?? init()).then(() => performance.mark("shop-policy:wasm"));
  engine.catch(() => {}); // reported below, once the strings are in
  await applyLang(hashParams().get("lang") ?? storedLang() ?? browserLang());
  langSelect.addEventListener("change", async () => {
    // Remembered at once: a page opened next follows the choice even if this one is left before
    // its strings have loaded.
    rememberLang(langSelect.value);
    await applyLang(langSelect.value);
    update();
  });

  try {
    await engine;
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
  window.addEventListener("hashchange", async () => {
    const params = hashParams();
    await applyLang(params.get("lang"));
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

// The language the page opens in, loaded before any page script runs (they may format a message
// while they start): a link's `lang`, else the last choice on this site, else the browser's.
// Outside a browser (the tests import this module in Node), English.
// The engine starts loading meanwhile (`startPage` waits for it).
{
  const browser = typeof location !== "undefined";
  if (browser) {
    engineLoading = init();
    engineLoading.catch(() => {}); // reported by startPage
  }
  const wanted = browser ? new URLSearchParams(location.hash.slice(1)).get("lang") ?? storedLang() ?? browserLang() : "en";
  current = LANGS.includes(wanted) ? wanted : "en";
  await loadLang(current);
}
