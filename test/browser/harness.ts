/**
 * What the browser tests need: Chromium (SITREP_CHROMIUM or Debian's /usr/bin/chromium, started
 * with a fresh profile and no network beyond this machine), the UI built from the current sources
 * into a temporary folder, and a server on a fixture database listening on a free port.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { build } from "vite";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/api/server.js";
import type { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { projectPath } from "../../src/util/paths.js";
import { buildFixtureDb } from "../fixtures/api/fixture.js";

export const ARTIFACTS = projectPath("test-artifacts");

export function chromiumPath(): { path: string | null; why: string } {
  const asked = process.env.SITREP_CHROMIUM;
  if (asked) {
    if (!existsSync(asked))
      throw new Error(`SITREP_CHROMIUM is ${asked}, which does not exist: install Chromium or fix the variable`);
    return { path: asked, why: "" };
  }
  const debian = "/usr/bin/chromium";
  if (existsSync(debian)) return { path: debian, why: "" };
  return {
    path: null,
    why: "Chromium is not installed (neither SITREP_CHROMIUM nor /usr/bin/chromium): the browser tests of the web UI DID NOT RUN",
  };
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(executablePath: string, dir: string): Promise<BrowserContext> {
  const profile = join(dir, "profile");
  mkdirSync(profile, { recursive: true });
  // A persistent context is how Playwright takes a --user-data-dir of our choosing: a fresh one per run.
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
}

/** Builds web/ into `outDir` (the sources as they are now, not a stale web/dist). */
export async function buildUi(outDir: string): Promise<void> {
  await build({
    configFile: projectPath("web", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

export interface Workbench {
  readonly dir: string;
  readonly url: string;
  readonly store: SqliteStore;
  readonly app: FastifyInstance;
  readonly editor: string;
  close(): Promise<void>;
}

export async function startWorkbench(): Promise<Workbench> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-browser-"));
  const web = join(dir, "web");
  await buildUi(web);
  const store = await buildFixtureDb(join(dir, "fixture.db"));
  const editor = (await store.createToken("browser-editor", "editor")).token;
  const app = await buildServer(store, { webRoot: web });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    dir,
    url: `http://127.0.0.1:${port}/`,
    store,
    app,
    editor,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
