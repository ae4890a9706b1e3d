// The shop closure page: checkClosure from the shop's facts and its orders. Money is typed the
// way sellers write it, in the region's currency, and converted to the integer minor units the
// library expects using the currency of the region's own pack (getPolicy), so a typed
// "12,500.00" in Indonesia is 1250000 and in Vietnam (no minor unit) "12.500" is 12500.
import { getPolicy } from "./pkg/shop_policy.js";
import { checker } from "./my-rules.js";
import {
  RowEditor, addDays, csvDate, csvObjects, describePath, describeSources, downloadCsv, fill, formatDay, formParams, formatMoney,
  formatNumber, h, inputError, nextTask, readDateColumn,
  lang, localToday, metBadge, minorToDecimal, noteItem, parseCount, parseMoney, policyLine, regionOptions, restoreForm,
  showExample, showUnderstood, sourceNode, startPage, t, unverifiedBadge,
} from "./common.js";

const ORDER_COLUMNS = [
  { key: "id", label: "field.id", type: "text" },
  { key: "status", label: "field.status", type: "text", list: "order-statuses" },
  { key: "finalizedOn", label: "field.finalizedOn", type: "date" },
];
const MONEY = ["deposit", "balance", "unpaidInvoices", "depositArrears", "commissionArrears"];

/** The README's example shop, moved to recent dates: it could close 30 days from now. */
function example() {
  const today = localToday();
  return {
    fields: {
      region: "ID", asOf: "", initiatedBy: "seller", sellerType: "cross_border", announcementSince: addDays(today, -12),
      activeCampaigns: "0", boundCreators: "0",
      deposit: "500,000.00", balance: "-12,500.00", unpaidInvoices: "0", depositArrears: "0", commissionArrears: "0",
    },
    orders: [
      { id: "577001234567890001", status: "completed", finalizedOn: addDays(today, -63) },
      { id: "577001234567890002", status: "closed", finalizedOn: addDays(today, -60) },
    ],
  };
}

/** A blank form: every fact unknown until given (the check lists what it still needs). */
const EMPTY = { region: "ID" };

const $ = (id) => document.getElementById(id);
const form = $("closure-form");
const result = $("closure-result");
const regionSelect = $("closure-region");
const currencies = new Map();
let page;
const orders = new RowEditor({ table: $("closure-orders"), path: "orders", columns: ORDER_COLUMNS, onChange: () => page?.updateSoon() });
orders.addButton = $("closure-add-order");

/** The region's currency, from its built-in pack (read once per region). */
function currency() {
  const region = regionSelect.value;
  if (!currencies.has(region)) currencies.set(region, getPolicy(region).currency);
  return currencies.get(region);
}

function input() {
  const v = (name) => form.elements[name].value.trim();
  const region = v("region");
  const count = (name) => parseCount(v(name), region, name);
  const out = {
    region: v("region"),
    lang: lang(),
    initiatedBy: v("initiatedBy") || null,
    sellerType: v("sellerType") || null,
    activeCampaigns: count("activeCampaigns"),
    boundCreators: count("boundCreators"),
    announcementSince: v("announcementSince") || null,
    orders: orders.values(),
  };
  if (v("asOf")) out.asOf = v("asOf");
  // An empty amount is unknown (the library asks for it), never 0; what was read is shown back.
  const money = currency();
  for (const name of MONEY) {
    const minor = parseMoney(v(name), money, region, name);
    out[name] = minor;
    showUnderstood(form.elements[name], minor === null ? null : minor / 10 ** money.minorUnit, () => formatMoney(minor, money));
  }
  for (const name of ["activeCampaigns", "boundCreators"]) {
    showUnderstood(form.elements[name], out[name], () => formatNumber(out[name]));
  }
  return out;
}

function conditionItem(c, asOf) {
  const state = c.met ? "yes" : "no";
  return h(
    "li",
    { className: state, dataset: { id: c.id, met: String(c.met), metOn: c.metOn ?? "" } },
    h("p", {}, metBadge(c.met), " ", h("strong", {}, c.message), " ", unverifiedBadge(c.verified)),
    h("p", {}, c.detail),
    c.metOn ? h("p", { className: "detail" }, t(c.metOn <= asOf ? "metOn.past" : "metOn.future", { date: formatDay(c.metOn) })) : null,
    sourceNode(c.source),
  );
}

function render() {
  const facts = input();
  const report = checker(facts.region).checkClosure(facts);
  describeSources(report.sources);
  const failing = report.conditions.filter((c) => !c.met).length;
  fill($("closure-summary"),
    h("span", { className: `badge ${report.canClose ? "yes" : "no"}` }, t(report.canClose ? "yes" : "no")), " ",
    report.canClose
      ? t("summary.yes", { date: formatDay(report.asOf) })
      : t("summary.no", { n: failing, total: report.conditions.length, date: formatDay(report.asOf) }),
    report.applies ? null : [" ", h("span", { className: "badge unverified" }, t("guide"))]);
  fill($("closure-scope"), h("p", {}, report.scope.message), sourceNode(report.scope.source));
  $("closure-scope").className = report.applies ? "scope" : "scope guide";

  const figure = (label, value, id) => h("div", { dataset: { figure: id } }, h("dt", {}, label), h("dd", {}, value));
  fill($("closure-figures"),
    figure(t("fig.earliest"), report.earliestCloseDate ?? t("fig.earliest.none"), "earliest"),
    figure(t("fig.refund"), report.depositRefund === null ? t("fig.refund.none") : formatMoney(report.depositRefund, report.currency), "refund"),
    figure(t("fig.withdraw"), t(report.canWithdraw ? "yes" : "no"), "withdraw"));

  fill($("closure-conditions"), report.conditions.map((c) => conditionItem(c, report.asOf)));
  fill($("closure-steps"), report.steps.map((s) => h("li", { dataset: { id: s.id, done: String(s.done) } },
    h("p", {}, h("strong", {}, `${s.step}. `), s.title),
    h("p", {}, metBadge(s.done, { yes: t("step.done"), no: t("step.todo"), unknown: t("step.unknown") })),
    sourceNode(s.source))));
  fill($("closure-withdrawal"), noteItem(report.withdrawal));
  fill($("closure-after"), report.afterClosure.map((n) => noteItem(n)),
    report.verified ? null : h("li", {}, h("p", {}, unverifiedBadge(false), " ", t("unverified.rules"))));
  fill($("closure-policy"), policyLine(report.policy));

  result.dataset.canClose = String(report.canClose);
  result.dataset.earliest = report.earliestCloseDate ?? "";
  result.dataset.refund = report.depositRefund === null ? "" : minorToDecimal(report.depositRefund, report.currency.minorUnit);
  result.hidden = false;
}

// ---- Pasted orders --------------------------------------------------------------------------

function orderRow(o) {
  const date = (v) => (typeof v === "string" ? csvDate(v) : v ?? null);
  return {
    id: String(o.id ?? ""),
    status: String(o.status ?? ""),
    finalizedOn: date(o.finalizedOn) ?? date(o.completed) ?? date(o.delivered) ?? date(o.cancelled) ?? null,
  };
}

/** `{ rows, order }`: the pasted orders, and how their dates were read (for the status line). */
function parseOrders(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let data;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw inputError("csv", "", error.message);
    }
    const list = Array.isArray(data) ? data : data.orders;
    if (!Array.isArray(list)) throw inputError("csv", "", t("import.none"));
    return { rows: list.map((o) => orderRow(o ?? {})), order: null };
  }
  // Several date columns may be present (an export has one per stage); the first non-empty
  // of finalizedOn, completed, delivered, cancelled is the day the order became final.
  const rows = csvObjects(trimmed, {
    id: ["id", "Order ID", "order_id", "order number", "order no", "ID Pesanan", "No. Pesanan", "Nomor Pesanan",
      "订单号", "订单编号", "订单ID", "Mã đơn hàng", "รหัสคำสั่งซื้อ", "หมายเลขคำสั่งซื้อ"],
    status: ["status", "Order Status", "order_status", "Status Pesanan", "订单状态", "Trạng thái đơn hàng", "สถานะคำสั่งซื้อ"],
    finalizedOn: ["finalizedOn", "finalized on", "final since"],
    completed: ["Completed Time", "completion time", "order completed time", "Waktu Selesai", "Waktu Pesanan Selesai",
      "完成时间", "订单完成时间", "Thời gian hoàn thành", "เวลาที่เสร็จสมบูรณ์"],
    delivered: ["Delivered Time", "delivery time", "Waktu Terkirim", "Waktu Diterima", "送达时间", "签收时间",
      "Thời gian giao hàng", "เวลาที่จัดส่งสำเร็จ"],
    cancelled: ["Cancelled Time", "cancel time", "closed time", "Waktu Dibatalkan", "取消时间", "关闭时间",
      "Thời gian hủy", "เวลาที่ยกเลิก"],
  }, ["status"], "");
  // An export without an order id column: rows are numbered, as the person would count them.
  rows.forEach((row, i) => {
    if (!row.id) row.id = `#${i + 1}`;
  });
  // Each date column is read one way for all its rows (day or month first, from the column and
  // the region); a date after the day judged is refused with its row.
  const today = $("closure-asof").value || localToday();
  let order = null;
  for (const key of ["finalizedOn", "completed", "delivered", "cancelled"]) {
    const column = readDateColumn(rows.map((r) => r[key] ?? ""), regionSelect.value, today, (i) => `orders[${i}].finalizedOn`);
    column.dates.forEach((date, i) => (rows[i][key] = date));
    if (column.order !== "ymd" || !order) order = column.dates.some(Boolean) ? column.order : order;
  }
  const first = rows.map((r) => r.finalizedOn ?? r.completed ?? r.delivered ?? r.cancelled).find(Boolean);
  return { rows: rows.map(orderRow), order: first ? { order, example: formatDay(first) } : null };
}

function showCount() {
  $("closure-order-count").textContent = t("closure.orderCount", { n: orders.body.rows.length });
}

function relabel() {
  regionOptions(regionSelect);
  orders.relabel();
  for (const option of $("closure-initiated").options) option.textContent = t(`initiatedBy.${option.value || "choose"}`);
  for (const option of $("closure-seller-type").options) option.textContent = t(`sellerType.${option.value || "choose"}`);
  // The statuses offered while typing, in the page's language; any export's wording may be typed.
  for (const option of document.querySelectorAll("#order-statuses option")) option.label = t(`status.${option.value}`);
  showCount();
}

function showCurrency() {
  for (const el of document.querySelectorAll(".currency-code")) el.textContent = currency().code;
}

page = await startPage({
  section: "closure",
  restore(params) {
    // Empty unless a shared link says otherwise: the example is loaded only on request, and an
    // empty field is unknown (the check asks for it), never 0.
    restoreForm(form, params, EMPTY);
    let list = [];
    try {
      if (params.has("orders")) list = JSON.parse(params.get("orders"));
    } catch {
      // A damaged link: no orders rather than a guess.
    }
    orders.set(Array.isArray(list) ? list : []);
    showCount();
  },
  state() {
    const params = formParams(form);
    params.set("orders", JSON.stringify(orders.values()));
    return params;
  },
  render() {
    showCurrency();
    showCount();
    render();
  },
  relabel,
  errorEl: $("closure-error"),
  resultEl: result,
  resultAttr: "canClose",
});

form.addEventListener("input", (event) => {
  if (!event.target.closest("table.rows") && event.target.id !== "closure-import") page.updateSoon();
});
form.addEventListener("change", (event) => {
  if (!event.target.closest("table.rows") && event.target.id !== "closure-import") page.update();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  page.update();
});
$("closure-add-order").addEventListener("click", () => {
  orders.add({ id: "", status: "completed", finalizedOn: $("closure-asof").value || localToday() });
});
$("closure-import-button").addEventListener("click", async () => {
  const status = $("closure-import-status");
  try {
    const { rows, order } = parseOrders($("closure-import").value);
    if (!(await orders.setInSteps(rows))) return; // imported again meanwhile
    status.textContent = [t("import.done", { n: rows.length }),
      order ? t(`date.order.${order.order}`, { example: order.example }) : ""].join(" ").trim();
    await nextTask();
    page.update();
  } catch (error) {
    const where = error.path ? `${describePath(error.path)}: ` : "";
    status.textContent = `${t("error.csv")} ${where}${error.message}`;
  }
});
// A template with the headers an export has, in the page's language, and two example rows.
const TEMPLATE_HEADERS = {
  en: ["Order ID", "Order Status", "Completed Time"],
  id: ["ID Pesanan", "Status Pesanan", "Waktu Selesai"],
  zh: ["订单号", "订单状态", "完成时间"],
};
$("closure-template").addEventListener("click", () => {
  const today = localToday();
  downloadCsv("orders-template.csv", [
    TEMPLATE_HEADERS[lang()] ?? TEMPLATE_HEADERS.en,
    ["577001234567890001", "completed", addDays(today, -95)],
    ["577001234567890002", "awaiting shipment", ""],
  ]);
});
$("closure-example").addEventListener("click", () => {
  const { fields, orders: rows } = example();
  restoreForm(form, new URLSearchParams(), fields);
  orders.set(rows);
  showExample(form, true);
  page.update();
});
$("closure-clear").addEventListener("click", () => {
  restoreForm(form, new URLSearchParams(), { ...EMPTY, region: regionSelect.value });
  orders.set([]);
  page.update();
});
