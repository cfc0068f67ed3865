/**
 * Ingest throughput with cross-article resolution on: articles per second through the whole of
 * read → extract → resolve → store, and through resolve → store alone (the database's share),
 * for SQLite and, when SITREP_PG_URL names a server, PostgreSQL. Articles: muc4-dev and
 * records-dev from the development data, ingested twice over (the second pass hits the
 * duplicate path, as re-running a folder does).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ArticleInput } from "../src/core/article.js";
import type { EventRecord } from "../src/core/record.js";
import { extract } from "../src/extract.js";
import { ingestArticles } from "../src/ingest/pipeline.js";
import type { ReadItem } from "../src/ingest/reader.js";
import { openStore } from "../src/store/open.js";
import type { Store } from "../src/store/store.js";
import { isMain } from "./lib-db.js";
import { fmt, readDevJsonl } from "./shared-data.js";

function inputs(): ArticleInput[] {
  return ["muc4-dev.jsonl", "records-dev.jsonl", "wikievents-dev.jsonl"].flatMap((name) =>
    readDevJsonl(name).map((a) => ({
      id: `${name}:${a.id}`,
      raw: a.text,
      title: a.title,
      published: a.published,
      origin: { file: name },
    })),
  );
}

interface IngestFigures {
  readonly store: string;
  readonly articles: number;
  readonly events: number;
  readonly endToEndPerSecond: number;
  readonly storePerSecond: number;
}

type Extracted = ReadonlyMap<string, { records: EventRecord[]; hash: string; normalisedText: string }>;

/** Every article extracted once: the records for the resolve-and-store runs, and the extractor warmed up (lexicons loaded, code compiled). */
function extractAll(articles: readonly ArticleInput[]): Extracted {
  return new Map(
    articles.map((a) => {
      const x = extract(a);
      return [a.id, { records: [...x.result.events], hash: x.article.hash, normalisedText: x.article.text }];
    }),
  );
}

async function measure(
  label: string,
  open: () => Promise<Store>,
  articles: readonly ArticleInput[],
  extracted: Extracted,
): Promise<IngestFigures> {
  // End to end: extraction included.
  let store = await open();
  let t0 = process.hrtime.bigint();
  const items = articles.map((a): ReadItem => ({ article: a }));
  const s = await ingestArticles(store, items);
  const endToEnd = Number(process.hrtime.bigint() - t0) / 1e9;
  const counts = await store.counts();
  await store.close();

  // The database's share: records extracted beforehand, then resolved and stored.
  store = await open();
  t0 = process.hrtime.bigint();
  await ingestArticles(store, items, { extractRecords: (a) => extracted.get(a.id)! });
  const storeOnly = Number(process.hrtime.bigint() - t0) / 1e9;
  await store.close();
  const r = {
    store: label,
    articles: s.stored,
    events: counts.events,
    endToEndPerSecond: Math.round(s.articles / endToEnd),
    storePerSecond: Math.round(s.articles / storeOnly),
  };
  console.log(
    `  ${label.padEnd(11)} ${fmt(r.articles)} articles → ${fmt(r.events)} events (${fmt(s.matchedReports)} reports joined known events): ` +
      `${fmt(r.endToEndPerSecond)} articles/s end to end, ${fmt(r.storePerSecond)} articles/s resolve + store`,
  );
  return r;
}

export async function run(): Promise<IngestFigures[]> {
  const articles = inputs();
  console.log(`db-ingest: ${articles.length} articles, resolution on`);
  const extracted = extractAll(articles);
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-ingest-"));
  const out: IngestFigures[] = [];
  let n = 0;
  try {
    out.push(await measure("SQLite", async () => openStore(join(dir, `b${++n}.db`)), articles, extracted));
    const pgUrl = process.env.SITREP_PG_URL;
    if (pgUrl) {
      const pg = (await import("pg")).default;
      const schemas: string[] = [];
      out.push(
        await measure(
          "PostgreSQL",
          async () => {
            const schema = `bench_ingest_${process.pid}_${++n}`;
            const c = new pg.Client({ connectionString: pgUrl });
            await c.connect();
            await c.query("CREATE EXTENSION IF NOT EXISTS postgis");
            await c.query(`CREATE SCHEMA ${schema}`);
            await c.end();
            schemas.push(schema);
            const u = new URL(pgUrl);
            u.searchParams.set("options", `-c search_path=${schema},public`);
            return openStore(u.toString());
          },
          articles,
          extracted,
        ),
      );
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      for (const s of schemas) await c.query(`DROP SCHEMA ${s} CASCADE`);
      await c.end();
    } else {
      console.log("  PostgreSQL  not measured: set SITREP_PG_URL to a server (CI starts one)");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (isMain(import.meta.url)) await run();
