// The options page: region, language and the URL patterns the content script runs on.
// Patterns beyond the manifest's defaults are optional host permissions, requested here (a
// permission request needs the user's click) and given back when a pattern is removed.
import { REGIONS, isMatchPattern, parsePatterns, withDefaults } from "./shared.js";

const form = document.querySelector("#options");
const status = document.querySelector("#status");
const DEFAULTS = chrome.runtime.getManifest().host_permissions;

for (const code of REGIONS) form.region.append(new Option(code, code));

function say(text, className = "") {
  status.className = `result ${className}`;
  status.textContent = text;
}

async function showActive() {
  const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ["shop-policy-fields"] }).catch(() => []);
  const list = document.querySelector("#active");
  list.replaceChildren(...(script?.matches ?? []).map((pattern) => Object.assign(document.createElement("li"), { textContent: pattern })));
  if (!list.children.length) list.append(Object.assign(document.createElement("li"), { textContent: "nowhere" }));
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
  if (invalid.length) return say(`Not a match pattern: ${invalid.join(", ")}`, "bad");
  const extra = patterns.filter((pattern) => !DEFAULTS.includes(pattern));
  // First, while the click still counts as a user gesture: ask for the extra sites.
  const granted = extra.length ? await chrome.permissions.request({ origins: extra }).catch(() => false) : true;
  await chrome.storage.sync.set({ region: form.region.value, lang: form.lang.value, patterns });
  // Least privilege: give back the optional sites no pattern needs any more.
  const { origins = [] } = await chrome.permissions.getAll();
  const unused = origins.filter((origin) => !DEFAULTS.includes(origin) && !patterns.includes(origin));
  if (unused.length) await chrome.permissions.remove({ origins: unused }).catch(() => false);
  say(granted ? "Saved." : "Saved, but without permission for the new sites: the extension will not run there.", granted ? "good" : "warn");
  // The service worker re-registers the content script when the options change.
  setTimeout(showActive, 300);
});

document.querySelector("#defaults").addEventListener("click", () => {
  form.region.value = "auto";
  form.lang.value = "auto";
  form.patterns.value = DEFAULTS.join("\n");
  say("Defaults restored in the form: press Save to keep them.");
});

await load();
