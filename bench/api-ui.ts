/**
 * Whether the workbench stays responsive on 200,000 events, measured in Chromium: time from
 * navigation to the first markers, timeline and table; markers in the page (clustered, so a few
 * hundred at most); time for a country filter, a zoom and a date brush to redraw; and the main
 * thread's blocking time (long tasks) over the whole session. Needs Chromium (SITREP_CHROMIUM or
 * /usr/bin/chromium). Run: node dist/bench/api-ui.js
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, listen } from "../src/api/server.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { ensureApiBenchDb } from "./api-data.js";
import { buildUi, launch } from "./lib-browser.js";

const executablePath = process.env.SITREP_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.log(`api-ui: SKIPPED — Chromium not found at ${executablePath} (set SITREP_CHROMIUM)`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-ui-"));
await buildUi(join(dir, "web"));
const store = SqliteStore.open(await ensureApiBenchDb());
const app = await buildServer(store, { webRoot: join(dir, "web") });
const url = await listen(app, 0, "127.0.0.1");
const counts = await store.counts();
// `sitrep serve` loads the map's facts when it starts; here that is timed apart from the page.
const tWarm = performance.now();
await app.inject({ url: "/api/map?zoom=2" });
const warmMs = performance.now() - tWarm;

// The page's CSP forbids eval; the benchmark's probes are strings Playwright evaluates.
const context = await launch(executablePath, dir, { bypassCSP: true });
const page = context.pages()[0] ?? (await context.newPage());
// Long tasks (> 50 ms on the main thread) from the first script on: the page's total blocking time.
// (Page code is given as strings: this file is compiled without the DOM's types.)
await page.addInitScript(
  "window.longTasks = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });",
);

const renders = async () => Number((await page.getAttribute("#map", "data-renders")) ?? 0);
/** Waits for the map to draw again after `before` draws. */
const redrawn = (before: number) =>
  page.waitForFunction(`Number(document.getElementById("map")?.dataset.renders ?? 0) > ${before}`);

const results: [string, number][] = [];
const timed = async (label: string, action: () => Promise<unknown>) => {
  const t0 = performance.now();
  await action();
  results.push([label, performance.now() - t0]);
};

await timed("load: markers, timeline and table drawn", async () => {
  await page.goto(url);
  await page.waitForFunction('Number(document.getElementById("map")?.dataset.markers) > 0');
  await page.waitForSelector(".timeline-chart canvas");
  await page.waitForSelector("table.events tbody tr");
});
const worldMarkers = Number(await page.getAttribute("#map", "data-markers"));
const worldEvents = Number(await page.getAttribute("#map", "data-events"));

await timed("country filter (Afghanistan): map, timeline, table", async () => {
  const before = await renders();
  await page.fill("#filter-country", "AF");
  await page.press("#filter-country", "Enter");
  await redrawn(before);
  await page.waitForFunction('document.querySelector(".page-info")?.textContent?.includes("of")');
});

await timed("zoom in twice (map redraw)", async () => {
  for (let i = 0; i < 2; i++) {
    const before = await renders();
    await page.click(".leaflet-control-zoom-in");
    await redrawn(before);
  }
});

await timed("brush a date range on the timeline", async () => {
  const box = (await page.locator(".timeline-chart .u-over").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  const before = await renders();
  await page.mouse.up();
  await redrawn(before);
});

await timed("clear filters (back to 200,000 events)", async () => {
  const before = await renders();
  await page.click("#filters-reset");
  await redrawn(before);
});
const domMarkers = await page.locator(".leaflet-marker-icon").count();
const longTasks = (await page.evaluate("window.longTasks")) as number[];
const blocking = longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0);

console.log(
  `api-ui: ${counts.events.toLocaleString("en")} events; server loaded the map's facts in ${warmMs.toFixed(0)} ms at start`,
);
for (const [label, ms] of results) console.log(`  ${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(
  `  markers at world zoom: ${worldMarkers} for ${worldEvents.toLocaleString("en")} located events; ${domMarkers} marker elements in the page at the end`,
);
console.log(
  `  long tasks: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms, total blocking time ${blocking.toFixed(0)} ms`,
);

await context.close();
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
