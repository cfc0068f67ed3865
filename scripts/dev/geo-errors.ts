/**
 * Error listing for the geoparser on a dev corpus: matched toponyms more than 161 km off, gold
 * toponyms missed, and predicted places that match no gold toponym, each with a little context.
 * Matching is the scorer's (eval/score-geo.mjs): one-to-one span overlap, largest overlap first.
 *   node dist/scripts/dev/geo-errors.js ARTICLES.jsonl PRED.jsonl GOLD.jsonl [far|missed|fp|all]
 * The summary at the end counts errors by surface form, the most frequent first.
 */
import { readFileSync } from "node:fs";

interface Span {
  text: string;
  start: number;
  end: number;
  lat?: number | null;
  lon?: number | null;
  name?: string;
  countryCode?: string | null;
  featureType?: string;
  rule?: string;
  fcode?: string;
  country?: string;
}

const lines = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((bLat - aLat) * r) / 2) ** 2 +
    Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function match(golds: Span[], preds: Span[]): [number, number][] {
  const pairs: [number, number, number, number][] = [];
  golds.forEach((g, i) =>
    preds.forEach((p, j) => {
      const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (ov > 0) pairs.push([ov, Math.abs(g.start - p.start), i, j]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const gu = new Set<number>();
  const pu = new Set<number>();
  const out: [number, number][] = [];
  for (const [, , i, j] of pairs) {
    if (gu.has(i) || pu.has(j)) continue;
    gu.add(i);
    pu.add(j);
    out.push([i, j]);
  }
  return out;
}

const [articlesPath, predPath, goldPath, what = "all"] = process.argv.slice(2);
if (!articlesPath || !predPath || !goldPath) {
  process.stderr.write("usage: geo-errors ARTICLES.jsonl PRED.jsonl GOLD.jsonl [far|missed|fp|all]\n");
  process.exit(2);
}
const texts = new Map(lines(articlesPath).map((a) => [a.id as string, a.text as string]));
const preds = new Map(lines(predPath).map((p) => [p.id as string, (p.places as Span[]) ?? []]));
const counts = { far: new Map<string, number>(), missed: new Map<string, number>(), fp: new Map<string, number>() };
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const context = (text: string, s: Span) =>
  `${text.slice(Math.max(0, s.start - 50), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 40)}`.replace(
    /\s+/g,
    " ",
  );

for (const g of lines(goldPath)) {
  const id = g.id as string;
  const text = texts.get(id) ?? "";
  const golds = (g.places as Span[]) ?? [];
  const ps = preds.get(id) ?? [];
  const pairs = match(golds, ps);
  const gm = new Set(pairs.map(([i]) => i));
  const pm = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) {
    const a = golds[i]!;
    const b = ps[j]!;
    if (a.lat == null || a.lon == null || b.lat == null || b.lon == null) continue;
    const d = km(a.lat, a.lon, b.lat, b.lon);
    if (d <= 161) continue;
    bump(counts.far, a.text);
    if (what === "far" || what === "all")
      process.stdout.write(
        `FAR ${id} ${Math.round(d)} km "${a.text}" gold ${a.lat},${a.lon} ${a.fcode ?? ""} ${a.country ?? ""} | ` +
          `pred ${b.name} ${b.countryCode} ${b.featureType} ${b.lat},${b.lon} ${b.rule}\n    ${context(text, a)}\n`,
      );
  }
  golds.forEach((a, i) => {
    if (gm.has(i)) return;
    bump(counts.missed, a.text);
    if (what === "missed" || what === "all")
      process.stdout.write(`MISS ${id} "${a.text}" ${a.fcode ?? ""}\n    ${context(text, a)}\n`);
  });
  ps.forEach((b, j) => {
    if (pm.has(j)) return;
    bump(counts.fp, b.text);
    if (what === "fp" || what === "all")
      process.stdout.write(
        `FP ${id} "${b.text}" → ${b.name} ${b.countryCode} ${b.featureType} ${b.rule}\n    ${context(text, b)}\n`,
      );
  });
}
for (const [k, m] of Object.entries(counts)) {
  const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 60);
  process.stdout.write(
    `\n${k}: ${[...m.values()].reduce((s, v) => s + v, 0)}\n  ${top.map(([t, n]) => `${t} ${n}`).join(", ")}\n`,
  );
}
