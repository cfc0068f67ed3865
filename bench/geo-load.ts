/**
 * Gazetteer loading: wall time and peak resident memory of reading data/build/gazetteer.json into
 * the lookup structures, in a fresh process. Budget: under 1 s and under 300 MB.
 *   node dist/bench/geo-load.js
 */
import { performance } from "node:perf_hooks";
import { gazetteer } from "../src/geo/gazetteer.js";

const t0 = performance.now();
const gz = gazetteer();
const ms = performance.now() - t0;
// Touch a few names so that lazily parsed entries are counted too.
for (const k of ["kandahar", "georgia", "san salvador", "london", "aydin"]) gz.lookup(k);
const rss = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`gazetteer load: ${ms.toFixed(0)} ms, peak RSS ${rss.toFixed(0)} MB (budget 1000 ms, 300 MB)\n`);
