import type { EventFacts } from "../../store/event-facts.js";

/** Day number of a missing date. */
export const NO_DAY = -2147483648;

const MAX_LAT = 85;

/** Days since 1970-01-01 of an ISO date, read from its digits (no Date object per event). */
export function dayOf(iso: string | null): number {
  if (!iso || iso.length < 10) return NO_DAY;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Web Mercator x in radians east of -180°, and y with latitudes clamped to ±85°. */
export function mercator(lat: number, lon: number): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return [((lon + 180) * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) + Math.PI];
}

/** Strings stored once each, as small integers. */
export class Dictionary {
  readonly values: (string | null)[] = [];
  private readonly index = new Map<string | null, number>();

  of(value: string | null): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  /** The code of a value, or -1 when no event has it. */
  find(value: string | null): number {
    return this.index.get(value) ?? -1;
  }
}

let generations = 0;

function grow<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2, 1024));
  b.set(a);
  return b;
}

/**
 * The facts of every live event as columns, with what aggregation needs precomputed (day numbers,
 * months, Mercator coordinates, event types as small integers). Events changed by this server are
 * patched in place; a reload replaces the whole snapshot.
 */
export class FactsSnapshot {
  size = 0;
  ids = new Int32Array(0);
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  mx = new Float64Array(0);
  my = new Float64Array(0);
  dayStart = new Int32Array(0);
  dayEnd = new Int32Array(0);
  /** year·12 + month-1 of the start date. */
  monthStart = new Int32Array(0);
  type = new Uint16Array(0);
  subType = new Uint16Array(0);
  country = new Uint16Array(0);
  dataset = new Uint8Array(0);
  role = new Uint8Array(0);
  killedLow = new Int32Array(0);
  killedBest = new Int32Array(0);
  injuredBest = new Int32Array(0);
  /** 0 for an event merged away since the snapshot was loaded. */
  alive = new Uint8Array(0);
  readonly types = new Dictionary();
  readonly subTypes = new Dictionary();
  readonly countries = new Dictionary();
  readonly datasets = new Dictionary();
  readonly roles = new Dictionary();
  private readonly positions = new Map<number, number>();
  /**
   * Changes with every load and patch, unique across snapshots, so that positions kept for one
   * snapshot are never taken for another's.
   */
  generation = 0;

  constructor(facts: EventFacts) {
    this.upsert(facts);
  }

  positionOf(id: number): number | undefined {
    return this.positions.get(id);
  }

  private reserve(size: number): void {
    this.ids = grow(this.ids, size);
    this.lat = grow(this.lat, size);
    this.lon = grow(this.lon, size);
    this.mx = grow(this.mx, size);
    this.my = grow(this.my, size);
    this.dayStart = grow(this.dayStart, size);
    this.dayEnd = grow(this.dayEnd, size);
    this.monthStart = grow(this.monthStart, size);
    this.type = grow(this.type, size);
    this.subType = grow(this.subType, size);
    this.country = grow(this.country, size);
    this.dataset = grow(this.dataset, size);
    this.role = grow(this.role, size);
    this.killedLow = grow(this.killedLow, size);
    this.killedBest = grow(this.killedBest, size);
    this.injuredBest = grow(this.injuredBest, size);
    this.alive = grow(this.alive, size);
  }

  /** Writes the facts of these events: new ones are added, known ones overwritten. */
  upsert(facts: EventFacts): void {
    this.reserve(this.size + facts.ids.length);
    for (let i = 0; i < facts.ids.length; i++) {
      const id = facts.ids[i] as number;
      let p = this.positions.get(id);
      if (p === undefined) {
        p = this.size++;
        this.positions.set(id, p);
      }
      const lat = facts.lat[i] as number;
      const lon = facts.lon[i] as number;
      const start = facts.dateStart[i] ?? null;
      this.ids[p] = id;
      this.lat[p] = lat;
      this.lon[p] = lon;
      const [x, y] = Number.isNaN(lat) || Number.isNaN(lon) ? [NaN, NaN] : mercator(lat, lon);
      this.mx[p] = x;
      this.my[p] = y;
      this.dayStart[p] = dayOf(start);
      // As stored: a missing end date is missing (the store's date filters treat it so).
      this.dayEnd[p] = dayOf(facts.dateEnd[i] ?? null);
      this.monthStart[p] = start ? Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 : NO_DAY;
      this.type[p] = this.types.of(facts.eventType[i] as string);
      this.subType[p] = this.subTypes.of(facts.subEventType[i] as string);
      this.country[p] = this.countries.of(facts.countryCode[i] ?? null);
      this.dataset[p] = this.datasets.of(facts.dataset[i] as string);
      this.role[p] = this.roles.of(facts.role[i] as string);
      this.killedLow[p] = facts.killedLow[i] as number;
      this.killedBest[p] = facts.killedBest[i] as number;
      this.injuredBest[p] = facts.injuredBest[i] as number;
      this.alive[p] = 1;
    }
    this.generation = ++generations;
  }

  /** Marks events that are no longer live (merged into another). */
  remove(ids: Iterable<number>): void {
    for (const id of ids) {
      const p = this.positions.get(id);
      if (p !== undefined) this.alive[p] = 0;
    }
    this.generation = ++generations;
  }

  /** The positions of the live events among `ids`; ids the snapshot does not hold yet are left out. */
  positionsOf(ids: Int32Array): Int32Array {
    const out = new Int32Array(ids.length);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const p = this.positions.get(ids[i] as number);
      if (p !== undefined && this.alive[p]) out[n++] = p;
    }
    return out.subarray(0, n);
  }

  private all: { generation: number; positions: Int32Array } | null = null;

  /** Every live position (one array per generation, so that what is derived from it can be kept). */
  allPositions(): Int32Array {
    if (this.all?.generation === this.generation) return this.all.positions;
    const out = new Int32Array(this.size);
    let n = 0;
    for (let p = 0; p < this.size; p++) if (this.alive[p]) out[n++] = p;
    this.all = { generation: this.generation, positions: out.subarray(0, n) };
    return this.all.positions;
  }
}
