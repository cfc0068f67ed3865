import type { Command } from "commander";
import type { StoredEvent } from "../../store/store.js";
import { readInputs } from "../../ingest/inputs.js";
import { ingestArticles } from "../../ingest/pipeline.js";
import { openStore } from "../../store/open.js";
import { projectPath } from "../../util/paths.js";
import { portNumber } from "../options.js";
import { RunReport } from "../report.js";
import { renderTable } from "../table.js";

const figure = (low: number | null, best: number | null, high: number | null): string => {
  if (best === null && low === null) return "";
  if (high === null) return `${low ?? best}+`;
  return low === high ? String(best ?? low) : `${low}-${high}`;
};

/** The summary table `npm start` prints: one row an event, newest first. */
export function eventSummary(events: readonly StoredEvent[]): string {
  return renderTable(
    ["id", "date", "role", "type", "place", "country", "killed", "injured", "perpetrator", "reports"],
    events.map((e) => [
      e.id,
      e.dateStart ?? "",
      e.role,
      e.subEventType,
      e.place ?? e.admin1 ?? "",
      e.countryCode ?? "",
      figure(e.killed.low, e.killed.best, e.killed.high),
      figure(e.injured.low, e.injured.best, e.injured.high),
      e.actors
        .filter((a) => a.role === "perpetrator")
        .map((a) => a.name)
        .join("; "),
      e.reportCount,
    ]),
    32,
  );
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled example articles, print their events and serve the web UI (what `npm start` runs)")
    .option("--examples <dir>", "folder of articles to ingest", projectPath("examples"))
    .option("-p, --port <port>", "port of the web UI (0: any free port)", "8080")
    .option("--no-serve", "print the events and exit, without serving the UI")
    .addHelpText(
      "after",
      `
Examples:
  $ npm start
  $ sitrep --db /tmp/demo.db demo --no-serve`,
    )
    .action(async (opts: { examples: string; port: string; serve: boolean }) => {
      const db = program.opts<{ db: string }>().db;
      const store = await openStore(db);
      const report = new RunReport();
      try {
        const summary = await ingestArticles(store, readInputs([opts.examples]), {
          onProblem: (p) => report.problem(p),
          onArticle: () => report.articles++,
        });
        const counts = await store.counts();
        const page = await store.queryEvents({ limit: 50, sort: { field: "date", direction: "desc" } });
        process.stdout.write(
          `sitrep: ingested ${opts.examples} into ${db}: ${summary.stored} new articles (${summary.duplicates} already stored); ` +
            `the database holds ${counts.articles} articles, ${counts.events} events, ${counts.reports} reports.\n\n`,
        );
        process.stdout.write(`${eventSummary(page.events)}\n`);
      } finally {
        await store.close();
      }
      process.exitCode = report.exitCode();
      if (!opts.serve) return;
      const port = portNumber(opts.port);
      const { startServer } = await import("../../api/server.js");
      const server = await startServer({ db, port });
      process.stdout.write(
        `\nsitrep: the workbench is at ${server.url} (API docs: ${server.url}docs); Ctrl-C stops it.\n`,
      );
      const stop = () => void server.close().then(() => process.exit(process.exitCode ?? 0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
