import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { buildServer } from "./server.js";
import { BUILD_HINT } from "./static-ui.js";
import { openFixture, type Fixture } from "../../test/fixtures/api/fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

describe("OpenAPI document and docs page", () => {
  test("/docs/json describes every route with its parameters, and the bearer scheme", async () => {
    const r = await f.app.inject({ url: "/docs/json" });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown; security?: unknown[] }>
      >;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    const expected: [string, string][] = [
      ["/api/events", "get"],
      ["/api/events/{id}", "get"],
      ["/api/articles", "get"],
      ["/api/articles", "post"],
      ["/api/articles/{id}", "get"],
      ["/api/aggregates", "get"],
      ["/api/timeline", "get"],
      ["/api/map", "get"],
      ["/api/questions/first-event", "get"],
      ["/api/questions/nth-event", "get"],
      ["/api/questions/actor-timeline", "get"],
      ["/api/events/{id}/corrections", "post"],
      ["/api/events/{id}/confirmations", "post"],
      ["/api/events/{id}/merge", "post"],
      ["/api/events/{id}/split", "post"],
      ["/api/audit", "get"],
      ["/api/export", "get"],
      ["/api/tokens", "get"],
      ["/api/tokens", "post"],
      ["/api/tokens/{id}", "delete"],
      ["/api/whoami", "get"],
      ["/api/meta", "get"],
      ["/api/actors", "get"],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const events = doc.paths["/api/events"]!.get!;
    expect(events.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(["country", "since", "until", "type", "actor", "minKilled", "text", "sort", "limit"]),
    );
    expect(doc.paths["/api/events/{id}/corrections"]!.post!.requestBody).toBeDefined();
    expect(doc.paths["/api/events/{id}/corrections"]!.post!.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  test("/docs is a page served from this server, with no outside scripts", async () => {
    const r = await f.app.inject({ url: "/docs/" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/text\/html/);
    const scripts = [...r.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((s) => !/^(https?:)?\/\//.test(s))).toBe(true);
  });
});

describe("the web UI", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-ui-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("without a build, / says how to build it (and the API still answers)", async () => {
    const store = SqliteStore.open(join(dir, "empty.db"));
    const app = await buildServer(store, { webRoot: join(dir, "missing") });
    try {
      const r = await app.inject({ url: "/" });
      expect(r.statusCode).toBe(503);
      expect(r.headers["content-type"]).toMatch(/text\/html/);
      expect(r.body).toContain(BUILD_HINT);
      expect((await app.inject({ url: "/api/meta" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test("with a build, serves it with a strict content security policy", async () => {
    const web = join(dir, "dist");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>ui</title>");
    writeFileSync(join(web, "assets", "app-abc123.js"), "console.log(1)");
    const store = SqliteStore.open(join(dir, "empty2.db"));
    const app = await buildServer(store, { webRoot: web });
    try {
      const page = await app.inject({ url: "/?country=AF&event=3" });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<title>ui</title>");
      const csp = String(page.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      const asset = await app.inject({ url: "/assets/app-abc123.js" });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers["cache-control"]).toMatch(/immutable/);
      const unknownApi = await app.inject({ url: "/api/nope" });
      expect(unknownApi.statusCode).toBe(404);
      expect(unknownApi.json()).toMatchObject({ code: "E_NOT_FOUND" });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
