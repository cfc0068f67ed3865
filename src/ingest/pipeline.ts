import type { ArticleInput } from "../core/article.js";
import { SitrepError, asSitrepError } from "../core/errors.js";
import type { EventRecord } from "../core/record.js";
import { extract } from "../extract.js";
import { storeArticle, type ArticleToStore, type StoreOutcome } from "../resolve/resolver.js";
import type { Store } from "../store/store.js";
import type { ReadItem } from "./reader.js";

/**
 * read → extract → resolve → store. Extraction runs outside transactions (it is the slow part and
 * needs no database); each batch of extracted articles is then written in one transaction, so a
 * crash leaves whole articles or none. A batch the database refuses is written again article by
 * article, so that one bad article costs only itself.
 */

export interface IngestOptions {
  /** Articles per transaction. */
  readonly batchSize?: number;
  /** Article → records; defaults to the extraction pipeline. Tests pass records they built. */
  readonly extractRecords?: (input: ArticleInput) => {
    records: readonly EventRecord[];
    hash: string;
    normalisedText: string;
  };
  readonly onProblem?: (problem: SitrepError) => void;
  /** Called once per article read (stored or not), for progress. */
  readonly onArticle?: (outcome: StoreOutcome, input: ArticleInput) => void;
}

export interface IngestSummary {
  /** Articles read and extracted. */
  articles: number;
  /** Of those, stored now (the others were already in the database). */
  stored: number;
  duplicates: number;
  /** Syndicated copies of an article already stored. */
  copies: number;
  newEvents: number;
  /** Reports that joined an event already in the database. */
  matchedReports: number;
  reports: number;
  readonly problems: SitrepError[];
}

const DEFAULT_BATCH = 50;

function defaultExtract(input: ArticleInput) {
  const { article, result } = extract(input);
  return { records: result.events, hash: article.hash, normalisedText: article.text };
}

interface Pending {
  readonly input: ArticleInput;
  readonly toStore: ArticleToStore;
}

export async function ingestArticles(
  store: Store,
  items: AsyncIterable<ReadItem> | Iterable<ReadItem>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const extractRecords = options.extractRecords ?? defaultExtract;
  const summary: IngestSummary = {
    articles: 0,
    stored: 0,
    duplicates: 0,
    copies: 0,
    newEvents: 0,
    matchedReports: 0,
    reports: 0,
    problems: [],
  };
  const problem = (e: SitrepError) => {
    summary.problems.push(e);
    options.onProblem?.(e);
  };
  const account = (o: StoreOutcome, input: ArticleInput) => {
    if (o.created) summary.stored++;
    else summary.duplicates++;
    if (o.copyOf !== null) summary.copies++;
    for (const r of o.reports) {
      summary.reports++;
      if (r.match === "matched") summary.matchedReports++;
      else summary.newEvents++;
    }
    options.onArticle?.(o, input);
  };

  let batch: Pending[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    try {
      const outcomes = await store.transaction(async (tx) => {
        const out: StoreOutcome[] = [];
        for (const p of pending) out.push(await storeArticle(tx, p.toStore));
        return out;
      });
      outcomes.forEach((o, i) => account(o, (pending[i] as Pending).input));
    } catch (batchError) {
      if (pending.length === 1) {
        problem(storeProblem(batchError, (pending[0] as Pending).input));
        return;
      }
      for (const p of pending) {
        try {
          account(await store.transaction((tx) => storeArticle(tx, p.toStore)), p.input);
        } catch (e) {
          problem(storeProblem(e, p.input));
        }
      }
    }
  };

  for await (const item of items) {
    if ("problem" in item) {
      problem(item.problem);
      continue;
    }
    const input = item.article;
    let extracted;
    try {
      extracted = extractRecords(input);
    } catch (e) {
      problem(
        asSitrepError(e, {
          file: input.origin.file,
          ...(input.origin.line === undefined ? {} : { line: input.origin.line }),
        }),
      );
      continue;
    }
    summary.articles++;
    batch.push({
      input,
      toStore: {
        hash: extracted.hash,
        externalId: input.id,
        title: input.title,
        published: input.published,
        url: input.url ?? null,
        source: input.source ?? null,
        text: input.raw,
        normalisedText: extracted.normalisedText,
        records: extracted.records,
      },
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

function storeProblem(e: unknown, input: ArticleInput): SitrepError {
  const where = { file: input.origin.file, ...(input.origin.line === undefined ? {} : { line: input.origin.line }) };
  if (e instanceof SitrepError && (e.code === "E_STORE_OPEN" || e.code === "E_STORE_MIGRATION")) throw e;
  const err = asSitrepError(e);
  return new SitrepError(err.code === "E_INTERNAL" ? "E_STORE_WRITE" : err.code, err.detail ?? err.message, where, {
    cause: e,
  });
}
