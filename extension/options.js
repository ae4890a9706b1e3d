// The options page: region, language and the URL patterns the content script runs on.
// Patterns beyond the manifest's defaults are optional host permissions, requested here (a
// permission request needs the user's click) and given back when a pattern is removed.
// The page speaks the language chosen for the reasons (options-i18n.js).
import { REGIONS, isMatchPattern, parsePatterns, withDefaults } from "./shared.js";
import { pageStrings, relabel, t } from "./options-i18n.js";

const form = document.querySelector("#options");
const status = document.querySelector("#status");
const DEFAULTS = chrome.runtime.getManifest().host_permissions;

for (const code of REGIONS) form.region.append(new Option(code, code));

/** The status line: a catalog key and its slots, so a change of language can say it again. */
let said = null;
function say(key, vars, className = "") {
  said = { key, vars, className };
  status.className = `result ${className}`;
  status.textContent = t(key, vars);
}
relabel(() => said && say(said.key, said.vars, said.className));

async function showActive() {
  const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ["shop-policy-fields"] }).catch(() => []);
  const list = document.querySelector("#active");
  const item = (text, key) => {
    const li = Object.assign(document.createElement("li"), { textContent: text });
    if (key) li.dataset.i18n = key;
    return li;
  };
  list.replaceChildren(...(script?.matches ?? []).map((pattern) => item(pattern)));
  if (!list.children.length) list.append(item(t("options.nowhere"), "options.nowhere"));
}

async function load() {
  const options = withDefaults(await chrome.storage.sync.get(["region", "lang", "patterns"]), DEFAULTS);
  form.region.value = options.region;
  form.lang.value = options.lang;
  form.patterns.value = options.patterns.join("\n");
  await showActive();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const patterns = parsePatterns(form.patterns.value);
  const invalid = patterns.filter((pattern) => !isMatchPattern(pattern));
  if (invalid.length) return say("options.notPattern", { patterns: invalid.join(", ") }, "bad");
  const extra = patterns.filter((pattern) => !DEFAULTS.includes(pattern));
  // First, while the click still counts as a user gesture: ask for the extra sites.
  const granted = extra.length ? await chrome.permissions.request({ origins: extra }).catch(() => false) : true;
  await chrome.storage.sync.set({ region: form.region.value, lang: form.lang.value, patterns });
  // Least privilege: give back the optional sites no pattern needs any more.
  const { origins = [] } = await chrome.permissions.getAll();
  const unused = origins.filter((origin) => !DEFAULTS.includes(origin) && !patterns.includes(origin));
  if (unused.length) await chrome.permissions.remove({ origins: unused }).catch(() => false);
  // The page now speaks the language just chosen.
  await pageStrings(form.lang.value);
  say(granted ? "options.saved" : "options.savedNoPermission", undefined, granted ? "good" : "warn");
  // The service worker re-registers the content script when the options change.
  setTimeout(showActive, 300);
});

document.querySelector("#defaults").addEventListener("click", () => {
  form.region.value = "auto";
  form.lang.value = "auto";
  form.patterns.value = DEFAULTS.join("\n");
  say("options.restored");
});

await load();
