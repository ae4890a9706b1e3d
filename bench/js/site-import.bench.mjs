// The help site in headless Chromium: how long the main thread is blocked while a big paste is
// imported (issue #16's goal: no task over 50 ms), and how long each page takes to show its first
// result. Longest task is read from a PerformanceObserver of `longtask` entries, so it is what a
// person would feel as the page freezing.
import { chromium } from "playwright-core";
import { serveDirectory } from "../../tools/serve.mjs";
import { ms } from "./harness.mjs";

export const title = "Help site in Chromium: longest main-thread task while importing a pasted export, and page ready";

const www = new URL("../../www", import.meta.url).pathname;

/** A violations CSV of `n` rows (about 60 bytes a row). */
function violationsCsv(n) {
  const lines = ["id,type,points,issuedOn,surface"];
  for (let i = 0; i < n; i++) {
    const month = String(1 + (i % 11)).padStart(2, "0");
    const day = String(1 + (i % 27)).padStart(2, "0");
    lines.push(`v${i},Prohibited Customer Communication ${i % 9},${1 + (i % 4)},2026-${month}-${day},chat`);
  }
  return lines.join("\n");
}

async function longestTaskDuringImport(browser, origin, rows) {
  const page = await browser.newPage();
  await page.goto(`${origin}/health.html`);
  await page.waitForSelector("html[data-ready]");
  await page.fill("#health-asof", "2026-12-01");
  await page.click("#health-import-box summary");
  const csv = violationsCsv(rows);
  await page.fill("#health-import", csv);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  });
  const started = Date.now();
  await page.click("#health-import-button");
  await page.waitForSelector("#health-result[data-active-points]");
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => window.longTasks);
  await page.close();
  return { bytes: csv.length, longest: Math.max(0, ...tasks), total: Date.now() - started - 1000 };
}

async function pageReady(browser, origin, path) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`);
    await page.waitForSelector("html[data-ready]");
    samples.push(await page.evaluate(() => performance.getEntriesByName("shop-policy:ready")[0]?.startTime ?? NaN));
    await context.close();
  }
  samples.sort((a, b) => a - b);
  return samples[2];
}

export async function run() {
  const server = await serveDirectory(www, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const rows = [];
  try {
    for (const n of [100, 1200]) {
      const r = await longestTaskDuringImport(browser, origin, n);
      rows.push({
        case: `health: paste ${n} violations (${(r.bytes / 1024).toFixed(0)} KB CSV)`,
        "longest task": ms(r.longest),
        "import to result": ms(r.total),
        goal: "≤ 50 ms task",
      });
    }
    for (const path of ["index.html", "links.html", "eligibility.html", "health.html", "closure.html"]) {
      rows.push({ case: `${path}: first result (median of 5)`, "longest task": "", "import to result": ms(await pageReady(browser, origin, path)), goal: "≤ 150 ms" });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
