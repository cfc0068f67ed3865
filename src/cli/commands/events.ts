import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { acledHeader, acledRow } from "../../export/acled-csv.js";
import { actorTimeline, eventsSince, firstEventOf } from "../../query/analytics.js";
import { addFilterOptions, parseFilterOptions, type FilterOptions } from "../../query/parse.js";
import { MASS_CASUALTY_KILLED, type GroupBy, type SortField } from "../../query/types.js";
import { openStore } from "../../store/open.js";
import type { StoredEvent } from "../../store/store.js";
import { oneOf } from "../options.js";
import { renderTable } from "../table.js";

const figure = (f: StoredEvent["killed"]) =>
  f.best === null
    ? ""
    : f.low === f.high || f.high === null
      ? `${f.best}${f.high === null ? "+" : ""}`
      : `${f.low}-${f.high}`;

function rows(events: readonly StoredEvent[]): unknown[][] {
  return events.map((e) => [
    e.id,
    e.dateStart ?? "",
    e.subEventType,
    [e.place, e.admin1, e.countryCode].filter(Boolean).join(", "),
    figure(e.killed),
    figure(e.injured),
    e.actors
      .filter((a) => a.role === "perpetrator")
      .map((a) => a.name)
      .join("; "),
    `${e.reportCount}/${e.sourceCount}`,
  ]);
}

const HEADERS = ["id", "date", "type", "place", "killed", "injured", "perpetrator", "reports/sources"];

function write(events: readonly StoredEvent[], format: string): void {
  if (format === "jsonl") for (const e of events) process.stdout.write(`${JSON.stringify(e)}\n`);
  else if (format === "csv") {
    process.stdout.write(acledHeader());
    for (const e of events) process.stdout.write(acledRow(e));
  } else process.stdout.write(`${renderTable(HEADERS, rows(events))}\n`);
}

interface EventsOptions extends FilterOptions {
  format: string;
  limit: string;
  offset: string;
  sort: string;
  countBy?: string;
  firstOf?: string;
  event?: string;
  nthSince?: string;
  massCasualty?: string;
  timeline?: string;
}

const whole = (v: string, flag: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new SitrepError("E_USAGE", `${flag} must be a whole number, not "${v}"`);
  return n;
};

export function registerEvents(program: Command): void {
  addFilterOptions(
    program
      .command("events")
      .description("list, count and question the events in the database")
      .option("-f, --format <format>", "table | jsonl | csv", "table")
      .option("--limit <n>", "at most this many events", "50")
      .option("--offset <n>", "skip this many events", "0")
      .option("--sort <field>", "date, -date, killed, -killed, injured, updated, id (- for descending)", "-date")
      .option(
        "--count-by <group>",
        "counts and fatalities by day, week, month, year, country, admin1, actor, eventType, subEventType, dataset",
      )
      .option(
        "--first-of <actor>",
        "the actor's first event in the place the filters give (with --event: is it that one?)",
      )
      .option("--event <id>", "the event a question is about")
      .option("--nth-since <date>", "the events matching the filters since a date, numbered (with --event: its number)")
      .option("--mass-casualty <n>", `killed threshold for --nth-since (default ${MASS_CASUALTY_KILLED})`)
      .option("--timeline <actor>", "the actor's events by --count-by period (default month)"),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ sitrep events --country AF --since 2021-08-15 --type "Explosions/Remote violence" --min-killed 10
  $ sitrep events --actor IS-K --count-by month
  $ sitrep events --country Afghanistan --count-by admin1 --format jsonl
  $ sitrep events --first-of IS-K --admin1 Kandahar --event 42       # is event 42 IS-K's first attack in Kandahar?
  $ sitrep events --nth-since 2021-08-15 --country AF --event 42     # which mass-casualty attack since 15 August is it?
  $ sitrep events --near 34.53,69.17,10 --text mosque --format csv`,
    )
    .action(async (opts: EventsOptions) => {
      oneOf("--format", opts.format, ["table", "jsonl", "csv"]);
      const filter = parseFilterOptions(opts);
      const eventId = opts.event === undefined ? undefined : whole(opts.event, "--event");
      const store = await openStore(program.opts<{ db: string }>().db);
      try {
        if (opts.firstOf) {
          const a = await firstEventOf(store, {
            actor: opts.firstOf,
            place: { countryCodes: filter.countryCodes, admin1: filter.admin1, place: filter.place, near: filter.near },
            ...(eventId === undefined ? {} : { eventId }),
          });
          if (a.isFirst !== null)
            process.stdout.write(
              `${a.isFirst ? "yes" : "no"}: ${a.earlier.length} earlier event${a.earlier.length === 1 ? "" : "s"} of ${opts.firstOf} there\n`,
            );
          write(a.earlier.length ? a.earlier : a.first ? [a.first] : [], opts.format);
          return;
        }
        if (opts.nthSince) {
          const a = await eventsSince(store, {
            since: opts.nthSince,
            filter,
            minKilled:
              opts.massCasualty === undefined
                ? (filter.minKilled ?? MASS_CASUALTY_KILLED)
                : whole(opts.massCasualty, "--mass-casualty"),
            ...(eventId === undefined ? {} : { eventId }),
          });
          if (eventId !== undefined)
            process.stdout.write(
              a.ordinal === null
                ? `event ${eventId} does not match\n`
                : `event ${eventId} is number ${a.ordinal} of ${a.events.length}\n`,
            );
          write(
            a.events.map((x) => x.event),
            opts.format,
          );
          return;
        }
        if (opts.timeline || opts.countBy) {
          const by = (opts.countBy ?? "month") as GroupBy;
          const buckets = opts.timeline
            ? await actorTimeline(store, { actor: opts.timeline, by: by as "month", filter })
            : await store.aggregate({ filter, groupBy: by });
          if (opts.format === "jsonl") for (const b of buckets) process.stdout.write(`${JSON.stringify(b)}\n`);
          else
            process.stdout.write(
              `${renderTable(
                [by, "events", "killed (low)", "killed (best)", "injured"],
                buckets.map((b) => [b.key, b.events, b.killedLow, b.killedBest, b.injuredBest]),
              )}\n`,
            );
          return;
        }
        const desc = opts.sort.startsWith("-");
        const field = opts.sort.replace(/^-/, "") as SortField;
        const page = await store.queryEvents({
          filter,
          sort: { field, direction: desc ? "desc" : "asc" },
          limit: whole(opts.limit, "--limit"),
          offset: whole(opts.offset, "--offset"),
        });
        write(page.events, opts.format);
        if (opts.format === "table") process.stderr.write(`${page.events.length} of ${page.total} events\n`);
      } finally {
        await store.close();
      }
    });
}
