// The home page: what each checker answers, and the built-in policy packs with their sources
// (read from the wasm module, so the list is always the one the checkers use).
import { policies } from "./pkg/shop_policy.js";
import { describeSources, fill, h, sourceNode, startPage, t } from "./common.js";

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
  section: "index",
  restore() {},
  state: () => new URLSearchParams(),
  render,
  errorEl: document.getElementById("home-error"),
  resultEl: wrap,
  resultAttr: "packs",
});
