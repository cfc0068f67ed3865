import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ingestArticles } from "../../ingest/pipeline.js";
import type { AggregateBucket } from "../../query/types.js";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import type { StoredEvent } from "../../store/store.js";
import { buildServer } from "../server.js";
import type { MapCluster } from "../map-clusters.js";
import type { EventFilter } from "../../query/types.js";
import { bearer, frozenArticles, openFixture, type Fixture } from "../../../test/fixtures/api/fixture.js";
import { FactsCache } from "./facts-cache.js";
import { selectPositions, splitFilter } from "./memory-filter.js";
import { FactsSnapshot } from "./snapshot.js";

const json = async <T>(f: Fixture, url: string): Promise<T> => {
  const r = await f.app.inject({ url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};

describe("the in-memory map and timeline agree with the store's own queries", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture();
  });
  afterAll(() => f.close());

  test.each([
    ["", "month"],
    ["country=AF", "day"],
    ["type=Battles", "year"],
    ["minKilled=1", "week"],
    ["text=guerrillas", "month"],
  ] as const)("timeline of %s per %s equals store.aggregate", async (query, interval) => {
    const t = await json<{ from: string; to: string; buckets: AggregateBucket[] }>(
      f,
      `/api/timeline?interval=${interval}&${query}`,
    );
    const params = new URLSearchParams(query);
    const filter = {
      ...(params.get("country") ? { countryCodes: [params.get("country")!] } : {}),
      ...(params.get("type") ? { eventTypes: [params.get("type")!] } : {}),
      ...(params.get("minKilled") ? { minKilled: Number(params.get("minKilled")) } : {}),
      ...(params.get("text") ? { text: params.get("text")! } : {}),
    };
    const sql = await f.store.aggregate({ filter, groupBy: interval });
    expect(sql.length).toBeGreaterThan(0);
    expect(t.buckets.filter((b) => b.events > 0)).toEqual(sql);
  });

  test.each([
    ["date", "desc"],
    ["date", "asc"],
    ["killed", "desc"],
    ["killed", "asc"],
    ["injured", "desc"],
    ["injured", "asc"],
    ["id", "asc"],
  ] as const)("the table ordered by %s %s in memory is the store's order, page by page", async (sort, order) => {
    for (const query of ["", "country=CO", "text=attack", "minKilled=0"]) {
      const api: number[] = [];
      for (let offset = 0; offset < 40; offset += 6) {
        const page = await json<{ events: StoredEvent[] }>(
          f,
          `/api/events?sort=${sort}&order=${order}&limit=6&offset=${offset}&${query}`,
        );
        api.push(...page.events.map((e) => e.id));
      }
      const params = new URLSearchParams(query);
      const filter = {
        ...(params.get("country") ? { countryCodes: [params.get("country")!] } : {}),
        ...(params.get("text") ? { text: params.get("text")! } : {}),
        ...(params.get("minKilled") ? { minKilled: Number(params.get("minKilled")) } : {}),
      };
      const sql = await f.store.queryEvents({ filter, sort: { field: sort, direction: order }, limit: 40 });
      expect(api, `${sort} ${order} ${query}`).toEqual(sql.events.map((e) => e.id));
    }
  });

  test("map clusters hold exactly the located events of the filter", async () => {
    for (const query of ["", "country=CO", "text=mosque", "minKilled=1"]) {
      const m = await json<{ events: number; clusters: MapCluster[] }>(f, `/api/map?zoom=3&${query}`);
      const page = await json<{ events: StoredEvent[] }>(f, `/api/events?limit=1000&${query}`);
      const located = page.events.filter((e) => e.lat !== null && e.lon !== null);
      expect(m.events).toBe(located.length);
      expect(m.clusters.filter((c) => c.id !== null).every((c) => located.some((e) => e.id === c.id))).toBe(true);
    }
  });
});

describe("the filters the snapshot answers by itself select what the store's SQL selects", () => {
  let f: Fixture;
  let snapshot: FactsSnapshot;
  beforeAll(async () => {
    f = await openFixture();
    snapshot = new FactsSnapshot(await f.store.eventFacts());
  });
  afterAll(() => f.close());

  const filters: EventFilter[] = [
    { countryCodes: ["af"] },
    { countryCodes: ["AF", "CO", "XX"] },
    { eventTypes: ["Battles", "Riots"] },
    { subEventTypes: ["Suicide bomb", "Grenade"] },
    { since: "2021-10-09" },
    { since: "1989-06-15", until: "1989-06-20" },
    { until: "1989-12-31" },
    { since: "1990-01-03", until: "1990-01-03" },
    { minKilled: 0 },
    { minKilled: 3 },
    { minKilled: 41 },
    { datasets: ["sitrep"] },
    { datasets: ["acled"] },
    { roles: ["background"] },
    { ids: [1, 2, 5, 999] },
    { idAfter: 10 },
    { bbox: { west: -80, south: 0, east: -70, north: 15 } },
    { bbox: { west: 170, south: -90, east: 70, north: 90 } },
    {
      countryCodes: ["AF"],
      since: "2021-01-01",
      minKilled: 1,
      eventTypes: ["Explosions/Remote violence", "Violence against civilians"],
    },
  ];

  test.each(filters.map((x) => [JSON.stringify(x), x] as const))("%s", async (_name, filter) => {
    expect(splitFilter(filter).store).toEqual({});
    const mine = selectPositions(snapshot, snapshot.allPositions(), filter);
    const ids = Array.from(mine, (p) => snapshot.ids[p]).sort((a, b) => a! - b!);
    expect(ids).toEqual(Array.from(await f.store.eventIds(filter)));
  });

  test("the rest of a filter goes to the store, and both parts together select what the store selects", async () => {
    const filter: EventFilter = {
      countryCodes: ["AF"],
      actors: ["Islamic State"],
      actorRoles: ["claimant"],
      text: "mosque",
      minKilled: 1,
    };
    const { memory, store } = splitFilter(filter);
    expect(store).toEqual({ actors: ["Islamic State"], actorRoles: ["claimant"], text: "mosque" });
    expect(memory).toEqual({ countryCodes: ["AF"], minKilled: 1 });
    expect(splitFilter({ actorRoles: ["victim"] }).store).toEqual({});
    const view = await new FactsCache(f.store).view(filter);
    expect(Array.from(view.positions, (p) => view.snapshot.ids[p]).sort()).toEqual(
      Array.from(await f.store.eventIds(filter)),
    );
    expect(view.total).toBeGreaterThan(0);
  });
});

describe("freshness", () => {
  test("a correction made through this server is on the map at once", async () => {
    // Long intervals: only the patch made by the correction itself can show the change.
    const f = await openFixture({ facts: { checkEveryMs: 3_600_000, minReloadMs: 3_600_000 } });
    try {
      const [kandahar] = (
        await json<{ events: StoredEvent[] }>(f, "/api/events?admin1=Kandahar&subType=Suicide%20bomb")
      ).events;
      const before = await json<{ clusters: MapCluster[] }>(
        f,
        "/api/map?zoom=10&admin1=Kandahar&subType=Suicide%20bomb",
      );
      expect(before.clusters[0]).toMatchObject({ id: kandahar!.id, killedBest: kandahar!.killed.best });
      const r = await f.app.inject({
        method: "POST",
        url: `/api/events/${kandahar!.id}/corrections`,
        headers: { "content-type": "application/json", ...bearer(f.editor) },
        payload: JSON.stringify({ field: "killed", value: { low: 41, best: 60, high: 60 } }),
      });
      expect(r.statusCode).toBe(200);
      const after = await json<{ clusters: MapCluster[] }>(
        f,
        "/api/map?zoom=10&admin1=Kandahar&subType=Suicide%20bomb",
      );
      expect(after.clusters[0]).toMatchObject({ id: kandahar!.id, killedBest: 60 });
      const moved = await f.app.inject({
        method: "POST",
        url: `/api/events/${kandahar!.id}/corrections`,
        headers: { "content-type": "application/json", ...bearer(f.editor) },
        payload: JSON.stringify({ field: "lat", value: 10 }),
      });
      expect(moved.statusCode).toBe(200);
      const world = await json<{ clusters: MapCluster[] }>(f, "/api/map?zoom=10&bounds=64,30,67,33");
      expect(world.clusters.some((c) => c.id === kandahar!.id)).toBe(false);
    } finally {
      await f.close();
    }
  });

  test("articles another process ingests reach the map and timeline once the store's change token moves", async () => {
    const f = await openFixture({ facts: { checkEveryMs: 0, minReloadMs: 0 } });
    const other = SqliteStore.open(f.file);
    try {
      const before = await json<{ events: number }>(f, "/api/map?zoom=2&country=NG");
      const timelineBefore = await json<{ buckets: AggregateBucket[] }>(f, "/api/timeline?country=NG&interval=year");
      const source = frozenArticles().find((a) => a.input.id === "maiduguri-2021-09-12")!;
      const copy = {
        ...source.input,
        id: "maiduguri-again",
        raw: `${source.input.raw}\n\nA second raid was reported nearby the next week.`,
      };
      const records = source.records.map((r) =>
        r.date ? { ...r, date: { ...r.date, start: "2021-09-25", end: "2021-09-25" } } : r,
      );
      const summary = await ingestArticles(other, [{ article: copy }], {
        extractRecords: () => ({ records, hash: "maiduguri-again", normalisedText: copy.raw }),
      });
      expect(summary.newEvents).toBeGreaterThan(0);
      const after = await json<{ events: number }>(f, "/api/map?zoom=2&country=NG");
      expect(after.events).toBe(before.events + summary.newEvents);
      const timelineAfter = await json<{ buckets: AggregateBucket[] }>(f, "/api/timeline?country=NG&interval=year");
      const sum = (b: AggregateBucket[]) => b.reduce((n, x) => n + x.events, 0);
      expect(sum(timelineAfter.buckets)).toBe(sum(timelineBefore.buckets) + summary.newEvents);
    } finally {
      await other.close();
      await f.close();
    }
  });

  test("a server started on an empty database shows events ingested later", async () => {
    const f = await openFixture();
    const empty = SqliteStore.open(`${f.file}-empty.db`);
    const app = await buildServer(empty, { facts: { checkEveryMs: 0, minReloadMs: 0 } });
    try {
      expect((await app.inject({ url: "/api/map?zoom=2" })).json()).toMatchObject({ events: 0, clusters: [] });
      const source = frozenArticles()[0]!;
      await ingestArticles(empty, [{ article: source.input }], {
        extractRecords: () => ({ records: source.records, hash: source.hash, normalisedText: source.normalisedText }),
      });
      expect(((await app.inject({ url: "/api/map?zoom=2" })).json() as { events: number }).events).toBeGreaterThan(0);
    } finally {
      await app.close();
      await empty.close();
      await f.close();
    }
  });
});
