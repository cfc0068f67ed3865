import type { Store } from "../store/store.js";

/** What every route module is given: the store and the limits the server was started with. */
export interface ApiContext {
  readonly store: Store;
  /** Largest article upload (POST /api/articles), in bytes. */
  readonly uploadLimitBytes: number;
  /** Largest JSON body of every other write, in bytes. */
  readonly bodyLimitBytes: number;
}
