import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startServer, type RunningServer } from "./server.js";
import { buildFixtureDb } from "../../test/fixtures/api/fixture.js";

describe("startServer (what `sitrep serve` and `sitrep demo` call)", () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-start-"));
    const db = join(dir, "serve.db");
    await (await buildFixtureDb(db)).close();
    server = await startServer({ db, port: 0, host: "127.0.0.1", logger: false, webRoot: join(dir, "not-built") });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("listens on the port it says, answers the API over HTTP and says how to build a missing UI", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const meta = await fetch(`${server.url}api/meta`);
    expect(meta.status).toBe(200);
    expect(((await meta.json()) as { counts: { events: number } }).counts.events).toBeGreaterThan(0);
    const map = (await (await fetch(`${server.url}api/map?zoom=2`)).json()) as { events: number };
    expect(map.events).toBeGreaterThan(0);
    const page = await fetch(server.url);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("npm run build:web");
  });

  test("a database that cannot be opened is a coded error, and nothing is left listening", async () => {
    await expect(startServer({ db: join(dir, "no-such-dir", "x.db"), port: 0, logger: false })).rejects.toMatchObject({
      code: "E_STORE_OPEN",
    });
  });
});
