import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, pgSkipReason, pgUrl, type TestDatabase } from "../../../test/pg.js";
import { storeContract } from "../contract.js";
import { PostgresStore } from "./postgres-store.js";

const url = pgUrl();

if (!url) {
  describe.skip(`PostgreSQL store: skipped (${pgSkipReason()})`, () => {
    it("needs a PostgreSQL server", () => undefined);
  });
} else {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(url, "sitrep_store");
  });
  afterAll(async () => {
    await db?.drop();
  });

  storeContract("PostgreSQL", async () => PostgresStore.open(await db.newSchema()));

  describe("PostgreSQL migrations", () => {
    it("refuses a database with a schema newer than this sitrep knows", async () => {
      const schemaUrl = await db.newSchema();
      const store = await PostgresStore.open(schemaUrl);
      await store.close();
      const pg = (await import("pg")).default;
      const c = new pg.Client({ connectionString: schemaUrl });
      await c.connect();
      await c.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'future', 'x')");
      await c.end();
      await expect(PostgresStore.open(schemaUrl)).rejects.toMatchObject({ code: "E_STORE_MIGRATION" });
    });
  });
}
