import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The UI is built into web/dist, which `sitrep serve` serves. Everything it needs (Leaflet, uPlot,
 * the world-atlas basemap) is bundled: the page makes no request beyond its own server.
 */
export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
    // The basemap TopoJSON is fetched as a file, not inlined into the script.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npx vite --config web/vite.config.ts` against a running `sitrep serve`.
    proxy: { "/api": "http://127.0.0.1:8080", "/docs": "http://127.0.0.1:8080" },
  },
});
