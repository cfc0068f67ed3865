import type { EventFilter } from "../../query/types.js";
import { shiftDays } from "../../store/sql/where.js";
import { NO_DAY, dayOf, type Dictionary, type FactsSnapshot } from "./snapshot.js";

/**
 * The parts of a filter the snapshot answers by itself: plain comparisons on columns it holds,
 * evaluated as the store's SQL evaluates them (store/sql/where.ts; facts-cache.test.ts checks the
 * two agree). Everything else (actors, sources, words, provinces, places, distance, articles, and
 * any filter field added later) is left to the store and its indexes.
 */
const IN_MEMORY = new Set<keyof EventFilter>([
  "countryCodes",
  "eventTypes",
  "subEventTypes",
  "since",
  "until",
  "minKilled",
  "datasets",
  "roles",
  "ids",
  "idAfter",
  "bbox",
]);

export interface SplitFilter {
  readonly memory: EventFilter;
  readonly store: EventFilter;
}

export function splitFilter(filter: EventFilter): SplitFilter {
  const memory: Record<string, unknown> = {};
  const store: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    (IN_MEMORY.has(key as keyof EventFilter) ? memory : store)[key] = value;
  }
  // actorRoles only narrows an actor filter: it goes where the actors go.
  if ("actorRoles" in store && !("actors" in store)) delete store.actorRoles;
  return { memory: memory as EventFilter, store: store as EventFilter };
}

export const isEmpty = (f: EventFilter): boolean => Object.keys(f).length === 0;

function codes(dictionary: Dictionary, values: readonly string[] | undefined): Uint8Array | null {
  if (!values?.length) return null;
  const wanted = new Uint8Array(dictionary.values.length);
  for (const v of values) {
    const code = dictionary.find(v);
    if (code >= 0) wanted[code] = 1;
  }
  return wanted;
}

/** The positions among `base` whose events match the in-memory part of a filter. */
export function selectPositions(snapshot: FactsSnapshot, base: Int32Array, f: EventFilter): Int32Array {
  const types = codes(snapshot.types, f.eventTypes);
  const subTypes = codes(snapshot.subTypes, f.subEventTypes);
  const countries = codes(
    snapshot.countries,
    f.countryCodes?.map((c) => c.toUpperCase()),
  );
  const datasets = codes(snapshot.datasets, f.datasets);
  const roles = codes(snapshot.roles, f.roles);
  const ids = f.ids?.length ? new Set(f.ids) : null;
  const sinceDay = f.since !== undefined ? dayOf(f.since) : null;
  const sinceStart = f.since !== undefined ? dayOf(shiftDays(f.since, -366)) : null;
  const untilDay = f.until !== undefined ? dayOf(f.until) : null;
  const { bbox, minKilled, idAfter } = f;
  const out = new Int32Array(base.length);
  let n = 0;
  for (let i = 0; i < base.length; i++) {
    const p = base[i] as number;
    if (types && !types[snapshot.type[p] as number]) continue;
    if (subTypes && !subTypes[snapshot.subType[p] as number]) continue;
    if (countries && !countries[snapshot.country[p] as number]) continue;
    if (datasets && !datasets[snapshot.dataset[p] as number]) continue;
    if (roles && !roles[snapshot.role[p] as number]) continue;
    const id = snapshot.ids[p] as number;
    if (ids && !ids.has(id)) continue;
    if (idAfter !== undefined && !(id > idAfter)) continue;
    // A missing date, toll or coordinate fails every comparison, as NULL does in SQL.
    if (sinceDay !== null) {
      const end = snapshot.dayEnd[p] as number;
      const start = snapshot.dayStart[p] as number;
      if (end === NO_DAY || end < sinceDay || start === NO_DAY || start < (sinceStart as number)) continue;
    }
    if (untilDay !== null) {
      const start = snapshot.dayStart[p] as number;
      if (start === NO_DAY || start > untilDay) continue;
    }
    if (minKilled !== undefined) {
      const low = snapshot.killedLow[p] as number;
      if (low < 0 || low < minKilled) continue;
    }
    if (bbox) {
      const lat = snapshot.lat[p] as number;
      const lon = snapshot.lon[p] as number;
      if (!(lat >= bbox.south && lat <= bbox.north)) continue;
      if (bbox.west <= bbox.east ? !(lon >= bbox.west && lon <= bbox.east) : !(lon >= bbox.west || lon <= bbox.east))
        continue;
    }
    out[n++] = p;
  }
  return out.subarray(0, n);
}
