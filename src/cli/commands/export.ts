import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { exportEvents, type ExportFormat } from "../../export/export.js";
import { addFilterOptions, parseFilterOptions, type FilterOptions } from "../../query/parse.js";
import { openStore } from "../../store/open.js";
import { oneOf } from "../options.js";

export function registerExport(program: Command): void {
  addFilterOptions(
    program
      .command("export")
      .description("write the events (all, or those a filter selects) as JSONL, ACLED CSV or GeoJSON")
      .option("-f, --format <format>", "jsonl | acled-csv | geojson", "jsonl")
      .option("-o, --out <file>", "write to a file instead of standard output"),
  )
    .addHelpText(
      "after",
      `
jsonl: one event a line with all its reports, each with its evidence offsets, and the history of its figures.
acled-csv: ACLED's columns; fatalities is the low figure, cells that a spreadsheet would run are defused.
geojson: a FeatureCollection of points (events without coordinates are left out and counted).

Examples:
  $ sitrep export --format acled-csv --country AF --since 2021-08-15 --out af.csv
  $ sitrep export --format geojson --actor IS-K > isk.geojson`,
    )
    .action(async (opts: FilterOptions & { format: string; out?: string }) => {
      const format = oneOf<ExportFormat>("--format", opts.format, ["jsonl", "acled-csv", "geojson"]);
      const filter = parseFilterOptions(opts);
      const store = await openStore(program.opts<{ db: string }>().db);
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      const write = (chunk: string) =>
        out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once("drain", () => resolve()));
      try {
        const r = await exportEvents(store, format, filter, write);
        process.stderr.write(
          `sitrep: ${r.events} events exported${r.skipped ? `, ${r.skipped} without coordinates left out` : ""}\n`,
        );
      } finally {
        await store.close();
        if (opts.out) await new Promise<void>((resolve) => out.end(() => resolve()));
      }
    });
}
