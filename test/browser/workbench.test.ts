import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StoredEvent } from "../../src/store/store.js";
import { ARTIFACTS, chromiumPath, launch, startWorkbench, type Workbench } from "./harness.js";

const chrome = chromiumPath();
if (!chrome.path) {
  const banner = "!".repeat(100);
  process.stderr.write(
    `\n${banner}\n!! ${chrome.why}\n!! Install it (apt-get install chromium) or set SITREP_CHROMIUM; CI installs it.\n${banner}\n\n`,
  );
}

describe.skipIf(!chrome.path)("the analyst's workbench in Chromium", () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    wb = await startWorkbench();
    context = await launch(chrome.path as string, wb.dir);
    // Nothing may leave this machine: a request elsewhere (a CDN, a tile server, a font) fails the suite.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
      problems.push(`request outside the server: ${route.request().url()}`);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
    await wb?.close();
  });

  const events = async (query: string): Promise<{ total: number; events: StoredEvent[] }> =>
    (await wb.app.inject({ url: `/api/events?${query}` })).json() as { total: number; events: StoredEvent[] };

  const ready = () => page.waitForSelector("body[data-ready=true]");
  const waitForTotal = (n: number) =>
    page.waitForFunction(
      (want) => Number(document.querySelector(".page-info")?.getAttribute("data-total")) === want,
      n,
    );

  test("loads with the map's clustered markers, the timeline and the table", async () => {
    await page.goto(wb.url);
    await ready();
    const all = await events("limit=1");
    await waitForTotal(all.total);
    await page.waitForFunction(() => Number(document.getElementById("map")?.dataset.markers) > 0);
    const markers = Number(await page.getAttribute("#map", "data-markers"));
    const onMap = Number(await page.getAttribute("#map", "data-events"));
    expect(markers).toBeLessThan(onMap);
    expect(await page.locator(".leaflet-marker-icon").count()).toBe(markers);
    // The basemap is drawn: country outlines from the bundled world atlas.
    await page.waitForFunction(() => document.querySelectorAll(".leaflet-overlay-pane canvas").length > 0);
    await page.waitForSelector(".timeline-chart canvas");
    expect(Number(await page.getAttribute(".timeline-chart", "data-buckets"))).toBeGreaterThan(0);
    expect(await page.locator("table.events tbody tr").count()).toBe(Math.min(50, all.total));
    await page.waitForTimeout(500);
    await page.locator(".map-wrap").screenshot({ path: join(ARTIFACTS, "map.png") });
    await page.locator(".timeline-wrap").screenshot({ path: join(ARTIFACTS, "timeline.png") });
  });

  test("filters by country and date; the URL keeps the filter and restores it", async () => {
    const af = await events("country=AF");
    await page.fill("#filter-country", "AF");
    await page.press("#filter-country", "Enter");
    await waitForTotal(af.total);
    expect(page.url()).toContain("country=AF");
    const countries = await page.locator("table.events tbody tr td:nth-child(3)").allTextContents();
    expect(countries.every((c) => c.includes("Afghanistan"))).toBe(true);

    const october = await events("country=AF&since=2021-10-01&until=2021-10-31");
    expect(october.total).toBeLessThan(af.total);
    await page.fill("#filter-since", "2021-10-01");
    await page.fill("#filter-until", "2021-10-31");
    await waitForTotal(october.total);
    expect(page.url()).toMatch(/since=2021-10-01.*until=2021-10-31|until=2021-10-31.*since=2021-10-01/);
    const dates = await page.locator("table.events tbody tr td:first-child").allTextContents();
    expect(dates.every((d) => d >= "2021-10-01" && d.slice(0, 10) <= "2021-10-31")).toBe(true);
    await page.waitForFunction(() => document.querySelector(".timeline-summary")?.textContent?.includes("per day"));
    expect(Number(await page.getAttribute(".timeline-chart", "data-buckets"))).toBe(31);

    // A shared link opens on the same view.
    await page.reload();
    await ready();
    await waitForTotal(october.total);
    expect(await page.inputValue("#filter-since")).toBe("2021-10-01");
    expect(await page.locator(".chip").allTextContents()).toEqual([expect.stringContaining("Afghanistan (AF)")]);
  });

  test("dragging across the timeline sets the date filter", async () => {
    await page.goto(`${wb.url}?country=AF`);
    await ready();
    await page.waitForSelector(".timeline-chart .u-over");
    const box = (await page.locator(".timeline-chart .u-over").boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.45, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => location.search.includes("since=") && location.search.includes("until="));
    const q = new URL(page.url()).searchParams;
    expect(q.get("since")! < q.get("until")!).toBe(true);
    expect(await page.inputValue("#filter-since")).toBe(q.get("since"));
    const expected = await events(`country=AF&since=${q.get("since")}&until=${q.get("until")}`);
    await waitForTotal(expected.total);
  });

  test("opens an event and highlights the evidence of the field the analyst selects", async () => {
    const [kandahar] = (await events("admin1=Kandahar&subType=Suicide%20bomb")).events;
    await page.goto(`${wb.url}?country=AF`);
    await ready();
    await page.locator(`table.events tbody tr[data-event="${kandahar!.id}"] a.row-link`).click();
    await page.waitForSelector("#event-page:not([hidden]) #event-title");
    expect(page.url()).toContain(`event=${kandahar!.id}`);
    await page.waitForSelector(".article-text mark.ev");
    await page.click('button.field-button[data-field="killed"]');
    await page.waitForSelector("mark.ev.active");
    const active = await page.locator("mark.ev.active").allTextContents();
    const detail = (await (await wb.app.inject({ url: `/api/events/${kandahar!.id}` })).json()) as {
      reports: { id: number; record: { killed: { text: string } | null } }[];
    };
    const reportId = Number(new URL(page.url()).searchParams.get("report"));
    const shown = detail.reports.find((r) => r.id === reportId) ?? detail.reports[0]!;
    expect(active.join("")).toContain(shown.record.killed!.text.slice(0, 5));
    expect(await page.locator("mark.ev.active").first().isVisible()).toBe(true);
    const inView = await page
      .locator("mark.ev.active")
      .first()
      .evaluate((m) => {
        const r = m.getBoundingClientRect();
        const box = (m.closest(".article-text") as HTMLElement).getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      });
    expect(inView).toBe(true);
    expect(page.url()).toContain("field=killed");
    await page.screenshot({ path: join(ARTIFACTS, "event.png"), fullPage: true });

    // Another field moves the highlight.
    await page.click('button.field-button[data-field="location"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll("mark.ev.active")].some((m) => m.classList.contains("ev-location")),
    );
  });

  test("article text holding markup is shown as text", async () => {
    const [jalalabad] = (await events("admin1=Nangarhar")).events;
    await page.goto(`${wb.url}?event=${jalalabad!.id}`);
    await ready();
    await page.waitForSelector(".article-text");
    const text = await page.locator(".article-text").textContent();
    expect(text).toContain('<script>alert("xss")</script>');
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator(".article-text script, .article-text img").count()).toBe(0);
    expect(await page.locator("#event-page script, #event-page img").count()).toBe(0);
  });

  test("corrects a field with an editor token; the correction is there after a reload, with its audit entry", async () => {
    const [kandahar] = (await events("admin1=Kandahar&subType=Suicide%20bomb")).events;
    await page.goto(`${wb.url}?event=${kandahar!.id}`);
    await ready();
    await page.waitForSelector("#event-title");
    expect(await page.locator('[data-correct="killed"]').count()).toBe(0);

    await page.click("#token-button");
    await page.fill("#token-input", "sitrep_wrong");
    await page.click("#token-save");
    await page.waitForSelector(".token-form .form-error:not(:empty)");
    await page.fill("#token-input", wb.editor);
    await page.click("#token-save");
    await page.waitForFunction(() => document.getElementById("token-button")?.textContent === "Editor: browser-editor");

    await page.click('[data-correct="killed"]');
    await page.fill("#correct-killed-low", "41");
    await page.fill("#correct-killed-best", "47");
    await page.fill("#correct-killed-high", "47");
    await page.fill("#note-killed", "toll given by AP on 16 October");
    await page.click('form[data-row="killed"] button[type=submit]');
    await page.waitForFunction(() =>
      document.querySelector('tr[data-row="killed"] .value-text')?.textContent?.includes("best 47"),
    );

    await page.reload();
    await ready();
    await page.waitForSelector('tr[data-row="killed"] .badge');
    expect(await page.locator('tr[data-row="killed"] .value-text').textContent()).toContain(
      "low 41 / best 47 / high 47",
    );
    await page.waitForSelector(".audit-list li");
    expect(await page.locator(".audit-list li").first().textContent()).toMatch(
      /token:browser-editor — corrected killed: .+ → 41 \/ 47 \/ 47/,
    );
    const stored = (await (await wb.app.inject({ url: `/api/events/${kandahar!.id}` })).json()) as {
      event: StoredEvent;
    };
    expect(stored.event.killed).toEqual({ low: 41, best: 47, high: 47 });
    await page.screenshot({ path: join(ARTIFACTS, "event-corrected.png"), fullPage: true });
  });

  test("merges a duplicate into an event and splits it off again, from the event page", async () => {
    const [keep] = (await events("admin1=Kunduz")).events;
    const [dup] = (await events("admin1=Nangarhar")).events;
    await page.goto(`${wb.url}?event=${keep!.id}`);
    await ready();
    await page.waitForSelector("#merge-other");
    const tabs = await page.locator(".report-tabs [role=tab]").count();
    await page.fill("#merge-other", String(dup!.id));
    await page.fill("#merge-note", "same attack, reported twice");
    await page.click(".merge-form button[type=submit]");
    await page.waitForFunction(
      (n) => document.querySelectorAll(".report-tabs [role=tab]").length === n,
      tabs + dup!.reportCount,
    );
    await page.waitForFunction(() => document.querySelector(".audit-list li")?.textContent?.includes("merged"));
    // The absorbed event's link leads to the event that kept its reports.
    await page.goto(`${wb.url}?event=${dup!.id}`);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("event") === String(id), keep!.id);

    await page.waitForSelector(".split-form");
    const moved = (await (await wb.app.inject({ url: `/api/events/${keep!.id}` })).json()) as {
      reports: { id: number; eventId: number }[];
    };
    const last = moved.reports.at(-1)!;
    await page.check(`#split-${last.id}`);
    await page.click(".split-form button[type=submit]");
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("event") !== String(id), keep!.id);
    const created = Number(new URL(page.url()).searchParams.get("event"));
    await page.waitForSelector("#event-title");
    expect(await page.locator(".report-tabs [role=tab]").count()).toBe(1);
    const detail = (await (await wb.app.inject({ url: `/api/events/${created}` })).json()) as {
      reports: { id: number }[];
    };
    expect(detail.reports.map((r) => r.id)).toEqual([last.id]);
  });

  test("an editor adds an article from the browser; the map, timeline and table show its events", async () => {
    await page.goto(wb.url);
    await ready();
    const before = (await events("limit=1")).total;
    await waitForTotal(before);
    await page.waitForSelector("#upload-button:not([hidden])");
    await page.click("#upload-button");
    await page.setInputFiles("#upload-files", {
      name: "kabul-2021-11-20.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(
        " date 2021-11-20 Bomb kills six at market in Kabul\n\nA bomb hidden in a cart exploded at a crowded market in Kabul on Friday, killing six people and wounding 14, police said.",
      ),
    });
    await page.click("#upload-send");
    await page.waitForSelector(".upload-results button.link");
    const after = (await events("limit=1")).total;
    expect(after).toBeGreaterThan(before);
    await page.click(".upload-results button.link");
    await page.waitForSelector("#event-page:not([hidden]) .article-text");
    expect(await page.locator(".article-text").textContent()).toContain("A bomb hidden in a cart");
    await page.click("button.back");
    await waitForTotal(after);
    const csv = await page.getAttribute('a[data-format="acled-csv"]', "href");
    expect(csv).toBe("/api/export?format=acled-csv");
  });

  test("the download links carry the filter", async () => {
    await page.goto(`${wb.url}?country=AF&since=2021-10-01`);
    await ready();
    const href = (await page.getAttribute('a[data-format="geojson"]', "href"))!;
    const q = new URL(href, wb.url).searchParams;
    expect([q.get("country"), q.get("since"), q.get("format")]).toEqual(["AF", "2021-10-01", "geojson"]);
    const r = await wb.app.inject({ url: href });
    expect(r.statusCode).toBe(200);
    const fc = r.json() as { features: { properties: { countryCode: string } }[] };
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features.every((x) => x.properties.countryCode === "AF")).toBe(true);
  });

  test("the table can be sorted and worked with the keyboard", async () => {
    await page.goto(wb.url);
    await ready();
    await page.click('button.sort[data-sort="killed"]');
    await page.waitForFunction(() => location.search.includes("sort=killed"));
    await page.waitForFunction(
      () => document.querySelector('th[aria-sort="descending"] button[data-sort="killed"]') !== null,
    );
    const first = await page.locator("table.events tbody tr").first().getAttribute("data-event");
    const top = (await events("sort=killed&order=desc&limit=1")).events[0]!;
    expect(Number(first)).toBe(top.id);
    await page.locator("table.events tbody tr a.row-link").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#event-page:not([hidden]) #event-title");
    expect(page.url()).toContain(`event=${top.id}`);
    await page.goBack();
    await page.waitForSelector("#overview:not([hidden])");
  });

  test("nothing went wrong on the way: no page errors, no outside requests, no dialogs", () => {
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
