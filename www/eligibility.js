// The eligibility page: checkEligibility from a form of the creator's facts. Every fact may be
// left empty, which the library treats as unknown (a criterion `met: null`, outcome at best
// `incomplete`), so the form never invents a value the creator did not give.
import { checker } from "./my-rules.js";
import {
  changedNote, describeSources, fill, formatDay, formParams, formatNumber, h, lang, metBadge, noteItem, parseCount, policyLine, regionOptions,
  restoreForm, showExample, showUnderstood, sourceNode, startPage, t,
  unverifiedBadge,
} from "./common.js";

const STRINGS = {
  en: {
    "elig.title": "Creator eligibility — shop-policy",
    "elig.h1": "Can I get e-commerce permission?",
    "elig.intro": "E-commerce permission lets a creator show products on their profile and promote them in videos and LIVEs. Fill in what you know: a fact left empty counts as unknown, and the answer says what is missing.",
    "elig.where": "Region and date",
    "elig.creator": "About the creator",
    "elig.state": "The permission now",
    "elig.until.hint": "Only for a restricted permission.",
    "elig.enforced.hint": "Only for a restricted or revoked permission; dates the appeal deadline.",
    "elig.result": "Result",
    "elig.criteria": "Criteria",
    "elig.upcoming": "Criteria coming into force later",
    "linkShare.from": "Offered since {date}.",
    "linkShare.outcome": "Link-Share Only: {outcome}",
    "linkShare.intro": "Beside the full permission, this region offers sharing TikTok Shop links for commission with fewer criteria.",
    "elig.linkShare": "Link-Share Only tier",
    "field.identityAndAgeVerified": "Identity and Age Verification completed in the app?",
    "field.taxInfoProvided": "Tax information (tax code) submitted?",
    "field.foreignCreator": "Are you a foreign creator (not a citizen of this country)?",
    "elig.next": "Next steps",
    "elig.limits": "Limits for new permission holders",
    "elig.appeal": "Appeal",
    "elig.capabilities": "What the permission allows",
    "elig.enforcement": "How the permission can be restricted or lost",
    "field.region": "the region",
    "field.asOf": "the date to judge on",
    "field.followers": "Followers",
    "field.age": "Age (years)",
    "field.identityVerified": "Identity verified with an official document?",
    "field.governmentAccount": "Government, politician or political party account?",
    "field.codeOfConductViolations": "Creator Code of Conduct violations on record",
    "field.linkedShopAtRisk": "Does a linked TikTok Shop account carry a violation risk?",
    "field.previouslyRevoked": "Was an e-commerce permission of yours ever revoked?",
    "field.permission": "E-commerce permission",
    "field.restrictedUntil": "Restricted until (last day)",
    "field.enforcedOn": "Day of the restriction or revocation",
    "permission.none": "I don't have it yet",
    "permission.active": "I have it",
    "permission.restricted": "Temporarily restricted",
    "permission.revoked": "Revoked",
    "outcome.eligible": "Eligible",
    "outcome.not_eligible": "Not eligible",
    "outcome.incomplete": "Not enough facts",
    "outcome.never": "Never again",
    "outcome.active": "Active",
    "outcome.restricted": "Restricted",
    "summary.eligible": "You meet every criterion on {date}: you can apply for e-commerce permission.",
    "summary.not_eligible": "On {date} at least one criterion is not met, so you cannot apply yet.",
    "summary.incomplete": "Nothing fails on {date}, but some facts are unknown: fill them in to get a definite answer.",
    "summary.never": "The permission was revoked permanently: it can never be applied for again.",
    "summary.active": "You hold e-commerce permission (as of {date}).",
    "summary.restricted": "Your e-commerce permission is restricted (as of {date}).",
    "from": "In force from {date}.",
    "restrictedUntil": "Restricted through {date}; active again from the next day.",
    "appeal.deadline": "Last day to appeal: {date}.",
    "appeal.days": "Appeal within {days} days of the enforcement action.",
    "appeal.noDays": "The policy gives no appeal deadline.",
    "appeal.open": "The appeal window is still open.",
    "appeal.closed": "The appeal window has closed.",
    "limits.figures": "Below {followers} followers: a {days}-day pilot, at most {lives} shoppable LIVEs and {videos} shoppable videos a week.",
  },
  id: {
    "elig.title": "Kelayakan kreator — shop-policy",
    "elig.h1": "Bisakah saya mendapat izin e-commerce?",
    "elig.intro": "Izin e-commerce memungkinkan kreator menampilkan produk di profil dan mempromosikannya di video dan LIVE. Isi yang Anda ketahui: fakta yang dikosongkan dianggap tidak diketahui, dan jawabannya menyebutkan apa yang kurang.",
    "elig.where": "Wilayah dan tanggal",
    "elig.creator": "Tentang kreator",
    "elig.state": "Status izin saat ini",
    "elig.until.hint": "Hanya untuk izin yang dibatasi.",
    "elig.enforced.hint": "Hanya untuk izin yang dibatasi atau dicabut; menentukan batas waktu banding.",
    "elig.result": "Hasil",
    "elig.criteria": "Kriteria",
    "elig.upcoming": "Kriteria yang berlaku kemudian",
    "linkShare.from": "Tersedia sejak {date}.",
    "linkShare.outcome": "Link-Share Only: {outcome}",
    "linkShare.intro": "Selain izin penuh, wilayah ini menawarkan berbagi tautan TikTok Shop untuk komisi dengan syarat yang lebih sedikit.",
    "elig.linkShare": "Tingkat Link-Share Only",
    "field.identityAndAgeVerified": "Verifikasi Identitas dan Usia sudah selesai di aplikasi?",
    "field.taxInfoProvided": "Informasi pajak (kode pajak) sudah diserahkan?",
    "field.foreignCreator": "Apakah Anda kreator asing (bukan warga negara ini)?",
    "elig.next": "Langkah berikutnya",
    "elig.limits": "Batasan untuk pemegang izin baru",
    "elig.appeal": "Banding",
    "elig.capabilities": "Yang diizinkan",
    "elig.enforcement": "Bagaimana izin dapat dibatasi atau dicabut",
    "field.region": "wilayah",
    "field.asOf": "tanggal penilaian",
    "field.followers": "Pengikut",
    "field.age": "Usia (tahun)",
    "field.identityVerified": "Identitas terverifikasi dengan dokumen resmi?",
    "field.governmentAccount": "Akun pemerintah, politisi, atau partai politik?",
    "field.codeOfConductViolations": "Pelanggaran Kode Etik Kreator yang tercatat",
    "field.linkedShopAtRisk": "Apakah akun TikTok Shop yang tertaut berisiko pelanggaran?",
    "field.previouslyRevoked": "Pernahkah izin e-commerce Anda dicabut?",
    "field.permission": "Izin e-commerce",
    "field.restrictedUntil": "Dibatasi sampai (hari terakhir)",
    "field.enforcedOn": "Tanggal pembatasan atau pencabutan",
    "permission.none": "Belum punya",
    "permission.active": "Sudah punya",
    "permission.restricted": "Dibatasi sementara",
    "permission.revoked": "Dicabut",
    "outcome.eligible": "Memenuhi syarat",
    "outcome.not_eligible": "Tidak memenuhi syarat",
    "outcome.incomplete": "Data belum lengkap",
    "outcome.never": "Tidak bisa lagi",
    "outcome.active": "Aktif",
    "outcome.restricted": "Dibatasi",
    "summary.eligible": "Anda memenuhi semua kriteria pada {date}: Anda dapat mengajukan izin e-commerce.",
    "summary.not_eligible": "Pada {date} setidaknya satu kriteria belum terpenuhi, jadi Anda belum dapat mengajukan.",
    "summary.incomplete": "Tidak ada yang gagal pada {date}, tetapi beberapa fakta belum diketahui: isi untuk mendapat jawaban pasti.",
    "summary.never": "Izin telah dicabut permanen: izin tidak dapat diajukan lagi.",
    "summary.active": "Anda memegang izin e-commerce (per {date}).",
    "summary.restricted": "Izin e-commerce Anda dibatasi (per {date}).",
    "from": "Berlaku mulai {date}.",
    "restrictedUntil": "Dibatasi sampai {date}; aktif kembali mulai hari berikutnya.",
    "appeal.deadline": "Hari terakhir banding: {date}.",
    "appeal.days": "Ajukan banding dalam {days} hari sejak tindakan penegakan.",
    "appeal.noDays": "Kebijakan tidak menyebutkan batas waktu banding.",
    "appeal.open": "Masa banding masih terbuka.",
    "appeal.closed": "Masa banding sudah ditutup.",
    "limits.figures": "Di bawah {followers} pengikut: masa uji coba {days} hari, paling banyak {lives} LIVE dan {videos} video berbelanja per minggu.",
  },
  zh: {
    "elig.title": "达人带货资格 — shop-policy",
    "elig.h1": "我能获得电商带货权限吗？",
    "elig.intro": "电商权限让达人可以在主页展示商品，并在视频和直播中推广商品。请填写您知道的信息：留空的项目视为未知，结果会说明缺少什么。",
    "elig.where": "地区和日期",
    "elig.creator": "达人信息",
    "elig.state": "当前权限状态",
    "elig.until.hint": "仅适用于受限的权限。",
    "elig.enforced.hint": "仅适用于受限或被撤销的权限；用于计算申诉截止日期。",
    "elig.result": "结果",
    "elig.criteria": "条件",
    "elig.upcoming": "稍后生效的条件",
    "linkShare.from": "自{date}起提供。",
    "linkShare.outcome": "仅分享链接档：{outcome}",
    "linkShare.intro": "除完整权限外，该地区还提供条件更少的TikTok Shop链接分享赚佣金。",
    "elig.linkShare": "仅分享链接档（Link-Share Only）",
    "field.identityAndAgeVerified": "是否已在应用内完成身份与年龄验证？",
    "field.taxInfoProvided": "是否已提交税务信息（税号）？",
    "field.foreignCreator": "您是否为外籍达人（非该国公民）？",
    "elig.next": "下一步",
    "elig.limits": "新获权限者的限制",
    "elig.appeal": "申诉",
    "elig.capabilities": "权限包含的功能",
    "elig.enforcement": "权限可能被限制或撤销的情况",
    "field.region": "地区",
    "field.asOf": "判断日期",
    "field.followers": "粉丝数",
    "field.age": "年龄（岁）",
    "field.identityVerified": "是否已用官方证件完成身份认证？",
    "field.governmentAccount": "是否为政府、政治人物或政党账号？",
    "field.codeOfConductViolations": "达人行为准则违规记录次数",
    "field.linkedShopAtRisk": "关联的TikTok Shop账号是否有违规风险？",
    "field.previouslyRevoked": "您的电商权限是否曾被撤销？",
    "field.permission": "电商权限",
    "field.restrictedUntil": "限制截止日（最后一天）",
    "field.enforcedOn": "限制或撤销的日期",
    "permission.none": "尚未获得",
    "permission.active": "已获得",
    "permission.restricted": "暂时受限",
    "permission.revoked": "已被撤销",
    "outcome.eligible": "符合资格",
    "outcome.not_eligible": "不符合资格",
    "outcome.incomplete": "信息不足",
    "outcome.never": "永久无法申请",
    "outcome.active": "有效",
    "outcome.restricted": "受限",
    "summary.eligible": "截至{date}您满足所有条件：可以申请电商权限。",
    "summary.not_eligible": "截至{date}至少有一项条件未满足，暂时无法申请。",
    "summary.incomplete": "截至{date}没有未满足的条件，但有些信息未知：请补充以获得明确结果。",
    "summary.never": "该权限已被永久撤销：永远不能再次申请。",
    "summary.active": "您拥有电商权限（截至{date}）。",
    "summary.restricted": "您的电商权限受到限制（截至{date}）。",
    "from": "自{date}起生效。",
    "restrictedUntil": "限制持续至{date}（含当天）；次日起恢复有效。",
    "appeal.deadline": "申诉截止日：{date}。",
    "appeal.days": "请在处罚之日起{days}天内申诉。",
    "appeal.noDays": "政策未规定申诉期限。",
    "appeal.open": "申诉期仍然开放。",
    "appeal.closed": "申诉期已结束。",
    "limits.figures": "粉丝少于{followers}：{days}天试用期，每周最多{lives}场带货直播和{videos}条带货视频。",
  },
};

/** The README's example: a creator in Indonesia 37 followers short, one fact unknown. */
const EXAMPLE = {
  region: "ID",
  asOf: "",
  followers: "563",
  age: "24",
  identityVerified: "true",
  governmentAccount: "false",
  codeOfConductViolations: "0",
  linkedShopAtRisk: "",
  previouslyRevoked: "false",
  foreignCreator: "false",
  taxInfoProvided: "",
  identityAndAgeVerified: "",
  permission: "none",
  restrictedUntil: "",
  enforcedOn: "",
};
const EMPTY = { ...Object.fromEntries(Object.keys(EXAMPLE).map((k) => [k, ""])), region: "ID", permission: "none" };

const form = document.getElementById("eligibility-form");
const $ = (id) => document.getElementById(id);
const result = $("eligibility-result");
const regionSelect = $("elig-region");
const permission = $("elig-permission");
const until = $("elig-until");
const enforced = $("elig-enforced");

/** Only the date fields the chosen permission state uses can be filled in (the library rejects the others). */
function syncPermissionFields() {
  until.disabled = permission.value !== "restricted";
  enforced.disabled = !["restricted", "revoked"].includes(permission.value);
}

function input() {
  const v = (name) => form.elements[name].value.trim();
  const out = { region: v("region"), lang: lang() };
  if (v("asOf")) out.asOf = v("asOf");
  // Counts as people type them ("1.200", "1,2 rb", "1.2k"); empty is unknown. What was read is
  // shown back when it differs from what was typed.
  for (const name of ["followers", "age", "codeOfConductViolations"]) {
    const n = parseCount(v(name), out.region, name);
    if (n !== null) out[name] = n;
    showUnderstood(form.elements[name], n, () => formatNumber(n));
  }
  for (const name of [
    "identityVerified", "governmentAccount", "linkedShopAtRisk", "previouslyRevoked", "foreignCreator",
    "taxInfoProvided", "identityAndAgeVerified",
  ]) {
    if (v(name) !== "") out[name] = v(name) === "true";
  }
  out.permission = v("permission");
  if (!until.disabled && v("restrictedUntil")) out.restrictedUntil = v("restrictedUntil");
  if (!enforced.disabled && v("enforcedOn")) out.enforcedOn = v("enforcedOn");
  return out;
}

function criterionItem(c, report) {
  const state = c.met === true ? "yes" : c.met === false ? "no" : "unknown";
  const recently = changedNote(c.effectiveFrom, report.asOf, $("elig-region").value);
  return h(
    "li",
    { className: state, dataset: { id: c.id, met: state } },
    h("p", {}, metBadge(c.met), " ", h("strong", {}, c.message), " ", unverifiedBadge(c.verified)),
    recently ?? (c.effectiveFrom ? h("p", { className: "detail" }, t("from", { date: formatDay(c.effectiveFrom) })) : null),
    sourceNode(c.source),
  );
}

function render() {
  const facts = input();
  const report = checker(facts.region).checkEligibility(facts);
  describeSources(report.sources);
  fill($("elig-summary"),
    h("span", { className: `badge ${report.outcome}` }, t(`outcome.${report.outcome}`)), " ",
    t(`summary.${report.outcome}`, { date: formatDay(report.asOf) }));
  fill($("elig-reason"),
    report.reason ? h("ul", { className: "notes" }, noteItem(report.reason)) : null,
    report.restrictedUntil ? h("p", {}, t("restrictedUntil", { date: formatDay(report.restrictedUntil) })) : null);
  fill($("elig-criteria"), report.criteria.map((c) => criterionItem(c, report)));
  $("elig-upcoming-wrap").hidden = report.upcoming.length === 0;
  fill($("elig-upcoming"), report.upcoming.map((c) => criterionItem(c, report)));
  fill($("elig-next"), report.nextSteps.map((s) => noteItem(s)));

  $("elig-limits-wrap").hidden = !report.limits;
  if (report.limits) {
    const l = report.limits;
    fill($("elig-limits"), h("ul", { className: "notes" }, noteItem(l,
      h("p", { className: "detail" }, t("limits.figures", {
        followers: l.belowFollowers, days: l.pilotDays, lives: l.weeklyShoppableLives, videos: l.weeklyShoppableVideos,
      }), " ", unverifiedBadge(l.verified)))));
  }

  $("elig-appeal-wrap").hidden = !report.appeal;
  if (report.appeal) {
    const a = report.appeal;
    const facts = [];
    if (a.deadline) facts.push(t("appeal.deadline", { date: formatDay(a.deadline) }));
    if (a.deadlineDays !== null) facts.push(t("appeal.days", { days: a.deadlineDays }));
    else facts.push(t("appeal.noDays"));
    if (a.open !== null) facts.push(t(a.open ? "appeal.open" : "appeal.closed"));
    fill($("elig-appeal"), h("ul", { className: "notes" }, noteItem(a,
      h("p", { className: "detail" }, facts.join(" "), " ", unverifiedBadge(a.verified)))));
  }

  $("elig-linkshare-wrap").hidden = !report.linkShare;
  if (report.linkShare) {
    const tier = report.linkShare;
    fill($("elig-linkshare"),
      h("p", {}, t("linkShare.intro")),
      h("p", { className: "summary" }, h("span", { className: `badge ${tier.outcome}` }, t(`outcome.${tier.outcome}`)), " ",
        t(`summary.${tier.outcome}`, { date: formatDay(report.asOf) })),
      h("p", {}, tier.message, " ", unverifiedBadge(tier.verified)),
      tier.effectiveFrom ? h("p", { className: "detail" }, t("linkShare.from", { date: formatDay(tier.effectiveFrom) })) : null,
      sourceNode(tier.source),
      h("ul", { className: "checklist" }, tier.criteria.filter((c) => c.met !== true).map((c) => criterionItem(c, report))),
      h("ul", { className: "notes" }, tier.nextSteps.map((s) => noteItem(s))));
    result.dataset.linkShare = tier.outcome;
  } else delete result.dataset.linkShare;

  fill($("elig-capabilities"), report.capabilities.map((c) => noteItem(c)));
  fill($("elig-enforcement"), report.enforcement.map((n) => noteItem(n)));
  fill($("elig-policy"), policyLine(report.policy));
  result.dataset.outcome = report.outcome;
  result.dataset.canApply = String(report.canApply);
  result.hidden = false;
}

function relabel() {
  regionOptions(regionSelect);
  for (const select of form.querySelectorAll("select.tri")) {
    if (!select.options.length) {
      for (const value of ["", "true", "false"]) select.append(h("option", { value }));
    }
    const [unknown, yes, no] = select.options;
    unknown.textContent = t("unknown");
    yes.textContent = t("yes");
    no.textContent = t("no");
  }
  for (const option of permission.options) option.textContent = t(`permission.${option.value}`);
}

relabel();
const page = await startPage({
  strings: STRINGS,
  restore(params) {
    restoreForm(form, params, EMPTY);
    syncPermissionFields();
  },
  state: () => formParams(form),
  render,
  relabel,
  errorEl: $("eligibility-error"),
  resultEl: result,
  resultAttr: "outcome",
});

form.addEventListener("input", (event) => {
  if (event.target === permission) syncPermissionFields();
  page.updateSoon();
});
form.addEventListener("change", (event) => {
  if (event.target === permission) syncPermissionFields();
  page.update();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  page.update();
});
$("elig-example").addEventListener("click", () => {
  restoreForm(form, new URLSearchParams(), EXAMPLE);
  showExample(form, true);
  syncPermissionFields();
  page.update();
});
$("elig-clear").addEventListener("click", () => {
  restoreForm(form, new URLSearchParams(), EMPTY);
  syncPermissionFields();
  page.update();
});
