import { SitrepError } from "../core/errors.js";
import { parsePublished } from "../ingest/published.js";
import { resolveFilter } from "./filters.js";
import type { ActorRole, Dataset, EventFilter } from "./types.js";

/** Filter options as the CLI (and query strings) give them: text, lists comma-separated. */
export interface FilterOptions {
  country?: string;
  admin1?: string;
  place?: string;
  near?: string;
  bbox?: string;
  since?: string;
  until?: string;
  type?: string;
  subType?: string;
  actor?: string;
  actorRole?: string;
  victim?: string;
  minKilled?: string;
  source?: string;
  text?: string;
  dataset?: string;
  role?: string;
}

const list = (v: string | undefined): string[] | undefined => {
  const xs = v
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return xs?.length ? xs : undefined;
};

function numbers(v: string, n: number, field: string): number[] {
  const xs = v.split(",").map((s) => Number(s.trim()));
  if (xs.length !== n || xs.some((x) => !Number.isFinite(x)))
    throw new SitrepError("E_USAGE", `--${field} needs ${n} numbers separated by commas, not "${v}"`);
  return xs;
}

const date = (v: string | undefined, field: string) =>
  v === undefined ? undefined : (parsePublished(v, { file: `--${field}` }) ?? undefined);

/** The store's filter for the options given; unknown countries and malformed values are usage errors. */
export function parseFilterOptions(o: FilterOptions): EventFilter {
  const near = o.near === undefined ? undefined : numbers(o.near, 3, "near");
  const bbox = o.bbox === undefined ? undefined : numbers(o.bbox, 4, "bbox");
  let minKilled: number | undefined;
  if (o.minKilled !== undefined) {
    minKilled = Number(o.minKilled);
    if (!Number.isInteger(minKilled) || minKilled < 0)
      throw new SitrepError("E_USAGE", `--min-killed must be a whole number, not "${o.minKilled}"`);
  }
  const f = {
    countries: list(o.country),
    admin1: list(o.admin1),
    place: list(o.place),
    near: near && { lat: near[0] as number, lon: near[1] as number, radiusKm: near[2] as number },
    bbox: bbox && {
      west: bbox[0] as number,
      south: bbox[1] as number,
      east: bbox[2] as number,
      north: bbox[3] as number,
    },
    since: date(o.since, "since"),
    until: date(o.until, "until"),
    eventTypes: list(o.type),
    subEventTypes: list(o.subType),
    actors: list(o.actor),
    actorRoles: list(o.actorRole) as ActorRole[] | undefined,
    victimTypes: list(o.victim),
    minKilled,
    sources: list(o.source),
    text: o.text,
    datasets: list(o.dataset) as Dataset[] | undefined,
    roles: list(o.role) as ("reported" | "background")[] | undefined,
  };
  const defined = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  try {
    return resolveFilter(defined);
  } catch (e) {
    if (e instanceof SitrepError && e.code === "E_VALIDATION") throw new SitrepError("E_USAGE", e.detail, e.where);
    throw e;
  }
}

/** Registers the filter options on a command (commander), the same for `events` and `export`. */
export function addFilterOptions<T extends { option(flags: string, description: string): T }>(cmd: T): T {
  return cmd
    .option("--country <names>", "country names or ISO codes, comma-separated (Afghanistan, AF, AFG)")
    .option("--admin1 <names>", "first-level divisions (provinces), comma-separated")
    .option("--place <names>", "town or site names, comma-separated")
    .option("--near <lat,lon,km>", "within a radius of a point")
    .option("--bbox <west,south,east,north>", "within a bounding box")
    .option("--since <date>", "on or after this date (YYYY-MM-DD)")
    .option("--until <date>", "on or before this date (YYYY-MM-DD)")
    .option("--type <types>", "ACLED event types, comma-separated")
    .option("--sub-type <types>", "ACLED sub-event types, comma-separated")
    .option("--actor <names>", "actor names or aliases (IS-K = ISKP = Islamic State Khorasan Province)")
    .option("--actor-role <roles>", "perpetrator, target, victim, claimant, associate")
    .option("--victim <categories>", "victim types: civilians, worshippers, ...")
    .option("--min-killed <n>", "at least this many killed (the low figure, as ACLED counts)")
    .option("--source <names>", "outlets or cited sources")
    .option("--text <words>", "full-text search in the notes and the articles")
    .option("--dataset <names>", "sitrep, acled, gtd, ucdp")
    .option("--role <roles>", "reported, background");
}
