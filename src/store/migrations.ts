import { createHash } from "node:crypto";
import { SitrepError } from "../core/errors.js";

/** One numbered schema step. Applied steps are never edited: a change is a new step. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface AppliedMigration {
  readonly version: number;
  readonly checksum: string;
}

export const checksum = (m: Migration): string => createHash("sha256").update(m.sql).digest("hex");

/**
 * The steps still to apply, after checking what the database already has: a database made by a
 * newer sitrep (a version this one does not know) or one whose applied step differs from ours
 * (an edited migration) is refused, since writing to it could corrupt what it holds.
 */
export function pendingMigrations(
  known: readonly Migration[],
  applied: readonly AppliedMigration[],
  where: string,
): Migration[] {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  const newest = known.reduce((max, m) => Math.max(max, m.version), 0);
  for (const a of applied) {
    const m = byVersion.get(a.version);
    if (!m) {
      throw new SitrepError(
        "E_STORE_MIGRATION",
        `the database has schema version ${a.version}; this sitrep knows up to ${newest}: upgrade sitrep`,
        { file: where },
      );
    }
    if (checksum(m) !== a.checksum) {
      throw new SitrepError(
        "E_STORE_MIGRATION",
        `migration ${a.version} (${m.name}) differs from the one applied to this database`,
        {
          file: where,
        },
      );
    }
  }
  const done = new Set(applied.map((a) => a.version));
  return known.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}
