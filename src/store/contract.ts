/**
 * The Store contract: one suite of tests, registered for each implementation by its own test file
 * (sqlite/sqlite.test.ts, postgres/postgres.test.ts) with a factory that gives an empty store.
 * Everything here must hold for both databases.
 */
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleInput } from "../core/article.js";
import type { EventRecord } from "../core/record.js";
import { importCsv, importFile } from "../import/import.js";
import { ingestArticles } from "../ingest/pipeline.js";
import type { ReadItem } from "../ingest/reader.js";
import { actorTimeline, eventsSince, firstEventOf } from "../query/analytics.js";
import { resolveFilter } from "../query/filters.js";
import { correctEvent, mergeEvents, splitEvent } from "../resolve/decisions.js";
import { buildArticle } from "../text/article.js";
import {
  AIRPORT_1,
  AIRPORT_2,
  AIRPORT_3,
  KANDAHAR_WIRE,
  SEED,
  SEED_COPY,
  airportRecord,
  input,
  kandaharFromSeed,
  kandaharFromWire,
  kunduzBackground,
} from "../../test/fixtures/db/articles.js";
import type { Store } from "./store.js";

export const ISK_FIXTURE = fileURLToPath(new URL("../../test/fixtures/db/isk-2021.acled.csv", import.meta.url));

/** Ingests articles with the records given for them (the extractor's output, built by hand). */
export function ingestWith(
  store: Store,
  items: readonly { input: ArticleInput; records: readonly EventRecord[] }[],
  batchSize = 50,
) {
  const byId = new Map(items.map((i) => [i.input.id, i.records]));
  return ingestArticles(
    store,
    items.map((i): ReadItem => ({ article: i.input })),
    {
      batchSize,
      extractRecords: (inp) => {
        const a = buildArticle(inp);
        return { records: byId.get(inp.id) ?? [], hash: a.hash, normalisedText: a.text };
      },
    },
  );
}

const seedItem = () => ({
  input: input("seed.txt", SEED, "France 24"),
  records: [kandaharFromSeed(SEED), kunduzBackground(SEED)],
});
const copyItem = () => ({
  input: input("copy.txt", SEED_COPY, "Arab News"),
  records: [kandaharFromSeed(SEED_COPY), kunduzBackground(SEED_COPY)],
});
const wireItem = () => ({
  input: input("wire.txt", KANDAHAR_WIRE, "Reuters"),
  records: [kandaharFromWire(KANDAHAR_WIRE)],
});

export function storeContract(name: string, factory: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    describe("resolution across articles", () => {
      it("makes one event with three reports and two sources of one attack told by three articles, one a syndicated copy", async () => {
        const summary = await ingestWith(store, [seedItem(), copyItem(), wireItem()]);
        expect(summary.stored).toBe(3);
        expect(summary.copies).toBe(1);
        const page = await store.queryEvents({ filter: { place: ["Kandahar"] } });
        expect(page.total).toBe(1);
        const kandahar = page.events[0]!;
        expect(kandahar.reportCount).toBe(3);
        expect(kandahar.articleCount).toBe(3);
        expect(kandahar.sourceCount).toBe(2);
        expect(kandahar.subEventType).toBe("Suicide bomb");
        expect(kandahar.dateStart).toBe("2021-10-15");
        // "dozens" (24) from the early wire is the lowest credible figure; 41 from the health directorate the best.
        expect(kandahar.killed).toEqual({ low: 24, best: 41, high: 41 });
        expect(kandahar.actors.map((a) => a.name)).toContain("Islamic State Khorasan Province");

        // Every report keeps its evidence, and the offsets point at the words in the stored text.
        const detail = (await store.getEvent(kandahar.id))!;
        expect(detail.reports).toHaveLength(3);
        for (const r of detail.reports) {
          const article = (await store.getArticle(r.articleId!))!;
          const k = r.record.killed!;
          expect(article.text.slice(k.start, k.end)).toBe(k.text);
          expect(article.text.slice(r.record.evidence.start, r.record.evidence.end)).toBe(r.record.evidence.text);
        }
        // The Kunduz attack both copies recall is one background event, not two.
        const kunduz = await store.queryEvents({ filter: { place: ["Kunduz"] } });
        expect(kunduz.total).toBe(1);
        expect(kunduz.events[0]!.role).toBe("background");
        expect(kunduz.events[0]!.reportCount).toBe(2);
        expect(kunduz.events[0]!.sourceCount).toBe(1);
      });

      it("reconciles a toll that rises over a day into low/best/high and keeps its history", async () => {
        await ingestWith(store, [
          {
            input: input("a1.txt", AIRPORT_1, "Reuters"),
            records: [airportRecord(AIRPORT_1, "at least 13 people", 13)],
          },
          { input: input("a2.txt", AIRPORT_2, "AP"), records: [airportRecord(AIRPORT_2, "At least 73 people", 73)] },
          { input: input("a3.txt", AIRPORT_3, "AP"), records: [airportRecord(AIRPORT_3, "rose to 182", 182)] },
        ]);
        const { events, total } = await store.queryEvents({ filter: { countryCodes: ["AF"] } });
        expect(total).toBe(1);
        const e = events[0]!;
        expect(e.killed).toEqual({ low: 13, best: 182, high: 182 });
        const detail = (await store.getEvent(e.id))!;
        const history = detail.figureHistory.filter((f) => f.kind === "killed");
        expect(history.map((f) => [f.asOf, f.best])).toEqual([
          ["2021-08-26", 13],
          ["2021-08-26", 73],
          ["2021-08-27", 182],
        ]);
        expect(history.map((f) => f.text)).toEqual(["at least 13 people", "At least 73 people", "rose to 182"]);
      });

      it("attaches a background mention to the event it recalls, and keeps the reported event apart", async () => {
        await importFile(store, ISK_FIXTURE);
        const before = await store.counts();
        await ingestWith(store, [seedItem()]);
        const after = await store.counts();
        expect(after.events).toBe(before.events);
        const kunduz = (await store.queryEvents({ filter: { place: ["Kunduz"] } })).events;
        expect(kunduz).toHaveLength(1);
        expect(kunduz[0]!.originalId).toBe("FX-AFG-1008");
        expect(kunduz[0]!.reportCount).toBe(2);
        const reports = (await store.getEvent(kunduz[0]!.id))!.reports;
        expect(reports.map((r) => [r.origin, r.record.role])).toEqual([
          ["import", "reported"],
          ["article", "background"],
        ]);
        expect(kunduz[0]!.role).toBe("reported");
      });

      it("makes an imported ACLED row and a later article about it one event", async () => {
        await importFile(store, ISK_FIXTURE);
        await ingestWith(store, [wireItem()]);
        const kandahar = (await store.queryEvents({ filter: { place: ["Kandahar"] } })).events;
        expect(kandahar).toHaveLength(1);
        expect(kandahar[0]!.dataset).toBe("acled");
        expect(kandahar[0]!.originalId).toBe("FX-AFG-1015");
        expect(kandahar[0]!.reportCount).toBe(2);
        // The curated ACLED figure stays the best; the wire's "dozens" is the lowest credible one.
        expect(kandahar[0]!.killed).toEqual({ low: 24, best: 41, high: 41 });
      });

      it("makes an article stored before the import and the dataset's row one event", async () => {
        await ingestWith(store, [wireItem()]);
        const summary = await importFile(store, ISK_FIXTURE);
        expect(summary.matched).toBe(1);
        const kandahar = (await store.queryEvents({ filter: { place: ["Kandahar"] } })).events;
        expect(kandahar).toHaveLength(1);
        expect(kandahar[0]!.reportCount).toBe(2);
      });

      it("keeps apart attacks by the same group in two towns on the same day", async () => {
        await ingestWith(store, [seedItem()]);
        const wire = kandaharFromWire(KANDAHAR_WIRE);
        const elsewhere = {
          ...wire,
          location: { ...wire.location!, name: "Kunduz", admin1: "Kunduz", lat: 36.7286, lon: 68.8681 },
        };
        await ingestWith(store, [{ input: input("wire.txt", KANDAHAR_WIRE, "Reuters"), records: [elsewhere] }]);
        const kunduz = (
          await store.queryEvents({ filter: { place: ["Kunduz"] }, sort: { field: "id", direction: "asc" } })
        ).events;
        // The background Kunduz event of 4-10 October and the new one of 15 October are two events.
        expect(kunduz.map((e) => [e.dateStart, e.reportCount])).toEqual([
          ["2021-10-04", 1],
          ["2021-10-15", 1],
        ]);
      });
    });

    describe("idempotent ingest", () => {
      it("stores an article once however often it is ingested, and leaves counts unchanged", async () => {
        await ingestWith(store, [seedItem(), wireItem()]);
        const first = await store.counts();
        const again = await ingestWith(store, [seedItem(), wireItem()]);
        expect(again.duplicates).toBe(2);
        expect(again.stored).toBe(0);
        expect(await store.counts()).toEqual(first);
      });

      it("imports a dataset once however often it is imported", async () => {
        const one = await importFile(store, ISK_FIXTURE);
        expect(one.imported).toBe(7);
        const counts = await store.counts();
        const two = await importFile(store, ISK_FIXTURE);
        expect(two.imported).toBe(0);
        expect(two.unchanged).toBe(7);
        expect(await store.counts()).toEqual(counts);
      });

      it("keeps what a batch stored when a later row is bad, and reports the row by line", async () => {
        const csv = [
          "event_id_cnty,event_date,event_type,sub_event_type,country,fatalities,latitude,longitude",
          "T-1,2021-10-15,Battles,Armed clash,Afghanistan,3,31.6,65.7",
          "T-2,2021-13-45,Battles,Armed clash,Afghanistan,3,31.6,65.7",
          'T-3,2021-10-16,Battles,"Armed clash"x,Afghanistan,1,31.6,65.7',
          "T-4,2021-10-17,Battles,Armed clash,Afghanistan,many,31.6,65.7",
          "T-5,2021-10-18,Battles,Armed clash,Afghanistan,0,31.6,65.7",
        ].join("\n");
        const s = await importCsv(store, [csv], "bad.csv");
        expect(s.imported).toBe(2);
        expect(s.problems.map((p) => [p.code, p.where.line, p.where.field])).toEqual([
          ["E_CSV_ROW", 3, "event_date"],
          ["E_CSV_ROW", 4, undefined],
          ["E_CSV_ROW", 5, "fatalities"],
        ]);
      });
    });

    describe("transactions", () => {
      it("writes nothing of a transaction that fails", async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.sourceId("Agence France-Presse");
            throw new Error("interrupted");
          }),
        ).rejects.toMatchObject({ code: "E_STORE_WRITE" });
        expect((await store.counts()).sources).toBe(0);
      });
    });

    describe("queries on the IS-K fixture", () => {
      beforeEach(async () => {
        await importFile(store, ISK_FIXTURE);
      });

      it("filters by country name or code, admin1, type, actor alias, victim type, minimum killed and source", async () => {
        const q = async (f: Parameters<typeof resolveFilter>[0]) =>
          (await store.queryEvents({ filter: resolveFilter(f), sort: { field: "date", direction: "asc" } })).events.map(
            (e) => e.originalId,
          );
        expect(await q({ countries: ["Pakistan"] })).toEqual(["FX-PAK-0304"]);
        expect(await q({ countries: ["AF"], admin1: ["kabul"] })).toEqual([
          "FX-AFG-0815",
          "FX-AFG-0826",
          "FX-AFG-1003",
          "FX-AFG-1102",
        ]);
        expect(await q({ subEventTypes: ["Non-violent transfer of territory"] })).toEqual(["FX-AFG-0815"]);
        expect(await q({ actors: ["ISKP"], countries: ["Afghanistan"], minKilled: 50 })).toEqual([
          "FX-AFG-0826",
          "FX-AFG-1008",
        ]);
        expect(await q({ actors: ["Taliban"] })).toEqual(["FX-AFG-0815"]);
        expect(await q({ victimTypes: ["civilians"], since: "2022-01-01" })).toEqual(["FX-PAK-0304"]);
        expect(await q({ sources: ["us department of defense"] })).toEqual(["FX-AFG-0826"]);
        expect(await q({ since: "2021-10-08", until: "2021-10-15" })).toEqual(["FX-AFG-1008", "FX-AFG-1015"]);
      });

      it("finds events within a radius and in a bounding box", async () => {
        const near = await store.queryEvents({ filter: { near: { lat: 34.53, lon: 69.17, radiusKm: 10 } } });
        expect(near.total).toBe(4);
        const box = await store.mapPoints({ filter: { bbox: { west: 60, south: 29, east: 70, north: 33 } } });
        expect(box.map((p) => p.id)).toHaveLength(1);
        expect(box[0]!.subEventType).toBe("Suicide bomb");
        // A box whose west edge is east of its east edge wraps round the antimeridian: all but 65-66°E.
        const wrapped = await store.mapPoints({ filter: { bbox: { west: 66, south: 0, east: 65, north: 60 } } });
        expect(wrapped).toHaveLength(6);
        expect(wrapped.map((p) => p.lon)).not.toContain(65.7101);
      });

      it("searches the text of notes and articles", async () => {
        const found = await store.queryEvents({ filter: { text: "mosques Shiite" } });
        expect(found.events.map((e) => e.originalId).sort()).toEqual(["FX-AFG-1008", "FX-AFG-1015", "FX-PAK-0304"]);
        expect(found.total).toBe(3);
        // A page of a text search counts every match, however small the page and wherever it starts.
        const byDate = { filter: { text: "mosques Shiite" }, sort: { field: "date", direction: "asc" } } as const;
        const second = await store.queryEvents({ ...byDate, limit: 1, offset: 1 });
        expect(second.events.map((e) => e.originalId)).toEqual(["FX-AFG-1015"]);
        expect(second.total).toBe(3);
        const past = await store.queryEvents({ ...byDate, limit: 2, offset: 5 });
        expect(past.events).toEqual([]);
        expect(past.total).toBe(3);
        // Newest first, page by page: the same events in the same order as one page of them all
        // (small pages are read off the date index, a page of all by sorting the matches).
        const newest = found.events.map((e) => e.id);
        for (let offset = 0; offset < 4; offset++) {
          const one = await store.queryEvents({ filter: { text: "mosques Shiite" }, limit: 1, offset });
          expect(one.events.map((e) => e.id)).toEqual(newest.slice(offset, offset + 1));
          expect(one.total).toBe(3);
        }
        const none = await store.queryEvents({ filter: { text: "mosques Shiite zebra" }, limit: 1 });
        expect(none).toEqual({ events: [], total: 0 });
        const slashed = `${KANDAHAR_WIRE}\n\nPolice said the bombers wore vests packed with ball-bearings/shrapnel.`;
        await ingestWith(store, [
          { input: input("wire.txt", slashed, "Reuters"), records: [kandaharFromWire(slashed)] },
        ]);
        const wire = await store.queryEvents({ filter: { text: "special forces deployed" } });
        expect(wire.events.map((e) => e.originalId)).toEqual(["FX-AFG-1015"]);
        // A slash separates words in both databases, as in "Shelling/artillery/missile attack".
        const slash = await store.queryEvents({ filter: { text: "shrapnel" } });
        expect(slash.events.map((e) => e.originalId)).toEqual(["FX-AFG-1015"]);
      });

      it("sorts and pages without overlap", async () => {
        const all = await store.queryEvents({ sort: { field: "killed", direction: "desc" } });
        expect(all.events.map((e) => e.killed.best)).toEqual([183, 61, 56, 41, 19, 5, 0]);
        const p1 = await store.queryEvents({ sort: { field: "date", direction: "desc" }, limit: 3 });
        const p2 = await store.queryEvents({ sort: { field: "date", direction: "desc" }, limit: 3, offset: 3 });
        expect(p1.total).toBe(7);
        expect(new Set([...p1.events, ...p2.events].map((e) => e.id)).size).toBe(6);
        expect(p1.events[0]!.originalId).toBe("FX-PAK-0304");
      });

      it("aggregates counts and fatalities by month, week, admin1, actor and type", async () => {
        const byMonth = await store.aggregate({ groupBy: "month", filter: { countryCodes: ["AF"] } });
        expect(byMonth.map((b) => [b.key, b.events, b.killedLow])).toEqual([
          ["2021-08-01", 2, 183],
          ["2021-10-01", 3, 107],
          ["2021-11-01", 1, 19],
        ]);
        const byWeek = await store.aggregate({ groupBy: "week", filter: { since: "2021-10-01", until: "2021-10-31" } });
        // 3 Oct 2021 was a Sunday: its ISO week began on Monday 27 September.
        expect(byWeek.map((b) => b.key)).toEqual(["2021-09-27", "2021-10-04", "2021-10-11"]);
        const byAdmin1 = await store.aggregate({ groupBy: "admin1", filter: { countryCodes: ["AF"] } });
        expect(byAdmin1[0]).toMatchObject({ key: "Kabul", events: 4, killedLow: 207 });
        const byActor = await store.aggregate({ groupBy: "actor" });
        expect(byActor.map((b) => [b.key, b.events])).toEqual([
          ["Islamic State Khorasan Province", 6],
          ["Taliban", 1],
        ]);
        const byType = await store.aggregate({ groupBy: "subEventType" });
        expect(byType[0]).toMatchObject({ key: "Suicide bomb", events: 5 });
      });

      it("answers: is the Kandahar bombing IS-K's first attack in Kandahar? (yes) and the hospital attack its first in Kabul? (no)", async () => {
        const id = async (orig: string) => (await store.queryEvents({})).events.find((e) => e.originalId === orig)!.id;
        const kandahar = await firstEventOf(store, {
          actor: "IS-K",
          place: { admin1: ["Kandahar"] },
          eventId: await id("FX-AFG-1015"),
        });
        expect(kandahar.isFirst).toBe(true);
        expect(kandahar.first?.originalId).toBe("FX-AFG-1015");
        const hospital = await firstEventOf(store, {
          actor: "ISKP",
          place: { admin1: ["Kabul"] },
          eventId: await id("FX-AFG-1102"),
        });
        expect(hospital.isFirst).toBe(false);
        expect(hospital.first?.originalId).toBe("FX-AFG-0826");
        expect(hospital.earlier.map((e) => e.originalId)).toEqual(["FX-AFG-0826", "FX-AFG-1003"]);
      });

      it("answers: which mass-casualty attack since 15 August 2021 was Kandahar? (third at 10 killed, fourth at 5)", async () => {
        const kandahar = (await store.queryEvents({ filter: { place: ["Kandahar"] } })).events[0]!;
        const at10 = await eventsSince(store, {
          since: "2021-08-15",
          filter: { countryCodes: ["AF"] },
          eventId: kandahar.id,
        });
        expect(at10.events.map((x) => x.event.originalId)).toEqual([
          "FX-AFG-0826",
          "FX-AFG-1008",
          "FX-AFG-1015",
          "FX-AFG-1102",
        ]);
        expect(at10.ordinal).toBe(3);
        const at5 = await eventsSince(store, {
          since: "2021-08-15",
          filter: { countryCodes: ["AF"] },
          minKilled: 5,
          eventId: kandahar.id,
        });
        expect(at5.ordinal).toBe(4);
      });

      it("answers: IS-K's attacks over time", async () => {
        const t = await actorTimeline(store, { actor: "Daesh Khorasan", by: "month" });
        expect(t.map((b) => [b.key, b.events])).toEqual([
          ["2021-08-01", 1],
          ["2021-10-01", 3],
          ["2021-11-01", 1],
          ["2022-03-01", 1],
        ]);
      });
    });

    describe("decisions", () => {
      /** Aggregates from the rollup equal aggregates counted from the events (a no-op role filter forces counting). */
      const rollupAgrees = async () => {
        for (const groupBy of ["month", "country", "admin1", "eventType"] as const) {
          const fast = await store.aggregate({ groupBy });
          const counted = await store.aggregate({ groupBy, filter: { roles: ["reported", "background"] } });
          expect(fast).toEqual(counted);
        }
        const all = await store.queryEvents({ limit: 1 });
        expect(all.total).toBe(
          (await store.queryEvents({ limit: 1, filter: { roles: ["reported", "background"] } })).total,
        );
      };

      it("keeps a corrected figure when new reports arrive, and logs who changed what", async () => {
        await importFile(store, ISK_FIXTURE);
        const kandahar = (await store.queryEvents({ filter: { place: ["Kandahar"] } })).events[0]!;
        await correctEvent(store, {
          eventId: kandahar.id,
          field: "killed",
          value: { low: 41, best: 47, high: 63 },
          by: "analyst",
          note: "later tolls",
        });
        await ingestWith(store, [wireItem()]);
        await rollupAgrees();
        const after = (await store.getEvent(kandahar.id))!;
        expect(after.event.reportCount).toBe(2);
        expect(after.event.killed).toEqual({ low: 41, best: 47, high: 63 });
        expect(after.event.corrected).toEqual(["killed"]);
        expect(after.decisions.map((d) => [d.kind, d.by])).toEqual([["correct", "analyst"]]);
        const log = await store.auditLog({ eventId: kandahar.id });
        expect(log[0]).toMatchObject({
          actor: "analyst",
          action: "correct",
          detail: { field: "killed", to: { low: 41, best: 47, high: 63 } },
        });
        await expect(
          correctEvent(store, { eventId: kandahar.id, field: "killed", value: { low: 5, best: 2, high: 1 }, by: "x" }),
        ).rejects.toMatchObject({
          code: "E_VALIDATION",
        });
        await expect(
          correctEvent(store, {
            eventId: kandahar.id,
            field: "place",
            value: "Kandahar city",
            by: "x",
            expectedVersion: 1,
          }),
        ).rejects.toMatchObject({ code: "E_CONFLICT" });
      });

      it("merges two events and splits a report off again, each surviving re-ingest", async () => {
        await ingestWith(store, [{ input: input("seed.txt", SEED, "France 24"), records: [kandaharFromSeed(SEED)] }]);
        // The wire report dated a day later and placed only in the province: too far apart to match.
        const wire = kandaharFromWire(KANDAHAR_WIRE);
        const vague = { ...wire, date: { ...wire.date!, start: "2021-10-17", end: "2021-10-17" } };
        await ingestWith(store, [{ input: input("wire.txt", KANDAHAR_WIRE, "Reuters"), records: [vague] }]);
        const two = (await store.queryEvents({ sort: { field: "id", direction: "asc" } })).events;
        expect(two).toHaveLength(2);
        const merged = await mergeEvents(store, { into: two[0]!.id, from: [two[1]!.id], by: "analyst" });
        expect(merged.reportCount).toBe(2);
        expect((await store.counts()).events).toBe(1);
        expect((await store.getEvent(two[1]!.id))!.mergedInto).toBe(two[0]!.id);
        await rollupAgrees();
        // A merged event is no longer found by text, nor counted.
        for (const limit of [1, 100]) {
          const found = await store.queryEvents({ filter: { text: "Kandahar" }, limit });
          expect(found.events.map((e) => e.id)).toEqual([two[0]!.id]);
          expect(found.total).toBe(1);
        }

        await ingestWith(store, [{ input: input("wire.txt", KANDAHAR_WIRE, "Reuters"), records: [vague] }]);
        expect((await store.counts()).events).toBe(1);

        const wireReport = (await store.getEvent(two[0]!.id))!.reports.find(
          (r) => r.articleId !== null && r.record.evidence.text === "Explosions tore through",
        )!;
        const created = await splitEvent(store, { eventId: two[0]!.id, reportIds: [wireReport.id], by: "analyst" });
        expect(created.reportCount).toBe(1);
        expect((await store.counts()).events).toBe(2);
        await rollupAgrees();
        await ingestWith(store, [{ input: input("wire.txt", KANDAHAR_WIRE, "Reuters"), records: [vague] }]);
        expect((await store.counts()).events).toBe(2);
        expect((await store.getEvent(two[0]!.id))!.decisions.map((d) => d.kind)).toEqual(["merge", "split"]);
      });
    });

    describe("API tokens", () => {
      it("stores tokens hashed, verifies them by role, and refuses revoked ones", async () => {
        const { token, info } = await store.createToken("desk", "editor");
        expect(info.role).toBe("editor");
        expect((await store.verifyToken(token))?.name).toBe("desk");
        expect(await store.verifyToken(`${token}x`)).toBeNull();
        await store.revokeToken(info.id);
        expect(await store.verifyToken(token)).toBeNull();
        expect((await store.listTokens())[0]!.revokedAt).not.toBeNull();
        await expect(store.createToken("x", "root" as never)).rejects.toMatchObject({ code: "E_VALIDATION" });
      });
    });
  });
}
