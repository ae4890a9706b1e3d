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

const STRINGS = {
  en: {
    "closure.title": "Shop closure — shop-policy",
    "closure.h1": "Can my shop close?",
    "closure.intro": "Enter the shop's facts and its orders (add rows, or paste the CSV of an order export). You get every closure condition with what blocks it, the earliest day the shop could close, the deposit refund and what still holds after closure. TikTok Shop publishes this policy for cross-border sellers; for a local shop it is shown as a guide.",
    "status.unpaid": "Unpaid",
    "status.awaiting shipment": "Awaiting shipment",
    "status.shipped": "Shipped",
    "status.in transit": "In transit",
    "status.delivered": "Delivered (not final yet)",
    "status.closed": "Closed (final)",
    "status.cancelled": "Cancelled (final)",
    "status.completed": "Completed (final)",
    "sellerType.choose": "Choose…",
    "initiatedBy.choose": "Choose…",
    "guide": "Guide only",
    "sellerType.local": "A local seller (based in this market)",
    "sellerType.cross_border": "A cross-border seller (based outside this market)",
    "field.sellerType": "Who sells from the shop",
    "closure.shop": "The shop",
    "closure.announcement.hint": "Leave empty if the announcement is not on the shop homepage yet.",
    "closure.money": "Money",
    "closure.money.hint": "Amounts in the region's currency, e.g. 12500 or 12,500.00.",
    "closure.orders.hint": "Every order of the shop. An order is final when its status is completed or closed; a final order needs the day it became final.",
    "closure.addOrder": "Add an order",
    "closure.orderCount": "{n} orders.",
    "closure.paste": "Paste orders (CSV from a Seller Center export, or JSON)",
    "closure.paste.hint": "A header row with an order id column (\"Order ID\" or \"id\"), a status column (\"Order Status\" or \"status\") and the day the order became final (\"finalizedOn\", \"Completed Time\", \"Delivered Time\" or \"Cancelled Time\"; YYYY-MM-DD or DD/MM/YYYY, a time after it is ignored). Other columns are ignored. Importing replaces the orders.",
    "closure.paste.label": "Orders to import",
    "closure.result": "Result",
    "closure.conditions": "Closure conditions",
    "closure.steps": "Steps",
    "closure.withdrawal": "Withdrawing the closure",
    "closure.after": "After closure",
    "field.region": "the region",
    "field.asOf": "the date to judge on",
    "field.initiatedBy": "Who started the closure",
    "field.announcementSince": "Closure announcement shown since",
    "field.activeCampaigns": "Marketing campaigns still running",
    "field.boundCreators": "Creator accounts still bound",
    "field.deposit": "Deposit held",
    "field.balance": "Balance with TikTok Shop (negative if the shop owes)",
    "field.unpaidInvoices": "Unpaid TikTok Shop invoices",
    "field.depositArrears": "Owed towards the deposit",
    "field.commissionArrears": "Affiliate commission owed",
    "field.orders": "Orders",
    "field.id": "Order id",
    "field.status": "Status",
    "field.finalizedOn": "Final since",
    "initiatedBy.seller": "I did (Seller Center)",
    "initiatedBy.platform": "TikTok Shop (closure notice)",
    "summary.yes": "Every condition is met on {date}: the shop can close.",
    "summary.no": "Not yet: {n} of {total} conditions are not met on {date}.",
    "fig.earliest": "Earliest closure date",
    "fig.earliest.none": "Not while an order is open",
    "fig.refund": "Deposit refund",
    "fig.refund.none": "Not until payments are settled",
    "fig.withdraw": "Can be withdrawn",
    "metOn.past": "Met since {date}.",
    "metOn.future": "Met on {date}.",
    "step.done": "Done",
    "step.todo": "Not done",
    "step.unknown": "Can't tell",
    "unverified.rules": "Some closure rules used here are unverified parameters of the pack (the sources are silent).",
    "import.none": "No orders found.",
  },
  id: {
    "closure.title": "Penutupan toko — shop-policy",
    "closure.h1": "Bisakah toko saya ditutup?",
    "closure.intro": "Masukkan fakta toko dan pesanannya (tambah baris, atau tempel CSV hasil ekspor pesanan). Anda akan melihat setiap syarat penutupan beserta penghambatnya, tanggal paling awal toko bisa ditutup, pengembalian deposit, dan apa yang tetap berlaku setelah penutupan. TikTok Shop memublikasikan kebijakan ini untuk penjual lintas negara; untuk toko lokal kebijakan ini ditampilkan sebagai panduan.",
    "status.unpaid": "Belum dibayar",
    "status.awaiting shipment": "Perlu dikirim",
    "status.shipped": "Dikirim",
    "status.in transit": "Dalam pengiriman",
    "status.delivered": "Terkirim (belum final)",
    "status.closed": "Ditutup (final)",
    "status.cancelled": "Dibatalkan (final)",
    "status.completed": "Selesai (final)",
    "sellerType.choose": "Pilih…",
    "initiatedBy.choose": "Pilih…",
    "guide": "Hanya panduan",
    "sellerType.local": "Penjual lokal (berbasis di pasar ini)",
    "sellerType.cross_border": "Penjual lintas negara (berbasis di luar pasar ini)",
    "field.sellerType": "Siapa yang berjualan di toko ini",
    "closure.shop": "Toko",
    "closure.announcement.hint": "Kosongkan jika pengumuman belum ada di beranda toko.",
    "closure.money": "Uang",
    "closure.money.hint": "Jumlah dalam mata uang wilayah, mis. 12500 atau 12.500,00.",
    "closure.orders.hint": "Semua pesanan toko. Pesanan final bila statusnya completed atau closed; pesanan final memerlukan tanggal menjadi final.",
    "closure.addOrder": "Tambah pesanan",
    "closure.orderCount": "{n} pesanan.",
    "closure.paste": "Tempel pesanan (CSV dari ekspor Seller Center, atau JSON)",
    "closure.paste.hint": "Baris judul dengan kolom ID pesanan (\"Order ID\" atau \"id\"), kolom status (\"Order Status\" atau \"status\") dan tanggal pesanan menjadi final (\"finalizedOn\", \"Completed Time\", \"Delivered Time\" atau \"Cancelled Time\"; YYYY-MM-DD atau DD/MM/YYYY, jam setelahnya diabaikan). Kolom lain diabaikan. Impor menggantikan pesanan.",
    "closure.paste.label": "Pesanan yang diimpor",
    "closure.result": "Hasil",
    "closure.conditions": "Syarat penutupan",
    "closure.steps": "Langkah",
    "closure.withdrawal": "Membatalkan penutupan",
    "closure.after": "Setelah penutupan",
    "field.region": "wilayah",
    "field.asOf": "tanggal penilaian",
    "field.initiatedBy": "Siapa yang memulai penutupan",
    "field.announcementSince": "Pengumuman penutupan tampil sejak",
    "field.activeCampaigns": "Kampanye pemasaran yang masih berjalan",
    "field.boundCreators": "Akun kreator yang masih terikat",
    "field.deposit": "Deposit yang ditahan",
    "field.balance": "Saldo dengan TikTok Shop (negatif jika toko berutang)",
    "field.unpaidInvoices": "Tagihan TikTok Shop yang belum dibayar",
    "field.depositArrears": "Kekurangan deposit",
    "field.commissionArrears": "Komisi afiliasi yang terutang",
    "field.orders": "Pesanan",
    "field.id": "ID pesanan",
    "field.status": "Status",
    "field.finalizedOn": "Final sejak",
    "initiatedBy.seller": "Saya (Seller Center)",
    "initiatedBy.platform": "TikTok Shop (pemberitahuan penutupan)",
    "summary.yes": "Semua syarat terpenuhi pada {date}: toko dapat ditutup.",
    "summary.no": "Belum: {n} dari {total} syarat belum terpenuhi pada {date}.",
    "fig.earliest": "Tanggal penutupan paling awal",
    "fig.earliest.none": "Tidak selama ada pesanan terbuka",
    "fig.refund": "Pengembalian deposit",
    "fig.refund.none": "Belum sampai pembayaran lunas",
    "fig.withdraw": "Dapat dibatalkan",
    "metOn.past": "Terpenuhi sejak {date}.",
    "metOn.future": "Terpenuhi pada {date}.",
    "step.done": "Selesai",
    "step.todo": "Belum selesai",
    "step.unknown": "Tidak diketahui",
    "unverified.rules": "Beberapa aturan penutupan di sini adalah parameter paket yang belum terverifikasi (sumber tidak menyebutkannya).",
    "import.none": "Tidak ada pesanan yang ditemukan.",
  },
  zh: {
    "closure.title": "关闭店铺 — shop-policy",
    "closure.h1": "我的店铺可以关闭吗？",
    "closure.intro": "输入店铺信息和订单（逐行添加，或粘贴订单导出的CSV）。您将看到每一项关店条件及其阻碍、最早可关店日期、保证金退还金额，以及关店后仍需遵守的事项。TikTok Shop公布的是跨境卖家的关店政策；本土店铺仅供参考。",
    "status.unpaid": "待付款",
    "status.awaiting shipment": "待发货",
    "status.shipped": "已发货",
    "status.in transit": "运输中",
    "status.delivered": "已送达（尚未完结）",
    "status.closed": "已关闭（终态）",
    "status.cancelled": "已取消（终态）",
    "status.completed": "已完成（终态）",
    "sellerType.choose": "请选择…",
    "initiatedBy.choose": "请选择…",
    "guide": "仅供参考",
    "sellerType.local": "本土卖家（主体在该市场内）",
    "sellerType.cross_border": "跨境卖家（主体在该市场以外）",
    "field.sellerType": "店铺卖家类型",
    "closure.shop": "店铺",
    "closure.announcement.hint": "如果店铺首页尚未展示关店公告，请留空。",
    "closure.money": "金额",
    "closure.money.hint": "以该地区货币填写，例如 12500 或 12,500.00。",
    "closure.orders.hint": "店铺的全部订单。状态为 completed（已完成）或 closed（已关闭）的订单为已完结；已完结订单需填写完结日期。",
    "closure.addOrder": "添加订单",
    "closure.orderCount": "共{n}个订单。",
    "closure.paste": "粘贴订单（卖家中心导出的CSV或JSON）",
    "closure.paste.hint": "表头需包含订单号列（\"Order ID\" 或 \"id\"）、状态列（\"Order Status\" 或 \"status\"）以及订单完结日期列（\"finalizedOn\"、\"Completed Time\"、\"Delivered Time\" 或 \"Cancelled Time\"；格式为 YYYY-MM-DD 或 DD/MM/YYYY，其后的时间会被忽略）。其他列将被忽略。导入会替换现有订单。",
    "closure.paste.label": "要导入的订单",
    "closure.result": "结果",
    "closure.conditions": "关店条件",
    "closure.steps": "步骤",
    "closure.withdrawal": "撤回关店",
    "closure.after": "关店之后",
    "field.region": "地区",
    "field.asOf": "判断日期",
    "field.initiatedBy": "关店发起方",
    "field.announcementSince": "关店公告展示起始日",
    "field.activeCampaigns": "仍在进行的营销活动",
    "field.boundCreators": "仍绑定的达人账号",
    "field.deposit": "保证金",
    "field.balance": "与TikTok Shop的余额（店铺欠款时为负数）",
    "field.unpaidInvoices": "未支付的TikTok Shop账单",
    "field.depositArrears": "保证金欠款",
    "field.commissionArrears": "拖欠的联盟佣金",
    "field.orders": "订单",
    "field.id": "订单号",
    "field.status": "状态",
    "field.finalizedOn": "完结日期",
    "initiatedBy.seller": "我自己（卖家中心）",
    "initiatedBy.platform": "TikTok Shop（关店通知）",
    "summary.yes": "{date}所有条件均已满足：店铺可以关闭。",
    "summary.no": "暂不可以：{date}共{total}项条件中有{n}项未满足。",
    "fig.earliest": "最早关店日期",
    "fig.earliest.none": "仍有未完结订单",
    "fig.refund": "保证金退还",
    "fig.refund.none": "款项结清后才能确定",
    "fig.withdraw": "可以撤回",
    "metOn.past": "自{date}起已满足。",
    "metOn.future": "将于{date}满足。",
    "step.done": "已完成",
    "step.todo": "未完成",
    "step.unknown": "无法判断",
    "unverified.rules": "此处使用的部分关店规则是政策包中未经核实的参数（来源未作规定）。",
    "import.none": "没有找到订单。",
  },
};

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
  strings: STRINGS,
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
