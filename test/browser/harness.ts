/**
 * What the browser tests need: Chromium (SITREP_CHROMIUM or Debian's /usr/bin/chromium, started
 * with a fresh profile and no network beyond this machine), the UI built from the current sources
 * into a temporary folder, and a server on a fixture database listening on a free port.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildUi } from "../../bench/lib-browser.js";
import { listen } from "../../src/api/server.js";
import type { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { projectPath } from "../../src/util/paths.js";
import { openFixture } from "../fixtures/api/fixture.js";

export { launch } from "../../bench/lib-browser.js";

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

export interface Workbench {
  /** A folder of the run's own: the built UI, and the browser profile. */
  readonly dir: string;
  readonly url: string;
  readonly store: SqliteStore;
  readonly app: FastifyInstance;
  readonly editor: string;
  close(): Promise<void>;
}

/** The API fixture served with the UI built from the current sources. */
export async function startWorkbench(): Promise<Workbench> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-browser-"));
  const web = join(dir, "web");
  await buildUi(web);
  const fixture = await openFixture({ webRoot: web });
  const editor = (await fixture.store.createToken("browser-editor", "editor")).token;
  const url = await listen(fixture.app, 0, "127.0.0.1");
  return {
    dir,
    url,
    store: fixture.store,
    app: fixture.app,
    editor,
    async close() {
      await fixture.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
