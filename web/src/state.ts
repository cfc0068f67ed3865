/**
 * The page's state lives in its URL, so that any view (filters, sort, page, open event, map view)
 * can be bookmarked and shared. Changes go through `update`, which writes the URL and tells the
 * views; the back button restores the previous URL's state.
 */
export interface Filters {
  readonly country: readonly string[];
  readonly admin1: readonly string[];
  readonly type: readonly string[];
  readonly subType: readonly string[];
  readonly actor: readonly string[];
  readonly source: readonly string[];
  readonly since: string;
  readonly until: string;
  readonly minKilled: string;
  readonly text: string;
}

export type SortField = "date" | "killed" | "injured" | "id";

export interface MapView {
  readonly zoom: number;
  readonly lat: number;
  readonly lon: number;
}

export interface AppState {
  readonly filters: Filters;
  readonly sort: SortField;
  readonly order: "asc" | "desc";
  /** 1-based table page. */
  readonly page: number;
  readonly event: number | null;
  /** The report whose article is shown on the event page. */
  readonly report: number | null;
  /** The coded field whose evidence is highlighted. */
  readonly field: string | null;
  readonly map: MapView | null;
}

const LIST_KEYS = ["country", "admin1", "type", "subType", "actor", "source"] as const;
const TEXT_KEYS = ["since", "until", "minKilled", "text"] as const;

export const emptyFilters: Filters = {
  country: [],
  admin1: [],
  type: [],
  subType: [],
  actor: [],
  source: [],
  since: "",
  until: "",
  minKilled: "",
  text: "",
};

const positiveInt = (s: string | null): number | null => (s && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null);

export function parseState(search: string): AppState {
  const q = new URLSearchParams(search);
  const filters: Record<string, unknown> = { ...emptyFilters };
  for (const k of LIST_KEYS) filters[k] = q.getAll(k).filter(Boolean);
  for (const k of TEXT_KEYS) filters[k] = q.get(k) ?? "";
  const sort = q.get("sort");
  const mapParts = (q.get("map") ?? "").split("/").map(Number);
  const map =
    mapParts.length === 3 && mapParts.every(Number.isFinite)
      ? { zoom: mapParts[0] as number, lat: mapParts[1] as number, lon: mapParts[2] as number }
      : null;
  return {
    filters: filters as unknown as Filters,
    sort: sort === "killed" || sort === "injured" || sort === "id" ? sort : "date",
    order: q.get("order") === "asc" ? "asc" : "desc",
    page: positiveInt(q.get("page")) ?? 1,
    event: positiveInt(q.get("event")),
    report: positiveInt(q.get("report")),
    field: q.get("field") || null,
    map,
  };
}

export function serialiseState(s: AppState): string {
  const q = new URLSearchParams();
  for (const k of LIST_KEYS) for (const v of s.filters[k]) q.append(k, v);
  for (const k of TEXT_KEYS) if (s.filters[k]) q.set(k, s.filters[k]);
  if (s.sort !== "date") q.set("sort", s.sort);
  if (s.order !== "desc") q.set("order", s.order);
  if (s.page > 1) q.set("page", String(s.page));
  if (s.event) q.set("event", String(s.event));
  if (s.event && s.report) q.set("report", String(s.report));
  if (s.event && s.field) q.set("field", s.field);
  if (s.map) q.set("map", `${s.map.zoom}/${s.map.lat.toFixed(4)}/${s.map.lon.toFixed(4)}`);
  const text = q.toString();
  return text ? `?${text}` : location.pathname;
}

/** The filter as API query parameters (the API's names are the URL's). */
export function filterParams(f: Filters): Record<string, string | readonly string[]> {
  const p: Record<string, string | readonly string[]> = {};
  for (const k of LIST_KEYS) if (f[k].length) p[k] = f[k];
  for (const k of TEXT_KEYS) if (f[k]) p[k] = f[k];
  return p;
}

type Listener = (state: AppState, previous: AppState) => void;

let current = parseState(location.search);
const listeners: Listener[] = [];

export const getState = (): AppState => current;

export function subscribe(listener: Listener): void {
  listeners.push(listener);
}

function notify(previous: AppState): void {
  for (const l of listeners) l(current, previous);
}

/**
 * Changes the state. `history: "push"` makes a new back-button step (opening an event, applying a
 * filter); "replace" does not (panning the map).
 */
export function update(patch: Partial<AppState>, history: "push" | "replace" = "push"): void {
  const previous = current;
  current = { ...current, ...patch };
  const url = serialiseState(current);
  if (history === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  notify(previous);
}

export function setFilters(patch: Partial<Filters>): void {
  update({ filters: { ...current.filters, ...patch }, page: 1 });
}

window.addEventListener("popstate", () => {
  const previous = current;
  current = parseState(location.search);
  notify(previous);
});

export const sameFilters = (a: Filters, b: Filters): boolean => JSON.stringify(a) === JSON.stringify(b);
