import { readFileSync } from "node:fs";
import { SitrepError } from "../core/errors.js";
import { projectPath } from "../util/paths.js";

export interface EventTypeNames {
  readonly name: string;
  readonly definition: string;
  readonly subEventTypes: readonly { readonly name: string; readonly definition: string }[];
}

let cached: EventTypeNames[] | null = null;

/** The ACLED event and sub-event types of data/taxonomy/types.json, for the UI's pickers. */
export function eventTypeNames(): EventTypeNames[] {
  if (cached) return cached;
  const file = projectPath("data", "taxonomy", "types.json");
  try {
    const doc = JSON.parse(readFileSync(file, "utf8")) as { eventTypes: EventTypeNames[] };
    cached = doc.eventTypes.map((t) => ({
      name: t.name,
      definition: t.definition,
      subEventTypes: t.subEventTypes.map((s) => ({ name: s.name, definition: s.definition })),
    }));
    return cached;
  } catch (e) {
    throw new SitrepError("E_DATA_INVALID", (e as Error).message, { file });
  }
}
