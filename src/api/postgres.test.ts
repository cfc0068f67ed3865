import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FastifyInstance } from "fastify";
import type { AggregateBucket } from "../query/types.js";
import { PostgresStore } from "../store/postgres/postgres-store.js";
import type { StoredEvent } from "../store/store.js";
import type { MapCluster } from "./map-clusters.js";
import { buildServer } from "./server.js";
import { createTestDatabase, pgSkipReason, pgUrl, type TestDatabase } from "../../test/pg.js";
import { bearer, ingestFixture } from "../../test/fixtures/api/fixture.js";

const url = pgUrl();

/** The API on PostgreSQL: the same answers as on SQLite, through the store's PostgreSQL SQL. */
describe.skipIf(!url)(`the API on PostgreSQL${url ? "" : ` (skipped: ${pgSkipReason()})`}`, () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let app: FastifyInstance;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase(url as string, "sitrep_api");
    store = await PostgresStore.open(await db.newSchema());
    await ingestFixture(store);
    editor = (await store.createToken("pg-editor", "editor")).token;
    app = await buildServer(store, { webRoot: "/nonexistent", facts: { checkEveryMs: 0, minReloadMs: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.drop();
  });

  const get = async <T>(path: string): Promise<T> => {
    const r = await app.inject({ url: path });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as T;
  };

  test("events, map and timeline agree with each other and with the store's aggregates", async () => {
    const af = await get<{ total: number; events: StoredEvent[] }>("/api/events?country=Afghanistan&limit=100");
    expect(af.total).toBeGreaterThan(0);
    expect(af.events.every((e) => e.countryCode === "AF")).toBe(true);
    const map = await get<{ events: number; clusters: MapCluster[] }>("/api/map?zoom=3&country=AF");
    expect(map.events).toBe(af.events.filter((e) => e.lat !== null).length);
    const timeline = await get<{ buckets: AggregateBucket[] }>("/api/timeline?country=AF&interval=day");
    expect(timeline.buckets.filter((b) => b.events > 0)).toEqual(
      await store.aggregate({ filter: { countryCodes: ["AF"] }, groupBy: "day" }),
    );
    const text = await get<{ total: number }>("/api/events?text=mosque");
    expect(text.total).toBeGreaterThan(0);
  });

  test("a correction is stored, audited and shown on the map", async () => {
    const [kandahar] = (await get<{ events: StoredEvent[] }>("/api/events?admin1=Kandahar&subType=Suicide%20bomb"))
      .events;
    const r = await app.inject({
      method: "POST",
      url: `/api/events/${kandahar!.id}/corrections`,
      headers: { "content-type": "application/json", ...bearer(editor) },
      payload: JSON.stringify({
        field: "killed",
        value: { low: 41, best: 47, high: 47 },
        expectedVersion: kandahar!.version,
      }),
    });
    expect(r.statusCode, r.body).toBe(200);
    const map = await get<{ clusters: MapCluster[] }>("/api/map?zoom=10&admin1=Kandahar&subType=Suicide%20bomb");
    expect(map.clusters[0]).toMatchObject({ id: kandahar!.id, killedBest: 47 });
    const audit = await get<{ entries: { action: string; actor: string }[] }>(`/api/audit?event=${kandahar!.id}`);
    expect(audit.entries[0]).toMatchObject({ action: "correct", actor: "token:pg-editor" });
  });
});
