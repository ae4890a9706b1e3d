// Lists the built-in policy packs by asking the wasm module (the help site's smoke page).
import init, { policies } from "./pkg/shop_policy.js";

const status = document.getElementById("packs-status");
const table = document.getElementById("packs");

function cell(row, content) {
  const td = row.insertCell();
  if (content instanceof Node) td.append(content);
  else td.textContent = content;
}

try {
  await init();
  const body = table.tBodies[0];
  for (const pack of policies()) {
    const row = body.insertRow();
    row.dataset.region = pack.region;
    cell(row, pack.region);
    cell(row, pack.id);
    cell(row, pack.version);
    cell(row, pack.effectiveDate);
    const list = document.createElement("ul");
    for (const source of pack.sources) {
      const item = document.createElement("li");
      item.textContent = source;
      list.append(item);
    }
    cell(row, list);
  }
  table.hidden = false;
  status.textContent = `${body.rows.length} built-in packs.`;
} catch (error) {
  status.textContent = `The policy engine could not start: ${error.message}`;
}
