/**
 * The event filter as HTTP query parameters, one JSON Schema shared by every route that selects
 * events (list, map, aggregates, questions, export), so that a filter means the same everywhere.
 * Lists are repeated parameters (`type=Battles&type=Riots`) or comma-separated (`country=AF,PK`),
 * as the CLI's options are.
 */
const text = (description: string, maxLength = 200) =>
  ({ type: "string", minLength: 1, maxLength, description }) as const;
const list = (description: string, items: object = { type: "string", minLength: 1, maxLength: 500 }) =>
  ({ type: "array", items, maxItems: 50, description }) as const;
/** A list of enumerated values, each item possibly comma-separated ("perpetrator,victim"). */
const enumList = (description: string, values: readonly string[]) =>
  list(`${description}: ${values.join(", ")}`, {
    type: "string",
    pattern: `^(${values.join("|")})(,(${values.join("|")}))*$`,
  });

export const ACTOR_ROLES = ["perpetrator", "target", "victim", "claimant", "associate"] as const;
export const DATASETS = ["sitrep", "acled", "gtd", "ucdp"] as const;

export const filterProperties = {
  country: list("country names or ISO codes (Afghanistan, AF, AFG)"),
  admin1: list("first-level division (province, state), as stored, case-insensitive"),
  place: list("place (town or site) name, case-insensitive"),
  near: {
    type: "string",
    pattern: "^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,\\d+(\\.\\d+)?$",
    description: "lat,lon,radiusKm: events within radiusKm of the point",
  },
  bbox: {
    type: "string",
    pattern: "^(-?\\d+(\\.\\d+)?,){3}-?\\d+(\\.\\d+)?$",
    description: "west,south,east,north in degrees",
  },
  since: { type: "string", format: "date", description: "YYYY-MM-DD, inclusive" },
  until: { type: "string", format: "date", description: "YYYY-MM-DD, inclusive" },
  type: list("ACLED event type, exact"),
  subType: list("ACLED sub-event type, exact"),
  actor: list("actor name or alias (IS-K, ISKP → Islamic State Khorasan Province)"),
  actorRole: enumList("only actors in these roles", ACTOR_ROLES),
  victim: list("victim category as coded (civilians, worshippers...)"),
  minKilled: { type: "integer", minimum: 0, maximum: 1_000_000, description: "reconciled killed (low) at least this" },
  source: list("outlet or cited source name"),
  text: text("words that must all appear in the event's notes or article text"),
  dataset: enumList("where the event came from", DATASETS),
  role: enumList("reported (an article reports it) or background (only recalled)", ["reported", "background"]),
  id: list("event ids", { type: "integer", minimum: 1 }),
  article: { type: "integer", minimum: 1, description: "only events reported by this article" },
} as const;

export interface FilterQuery {
  country?: string[];
  admin1?: string[];
  place?: string[];
  near?: string;
  bbox?: string;
  since?: string;
  until?: string;
  type?: string[];
  subType?: string[];
  actor?: string[];
  actorRole?: string[];
  victim?: string[];
  minKilled?: number;
  source?: string[];
  text?: string;
  dataset?: string[];
  role?: string[];
  id?: number[];
  article?: number;
}

export const SORT_FIELDS = ["date", "killed", "injured", "updated", "id"] as const;

export const pageProperties = {
  sort: { type: "string", enum: SORT_FIELDS, default: "date" },
  order: { type: "string", enum: ["asc", "desc"], default: "desc" },
  limit: { type: "integer", minimum: 0, maximum: 1000, default: 50 },
  offset: { type: "integer", minimum: 0, maximum: 10_000_000, default: 0 },
} as const;

export interface PageQuery {
  sort: (typeof SORT_FIELDS)[number];
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

/** A querystring schema: the filter (or `filter`, a part of it) plus `extra` properties; unknown parameters are refused. */
export function querySchema(
  extra: Record<string, object> = {},
  required: string[] = [],
  filter: Record<string, object> = filterProperties,
): object {
  return {
    type: "object",
    properties: { ...filter, ...extra },
    required,
    additionalProperties: false,
  };
}
