import type { Command } from "commander";
import type { ArticleResult } from "../../core/record.js";
import { extract, type Extraction } from "../../extract.js";
import { eachArticle } from "../each-article.js";
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
    .action(async (paths: string[], opts: { format: string; published?: string; explain?: boolean; quiet?: boolean }) =>
      eachArticle(paths, opts, {
        doing: "extracting",
        each: (article) => {
          const x = extract(article, { explain: opts.explain });
          if (opts.explain) writeTrace(x);
          return x.result;
        },
        table: (results) =>
          renderTable(
            ["article", "role", "type", "date", "place", "killed", "injured", "perpetrator"],
            eventRows(results),
          ),
      }),
    );
}
