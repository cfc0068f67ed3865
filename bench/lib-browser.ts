/**
 * Chromium and the web UI, for the browser tests (test/browser/) and the UI benchmark (api-ui):
 * Chromium headless with a fresh profile and none of its calls home, and the UI built from the
 * sources as they are now (not a stale web/dist).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { build } from "vite";
import { projectPath } from "../src/util/paths.js";

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

/** Chromium with a profile of its own in `dir`; `bypassCSP` lets a benchmark evaluate its probes, which the page's CSP forbids. */
export async function launch(
  executablePath: string,
  dir: string,
  options: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  const profile = join(dir, "profile");
  mkdirSync(profile, { recursive: true });
  // A persistent context is how Playwright takes a --user-data-dir of our choosing: a fresh one per run.
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
    ...options,
  });
}

/** Builds web/ into `outDir`. */
export async function buildUi(outDir: string): Promise<void> {
  await build({
    configFile: projectPath("web", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}
