// The extension's module service worker: the only place the wasm runs. Content scripts cannot
// compile wasm — they run under the page's CSP, and Seller Center does not grant
// 'wasm-unsafe-eval' — so they send text here; the manifest's extension_pages CSP grants it to
// this worker, the popup and the options page.
import init, { Engine, checkLinks, checkEligibility, accountHealth, checkClosure, getPolicy, policies } from "./pkg/shop_policy.js";
import { emptyRules, hasRules, overlayFor } from "./my-rules.js";
import { resolveLang, resolveRegion, regionGuessed, inferSurface, withDefaults, isMatchPattern } from "./shared.js";
// The help site's string catalogs (copied in by tools/extension.mjs). Static imports: a service
// worker may not import() at run time.
import en from "./i18n/en.js";
import id from "./i18n/id.js";
import zh from "./i18n/zh.js";

const CATALOGS = { en, id, zh };

/** The words of a field's badge and reasons panel in `lang`: the panel's own, the verdicts and
 *  the surfaces, as the help site's links page says them. */
function panelLabels(lang) {
  const catalog = CATALOGS[lang] ?? CATALOGS.en;
  const pick = (section, prefix) => Object.entries(catalog[section]).filter(([key]) => key.startsWith(prefix));
  return Object.fromEntries([...Object.entries(catalog.panel), ...pick("links", "links.verdict."), ...pick("shared", "surface.")]);
}

const CONTENT_SCRIPT_ID = "shop-policy-fields";

// Chrome suspends an idle worker after ~30 s and starts a fresh one for the next message, with
// empty module state: `ready` is then undefined again, and the first message re-instantiates.
let ready;
const stats = { instantiatedAt: null, instantiateMs: null, checks: 0 };

function engine() {
  ready ??= (async () => {
    const started = performance.now();
    // An extension URL: the bytes come from the installed package, not the network.
    await init({ module_or_path: chrome.runtime.getURL("pkg/shop_policy_bg.wasm") });
    stats.instantiatedAt = Date.now();
    stats.instantiateMs = performance.now() - started;
  })().catch((error) => {
    ready = undefined; // let the next message try again rather than fail forever
    throw error;
  });
  return ready;
}

// The options, cached for this worker's life and dropped whenever they change.
let optionsCache;
function options() {
  optionsCache ??= chrome.storage.sync
    .get(["region", "lang", "patterns"])
    .then((stored) => withDefaults(stored, chrome.runtime.getManifest().host_permissions));
  return optionsCache;
}

// The person's own rules (options, "My rules"), as an engine per region, built once and dropped
// whenever they change. A stored set the library no longer accepts is not applied.
let rulesCache;
async function ownEngine(region) {
  rulesCache ??= chrome.storage.local.get("myRules").then(({ myRules }) => ({ doc: myRules, engines: new Map() }));
  const cache = await rulesCache;
  if (!cache.engines.has(region)) {
    const rules = { ...emptyRules(), ...(cache.doc?.regions?.[region] ?? {}) };
    let own = null;
    if (hasRules(rules)) {
      try {
        own = new Engine(overlayFor(region, rules).overlay);
      } catch {
        own = null;
      }
    }
    cache.engines.set(region, own);
  }
  return cache.engines.get(region);
}

// The functions the popup may call by name; nothing else is reachable through a message.
const CALLS = { checkEligibility, accountHealth, checkClosure, getPolicy, policies };
// The checks that an engine with the person's own rules answers too.
const OWN_RULES_CALLS = new Set(["checkEligibility", "accountHealth", "checkClosure"]);

async function handle(message) {
  switch (message?.type) {
    case "checkLinks": {
      const [opts] = await Promise.all([options(), engine()]);
      const page = message.page ?? {};
      const uiLanguage = chrome.i18n.getUILanguage();
      const region = resolveRegion(opts.region, page, uiLanguage);
      const lang = resolveLang(opts.lang, uiLanguage);
      const surface = inferSurface({ ...message.field, hostname: page.hostname, pathname: page.pathname });
      const started = performance.now();
      const own = await ownEngine(region);
      const input = { text: String(message.text ?? ""), surface, region, lang };
      const report = own ? own.checkLinks(input) : checkLinks(input);
      stats.checks += 1;
      const guessed = regionGuessed(opts.region, page);
      return { ok: true, report, region, guessed, lang, labels: panelLabels(lang), surface, workerMs: performance.now() - started };
    }
    case "call": {
      const fn = Object.hasOwn(CALLS, message.fn) ? CALLS[message.fn] : null;
      if (!fn) throw Object.assign(new Error(`unknown function ${message.fn}`), { code: "invalid_input" });
      await engine();
      // A check for a region the person has own rules for (a figure they set) is answered under
      // them, as the pages and the content script do.
      const region = message.arg?.region;
      const own = OWN_RULES_CALLS.has(message.fn) && typeof region === "string" ? await ownEngine(region) : null;
      if (own) return { ok: true, result: own[message.fn](message.arg) };
      return { ok: true, result: message.arg === undefined ? fn() : fn(message.arg) };
    }
    case "options": {
      const opts = await options();
      const uiLanguage = chrome.i18n.getUILanguage();
      return { ok: true, options: opts, lang: resolveLang(opts.lang, uiLanguage), region: resolveRegion(opts.region, {}, uiLanguage) };
    }
    case "status":
      await engine();
      return { ok: true, stats, contentScripts: await chrome.scripting.getRegisteredContentScripts() };
    default:
      throw Object.assign(new Error(`unknown message ${message?.type}`), { code: "invalid_input" });
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own content scripts and pages can reach this listener (no externally_connectable),
  // but say so explicitly.
  if (sender.id !== chrome.runtime.id) return false;
  handle(message).then(sendResponse, (error) =>
    sendResponse({
      ok: false,
      error: { name: error.name, code: error.code ?? "internal", path: error.path ?? "", message: String(error.message ?? error) },
    }),
  );
  return true; // the answer is sent asynchronously
});

// The content script runs on the patterns of the options page. They are registered at run time
// (not in the manifest) so that the user can change them; only patterns the extension holds a
// host permission for are registered — the defaults are the manifest's host_permissions, any
// other pattern is an optional permission the options page asks the user for.
let syncing = Promise.resolve();
function syncContentScripts() {
  syncing = syncing.then(async () => {
    const { patterns } = await options();
    const matches = [];
    for (const pattern of patterns) {
      if (isMatchPattern(pattern) && (await chrome.permissions.contains({ origins: [pattern] }))) matches.push(pattern);
    }
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    if (matches.length) {
      await chrome.scripting.registerContentScripts([
        // Every frame: rich-text editors and chat panes often live in iframes.
        { id: CONTENT_SCRIPT_ID, js: ["content.js"], matches, allFrames: true, runAt: "document_idle", persistAcrossSessions: true },
      ]);
    }
    return matches;
  }).catch((error) => console.error("shop-policy: registering the content script failed", error));
  return syncing;
}

/**
 * Tabs already open on a covered page when the extension is installed or updated get the content
 * script now, in every frame, rather than after a reload. (The script ignores a second copy.)
 */
async function injectOpenTabs() {
  const matches = await syncContentScripts();
  if (!matches?.length) return;
  const tabs = await chrome.tabs.query({ url: matches });
  await Promise.all(tabs.map((tab) => chrome.scripting
    .executeScript({ target: { tabId: tab.id, allFrames: true }, files: ["content.js"] })
    .catch(() => {}))); // a tab that cannot take scripts (a discarded one) is left alone
}

chrome.runtime.onInstalled.addListener(injectOpenTabs);
chrome.runtime.onStartup.addListener(syncContentScripts);
chrome.permissions.onAdded.addListener(syncContentScripts);
chrome.permissions.onRemoved.addListener(syncContentScripts);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.myRules) rulesCache = undefined;
  if (area !== "sync") return;
  optionsCache = undefined;
  if (changes.patterns) syncContentScripts();
});
