import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AggregateBucket } from "../query/types.js";
import type { StoredEvent } from "../store/store.js";
import type { MapCluster } from "./map-clusters.js";
import { openFixture, type Fixture } from "../../test/fixtures/api/fixture.js";

let f: Fixture;
let all: StoredEvent[];
beforeAll(async () => {
  f = await openFixture();
  all = ((await f.app.inject({ url: "/api/events?limit=1000" })).json() as { events: StoredEvent[] }).events;
});
afterAll(() => f.close());

const get = async <T>(url: string): Promise<T> => {
  const r = await f.app.inject({ url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};

describe("GET /api/aggregates", () => {
  test("counts events and sums fatalities by country", async () => {
    const { buckets } = await get<{ buckets: AggregateBucket[] }>("/api/aggregates?groupBy=country");
    expect(buckets.reduce((n, b) => n + b.events, 0)).toBe(all.length);
    const af = buckets.find((b) => b.key === "AF")!;
    const afEvents = all.filter((e) => e.countryCode === "AF");
    expect(af.events).toBe(afEvents.length);
    expect(af.killedBest).toBe(afEvents.reduce((n, e) => n + (e.killed.best ?? 0), 0));
    // Most events first.
    expect(buckets.map((b) => b.events)).toEqual([...buckets.map((b) => b.events)].sort((a, b) => b - a));
  });

  test("groups by month and type, under a filter", async () => {
    const { buckets } = await get<{ buckets: AggregateBucket[] }>("/api/aggregates?groupBy=month&country=AF");
    expect(buckets.map((b) => b.key)).toEqual([...buckets.map((b) => b.key)].sort());
    expect(buckets.every((b) => /^\d{4}-\d{2}-01$/.test(b.key))).toBe(true);
    const byType = await get<{ buckets: AggregateBucket[] }>("/api/aggregates?groupBy=eventType");
    expect(new Set(byType.buckets.map((b) => b.key))).toEqual(new Set(all.map((e) => e.eventType)));
  });

  test("refuses a missing or unknown grouping", async () => {
    const missing = await f.app.inject({ url: "/api/aggregates" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: "E_VALIDATION", field: "groupBy" });
    const unknown = await f.app.inject({ url: "/api/aggregates?groupBy=colour" });
    expect(unknown.json()).toMatchObject({ code: "E_VALIDATION", field: "groupBy" });
  });
});

describe("GET /api/timeline", () => {
  test("every period of the span, zeros included, summing to the dated events of the filter", async () => {
    const t = await get<{ interval: string; from: string; to: string; buckets: AggregateBucket[] }>(
      "/api/timeline?country=AF",
    );
    const af = all.filter((e) => e.countryCode === "AF" && e.dateStart);
    expect(t.interval).toBe("day");
    expect(t.buckets.reduce((n, b) => n + b.events, 0)).toBe(af.length);
    const days = t.buckets.map((b) => Date.parse(b.key));
    for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!).toBe(86_400_000);
    expect(t.buckets.some((b) => b.events === 0)).toBe(true);
  });

  test("spans the filter's own dates, so that a brushed range stays put", async () => {
    const t = await get<{ interval: string; from: string; to: string; buckets: AggregateBucket[] }>(
      "/api/timeline?since=2021-10-01&until=2021-10-31",
    );
    expect(t).toMatchObject({ interval: "day", from: "2021-10-01", to: "2021-10-31" });
    expect(t.buckets).toHaveLength(31);
    const weekly = await get<{ interval: string; buckets: AggregateBucket[] }>(
      "/api/timeline?since=2021-01-01&until=2021-12-31&interval=week",
    );
    expect(weekly.interval).toBe("week");
    expect(weekly.buckets.every((b) => new Date(b.key).getUTCDay() === 1)).toBe(true);
    const empty = await get<{ buckets: AggregateBucket[] }>("/api/timeline?country=NO");
    expect(empty.buckets).toEqual([]);
    // Days over thirty years would be a chart of 11,000 bars: refused, with the way out in the message.
    const tooFine = await f.app.inject({ url: "/api/timeline?interval=day" });
    expect(tooFine.statusCode).toBe(400);
    expect(tooFine.json()).toMatchObject({
      code: "E_VALIDATION",
      field: "interval",
      message: expect.stringContaining("coarser interval"),
    });
  });
});

describe("GET /api/map", () => {
  const withCoords = () => all.filter((e) => e.lat !== null && e.lon !== null);

  test("at world zoom, clusters hold every located event, sized by their fatalities", async () => {
    const m = await get<{ events: number; unlocated: number; clusters: MapCluster[] }>(
      "/api/map?zoom=1&bounds=-180,-85,180,85",
    );
    expect(m.events).toBe(withCoords().length);
    expect(m.unlocated).toBe(all.length - withCoords().length);
    expect(m.unlocated).toBeGreaterThan(0);
    expect(m.clusters.length).toBeLessThan(m.events);
    const total = m.clusters.reduce((n, c) => n + c.killedBest, 0);
    expect(total).toBe(withCoords().reduce((n, e) => n + (e.killed.best ?? 0), 0));
    for (const c of m.clusters) {
      expect(Object.values(c.types).reduce((a, b) => a + b, 0)).toBe(c.events);
      expect(c.lat).toBeGreaterThanOrEqual(c.south);
      expect(c.lat).toBeLessThanOrEqual(c.north);
      if (c.events === 1) expect(all.find((e) => e.id === c.id)?.eventType).toBe(c.eventType);
      else expect(c.id).toBeNull();
    }
  });

  test("zooming in splits clusters; bounds and filters narrow them", async () => {
    const world = await get<{ clusters: MapCluster[] }>("/api/map?zoom=1");
    const close = await get<{ clusters: MapCluster[] }>("/api/map?zoom=12");
    expect(close.clusters.length).toBeGreaterThan(world.clusters.length);
    const afghanistan = await get<{ events: number; clusters: MapCluster[] }>("/api/map?zoom=5&bounds=60,29,75,38");
    const inBox = withCoords().filter((e) => e.lon! >= 60 && e.lon! <= 75 && e.lat! >= 29 && e.lat! <= 38);
    expect(afghanistan.events).toBeGreaterThanOrEqual(inBox.length);
    expect(afghanistan.clusters.every((c) => c.west > 40 && c.east < 95)).toBe(true);
    const bombs = await get<{ events: number }>(
      `/api/map?zoom=2&type=${encodeURIComponent("Explosions/Remote violence")}`,
    );
    expect(bombs.events).toBe(withCoords().filter((e) => e.eventType === "Explosions/Remote violence").length);
  });

  test("refuses bad zooms and bounds", async () => {
    const zoom = await f.app.inject({ url: "/api/map?zoom=40" });
    expect(zoom.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "zoom" });
    const bounds = await f.app.inject({ url: "/api/map?bounds=1,2,3" });
    expect(bounds.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "bounds" });
  });
});

describe("GET /api/meta and /api/actors", () => {
  test("counts, date range and the ACLED types for the pickers", async () => {
    const meta = await get<{
      counts: { events: number };
      dateRange: { from: string; to: string };
      eventTypes: { name: string; subEventTypes: { name: string }[] }[];
    }>("/api/meta");
    expect(meta.counts.events).toBe(all.length);
    const dates = all
      .map((e) => e.dateStart)
      .filter((d): d is string => d !== null)
      .sort();
    expect(meta.dateRange).toEqual({ from: dates[0], to: dates.at(-1) });
    expect(meta.eventTypes.map((t) => t.name)).toEqual([
      "Battles",
      "Explosions/Remote violence",
      "Violence against civilians",
      "Protests",
      "Riots",
      "Strategic developments",
    ]);
    expect(meta.eventTypes[1]!.subEventTypes.map((s) => s.name)).toContain("Suicide bomb");
    const actors = await get<{ actors: { name: string; events: number }[] }>("/api/actors?prefix=");
    const names = new Set(all.flatMap((e) => e.actors.map((a) => a.name.toLowerCase())));
    expect(actors.actors.every((a) => names.has(a.name.toLowerCase()))).toBe(true);
  });
});
