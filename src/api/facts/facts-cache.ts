import type { EventFilter, SortField } from "../../query/types.js";
import type { Store } from "../../store/store.js";
import { isEmpty, selectPositions, splitFilter } from "./memory-filter.js";
import { pageIds, sortKeys } from "./order.js";
import { FactsSnapshot } from "./snapshot.js";

export interface FactsCacheOptions {
  /** How often the store's change token is read (ms). */
  readonly checkEveryMs?: number;
  /** Least time between two full reloads (ms): a busy ingest does not reload the snapshot on every request. */
  readonly minReloadMs?: number;
  /** Filters whose event ids are kept. */
  readonly filters?: number;
}

/** A filter's key: the same filter written in any key order is one entry. */
export function filterKey(filter: EventFilter): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sorted(x)]),
          )
        : v;
  return JSON.stringify(sorted(filter));
}

/** Orders kept at once (a sorted 200,000-event selection is 1.6 MB). */
const MAX_ORDERS = 8;

/** Sets `key`, first dropping the oldest entry when the map already holds `max`. */
function setBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

export interface FactsView {
  readonly snapshot: FactsSnapshot;
  /** Positions in the snapshot of the matching events it holds. */
  readonly positions: Int32Array;
  /** How many events match, as the store counted them (events newer than the snapshot included). */
  readonly total: number;
}

interface IdsEntry {
  /** Shared by concurrent requests for one filter (the map, the timeline and the table ask at once). */
  readonly ids: Promise<Int32Array>;
  positions: Int32Array | null;
  generation: number;
}

/**
 * The map's and timeline's view of the database: a snapshot of every event's facts in memory,
 * and, per filter, the ids of the events the store says match it. A map that pans, a timeline
 * and a table showing one filter ask the store once; each answer is then a pass over arrays.
 *
 * Freshness: the store's change token (newest report and decision) is read at most every
 * `checkEveryMs`; when it moves, the filter ids are asked again at once, and the snapshot is
 * reloaded (at most every `minReloadMs`). Changes this server makes are patched into the
 * snapshot as they happen, so that an analyst sees their own correction on the map at once.
 */
export class FactsCache {
  private snapshot: FactsSnapshot | null = null;
  private loading: Promise<FactsSnapshot> | null = null;
  private snapshotToken = "";
  private knownToken = "";
  private lastCheck = 0;
  private lastLoad = 0;
  private readonly ids = new Map<string, IdsEntry>();
  /** Sorted keys of a filter's events per sort, while its selection (the same positions array) stands. */
  private readonly orders = new Map<string, { positions: Int32Array; keys: Float64Array }>();
  /** The positions each whole filter selected, for the snapshot generation and change token they were computed at. */
  private readonly selections = new Map<
    string,
    { generation: number; token: string; positions: Int32Array; total: number }
  >();
  private readonly checkEveryMs: number;
  private readonly minReloadMs: number;
  private readonly maxFilters: number;

  constructor(
    private readonly store: Store,
    options: FactsCacheOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 1000;
    this.minReloadMs = options.minReloadMs ?? 10_000;
    this.maxFilters = options.filters ?? 64;
  }

  private load(): Promise<FactsSnapshot> {
    if (!this.loading) {
      this.loading = (async () => {
        const token = await this.store.changeToken();
        const snapshot = new FactsSnapshot(await this.store.eventFacts());
        this.snapshot = snapshot;
        this.snapshotToken = token;
        this.knownToken = token;
        this.lastLoad = this.lastCheck = Date.now();
        return snapshot;
      })().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** The snapshot, reloaded first when the database changed and the last reload is old enough. */
  private async fresh(): Promise<FactsSnapshot> {
    if (!this.snapshot) return this.load();
    const now = Date.now();
    if (now - this.lastCheck >= this.checkEveryMs) {
      this.lastCheck = now;
      const token = await this.store.changeToken();
      if (token !== this.knownToken) {
        this.knownToken = token;
        this.ids.clear();
      }
    }
    if (this.knownToken !== this.snapshotToken && now - this.lastLoad >= this.minReloadMs) return this.load();
    return this.snapshot;
  }

  /**
   * The snapshot and the positions in it of the events matching `filter`. The parts of the
   * filter the snapshot holds columns for are evaluated here; the rest is asked of the store
   * (once per filter until the database changes).
   */
  async view(filter: EventFilter): Promise<FactsView> {
    const snapshot = await this.fresh();
    const { memory, store } = splitFilter(filter);
    const key = filterKey(filter);
    const memo = this.selections.get(key);
    // A selection made in memory alone changes only with the snapshot; one the store helped make, with the database.
    if (memo && memo.generation === snapshot.generation && (isEmpty(store) || memo.token === this.knownToken)) {
      return { snapshot, positions: memo.positions, total: memo.total };
    }
    let base: Int32Array;
    let total: number | null = null;
    if (isEmpty(store)) {
      base = snapshot.allPositions();
    } else {
      const { positions, ids } = await this.storeSelection(snapshot, store);
      base = positions;
      // Events newer than the snapshot are counted when the store alone decides.
      if (isEmpty(memory)) total = ids.length;
    }
    const positions = isEmpty(memory) ? base : selectPositions(snapshot, base, memory);
    const view = { snapshot, positions, total: total ?? positions.length };
    setBounded(
      this.selections,
      key,
      { generation: snapshot.generation, token: this.knownToken, positions, total: view.total },
      this.maxFilters,
    );
    return view;
  }

  /** The positions of the events the store selects for the filter's store part. */
  private async storeSelection(
    snapshot: FactsSnapshot,
    filter: EventFilter,
  ): Promise<{ positions: Int32Array; ids: Int32Array }> {
    const key = filterKey(filter);
    let entry = this.ids.get(key);
    if (!entry) {
      entry = { ids: this.store.eventIds(filter), positions: null, generation: -1 };
      setBounded(this.ids, key, entry, this.maxFilters);
      // A failed query is not kept: the next request asks again.
      const failed = entry;
      entry.ids.catch(() => this.ids.get(key) === failed && this.ids.delete(key));
    } else {
      // Least recently used goes first: re-inserting moves the entry to the end.
      this.ids.delete(key);
      this.ids.set(key, entry);
    }
    const ids = await entry.ids;
    if (!entry.positions || entry.generation !== snapshot.generation) {
      entry.positions = snapshot.positionsOf(ids);
      entry.generation = snapshot.generation;
    }
    return { positions: entry.positions, ids };
  }

  /**
   * One page of the events of `filter` in the order of `field`: their ids, and the total. The
   * order is kept per filter, so that turning pages costs nothing.
   */
  async page(
    filter: EventFilter,
    field: SortField,
    direction: "asc" | "desc",
    offset: number,
    limit: number,
  ): Promise<{ ids: number[]; total: number }> {
    const view = await this.view(filter);
    const key = `${filterKey(filter)} ${field} ${direction}`;
    let sorted = this.orders.get(key);
    if (!sorted || sorted.positions !== view.positions) {
      sorted = { positions: view.positions, keys: sortKeys(view.snapshot, view.positions, field, direction) };
      setBounded(this.orders, key, sorted, MAX_ORDERS);
    }
    return { ids: pageIds(sorted.keys, direction, offset, limit), total: view.total };
  }

  /** After this server changed events: their facts are read again, and every filter's ids dropped. */
  async changed(eventIds: readonly number[]): Promise<void> {
    this.ids.clear();
    this.selections.clear();
    if (!this.snapshot || eventIds.length === 0) return;
    const facts = await this.store.eventFacts({ ids: eventIds });
    const live = new Set(facts.ids);
    this.snapshot.upsert(facts);
    this.snapshot.remove(eventIds.filter((id) => !live.has(id)));
  }
}
