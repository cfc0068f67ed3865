import type { Store } from "../store/store.js";
import type { FactsCache } from "./facts/facts-cache.js";

/** What every route module is given: the store and the limits the server was started with. */
export interface ApiContext {
  readonly store: Store;
  /** The events' facts in memory, for the map, the timeline and counts. */
  readonly facts: FactsCache;
  /** Largest article upload (POST /api/articles), in bytes. */
  readonly uploadLimitBytes: number;
  /** Largest JSON body of every other write, in bytes. */
  readonly bodyLimitBytes: number;
}
