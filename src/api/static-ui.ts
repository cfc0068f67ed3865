import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * The UI's Content-Security-Policy: scripts and data only from this server, so that text that
 * slipped into the page as markup still could not run or call out. Leaflet positions its panes
 * with style attributes, hence 'unsafe-inline' for styles only.
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export const BUILD_HINT = "npm run build:web";

const missingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep: the web UI is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}code{background:#eee;padding:.1rem .3rem}</style>
</head><body>
<h1>The web UI is not built</h1>
<p>This server answers the HTTP API (see <a href="/docs">/docs</a>), but the browser UI has not been built yet.
Build it once, from the sitrep directory, then reload this page:</p>
<pre><code>${BUILD_HINT}</code></pre>
<p>The build writes <code>web/dist/</code>, which this server serves.</p>
</body></html>`;

/** Serves web/dist when it has been built; otherwise a page (and a log line) saying how to build it. */
export async function registerUi(app: FastifyInstance, webRoot: string): Promise<boolean> {
  const built = existsSync(join(webRoot, "index.html"));
  if (!built) {
    app.log.warn(`the web UI is not built (${join(webRoot, "index.html")} is missing): run \`${BUILD_HINT}\``);
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).header("content-security-policy", UI_CSP).type("text/html; charset=utf-8").send(missingPage),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: "/",
    index: "index.html",
    wildcard: true,
    setHeaders(reply, path) {
      reply.header("content-security-policy", UI_CSP);
      reply.header("x-content-type-options", "nosniff");
      // Vite names built assets by content hash: they never change under one name.
      if (/[\\/]assets[\\/]/.test(path)) reply.header("cache-control", "public, max-age=31536000, immutable");
      else reply.header("cache-control", "no-cache");
    },
  });
  return true;
}
