import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ArticleWithText, EventDetail, StoredEvent } from "../store/store.js";
import { openFixture, type Fixture } from "../../test/fixtures/api/fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

interface Page {
  total: number;
  limit: number;
  offset: number;
  events: StoredEvent[];
}

async function list(query: string): Promise<Page> {
  const r = await f.app.inject({ url: `/api/events?${query}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Page;
}

async function error(url: string): Promise<{ status: number; code: string; field?: string; message: string }> {
  const r = await f.app.inject({ url });
  const body = r.json() as { code: string; field?: string; message: string; statusCode: number };
  expect(body.statusCode).toBe(r.statusCode);
  return { status: r.statusCode, ...body };
}

describe("GET /api/events", () => {
  test("lists every event, newest first, with the total", async () => {
    const all = await list("limit=1000");
    const counts = await f.store.counts();
    expect(all.total).toBe(counts.events);
    expect(all.events).toHaveLength(counts.events);
    const dated = all.events.map((e) => e.dateStart).filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
  });

  test("filters by country, given as a code or a name, as the CLI does", async () => {
    const byCode = await list("country=AF");
    const byName = await list("country=Afghanistan");
    expect(byCode.total).toBeGreaterThan(0);
    expect(byName.events.map((e) => e.id)).toEqual(byCode.events.map((e) => e.id));
    expect(byCode.events.every((e) => e.countryCode === "AF")).toBe(true);
    const two = await list("country=AF,NG");
    const repeated = await list("country=AF&country=Nigeria");
    expect(two.total).toBe(repeated.total);
    expect(new Set(two.events.map((e) => e.countryCode))).toEqual(new Set(["AF", "NG"]));
  });

  test("filters by admin1, place, near a point and bounding box", async () => {
    const kandahar = await list("admin1=kandahar");
    expect(kandahar.total).toBeGreaterThan(0);
    expect(kandahar.events.every((e) => e.admin1?.toLowerCase() === "kandahar")).toBe(true);
    const near = await list("near=31.61,65.71,30");
    expect(near.events.map((e) => e.id)).toEqual(kandahar.events.map((e) => e.id));
    const box = await list("bbox=60,29,70,38");
    expect(box.events.every((e) => e.lon! >= 60 && e.lon! <= 70 && e.lat! >= 29 && e.lat! <= 38)).toBe(true);
    expect(box.events.map((e) => e.id)).toEqual(expect.arrayContaining(kandahar.events.map((e) => e.id)));
    const place = await list(`place=${encodeURIComponent(kandahar.events[0]!.place!)}`);
    expect(place.events.map((e) => e.id)).toContain(kandahar.events[0]!.id);
  });

  test("filters by date range, type, sub-type, minimum killed, text, role and dataset", async () => {
    const y2021 = await list("since=2021-01-01&until=2021-12-31");
    expect(y2021.total).toBeGreaterThan(0);
    expect(y2021.events.every((e) => e.dateEnd! >= "2021-01-01" && e.dateStart! <= "2021-12-31")).toBe(true);
    const bombs = await list(`type=${encodeURIComponent("Explosions/Remote violence")}`);
    expect(bombs.total).toBeGreaterThan(0);
    expect(bombs.events.every((e) => e.eventType === "Explosions/Remote violence")).toBe(true);
    const suicide = await list(`subType=${encodeURIComponent("Suicide bomb")}`);
    expect(suicide.events.every((e) => e.subEventType === "Suicide bomb")).toBe(true);
    const deadly = await list("minKilled=10");
    expect(deadly.total).toBeGreaterThan(0);
    expect(deadly.events.every((e) => (e.killed.low ?? 0) >= 10)).toBe(true);
    const mosque = await list("text=mosque");
    expect(mosque.events.some((e) => e.countryCode === "AF")).toBe(true);
    expect(mosque.events.every((e) => e.countryCode !== "CO")).toBe(true);
    const background = await list("role=background");
    expect(background.events.every((e) => e.role === "background")).toBe(true);
    expect((await list("dataset=acled")).total).toBe(0);
    expect((await list("dataset=sitrep")).total).toBe((await list("")).total);
  });

  test("filters by actor under any of its names, by actor role and by victim type", async () => {
    const kandahar = (await list("admin1=Kandahar&subType=Suicide%20bomb")).events[0]!;
    for (const alias of ["IS-K", "ISKP", "Daesh%20Khorasan", "Islamic%20State%20Khorasan%20Province"]) {
      expect((await list(`actor=${alias}`)).events.map((e) => e.id)).toEqual([kandahar.id]);
    }
    const claimed = await list("actor=Islamic%20State&actorRole=claimant");
    expect(claimed.total).toBeGreaterThan(0);
    expect(claimed.events.every((e) => e.actors.some((a) => a.role === "claimant" && a.name === "Islamic State"))).toBe(
      true,
    );
    expect((await list("actor=Islamic%20State&actorRole=victim")).total).toBe(0);
    const civilians = await list("victim=civilians");
    expect(civilians.total).toBeGreaterThan(0);
    expect(civilians.events.every((e) => e.actors.some((a) => a.role === "victim" && a.category === "civilians"))).toBe(
      true,
    );
  });

  test("sorts by killed both ways and pages without overlap", async () => {
    const desc = await list("sort=killed&order=desc&limit=1000");
    const known = desc.events.map((e) => e.killed.best).filter((k): k is number => k !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const asc = await list("sort=killed&order=asc&limit=1000");
    const knownAsc = asc.events.map((e) => e.killed.best).filter((k): k is number => k !== null);
    expect(knownAsc).toEqual([...knownAsc].sort((a, b) => a - b));
    const pages: number[] = [];
    for (let offset = 0; offset < desc.total; offset += 7)
      pages.push(...(await list(`sort=date&limit=7&offset=${offset}`)).events.map((e) => e.id));
    expect(pages).toHaveLength(desc.total);
    expect(new Set(pages).size).toBe(desc.total);
  });

  test("refuses malformed filters with a coded 400 naming the field", async () => {
    expect(await error("/api/events?since=2021-13-45")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "since",
    });
    expect(await error("/api/events?since=2021-10-01&until=2021-01-01")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "since",
    });
    expect(await error("/api/events?contry=AF")).toMatchObject({ status: 400, code: "E_VALIDATION", field: "contry" });
    expect(await error("/api/events?minKilled=many")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "minKilled",
    });
    expect(await error("/api/events?country=Atlantis")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "country",
    });
    expect(await error("/api/events?near=31.6,65.7")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "near",
    });
    expect(await error("/api/events?near=95,65.7,10")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "near",
    });
    expect(await error("/api/events?bbox=10,50,20,40")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "bbox",
    });
    expect(await error("/api/events?sort=fatalities")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "sort",
    });
    expect(await error("/api/events?limit=100000")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "limit",
    });
    expect(await error("/api/events?role=recalled")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "role[0]",
    });
    const e = await error("/api/events?since=yesterday");
    expect(e.message).toMatch(/since/);
  });
});

describe("GET /api/events/:id", () => {
  test("answers an event with its reports, their records and evidence offsets into the article text", async () => {
    const [kandahar] = (await list("admin1=Kandahar&subType=Suicide%20bomb")).events;
    expect(kandahar).toBeDefined();
    const r = await f.app.inject({ url: `/api/events/${kandahar!.id}` });
    expect(r.statusCode).toBe(200);
    const detail = r.json() as EventDetail;
    expect(detail.event.id).toBe(kandahar!.id);
    expect(detail.mergedInto).toBeNull();
    expect(detail.reports.length).toBe(detail.event.reportCount);
    expect(detail.reports.length).toBeGreaterThanOrEqual(2);
    let spans = 0;
    for (const report of detail.reports) {
      expect(report.article).not.toBeNull();
      const article = (await f.app.inject({ url: `/api/articles/${report.articleId}` })).json() as ArticleWithText;
      const rec = report.record;
      const fillers = [
        rec.evidence,
        rec.location,
        ...rec.perpetratorOrgs,
        ...rec.victims,
        ...rec.targets,
        ...rec.weapons,
        rec.killed,
        rec.injured,
      ].filter((x): x is { text: string; start: number; end: number } => x !== null);
      for (const x of fillers) {
        expect(article.text.slice(x.start, x.end)).toBe(x.text);
        spans++;
      }
    }
    expect(spans).toBeGreaterThan(3);
    expect(detail.figureHistory.some((h) => h.kind === "killed")).toBe(true);
    expect(detail.figureHistory.every((h) => detail.reports.some((rep) => rep.id === h.reportId))).toBe(true);
  });

  test("an unknown id is a coded 404 and a malformed one a coded 400", async () => {
    expect(await error("/api/events/999999")).toMatchObject({ status: 404, code: "E_NOT_FOUND", field: "id" });
    expect(await error("/api/events/abc")).toMatchObject({ status: 400, code: "E_VALIDATION", field: "id" });
    expect(await error("/api/nothing-here")).toMatchObject({ status: 404, code: "E_NOT_FOUND" });
    expect(await error("/api/events/1?with=reports")).toMatchObject({
      status: 400,
      code: "E_VALIDATION",
      field: "with",
    });
    expect(await error("/api/meta?verbose=1")).toMatchObject({ status: 400, code: "E_VALIDATION", field: "verbose" });
  });
});
