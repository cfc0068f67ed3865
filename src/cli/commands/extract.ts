import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import type { ArticleResult } from "../../core/record.js";
import { extract, type Extraction } from "../../extract.js";
import { readInputs } from "../../ingest/inputs.js";
import { parsePublished } from "../../ingest/published.js";
import { progress } from "../progress.js";
import { RunReport } from "../report.js";
import { renderTable } from "../table.js";

function eventRows(results: readonly ArticleResult[]): unknown[][] {
  return results.flatMap((r) =>
    r.events.map((e) => [
      r.id,
      e.role,
      e.subEventType,
      e.date?.start ?? "",
      [e.location?.name, e.location?.countryCode].filter(Boolean).join(", "),
      e.killed ? `${e.killed.low}${e.killed.high === e.killed.low ? "" : "+"}` : "",
      e.injured ? e.injured.best : "",
      [...e.perpetratorOrgs.map((f) => f.name ?? f.text), ...e.perpetratorIndividuals.map((f) => f.text)].join("; "),
    ]),
  );
}

function writeTrace(x: Extraction): void {
  for (const t of x.trace ?? []) {
    process.stderr.write(`${x.article.id}\t${t.stage}\t${t.rule}\t${t.start ?? ""}\t${t.message}\n`);
  }
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract events from articles, without a database (the evaluation contract)")
    .argument("<paths...>", "files, directories, or - for standard input")
    .option("-f, --format <format>", "jsonl | json | table", "jsonl")
    .option("--published <date>", "publication date (YYYY-MM-DD) for plain-text articles that carry none")
    .option("--explain", "print on stderr which stage and rule produced each fact")
    .option("-q, --quiet", "no progress line")
    .addHelpText(
      "after",
      `
Examples:
  $ sitrep extract examples/kandahar-2021-10-16.txt --format table
  $ sitrep extract articles.jsonl --format jsonl > events.jsonl
  $ cat story.txt | sitrep extract - --published 2021-10-16 --explain`,
    )
    .action(
      async (paths: string[], opts: { format: string; published?: string; explain?: boolean; quiet?: boolean }) => {
        if (!["jsonl", "json", "table"].includes(opts.format)) {
          throw new SitrepError("E_USAGE", `--format must be jsonl, json or table, not "${opts.format}"`);
        }
        const published = opts.published ? parsePublished(opts.published, { file: "--published" }) : null;
        const report = new RunReport();
        const bar = progress("extracting", { quiet: opts.quiet });
        const collected: ArticleResult[] = [];
        for await (const item of readInputs(paths, { published })) {
          if ("problem" in item) {
            report.problem(item.problem);
            continue;
          }
          const x = extract(item.article, { explain: opts.explain });
          report.articles++;
          bar.tick();
          if (opts.explain) writeTrace(x);
          if (opts.format === "jsonl") process.stdout.write(`${JSON.stringify(x.result)}\n`);
          else collected.push(x.result);
        }
        bar.stop();
        if (opts.format === "json") process.stdout.write(`${JSON.stringify(collected, null, 2)}\n`);
        if (opts.format === "table") {
          process.stdout.write(
            `${renderTable(["article", "role", "type", "date", "place", "killed", "injured", "perpetrator"], eventRows(collected))}\n`,
          );
        }
        process.exitCode = report.exitCode();
      },
    );
}
