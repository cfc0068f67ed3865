import type { Command } from "commander";
import { importFile, type ImportFormat } from "../../import/import.js";
import { openStore } from "../../store/open.js";
import { oneOf } from "../options.js";
import { progress } from "../progress.js";
import { RunReport } from "../report.js";

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("import an ACLED, GTD or UCDP GED export (CSV) beside the extracted events")
    .argument("<file>", "the CSV file")
    .option("--format <format>", "acled | gtd | ucdp (default: recognised from the header)")
    .option("--no-resolve", "do not match rows with events extracted from articles")
    .option("-q, --quiet", "no progress line and no summary")
    .addHelpText(
      "after",
      `
Rows are streamed, checked one by one (a bad row is reported with its line and skipped) and kept
with their dataset and id: importing the same file again changes nothing.

Examples:
  $ sitrep import 2021-afghanistan.acled.csv
  $ sitrep import globalterrorismdb.csv --format gtd
  $ sitrep --db postgres://localhost/sitrep import GEDEvent_v24_1.csv`,
    )
    .action(async (file: string, opts: { format?: string; resolve: boolean; quiet?: boolean }) => {
      const format = opts.format ? oneOf<ImportFormat>("--format", opts.format, ["acled", "gtd", "ucdp"]) : undefined;
      const store = await openStore(program.opts<{ db: string }>().db);
      const report = new RunReport();
      const bar = progress("importing", { quiet: opts.quiet });
      let last = 0;
      try {
        const s = await importFile(store, file, {
          ...(format ? { format } : {}),
          resolve: opts.resolve,
          onProblem: (p) => report.problem(p),
          onProgress: (rows) => {
            bar.tick(rows - last);
            last = rows;
          },
        });
        bar.stop();
        report.articles = s.imported + s.unchanged;
        if (!opts.quiet) {
          process.stderr.write(
            `sitrep: ${s.format}: ${s.rows} rows; ${s.imported} imported (${s.matched} joined extracted events), ${s.unchanged} already there, ${s.problems.length} rejected\n`,
          );
        }
      } finally {
        bar.stop();
        await store.close();
      }
      process.exitCode = report.exitCode();
    });
}
