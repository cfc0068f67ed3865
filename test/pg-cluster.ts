/**
 * vitest globalSetup: a PostgreSQL server for the PostgreSQL store's tests. With SITREP_PG_URL set
 * (CI starts its own cluster) it does nothing. Otherwise, when the PostgreSQL 15 binaries are
 * installed, it starts a throwaway cluster on a free loopback port in a temporary directory and
 * stops it afterwards; initdb refuses to run as root, so as root the cluster runs as `postgres`.
 * With no PostgreSQL at all the PostgreSQL suites skip themselves, saying why.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export default async function setup(project: {
  provide?: (key: string, value: unknown) => void;
}): Promise<(() => void) | undefined> {
  if (process.env.SITREP_PG_URL) return undefined;
  if (!existsSync(join(BIN, "initdb"))) {
    process.env.SITREP_PG_SKIP = `no PostgreSQL 15 binaries in ${BIN} and SITREP_PG_URL is unset`;
    return undefined;
  }
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pg-"));
  const data = join(dir, "data");
  const run = (cmd: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", join(BIN, cmd), ...args], { stdio: "pipe" })
      : execFileSync(join(BIN, cmd), args, { stdio: "pipe" });
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "sitrep", "--auth=trust", "-E", "UTF8"]);
  run("pg_ctl", [
    "-D",
    data,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "-l",
    join(dir, "log"),
    "-w",
    "start",
  ]);
  const url = `postgres://sitrep@127.0.0.1:${port}/postgres`;
  process.env.SITREP_PG_URL = url;
  project.provide?.("SITREP_PG_URL", url);
  return () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
