import type { Command } from "commander";
import type { Article } from "../../core/article.js";
import type { PlaceMention } from "../../core/annotations.js";
import type { Span } from "../../core/span.js";
import { gazetteer } from "../../geo/gazetteer.js";
import { geoparse } from "../../geo/geoparse.js";
import { buildArticle } from "../../text/article.js";
import { toEvidence } from "../../text/evidence.js";
import { eachArticle } from "../each-article.js";
import { renderTable } from "../table.js";

/** One place of `sitrep geoparse` output: raw offsets and the resolved place (eval/FORMAT.md). */
export interface GeoparsedPlace {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly featureType: string;
  readonly countryCode: string | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonameId: number | null;
  readonly rule: string;
  readonly confidence: number;
}

export interface GeoparsedArticle {
  readonly id: string;
  readonly places: readonly GeoparsedPlace[];
}

function toPlace(article: Article, p: PlaceMention): GeoparsedPlace | null {
  const ev = toEvidence(article, p.span);
  if (!ev) return null;
  return {
    ...ev,
    name: p.name,
    featureType: p.featureType,
    countryCode: p.countryCode,
    country: p.country,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    geonameId: p.geonameId,
    rule: p.rule,
    confidence: p.confidence,
  };
}

function demonymPlace(
  article: Article,
  d: { span: Span; countryCode: string; country: string },
): GeoparsedPlace | null {
  const ev = toEvidence(article, d.span);
  const gz = gazetteer();
  const i = gz.countryIndex(d.countryCode);
  if (!ev || i === undefined) return null;
  const c = gz.countries[i]!;
  return {
    ...ev,
    name: c.name,
    featureType: "country",
    countryCode: c.code,
    country: c.name,
    admin1: null,
    lat: c.lat,
    lon: c.lon,
    geonameId: null,
    rule: "place.demonym",
    confidence: 0.5,
  };
}

/** Every place of an article, in text order; with `demonyms`, demonyms too, located at their country. */
export function geoparseArticle(article: Article, options: { demonyms?: boolean } = {}): GeoparsedArticle {
  const result = geoparse(article, gazetteer());
  const places = result.places.map((p) => toPlace(article, p));
  if (options.demonyms) places.push(...result.demonyms.map((d) => demonymPlace(article, d)));
  const kept = places.filter((p): p is GeoparsedPlace => p !== null).sort((a, b) => a.start - b.start);
  return { id: article.id, places: kept };
}

export function registerGeoparse(program: Command): void {
  program
    .command("geoparse")
    .description("find and resolve every place name of articles, without a database")
    .argument("<paths...>", "files, directories, or - for standard input")
    .option("-f, --format <format>", "jsonl | json | table", "jsonl")
    .option("--published <date>", "publication date (YYYY-MM-DD) for plain-text articles that carry none")
    .option(
      "--demonyms",
      'also report demonyms ("Afghan", "Turkish") as mentions of their country, as some corpora annotate them',
    )
    .option("-q, --quiet", "no progress line")
    .addHelpText(
      "after",
      `
Each output line is {"id", "places": [{"text", "start", "end", "name", "featureType", "countryCode",
"admin1", "lat", "lon", ...}]}, with offsets into the text as given.

Examples:
  $ sitrep geoparse examples/kandahar-2021-10-16.txt --format table
  $ sitrep geoparse articles.jsonl > places.jsonl`,
    )
    .action(
      async (paths: string[], opts: { format: string; published?: string; demonyms?: boolean; quiet?: boolean }) =>
        eachArticle(paths, opts, {
          doing: "geoparsing",
          prepare: () => gazetteer(),
          each: (article) => geoparseArticle(buildArticle(article), { demonyms: opts.demonyms }),
          table: (results) =>
            renderTable(
              ["article", "text", "at", "place", "type", "in", "lat", "lon"],
              results.flatMap((r) =>
                r.places.map((p) => [
                  r.id,
                  p.text,
                  p.start,
                  p.name,
                  p.featureType,
                  [p.admin1, p.countryCode].filter(Boolean).join(", "),
                  p.lat,
                  p.lon,
                ]),
              ),
            ),
        }),
    );
}
