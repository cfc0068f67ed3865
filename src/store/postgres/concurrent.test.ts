import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_COPY, SEED_PATH } from "../../../test/fixtures/db/articles.js";
import { createTestDatabase, pgSkipReason, pgUrl, type TestDatabase } from "../../../test/pg.js";
import { PostgresStore } from "./postgres-store.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(root, "dist/src/cli/main.js");
const url = pgUrl();
const why = !url ? pgSkipReason() : !existsSync(cli) ? `the CLI is not built (${cli}); run npm run build` : null;

if (why) {
  describe.skip(`concurrent ingest into PostgreSQL: skipped (${why})`, () => {
    it("needs PostgreSQL and the built CLI", () => undefined);
  });
} else {
  describe("concurrent ingest into PostgreSQL", () => {
    let db: TestDatabase;
    const folder = mkdtempSync(join(tmpdir(), "sitrep-concurrent-"));
    beforeAll(async () => {
      db = await createTestDatabase(url as string, "sitrep_concurrent");
      copyFileSync(SEED_PATH, join(folder, "kandahar.txt"));
      writeFileSync(join(folder, "kandahar-copy.txt"), SEED_COPY);
      for (const f of readdirSync(join(root, "examples/muc4")))
        copyFileSync(join(root, "examples/muc4", f), join(folder, f));
    });
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await db?.drop();
    });

    it("creates no duplicate events and loses no reports when three processes ingest the same articles at once", async () => {
      const sequential = await db.newSchema();
      await run(process.execPath, [cli, "--db", sequential, "ingest", "-q", folder]);
      const concurrent = await db.newSchema();
      await Promise.all(
        [1, 2, 3].map(() => run(process.execPath, [cli, "--db", concurrent, "ingest", "-q", "--batch", "5", folder])),
      );

      const counts = async (u: string) => {
        const s = await PostgresStore.open(u);
        try {
          return await s.counts();
        } finally {
          await s.close();
        }
      };
      const one = await counts(sequential);
      const three = await counts(concurrent);
      expect(one.articles).toBe(8);
      expect(one.reports).toBeGreaterThan(0);
      expect(three).toEqual(one);
    });
  });
}
