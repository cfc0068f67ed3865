import { SitrepError } from "../core/errors.js";
import type { UserFilter } from "../query/filters.js";
import type { ActorRole, BoundingBox, Dataset, EventFilter } from "../query/types.js";
import type { FilterQuery } from "./schemas/filter.js";

const splitCommas = (xs: readonly string[]): string[] =>
  xs
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean);

function numbers(value: string, field: string, count: number): number[] {
  const parts = value.split(",").map(Number);
  if (parts.length !== count || parts.some((n) => !Number.isFinite(n))) {
    throw new SitrepError("E_VALIDATION", `expected ${count} comma-separated numbers, got "${value}"`, { field });
  }
  return parts;
}

export function parseBbox(value: string, field = "bbox"): BoundingBox {
  const [west, south, east, north] = numbers(value, field, 4) as [number, number, number, number];
  if (Math.abs(south) > 90 || Math.abs(north) > 90 || south > north) {
    throw new SitrepError("E_VALIDATION", "south and north must be latitudes with south <= north", { field });
  }
  if (Math.abs(west) > 180 || Math.abs(east) > 180) {
    throw new SitrepError("E_VALIDATION", "west and east must be longitudes in [-180, 180]", { field });
  }
  return { west, south, east, north };
}

function parseNear(value: string): EventFilter["near"] {
  const [lat, lon, radiusKm] = numbers(value, "near", 3) as [number, number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || radiusKm > 20_000) {
    throw new SitrepError("E_VALIDATION", "near is lat,lon,radiusKm with lat in [-90, 90], lon in [-180, 180]", {
      field: "near",
    });
  }
  return { lat, lon, radiusKm };
}

/**
 * The filter as the HTTP parameters give it, before names are resolved: country names and actor
 * aliases are still as the user typed them (the query layer resolves them).
 */
export function filterFromQuery(q: FilterQuery): UserFilter {
  if (q.since && q.until && q.since > q.until) {
    throw new SitrepError("E_VALIDATION", `since (${q.since}) is after until (${q.until})`, { field: "since" });
  }
  const f: { -readonly [K in keyof UserFilter]: UserFilter[K] } = {};
  const lists = (xs: readonly string[] | undefined) => (xs?.length ? splitCommas(xs) : undefined);
  f.countries = lists(q.country);
  f.admin1 = lists(q.admin1);
  f.place = lists(q.place);
  if (q.near) f.near = parseNear(q.near);
  if (q.bbox) f.bbox = parseBbox(q.bbox);
  f.since = q.since;
  f.until = q.until;
  f.eventTypes = lists(q.type);
  f.subEventTypes = lists(q.subType);
  f.actors = lists(q.actor);
  f.actorRoles = lists(q.actorRole) as ActorRole[] | undefined;
  f.victimTypes = lists(q.victim);
  f.minKilled = q.minKilled;
  f.sources = lists(q.source);
  f.text = q.text;
  f.datasets = lists(q.dataset) as Dataset[] | undefined;
  f.roles = lists(q.role) as ("reported" | "background")[] | undefined;
  if (q.id?.length) f.ids = q.id;
  f.articleId = q.article;
  for (const key of Object.keys(f) as (keyof UserFilter)[]) if (f[key] === undefined) delete f[key];
  return f;
}
