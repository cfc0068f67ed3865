import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StoredEvent } from "../store/store.js";
import { openFixture, type Fixture } from "../../test/fixtures/api/fixture.js";

let f: Fixture;
let all: StoredEvent[];
beforeAll(async () => {
  f = await openFixture();
  all = ((await f.app.inject({ url: "/api/events?limit=1000" })).json() as { events: StoredEvent[] }).events;
});
afterAll(() => f.close());

const get = (url: string) => f.app.inject({ url });

describe("analytic questions", () => {
  test("the n-th event matching a condition since a date, and the rank of an event", async () => {
    const since = "2021-01-01";
    const expected = all
      .filter((e) => e.dateStart !== null && e.dateStart >= since && (e.killed.low ?? 0) >= 1)
      .sort((a, b) => (a.dateStart! < b.dateStart! ? -1 : a.dateStart! > b.dateStart! ? 1 : a.id - b.id));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const r = await get(`/api/questions/nth-event?since=${since}&minKilled=1&n=2`);
    expect(r.statusCode, r.body).toBe(200);
    const answer = r.json() as {
      total: number;
      nth: { ordinal: number; event: StoredEvent };
      events: { ordinal: number; event: StoredEvent }[];
    };
    expect(answer.total).toBe(expected.length);
    expect(answer.events.map((x) => x.event.dateStart)).toEqual(expected.map((e) => e.dateStart));
    expect(answer.nth.ordinal).toBe(2);
    expect(answer.nth.event.dateStart).toBe(expected[1]!.dateStart);
    const last = expected.at(-1)!;
    const rank = (await get(`/api/questions/nth-event?since=${since}&minKilled=1&eventId=${last.id}`)).json() as {
      ordinal: number;
    };
    expect(rank.ordinal).toBe(expected.length);
    // The mass-casualty threshold is the default condition.
    const mass = (await get(`/api/questions/nth-event?since=${since}`)).json() as { minKilled: number; total: number };
    expect(mass.minKilled).toBe(10);
    expect(mass.total).toBe(all.filter((e) => e.dateStart && e.dateStart >= since && (e.killed.low ?? 0) >= 10).length);
  });

  test("the first event of an actor in a place, and an actor's events over time", async () => {
    const withActor = all.find((e) => e.actors.some((a) => a.role === "perpetrator") && e.countryCode);
    const actor = withActor?.actors.find((a) => a.role === "perpetrator")?.name ?? "Islamic State Khorasan Province";
    const country = withActor?.countryCode ?? "AF";
    const r = await get(`/api/questions/first-event?actor=${encodeURIComponent(actor)}&country=${country}`);
    expect(r.statusCode, r.body).toBe(200);
    const answer = r.json() as { first: StoredEvent | null; total: number };
    const theirs = all.filter(
      (e) =>
        e.countryCode === country &&
        e.actors.some((a) => a.name === actor && (a.role === "perpetrator" || a.role === "claimant")),
    );
    expect(answer.total).toBe(theirs.length);
    if (theirs.length) expect(answer.first?.dateStart).toBe(theirs.map((e) => e.dateStart).sort()[0]);
    else expect(answer.first).toBeNull();
    const timeline = await get(`/api/questions/actor-timeline?actor=${encodeURIComponent(actor)}&by=year`);
    expect(timeline.statusCode).toBe(200);
    expect(
      (timeline.json() as { buckets: { events: number }[] }).buckets.reduce((n, b) => n + b.events, 0),
    ).toBeGreaterThanOrEqual(theirs.length);
  });

  test("is the Kandahar bombing the first Islamic State attack in Afghanistan? (no: Kunduz came a week before)", async () => {
    const kandahar = all.find((e) => e.admin1 === "Kandahar" && e.subEventType === "Suicide bomb")!;
    const kunduz = all.find((e) => e.admin1 === "Kunduz")!;
    const r = await get(`/api/questions/first-event?actor=Islamic%20State&country=Afghanistan&eventId=${kandahar.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const answer = r.json() as { first: StoredEvent; total: number; isFirst: boolean; earlier: StoredEvent[] };
    expect(answer.first.id).toBe(kunduz.id);
    expect(answer.isFirst).toBe(false);
    expect(answer.earlier.map((e) => e.id)).toEqual([kunduz.id]);
    const inKandahar = (
      await get(`/api/questions/first-event?actor=IS-K&admin1=Kandahar&eventId=${kandahar.id}`)
    ).json() as { isFirst: boolean; total: number };
    expect(inKandahar).toMatchObject({ isFirst: true, total: 1 });
  });

  test("questions refuse what they cannot answer", async () => {
    const nowhere = await get("/api/questions/first-event?actor=Taliban");
    expect(nowhere.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "country" });
    const noActor = await get("/api/questions/first-event?country=AF");
    expect(noActor.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "actor" });
    const noSince = await get("/api/questions/nth-event?n=4");
    expect(noSince.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "since" });
    const zeroth = await get("/api/questions/nth-event?since=2021-01-01&n=0");
    expect(zeroth.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "n" });
  });
});

describe("GET /api/export", () => {
  test("JSONL: one full record a line, with reports and evidence, for the filter", async () => {
    const r = await get("/api/export?format=jsonl&country=AF");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/application\/x-ndjson/);
    expect(r.headers["content-disposition"]).toMatch(/attachment; filename="sitrep-events-\d{4}-\d{2}-\d{2}\.jsonl"/);
    const lines = r.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { event: StoredEvent; reports: unknown[] });
    expect(lines.map((l) => l.event.id).sort()).toEqual(
      all
        .filter((e) => e.countryCode === "AF")
        .map((e) => e.id)
        .sort(),
    );
    expect(lines.every((l) => l.reports.length > 0)).toBe(true);
  });

  test("ACLED CSV and GeoJSON", async () => {
    const csv = await get("/api/export?format=acled-csv");
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    const rows = csv.body.trim().split("\n");
    expect(rows[0]).toMatch(/event_id_cnty/);
    expect(rows.length).toBe(all.length + 1);
    const geo = await get("/api/export?format=geojson");
    expect(geo.headers["content-type"]).toMatch(/application\/geo\+json/);
    const fc = geo.json() as { type: string; features: { geometry: { coordinates: number[] }; id: number }[] };
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.length).toBe(all.filter((e) => e.lat !== null).length);
    const k = all.find((e) => e.lat !== null)!;
    expect(fc.features.find((x) => x.id === k.id)?.geometry.coordinates).toEqual([k.lon, k.lat]);
  });

  test("a bad format or filter is refused before the download starts", async () => {
    const format = await get("/api/export?format=xlsx");
    expect(format.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "format" });
    const country = await get("/api/export?country=Narnia");
    expect(country.json()).toMatchObject({ statusCode: 400, code: "E_VALIDATION", field: "country" });
  });
});
