/**
 * Builds the generated data sitrep needs at run time (run by `npm install` through `prepare`, and
 * by `npm run build:data`). Each builder writes under data/build/ and skips work already done.
 */
import { buildGazetteer } from "./build-gazetteer.js";

const builders: { name: string; run: () => Promise<void> }[] = [
  { name: "gazetteer (data/build/gazetteer.json)", run: () => buildGazetteer() },
];

for (const b of builders) {
  const t0 = Date.now();
  await b.run();
  process.stderr.write(`built ${b.name} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
