import type { ArticleInput } from "../core/article.js";
import { readInputs } from "../ingest/inputs.js";
import { parsePublished } from "../ingest/published.js";
import { oneOf } from "./options.js";
import { progress } from "./progress.js";
import { RunReport } from "./report.js";

/** The options every command that works article by article, without a database, takes. */
export interface EachArticleOptions {
  readonly format: string;
  readonly published?: string;
  readonly quiet?: boolean;
}

/**
 * `extract` and `geoparse`: every article of the inputs through `each`. JSON lines are written as
 * each article is done, so that a long run streams; a JSON array or a table once all are.
 */
export async function eachArticle<T>(
  paths: readonly string[],
  opts: EachArticleOptions,
  how: {
    /** The progress line's label. */
    readonly doing: string;
    /** Loads what `each` needs, once the options are known to be good. */
    readonly prepare?: () => void;
    readonly each: (article: ArticleInput) => T;
    readonly table: (results: readonly T[]) => string;
  },
): Promise<void> {
  const format = oneOf("--format", opts.format, ["jsonl", "json", "table"]);
  const published = opts.published ? parsePublished(opts.published, { file: "--published" }) : null;
  how.prepare?.();
  const report = new RunReport();
  const bar = progress(how.doing, { quiet: opts.quiet });
  const collected: T[] = [];
  for await (const item of readInputs(paths, { published })) {
    if ("problem" in item) {
      report.problem(item.problem);
      continue;
    }
    const result = how.each(item.article);
    report.articles++;
    bar.tick();
    if (format === "jsonl") process.stdout.write(`${JSON.stringify(result)}\n`);
    else collected.push(result);
  }
  bar.stop();
  if (format === "json") process.stdout.write(`${JSON.stringify(collected, null, 2)}\n`);
  if (format === "table") process.stdout.write(`${how.table(collected)}\n`);
  process.exitCode = report.exitCode();
}
