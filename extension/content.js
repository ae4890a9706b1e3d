// Content script: finds the text fields of the page (textareas, text inputs, contenteditable
// editors, including ones added later), sends their text to the service worker, and draws the
// answer: highlights over the offending spans and a badge beside the field.
//
// It never compiles wasm (the page's CSP would forbid it), never writes to a field, never
// submits anything, and sends nothing anywhere but to its own extension's service worker.
// Everything it draws lives in shadow roots of elements appended to <html>, so the page's CSS
// cannot restyle it and the field's own DOM stays untouched.
(() => {
  "use strict";
  // Registered content scripts can be injected twice into one document (e.g. after the
  // patterns change); the isolated world keeps this marker between injections.
  const INSTALLED = Symbol.for("shop-policy.content-script");
  if (globalThis[INSTALLED]) return;
  globalThis[INSTALLED] = true;

  // Per field, at most one check in flight and at most one started per interval: the first
  // keystroke after a pause is checked at once, a burst of typing costs one check per interval,
  // and the last text of a burst is always checked.
  const MIN_INTERVAL_MS = 80;
  const TEXT_INPUT_TYPES = new Set(["text", "search", "url", "email", "tel"]);
  const FIELD_SELECTOR = 'textarea, input, [contenteditable]:not([contenteditable="false"])';
  const Z = "2147483646";

  // The badge's and panel's words come with each answer, from the help site's catalogs in the
  // language chosen for the reasons (the service worker reads them); until the first answer, and
  // if the worker cannot answer at all, these English words.
  const FALLBACK_LABELS = {
    "panel.error": "Not checked", "panel.none": "Nothing here sends buyers off TikTok Shop.",
    "links.verdict.allow": "Allowed", "links.verdict.review": "Needs review", "links.verdict.block": "Not allowed",
  };
  let lastLabels = FALLBACK_LABELS;

  // One stylesheet adopted by every shadow root: constructed stylesheets are CSSOM, which the
  // page's CSP (style-src without 'unsafe-inline') does not block, unlike a <style> element.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :host { all: initial; }
    .clip { position: absolute; inset: 0; overflow: hidden; pointer-events: none; }
    .mirror { position: absolute; left: 0; top: 0; margin: 0; overflow: hidden; color: transparent;
      border-color: transparent !important; background: transparent; pointer-events: none; }
    .mirror mark, .rect { color: transparent; border-radius: 2px; }
    .mirror mark.block, .rect.block { background: rgba(220, 38, 38, .22); box-shadow: inset 0 -2px 0 rgb(220, 38, 38); }
    .mirror mark.review, .rect.review { background: rgba(217, 119, 6, .20); box-shadow: inset 0 -2px 0 rgb(217, 119, 6); }
    .rect { position: absolute; }
    .badge { position: relative; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    .pill { all: unset; display: inline-flex; align-items: center; gap: 4px; padding: 2px 8px; border-radius: 999px;
      cursor: pointer; white-space: nowrap; color: #fff; background: #15803d; box-shadow: 0 1px 3px rgba(0,0,0,.3);
      font: inherit; font-weight: 600; }
    .pill:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
    .pill.review { background: #b45309; }
    .pill.block { background: #b91c1c; }
    .pill.error { background: #4b5563; }
    .panel { position: absolute; right: 0; top: calc(100% + 4px); width: min(360px, 90vw); max-height: 280px; overflow: auto;
      box-sizing: border-box; padding: 8px 10px; border-radius: 6px; background: #fff; color: #111827;
      border: 1px solid #d1d5db; box-shadow: 0 6px 18px rgba(0,0,0,.18); text-align: left; }
    .panel.up { top: auto; bottom: calc(100% + 4px); }
    .panel[hidden] { display: none; }
    .head { color: #4b5563; margin-bottom: 6px; }
    .ask { margin: 0 0 6px; padding: 6px; border-radius: 6px; background: #fff7ed; color: #111827; }
    .ask select, .ask .use { font: inherit; }
    ol { margin: 0; padding: 0 0 0 18px; }
    li { margin: 0 0 8px; }
    li.block::marker { color: #b91c1c; }
    li.review::marker { color: #b45309; }
    q { font-weight: 600; }
    .verdict { font-weight: 600; }
    .verdict.block { color: #b91c1c; }
    .verdict.review { color: #b45309; }
    .src { color: #6b7280; font-size: 11px; overflow-wrap: anywhere; }
    .instead { margin: 2px 0; }
    .instead q { font-weight: 400; }
    .replace { font: inherit; margin-left: 4px; }
    a { color: #1d4ed8; }
  `);

  /** field → its state; fields are found by scanning, by the MutationObserver and on input. */
  const states = new Map();

  function isField(el) {
    if (!(el instanceof HTMLElement) || el.hasAttribute("data-shop-policy-ui")) return false;
    if (el instanceof HTMLTextAreaElement) return !el.disabled;
    if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.disabled;
    // Only the editing host: the nested editable elements are part of its text.
    return el.isContentEditable && !el.parentElement?.isContentEditable;
  }

  /** The field an event target belongs to (the editing host for a node inside an editor). */
  function fieldOf(node) {
    let el = node instanceof HTMLElement ? node : node?.parentElement;
    while (el && el.isContentEditable && el.parentElement?.isContentEditable) el = el.parentElement;
    return el && isField(el) ? el : null;
  }

  const attr = (el, name) => el.getAttribute(name) ?? "";

  /** What the field says about itself, and what its nearest ancestors say (for the surface). */
  function describe(field) {
    const own = ["id", "name", "placeholder", "aria-label", "title", "data-testid", "data-e2e"].map((a) => attr(field, a));
    for (const label of field.labels ?? []) own.push(label.textContent ?? "");
    for (const id of attr(field, "aria-labelledby").split(/\s+/).filter(Boolean)) {
      own.push(document.getElementById(id)?.textContent ?? "");
    }
    const context = [];
    let node = field.parentElement;
    for (let depth = 0; node && depth < 4; depth += 1, node = node.parentElement) {
      context.push(node.id, attr(node, "aria-label"), attr(node, "data-testid"), attr(node, "data-e2e"));
      if (typeof node.className === "string") context.push(node.className);
    }
    const explicit = field.closest("[data-shop-policy-surface]")?.getAttribute("data-shop-policy-surface") ?? "";
    return { explicit, hint: own.join(" ").slice(0, 1000), context: context.join(" ").slice(0, 1000) };
  }

  const BLOCK_TAGS = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION",
    "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "OL", "P", "PRE", "SECTION",
    "TABLE", "TD", "TH", "TR", "UL"]);

  /**
   * An editor's text as the engine should read it — its text nodes, with a line break between
   * blocks and for <br> so that two paragraphs never run together into one "word" — and where
   * each text node starts in it, to map the findings' UTF-16 offsets back to DOM ranges.
   */
  function editorText(root) {
    let text = "";
    const segments = [];
    const newline = () => {
      if (text && !text.endsWith("\n")) text += "\n";
    };
    const walk = (parent) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE) {
          segments.push({ node, start: text.length });
          text += node.data;
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.tagName === "BR") text += "\n";
          else if (node.tagName === "SCRIPT" || node.tagName === "STYLE") continue;
          else if (BLOCK_TAGS.has(node.tagName)) {
            newline();
            walk(node);
            newline();
          } else walk(node);
        }
      }
    };
    walk(root);
    return { text, segments };
  }

  function readField(field) {
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) return { text: field.value, segments: null };
    return editorText(field);
  }

  function pageHints() {
    return {
      hostname: location.hostname,
      pathname: location.pathname,
      search: location.search,
      documentLang: document.documentElement.lang || "",
    };
  }

  function track(field) {
    let state = states.get(field);
    if (state) return state;
    state = {
      field, descriptor: describe(field), ui: null, result: null, checkedText: null, segments: null,
      inflight: false, dirty: false, timer: 0, lastStart: -Infinity, open: false, error: null,
    };
    states.set(field, state);
    resizeObserver.observe(field);
    return state;
  }

  function requestCheck(state) {
    if (state.inflight) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    const wait = Math.max(0, state.lastStart + MIN_INTERVAL_MS - performance.now());
    state.timer = setTimeout(() => {
      state.timer = 0;
      check(state);
    }, wait);
  }

  async function check(state) {
    const { field } = state;
    if (!field.isConnected) return;
    const { text, segments } = readField(field);
    if (text === state.checkedText) {
      // Unchanged (or typed and undone): nothing to send; restore the highlights onInput hid.
      if (state.ui) render(state);
      return;
    }
    if (!text.trim()) {
      // Nothing to judge: no need to wake the worker.
      state.checkedText = text;
      state.segments = segments;
      state.result = { report: { verdict: "allow", findings: [] }, lang: state.result?.lang ?? "en" };
      state.error = null;
      render(state);
      return;
    }
    state.inflight = true;
    state.lastStart = performance.now();
    let answer;
    try {
      answer = await chrome.runtime.sendMessage({ type: "checkLinks", text, page: pageHints(), field: state.descriptor });
    } catch (error) {
      answer = { ok: false, error: { message: String(error?.message ?? error) } };
    }
    state.inflight = false;
    if (!chrome.runtime?.id) return teardown(); // the extension was reloaded or removed
    if (answer?.ok) {
      state.checkedText = text;
      state.segments = segments;
      state.result = answer;
      state.error = null;
    } else {
      state.error = answer?.error ?? { message: "no answer" };
    }
    render(state);
    if (state.dirty) {
      state.dirty = false;
      requestCheck(state);
    }
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function host(kind) {
    const node = document.createElement("div");
    node.setAttribute("data-shop-policy-ui", kind);
    const root = node.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet];
    for (const [name, value] of [["position", "fixed"], ["z-index", Z], ["margin", "0"], ["padding", "0"], ["border", "0"],
      ["display", "block"], ["visibility", "hidden"]]) {
      node.style.setProperty(name, value, "important");
    }
    return { node, root };
  }

  function createUi(state) {
    const overlay = host("overlay");
    overlay.node.style.setProperty("pointer-events", "none", "important");
    const clip = el("div", "clip");
    overlay.root.append(clip);
    const badge = host("badge");
    badge.node.setAttribute("data-shop-policy-badge", "");
    badge.node.setAttribute("data-shop-policy-verdict", "allow");
    // Which field the badge is for, for the page's own scripts and for tests.
    badge.node.setAttribute("data-shop-policy-field", state.field.id || attr(state.field, "name"));
    const wrap = el("div", "badge");
    const pill = el("button", "pill allow");
    pill.type = "button";
    pill.setAttribute("aria-expanded", "false");
    pill.setAttribute("aria-keyshortcuts", "Alt+Shift+P");
    const panel = el("div", "panel");
    panel.hidden = true;
    wrap.append(pill, panel);
    badge.root.append(wrap);
    // Keep the caret in the field: the badge must not steal focus when clicked.
    pill.addEventListener("mousedown", (event) => event.preventDefault());
    pill.addEventListener("click", () => {
      state.open = !state.open;
      render(state);
    });
    document.documentElement.append(overlay.node, badge.node);
    state.ui = { overlay: overlay.node, clip, badge: badge.node, pill, panel, mirror: null, shown: "" };
    return state.ui;
  }

  /** The words for `state`, as a function: `L("panel.use")`, `L("panel.as", { surface })`. */
  function labels(state) {
    if (state.result?.labels) lastLabels = state.result.labels;
    const words = lastLabels;
    return (key, vars) => {
      const text = words[key] ?? FALLBACK_LABELS[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (slot, name) => (name in vars ? String(vars[name]) : slot)) : text;
    };
  }

  function render(state) {
    const ui = state.ui ?? createUi(state);
    const L = labels(state);
    const report = state.result?.report ?? { verdict: "allow", findings: [] };
    const verdict = state.error ? "error" : report.verdict;
    if (ui.shown !== verdict) {
      ui.badge.setAttribute("data-shop-policy-verdict", verdict === "error" ? "allow" : verdict);
      ui.shown = verdict;
    }
    if (state.error) ui.badge.setAttribute("data-shop-policy-error", state.error.message);
    else ui.badge.removeAttribute("data-shop-policy-error");
    if (state.result?.surface) ui.badge.setAttribute("data-shop-policy-surface", state.result.surface);
    if (state.result?.region) ui.badge.setAttribute("data-shop-policy-region", state.result.region);
    const count = report.findings.length;
    ui.pill.className = `pill ${verdict}`;
    ui.pill.textContent = `${verdict === "error" ? L("panel.error") : L(`links.verdict.${verdict}`)}${count ? ` · ${count}` : ""}`;
    ui.pill.setAttribute("aria-label", `shop-policy: ${ui.pill.textContent}`);
    ui.pill.title = report.findings.map((f) => `${L(`links.verdict.${f.verdict}`)}: ${f.match} — ${f.message}`).join("\n") || L("panel.none");
    ui.pill.setAttribute("aria-expanded", String(state.open));
    renderPanel(state, ui, L, report);
    renderHighlights(state, ui, report);
    layout(state);
  }

  function askRegion(region, L) {
    const row = el("div", "ask");
    const select = el("select");
    select.setAttribute("aria-label", L("panel.ask"));
    for (const code of ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"]) {
      const option = el("option", "", code);
      option.value = code;
      option.selected = code === region;
      select.append(option);
    }
    const use = el("button", "use", L("panel.use"));
    use.type = "button";
    use.addEventListener("click", () => chrome.storage.sync.set({ region: select.value }));
    row.append(el("span", "", `${L("panel.ask")} `), select, " ", use);
    return row;
  }

  function renderPanel(state, ui, L, report) {
    ui.panel.hidden = !state.open;
    if (!state.open) return;
    ui.panel.replaceChildren();
    if (state.error) {
      ui.panel.append(el("div", "head", `${L("panel.error")}: ${state.error.message}`));
      return;
    }
    const { surface, region, guessed } = state.result ?? {};
    const head = [surface ? L("panel.as", { surface: L(`surface.${surface}`) }) : "", region ? L("panel.region", { region }) : "",
      report.policy ? L("panel.policy", { policy: `${report.policy.id} ${report.policy.version}` }) : ""].filter(Boolean).join(" · ");
    if (head) ui.panel.append(el("div", "head", head));
    // The region was only guessed (the page does not say, nobody chose): ask, with the guess
    // preselected; the choice is saved in the options and every field is checked again.
    if (guessed) ui.panel.append(askRegion(region, L));
    if (!report.findings.length) {
      ui.panel.append(el("div", "", L("panel.none")));
      return;
    }
    const list = el("ol");
    for (const finding of report.findings) {
      const item = el("li", finding.verdict);
      item.append(el("span", `verdict ${finding.verdict}`, L(`links.verdict.${finding.verdict}`)), " ", el("q", "", finding.match),
        " ", el("span", "", finding.message));
      // The source by its title (the report describes each), never a bare address.
      const info = report.sources?.find((s) => s.source === finding.source);
      const title = info?.title ?? (/^https:\/\//.test(finding.source) ? new URL(finding.source).hostname : finding.source);
      const src = el("div", "src", `${L("panel.source")}: `);
      if (/^https:\/\//.test(finding.source)) {
        const link = el("a", "", title);
        link.href = finding.source;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        src.append(link);
      } else src.append(title);
      if (info?.publisher) src.append(` — ${info.publisher}`);
      if (finding.suggestion) {
        const instead = el("div", "instead", `${L("panel.instead")}: `);
        const replace = el("button", "replace", L("panel.replace"));
        replace.type = "button";
        replace.addEventListener("click", () => replaceWithSuggestion(state, finding));
        instead.append(el("q", "", finding.suggestion), replace);
        item.append(instead);
      }
      item.append(src);
      list.append(item);
    }
    ui.panel.append(list);
  }

  /**
   * Puts the finding's suggestion in place of its words in the field, as typing would, so the
   * page's own editor (and its undo) sees an ordinary edit. Only on the person's click, and only
   * when the field still holds the text that was checked; otherwise it is checked again first.
   */
  function replaceWithSuggestion(state, finding) {
    const { field } = state;
    if (readField(field).text !== state.checkedText) {
      requestCheck(state);
      return;
    }
    field.focus();
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
      field.setSelectionRange(finding.start, finding.end);
      if (!document.execCommand("insertText", false, finding.suggestion)) {
        field.setRangeText(finding.suggestion, finding.start, finding.end, "end");
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    } else {
      const range = rangeFor(state.segments, finding.start, finding.end);
      if (!range) return;
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      if (!document.execCommand("insertText", false, finding.suggestion)) {
        range.deleteContents();
        range.insertNode(document.createTextNode(finding.suggestion));
        field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
      }
    }
    requestCheck(state);
  }

  const MIRRORED = ["box-sizing", "padding-top", "padding-bottom", "padding-left", "border-top-width", "border-right-width",
    "border-bottom-width", "border-left-width", "border-top-style", "border-right-style", "border-bottom-style",
    "border-left-style", "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
    "font-kerning", "font-feature-settings", "letter-spacing", "word-spacing", "line-height", "text-align", "text-indent",
    "text-transform", "direction", "tab-size", "white-space", "word-break", "overflow-wrap"];

  /**
   * Textareas and inputs: a transparent copy of the field's text with the same box and font,
   * laid over it, whose <mark>s land exactly on the offending characters. Editors: rectangles
   * from DOM ranges over the editor's own text nodes.
   */
  function renderHighlights(state, ui, report) {
    const { field } = state;
    const current = state.checkedText !== null && readField(field).text === state.checkedText;
    // Offsets are only valid for the text they were computed on: while a newer text waits for
    // its answer, show no highlights rather than misplaced ones.
    const findings = current ? report.findings : [];
    ui.clip.replaceChildren();
    ui.mirror = null;
    ui.rects = null;
    if (!findings.length) return;
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
      const mirror = el("div", "mirror");
      const text = state.checkedText;
      let at = 0;
      for (const f of findings) {
        if (f.start > at) mirror.append(text.slice(at, f.start));
        mirror.append(el("mark", f.verdict, text.slice(f.start, f.end)));
        at = f.end;
      }
      // A trailing line break only takes up a line when something follows it.
      mirror.append(text.slice(at) + (text.endsWith("\n") ? " " : ""));
      ui.clip.append(mirror);
      ui.mirror = mirror;
      styleMirror(field, mirror);
    } else {
      ui.rects = findings.map((f) => ({ finding: f, range: rangeFor(state.segments, f.start, f.end) })).filter((r) => r.range);
    }
  }

  function styleMirror(field, mirror) {
    const style = getComputedStyle(field);
    for (const name of MIRRORED) mirror.style.setProperty(name, style.getPropertyValue(name));
    const input = field instanceof HTMLInputElement;
    mirror.style.whiteSpace = input ? "pre" : style.whiteSpace;
    mirror.style.boxSizing = "border-box";
    mirror.style.width = `${field.offsetWidth}px`;
    mirror.style.height = `${field.offsetHeight}px`;
    // The field's scrollbar narrows its text; give the copy the same width of text.
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
    mirror.style.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
    if (input) {
      // Inputs centre their single line vertically.
      const inner = field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      mirror.style.lineHeight = `${Math.max(inner, 0)}px`;
    }
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
  }

  function rangeFor(segments, start, end) {
    if (!segments?.length) return null;
    const range = document.createRange();
    let started = false;
    for (const { node, start: at } of segments) {
      const length = node.data.length;
      if (!started && start < at + length) {
        range.setStart(node, Math.max(0, start - at));
        started = true;
      }
      if (started && end <= at + length) {
        range.setEnd(node, Math.max(0, end - at));
        return range;
      }
    }
    return null;
  }

  function visible(state) {
    const { field } = state;
    const focused = document.activeElement === field || field.contains(document.activeElement);
    return state.open || focused || state.error || (state.result && state.result.report.verdict !== "allow");
  }

  function layout(state) {
    const { field, ui } = state;
    if (!ui) return;
    const rect = field.getBoundingClientRect();
    const shown = rect.width > 0 && rect.height > 0 && field.getClientRects().length > 0;
    const set = (node, name, value) => node.style.setProperty(name, value, "important");
    set(ui.overlay, "visibility", shown ? "visible" : "hidden");
    set(ui.badge, "visibility", shown && visible(state) ? "visible" : "hidden");
    if (!shown) return;
    set(ui.overlay, "left", `${rect.left}px`);
    set(ui.overlay, "top", `${rect.top}px`);
    set(ui.overlay, "width", `${rect.width}px`);
    set(ui.overlay, "height", `${rect.height}px`);
    if (ui.mirror) {
      ui.mirror.style.width = `${field.offsetWidth}px`;
      ui.mirror.style.height = `${field.offsetHeight}px`;
      ui.mirror.scrollTop = field.scrollTop;
      ui.mirror.scrollLeft = field.scrollLeft;
    }
    if (ui.rects) {
      ui.clip.replaceChildren();
      for (const { finding, range } of ui.rects) {
        for (const r of range.getClientRects()) {
          const box = el("div", `rect ${finding.verdict}`);
          Object.assign(box.style, { left: `${r.left - rect.left}px`, top: `${r.top - rect.top}px`, width: `${r.width}px`, height: `${r.height}px` });
          ui.clip.append(box);
        }
      }
    }
    // The badge: inside the bottom-right corner of a multi-line field; to the right of a
    // single-line input when there is room, else just under its right end.
    const width = ui.pill.offsetWidth || 60;
    const height = ui.pill.offsetHeight || 18;
    let left = rect.right - width - 6;
    let top = rect.bottom - height - 6;
    if (field instanceof HTMLInputElement) {
      if (rect.right + width + 8 <= innerWidth) {
        left = rect.right + 6;
        top = rect.top + (rect.height - height) / 2;
      } else top = rect.bottom + 2;
    }
    set(ui.badge, "left", `${Math.max(0, left)}px`);
    set(ui.badge, "top", `${Math.max(0, top)}px`);
    ui.panel.classList.toggle("up", top > innerHeight / 2);
  }

  let layoutFrame = 0;
  function scheduleLayout() {
    if (layoutFrame) return;
    layoutFrame = requestAnimationFrame(() => {
      layoutFrame = 0;
      for (const state of states.values()) {
        if (!state.field.isConnected) forget(state);
        else layout(state);
      }
    });
  }

  function forget(state) {
    clearTimeout(state.timer);
    state.ui?.overlay.remove();
    state.ui?.badge.remove();
    resizeObserver.unobserve(state.field);
    states.delete(state.field);
  }

  /** Starts watching a field; checks its text at once if it already has some. */
  function adopt(field) {
    const state = track(field);
    if (readField(field).text.trim()) requestCheck(state);
  }

  function scan(root) {
    if (root instanceof HTMLElement && isField(root)) adopt(root);
    for (const node of root.querySelectorAll?.(FIELD_SELECTOR) ?? []) if (isField(node)) adopt(node);
  }

  const resizeObserver = new ResizeObserver(scheduleLayout);

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") {
        const field = fieldOf(record.target);
        if (field) adopt(field);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !node.hasAttribute("data-shop-policy-ui")) scan(node);
      }
    }
    scheduleLayout();
  });

  function onInput(event) {
    const field = fieldOf(event.composedPath()[0]);
    if (!field) return;
    const state = track(field);
    requestCheck(state);
    // Until the answer comes, hide the highlights that no longer fit the text.
    if (state.ui && state.checkedText !== null && readField(field).text !== state.checkedText) {
      state.ui.clip.replaceChildren();
      state.ui.mirror = null;
      state.ui.rects = null;
    }
  }

  function onFocus(event) {
    const field = fieldOf(event.composedPath()[0]);
    if (field) {
      const state = track(field);
      if (!state.ui) render(state);
      // The page may have set the value from script, which fires no input event.
      requestCheck(state);
    }
    scheduleLayout();
  }

  function onScroll(event) {
    const state = states.get(event.target);
    if (state?.ui?.mirror) {
      state.ui.mirror.scrollTop = state.field.scrollTop;
      state.ui.mirror.scrollLeft = state.field.scrollLeft;
    }
    scheduleLayout();
  }

  function onStorage(changes, area) {
    // New region, language or own rules: every field is judged again.
    const relevant = area === "sync" ? changes.region || changes.lang : area === "local" && changes.myRules;
    if (!relevant) return;
    for (const state of states.values()) {
      state.checkedText = null; // judge again under the new region or language
      if (state.ui || readField(state.field).text.trim()) requestCheck(state);
    }
  }

  /**
   * The keyboard: in a checked field, Alt+Shift+P opens its reasons and moves focus to them;
   * Escape closes them and returns to the field. A click anywhere else closes them too.
   */
  function onKeydown(event) {
    const path = event.composedPath();
    const field = fieldOf(path[0]);
    const state = [...states.values()].find((s) => s.field === field || (s.ui && path.includes(s.ui.badge)));
    if (!state) return;
    if (event.key === "Escape" && state.open) {
      state.open = false;
      render(state);
      state.field.focus();
      event.stopPropagation();
    } else if (event.altKey && event.shiftKey && event.code === "KeyP") {
      event.preventDefault();
      state.open = true;
      render(state);
      state.ui.pill.focus();
    }
  }

  function onPointerDown(event) {
    const path = event.composedPath();
    for (const state of states.values()) {
      if (state.open && state.ui && !path.includes(state.ui.badge)) {
        state.open = false;
        render(state);
      }
    }
  }

  const listeners = [
    [document, "input", onInput],
    [document, "change", onInput],
    [document, "focusin", onFocus],
    [document, "focusout", scheduleLayout],
    [document, "scroll", onScroll],
    [window, "resize", scheduleLayout],
  ];

  function teardown() {
    mutations.disconnect();
    resizeObserver.disconnect();
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, true);
    document.removeEventListener("keydown", onKeydown, true);
    document.removeEventListener("pointerdown", onPointerDown, true);
    for (const state of [...states.values()]) forget(state);
    try {
      chrome.storage.onChanged.removeListener(onStorage);
    } catch {
      // The extension context is already gone.
    }
  }

  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, { capture: true, passive: true });
  // Not passive: Alt+Shift+P must not also reach the page.
  document.addEventListener("keydown", onKeydown, true);
  document.addEventListener("pointerdown", onPointerDown, { capture: true, passive: true });
  chrome.storage.onChanged.addListener(onStorage);
  mutations.observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["contenteditable", "disabled", "type"],
  });
  scan(document);
})();
