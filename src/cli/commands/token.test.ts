import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { registerServe } from "./serve.js";
import { registerToken } from "./token.js";

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sitrep-token-"));
  db = join(dir, "tokens.db");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `sitrep --db <db> ...args` in this process and returns what it wrote. */
async function sitrep(...args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command().option("--db <file>", "database", "./sitrep.db").exitOverride();
  registerToken(program);
  registerServe(program);
  let out = "";
  let err = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    await program.parseAsync(["node", "sitrep", "--db", db, ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return { out, err };
}

describe("sitrep token", () => {
  test("create prints the token once, on stdout alone; the database keeps only its hash", async () => {
    const { out, err } = await sitrep("token", "create", "--name", "alice", "--role", "editor");
    const token = out.trim();
    expect(token).toMatch(/^sitrep_[\w-]{40,}$/);
    expect(out.split("\n").filter(Boolean)).toHaveLength(1);
    expect(err).toMatch(/"alice" \(editor\) created; keep it now/);
    const store = SqliteStore.open(db);
    try {
      expect(await store.verifyToken(token)).toMatchObject({ name: "alice", role: "editor" });
      expect(JSON.stringify(await store.listTokens())).not.toContain(token);
      const audit = await store.auditLog({ limit: 5 });
      expect(audit[0]).toMatchObject({ action: "token.create", detail: { name: "alice", role: "editor" } });
      expect(audit[0]!.actor).toMatch(/^cli/);
    } finally {
      await store.close();
    }
  });

  test("list shows every token without the token itself; revoke makes one useless", async () => {
    const admin = (await sitrep("token", "create", "--name", "root", "--role", "admin")).out.trim();
    const table = (await sitrep("token", "list")).out;
    expect(table).toMatch(/alice\s+editor/);
    expect(table).toMatch(/root\s+admin/);
    expect(table).not.toContain(admin);
    const listed = JSON.parse((await sitrep("token", "list", "--format", "json")).out) as {
      id: number;
      name: string;
      revokedAt: string | null;
    }[];
    const root = listed.find((t) => t.name === "root")!;
    expect(root.revokedAt).toBeNull();
    const { err } = await sitrep("token", "revoke", String(root.id));
    expect(err).toContain(`token ${root.id} "root" revoked`);
    const store = SqliteStore.open(db);
    try {
      expect(await store.verifyToken(admin)).toBeNull();
    } finally {
      await store.close();
    }
    expect(
      JSON.parse((await sitrep("token", "list", "--format", "json")).out).find(
        (t: { name: string }) => t.name === "root",
      ).revokedAt,
    ).not.toBeNull();
  });

  test("bad usage is a coded error naming what is wrong", async () => {
    await expect(sitrep("token", "create", "--name", "x", "--role", "owner")).rejects.toMatchObject({
      code: "E_USAGE",
    });
    await expect(sitrep("token", "create", "--name", "  ", "--role", "editor")).rejects.toMatchObject({
      code: "E_USAGE",
    });
    await expect(sitrep("token", "revoke", "abc")).rejects.toMatchObject({ code: "E_USAGE" });
    await expect(sitrep("token", "revoke", "999")).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    await expect(sitrep("token", "list", "--format", "xml")).rejects.toMatchObject({ code: "E_USAGE" });
  });
});

describe("sitrep serve", () => {
  test("refuses a bad port or upload limit before opening anything", async () => {
    await expect(sitrep("serve", "--port", "http")).rejects.toMatchObject({
      code: "E_USAGE",
      message: expect.stringContaining("--port"),
    });
    await expect(sitrep("serve", "--port", "70000")).rejects.toMatchObject({ code: "E_USAGE" });
    await expect(sitrep("serve", "--upload-limit-mb", "0")).rejects.toMatchObject({
      code: "E_USAGE",
      message: expect.stringContaining("--upload-limit-mb"),
    });
  });
});
