import type { SortField } from "../../query/types.js";
import { NO_DAY, type FactsSnapshot } from "./snapshot.js";

/** The sorts the snapshot can order by itself, as the store orders them (store/sql/where.ts orderBy). */
export const MEMORY_SORTS: ReadonlySet<SortField> = new Set<SortField>(["date", "killed", "injured", "id"]);

const ID_SPAN = 2 ** 31;

/**
 * The events at `positions` ordered by `field`, ascending, as one number each (value · 2^31 + id),
 * so that the engine's native numeric sort does the work. A missing value sorts last whichever the
 * direction, as NULLS LAST does; ties go by id in the sort's direction.
 */
export function sortKeys(
  snapshot: FactsSnapshot,
  positions: Int32Array,
  field: SortField,
  direction: "asc" | "desc",
): Float64Array {
  const keys = new Float64Array(positions.length);
  const missing = direction === "asc" ? 2 ** 52 : -(2 ** 52);
  const column =
    field === "date"
      ? snapshot.dayStart
      : field === "killed"
        ? snapshot.killedBest
        : field === "injured"
          ? snapshot.injuredBest
          : null;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] as number;
    const id = snapshot.ids[p] as number;
    if (!column) {
      keys[i] = id;
      continue;
    }
    const v = column[p] as number;
    const absent = field === "date" ? v === NO_DAY : v < 0;
    keys[i] = absent ? missing + id : v * ID_SPAN + id;
  }
  return keys.sort();
}

/** The ids of one page of events ordered by `sortKeys`. */
export function pageIds(keys: Float64Array, direction: "asc" | "desc", offset: number, limit: number): number[] {
  const ids: number[] = [];
  for (let k = offset; k < offset + limit && k < keys.length; k++) {
    const key = keys[direction === "asc" ? k : keys.length - 1 - k] as number;
    ids.push(((key % ID_SPAN) + ID_SPAN) % ID_SPAN);
  }
  return ids;
}
