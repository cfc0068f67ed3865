import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../import/import.js";
import { newImportedEvent } from "../../resolve/resolver.js";
import { ISK_FIXTURE, storeContract } from "../contract.js";
import { SqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeContract("SQLite", async () => SqliteStore.open(join(dir, `contract-${++n}.db`)));

describe("SQLite migrations", () => {
  it("opens a database it made before, and refuses one from a newer schema or with an edited migration", async () => {
    const file = join(dir, "migrations.db");
    await SqliteStore.open(file).close();
    await SqliteStore.open(file).close();

    const db = new Database(file);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', 'now')",
    ).run();
    db.close();
    expect(() => SqliteStore.open(file)).toThrow(/E_STORE_MIGRATION.*schema version 999/);

    const edited = join(dir, "edited.db");
    await SqliteStore.open(edited).close();
    const db2 = new Database(edited);
    db2.prepare("UPDATE schema_migrations SET checksum = 'changed' WHERE version = 1").run();
    db2.close();
    expect(() => SqliteStore.open(edited)).toThrow(/E_STORE_MIGRATION.*migration 1/);
  });

  it("runs in WAL mode with foreign keys on", async () => {
    const file = join(dir, "pragmas.db");
    await SqliteStore.open(file).close();
    const db = new Database(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    const store = SqliteStore.open(file);
    await expect(
      store.transaction((tx) =>
        tx.insertReport({
          eventId: 12345,
          articleId: null,
          eventIndex: 0,
          origin: "import",
          dataset: "acled",
          originalId: "X",
          record: {} as never,
          match: "import",
          matchScore: 1,
          published: null,
          sourceName: null,
          syndicationGroup: null,
        }),
      ),
    ).rejects.toMatchObject({ code: "E_STORE_WRITE" });
    await store.close();
  });
});

describe("SQLite bulk loads", () => {
  it("builds indexes and rollups at the end of a load, and again at the next open after a load that stopped midway", async () => {
    const file = join(dir, "bulk.db");
    const store = SqliteStore.open(file);
    await importFile(store, ISK_FIXTURE);
    const byMonth = await store.aggregate({ groupBy: "month" });
    expect(byMonth.reduce((n, b) => n + b.events, 0)).toBe(7);
    expect(await store.aggregate({ groupBy: "month", filter: { roles: ["reported", "background"] } })).toEqual(byMonth);
    await store.close();

    // What a load killed midway leaves: an index not yet built, rollups not yet computed.
    const db = new Database(file);
    db.exec("DROP INDEX events_date; DELETE FROM event_rollup_month; DELETE FROM event_rollup_admin1;");
    db.close();
    const reopened = SqliteStore.open(file);
    expect(await reopened.aggregate({ groupBy: "month" })).toEqual(byMonth);
    expect((await reopened.aggregate({ groupBy: "admin1" })).find((b) => b.key === "Kabul")?.events).toBe(4);
    await reopened.close();
    const check = new Database(file);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'events_date'").get()).toEqual({ n: 1 });
    check.close();
  });

  it("counts into the rollups only what a load's transactions committed", async () => {
    const source = SqliteStore.open(join(dir, "rollup-source.db"));
    await importFile(source, ISK_FIXTURE);
    const { events } = await source.queryEvents({ limit: 100, withTotal: false });
    const items = [];
    for (const e of events) {
      const r = (await source.getEvent(e.id))?.reports[0];
      items.push(newImportedEvent({ ...r!, originalId: r!.originalId! }));
    }
    await source.close();

    const file = join(dir, "rollup-rollback.db");
    const store = SqliteStore.open(file);
    await store.bulkLoad(async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insertEventsWithReports(items);
          throw new Error("stopped");
        }),
      ).rejects.toThrow(/stopped/);
      await store.transaction((tx) => tx.insertEventsWithReports(items.slice(1)));
      await store.transaction((tx) => tx.insertEventsWithReports(items.slice(0, 1)));
    });
    await store.close();

    const rollups = (f: string) => {
      const db = new Database(f);
      const rows = [
        db.prepare("SELECT * FROM event_rollup_month ORDER BY 1, 2, 3, 4").all(),
        db.prepare("SELECT * FROM event_rollup_admin1 ORDER BY 1, 2, 3, 4").all(),
      ];
      db.close();
      return rows;
    };
    const loaded = rollups(file);
    expect(loaded[0]!.length).toBeGreaterThan(0);
    // The same rollups computed afresh from the events (what the next open does after a crash).
    const db = new Database(file);
    db.exec("DROP INDEX events_date; DELETE FROM event_rollup_month; DELETE FROM event_rollup_admin1;");
    db.close();
    await SqliteStore.open(file).close();
    expect(loaded).toEqual(rollups(file));
  });
});
