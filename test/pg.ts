/**
 * PostgreSQL for tests: a database of its own for each test file (created from SITREP_PG_URL,
 * dropped afterwards) and, inside it, a schema of its own for each store, so that every contract
 * test starts from an empty store without paying for a new database.
 */
import pg from "pg";
import { inject } from "vitest";

export function pgUrl(): string | null {
  let provided: unknown;
  try {
    provided = (inject as (key: string) => unknown)("SITREP_PG_URL");
  } catch {
    provided = undefined;
  }
  return process.env.SITREP_PG_URL ?? (typeof provided === "string" ? provided : null);
}

export const pgSkipReason = (): string =>
  process.env.SITREP_PG_SKIP ?? "SITREP_PG_URL is unset and no PostgreSQL cluster was started (see test/pg-cluster.ts)";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A schema on the test database, with PostGIS in public, and the URL that makes it the default. */
export function schemaUrl(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema},public`);
  return u.toString();
}

export interface TestDatabase {
  readonly url: string;
  newSchema(): Promise<string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(baseUrl: string, name: string): Promise<TestDatabase> {
  const database = `${name}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = withDatabase(baseUrl, database);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public");
  let n = 0;
  return {
    url,
    async newSchema() {
      const schema = `s${++n}`;
      await c.query(`CREATE SCHEMA ${schema}`);
      return schemaUrl(url, schema);
    },
    async drop() {
      await c.end();
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await a.end();
    },
  };
}
