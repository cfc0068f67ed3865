import { SitrepError } from "../core/errors.js";
import type { Dataset } from "../query/types.js";
import { attachRecord, newImportedEvent } from "../resolve/resolver.js";
import type { NewEventWithReport, Store, StoreTx } from "../store/store.js";
import { ACLED_REQUIRED, mapAcledRow } from "./acled.js";
import { parseCsv, readTextChunks, type CsvItem } from "./csv.js";
import { GTD_REQUIRED, mapGtdRow } from "./gtd.js";
import { RowReader, type MappedRow } from "./row.js";
import { UCDP_REQUIRED, mapUcdpRow } from "./ucdp.js";

/**
 * `sitrep import`: a dataset export streamed row by row, each row validated (a bad row is reported
 * by line and skipped), mapped onto the event record with its dataset and id, and written in
 * batches of one transaction each. Rows already imported are skipped, so importing twice changes
 * nothing. Each row is resolved against the events extracted from articles, so an article stored
 * before the import and the dataset's row of the same event become one event.
 */

export type ImportFormat = "acled" | "gtd" | "ucdp";

const FORMATS: Record<ImportFormat, { required: readonly string[]; map: (row: RowReader) => MappedRow }> = {
  acled: { required: ACLED_REQUIRED, map: mapAcledRow },
  gtd: { required: GTD_REQUIRED, map: mapGtdRow },
  ucdp: { required: UCDP_REQUIRED, map: mapUcdpRow },
};

/** The format whose required columns the header has, or null. */
export function detectFormat(header: readonly string[]): ImportFormat | null {
  const have = new Set(header.map((h) => h.trim().toLowerCase()));
  for (const [name, f] of Object.entries(FORMATS) as [ImportFormat, (typeof FORMATS)[ImportFormat]][]) {
    if (f.required.every((c) => have.has(c))) return name;
  }
  return null;
}

export interface ImportOptions {
  readonly format?: ImportFormat;
  readonly batchSize?: number;
  /** Resolve rows against extracted events (default true). */
  readonly resolve?: boolean;
  readonly onProblem?: (problem: SitrepError) => void;
  readonly onProgress?: (rows: number) => void;
}

export interface ImportSummary {
  format: ImportFormat;
  rows: number;
  imported: number;
  /** Rows already in the database. */
  unchanged: number;
  /** Rows that became reports of events extracted from articles. */
  matched: number;
  readonly problems: SitrepError[];
}

const DEFAULT_BATCH = 20_000;

/** Rows written together: small enough that a group's objects die young, large enough to amortise lookups. */
const GROUP = 500;

/** Imports CSV text given in chunks (a file stream, or a string in tests). */
export async function importCsv(
  store: Store,
  chunks: AsyncIterable<string> | Iterable<string>,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const resolve = options.resolve ?? true;
  const problems: SitrepError[] = [];
  const problem = (e: SitrepError) => {
    problems.push(e);
    options.onProblem?.(e);
  };
  const items = (parseCsv(chunks, file) as AsyncIterable<CsvItem>)[Symbol.asyncIterator]();

  // The header: the first row that is not a problem.
  let headerRow: string[] | null = null;
  let headerLine = 1;
  while (!headerRow) {
    const next = await items.next();
    if (next.done) throw new SitrepError("E_CSV_HEADER", "the file is empty", { file });
    if ("problem" in next.value) problem(next.value.problem);
    else ({ fields: headerRow, line: headerLine } = next.value.row);
  }
  const header = new Map(headerRow.map((h, i) => [h.trim().toLowerCase(), i]));
  const format = options.format ?? detectFormat(headerRow);
  if (!format) {
    throw new SitrepError(
      "E_CSV_HEADER",
      "the header matches none of ACLED, GTD or UCDP GED; name the format with --format",
      { file, line: headerLine },
    );
  }
  const missing = FORMATS[format].required.filter((c) => !header.has(c));
  if (missing.length)
    throw new SitrepError("E_CSV_HEADER", `${format} needs ${missing.join(", ")}`, { file, line: headerLine });
  const map = FORMATS[format].map;
  const s: ImportSummary = { format, rows: 0, imported: 0, unchanged: 0, matched: 0, problems };

  /** The next valid row mapped onto the record, or null at the end of the file. */
  const nextRow = async (): Promise<MappedRow | null> => {
    while (true) {
      const next = await items.next();
      if (next.done) return null;
      if ("problem" in next.value) {
        problem(next.value.problem);
        continue;
      }
      const { row } = next.value;
      s.rows++;
      if (row.fields.length !== header.size) {
        problem(
          new SitrepError("E_CSV_ROW", `${row.fields.length} fields; the header has ${header.size}`, {
            file,
            line: row.line,
          }),
        );
        continue;
      }
      try {
        return map(new RowReader(header, row.fields, file, row.line));
      } catch (e) {
        if (e instanceof SitrepError) {
          problem(e);
          continue;
        }
        throw e;
      }
    }
  };

  const writeGroup = async (tx: StoreTx, rows: readonly MappedRow[], extracted: boolean) => {
    // Known already: imported before, or earlier in this file (the first row with an id stands).
    const known = await tx.importedIds(
      format,
      rows.map((m) => m.originalId),
    );
    const fresh: NewEventWithReport[] = [];
    const taken = new Set<number>();
    for (const m of rows) {
      if (known.has(m.originalId)) {
        s.unchanged++;
        continue;
      }
      known.add(m.originalId);
      s.imported++;
      if (!extracted) {
        fresh.push(newImportedEvent(m));
        continue;
      }
      taken.clear();
      const attached = await attachRecord(
        tx,
        {
          record: m.record,
          published: m.published,
          articleId: null,
          eventIndex: 0,
          dataset: m.dataset,
          originalId: m.originalId,
          sourceName: m.sourceName,
          syndicationGroup: null,
          title: null,
          // Rows of one dataset are distinct events by its own coding; they only join extracted events.
          matchDatasets: ["sitrep"] as Dataset[],
        },
        taken,
      );
      if (attached.match === "matched") s.matched++;
    }
    await tx.insertEventsWithReports(fresh);
  };

  // Rows only join extracted events: with none in the database there is nothing to look up.
  const hasExtracted = async () =>
    resolve &&
    (await store.queryEvents({ filter: { datasets: ["sitrep"] }, limit: 1, withTotal: false })).events.length > 0;
  // Each transaction takes the next `batchSize` rows as they are read: rows are written in small
  // groups and never all held at once, and a crash loses at most the open transaction's rows.
  let done = false;
  let extracted = await hasExtracted();
  const empty = (await store.counts()).events === 0;
  await store.bulkLoad(async () => {
    while (!done) {
      await store.transaction(async (tx) => {
        let group: MappedRow[] = [];
        for (let n = 0; n < batchSize; n++) {
          const m = await nextRow();
          if (!m) {
            done = true;
            break;
          }
          group.push(m);
          if (group.length >= GROUP) {
            await writeGroup(tx, group, extracted);
            group = [];
          }
        }
        await writeGroup(tx, group, extracted);
      });
      options.onProgress?.(s.rows);
      // Another process may ingest articles meanwhile; a load into an empty database has none to meet.
      if (!empty) extracted = await hasExtracted();
    }
  });
  return s;
}

export function importFile(store: Store, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return importCsv(store, readTextChunks(path), path, options);
}
