import { SitrepError } from "../core/errors.js";
import type { Store } from "./store.js";
import { SqliteStore } from "./sqlite/sqlite-store.js";

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/**
 * The store the `--db` option names: a `postgres://` (or `postgresql://`) URL opens PostgreSQL,
 * anything else is a SQLite file, created on first use.
 */
export async function openStore(db: string): Promise<Store> {
  if (db.trim() === "") throw new SitrepError("E_USAGE", "--db must name a SQLite file or a postgres:// URL");
  if (isPostgresUrl(db)) {
    // Loaded only when asked for, so that SQLite users never load the PostgreSQL driver.
    const { PostgresStore } = await import("./postgres/postgres-store.js");
    return PostgresStore.open(db);
  }
  return SqliteStore.open(db);
}
