// The extension pages' words (popup, options): the help site's string catalogs, copied in by
// tools/extension.mjs as i18n/<lang>.js, so the site and the extension say things the same way
// and tests/site/catalogs.test.mjs keeps every language complete. Only the language shown is
// loaded. (The service worker, which may not import() at run time, imports them statically.)
import { LANGS } from "./shared.js";

/** Dates, numbers and lists as each language writes them. */
export const LOCALES = { en: "en-GB", id: "id-ID", zh: "zh-CN" };

const catalogs = {};

/**
 * The strings of `sections` in `wanted` (English when the catalogs lack it): `{ code, t }`, where
 * `t(key, vars)` fills `{name}` slots from `vars`.
 */
export async function strings(wanted, sections) {
  const code = LANGS.includes(wanted) ? wanted : "en";
  catalogs[code] ??= (await import(`./i18n/${code}.js`)).default;
  const words = Object.assign({}, ...sections.map((section) => catalogs[code][section]));
  const t = (key, vars) => {
    const text = words[key] ?? `⟦${key}⟧`;
    return vars ? text.replace(/\{(\w+)\}/g, (slot, name) => (name in vars ? String(vars[name]) : slot)) : text;
  };
  return { code, t };
}

/**
 * Writes `t`'s words into the page: `data-i18n` (text), `data-i18n-aria` (aria-label) and
 * `data-i18n-title` (the document title); sets the document's language.
 */
export function applyStrings({ code, t }, root = document) {
  document.documentElement.lang = code === "zh" ? "zh-Hans" : code;
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
  const title = root.querySelector("title[data-i18n-title]");
  if (title) title.textContent = t(title.dataset.i18nTitle);
}
