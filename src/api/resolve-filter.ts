import { resolveFilter } from "../query/filters.js";
import type { EventFilter } from "../query/types.js";
import { filterFromQuery } from "./filter-params.js";
import type { FilterQuery } from "./schemas/filter.js";

/**
 * The store-ready filter of a request: parameters parsed, then country names turned into codes
 * and actor aliases into every name of the actor by the query layer, as the CLI does.
 */
export async function requestFilter(q: FilterQuery): Promise<EventFilter> {
  return resolveFilter(filterFromQuery(q));
}
