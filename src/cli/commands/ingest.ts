import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { readInputs } from "../../ingest/inputs.js";
import { ingestArticles } from "../../ingest/pipeline.js";
import { parsePublished } from "../../ingest/published.js";
import { openStore } from "../../store/open.js";
import { progress } from "../progress.js";
import { RunReport } from "../report.js";

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("read articles, extract their events, resolve them against the database and store them")
    .argument("<paths...>", "files, directories (read recursively), or - for standard input")
    .option("--published <date>", "publication date (YYYY-MM-DD) for plain-text articles that carry none")
    .option("--batch <n>", "articles per transaction", "50")
    .option("-q, --quiet", "no progress line and no summary")
    .addHelpText(
      "after",
      `
Ingesting is idempotent: an article already stored (same text) is skipped, so running the same
folder twice changes nothing. A file that cannot be read is reported with its path and line and
skipped; the exit status is then 3.

Examples:
  $ sitrep ingest examples/
  $ sitrep --db postgres://localhost/sitrep ingest feeds/*.xml reports/
  $ cat story.txt | sitrep ingest - --published 2021-10-16`,
    )
    .action(async (paths: string[], opts: { published?: string; batch: string; quiet?: boolean }) => {
      const published = opts.published ? parsePublished(opts.published, { file: "--published" }) : null;
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new SitrepError("E_USAGE", `--batch must be a positive whole number, not "${opts.batch}"`);
      }
      const store = await openStore(program.opts<{ db: string }>().db);
      const report = new RunReport();
      const bar = progress("ingesting", { quiet: opts.quiet });
      try {
        const summary = await ingestArticles(store, readInputs(paths, { published }), {
          batchSize,
          onProblem: (p) => report.problem(p),
          onArticle: () => {
            report.articles++;
            bar.tick();
          },
        });
        bar.stop();
        if (!opts.quiet) {
          process.stderr.write(
            `sitrep: ${report.summary()}; ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.copies} syndicated copies; ` +
              `${summary.newEvents} new events, ${summary.matchedReports} reports of known events\n`,
          );
        }
      } finally {
        bar.stop();
        await store.close();
      }
      process.exitCode = report.exitCode();
    });
}
