import type { EventQuery } from "../../query/types.js";
import { searchWords } from "./where.js";

/**
 * The words of a query each store answers by its own text-search path: a text search and nothing else, sorted newest first
 * (the order of the date index). Null for any other query.
 */
export function textOnlyNewestFirst(q: EventQuery): string[] | null {
  const filter = q.filter ?? {};
  const sort = q.sort ?? { field: "date", direction: "desc" };
  if (sort.field !== "date" || sort.direction === "asc") return null;
  for (const [key, value] of Object.entries(filter)) {
    if (key === "text" || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return null;
  }
  const words = searchWords(filter.text ?? "");
  return words.length > 0 ? words : null;
}
