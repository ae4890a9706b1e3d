// The options page's words, shared by its two scripts (options.js, options-rules.js): the
// catalogs' `shared`, `rules` and `options` sections in the language chosen for the reasons
// (the options' own choice, else the browser's). Scripts register what they draw themselves
// with `relabel`, to draw it again when the language changes on Save.
import { resolveLang } from "./shared.js";
import { applyStrings, strings } from "./strings.js";

let words = { code: "en", t: (key) => `⟦${key}⟧` };
const redraws = [];

/** The options page string `key`, `{name}` slots filled from `vars`. */
export const t = (key, vars) => words.t(key, vars);

/** The language the page speaks now. */
export const lang = () => words.code;

/** Registers `redraw`, called after every change of language. */
export function relabel(redraw) {
  redraws.push(redraw);
}

/** Loads `option` ("auto", "en", "id", "zh") and writes the page's words in it. */
export async function pageStrings(option) {
  words = await strings(resolveLang(option, chrome.i18n.getUILanguage()), ["shared", "rules", "options"]);
  applyStrings(words);
  for (const redraw of redraws) redraw();
}

const { lang: stored } = await chrome.storage.sync.get("lang");
await pageStrings(stored ?? "auto");
