/**
 * Server-side clustering for the map: events counted in the cells of a Web Mercator grid, so that
 * the map of 200,000 events sends a few hundred cells rather than every point. The grid is global
 * (cells do not move when the map pans), and a cell is split by event type so that a cluster can
 * show the mix of what happened in it.
 */
import type { EventFilter } from "../query/types.js";

export interface MapGridQuery {
  readonly filter?: EventFilter;
  /**
   * Cell size in radians of longitude, which is also the cell height in Web Mercator y
   * (y = ln(tan(pi/4 + lat/2)), latitudes clamped to ±85°).
   */
  readonly cellRadians: number;
}

/** The events of one event type in one grid cell. */
export interface MapGridRow {
  /** Column: floor((lon + 180°) in radians / cell). */
  readonly gx: number;
  /** Row: floor((mercator y + pi) / cell). */
  readonly gy: number;
  readonly eventType: string;
  readonly events: number;
  /** Sum of the reconciled killed (best) figures; unknown counts as 0. */
  readonly killedBest: number;
  readonly sumLat: number;
  readonly sumLon: number;
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
  /** The smallest event id in the group: the event itself when `events` is 1. */
  readonly firstId: number;
}

/** Mercator y of the latitudes used by the grid; the SQL of both stores computes the same. */
export const MAX_GRID_LAT = 85;

/** Builds the SELECT list of a grid query; `clamp` is the dialect's scalar min/max pair. */
export function gridSelect(cellParam: string, clamp: { max: string; min: string }): string {
  const lat = `${clamp.max}(-${MAX_GRID_LAT}.0, ${clamp.min}(${MAX_GRID_LAT}.0, e.lat))`;
  return `CAST(floor((e.lon + 180.0) * ${Math.PI / 180} / ${cellParam}) AS INTEGER) AS gx,
    CAST(floor((ln(tan(${Math.PI / 4} + ${lat} * ${Math.PI / 360})) + ${Math.PI}) / ${cellParam}) AS INTEGER) AS gy,
    e.event_type AS event_type, count(*) AS events, coalesce(sum(e.killed_best), 0) AS killed_best,
    sum(e.lat) AS sum_lat, sum(e.lon) AS sum_lon, min(e.lat) AS min_lat, max(e.lat) AS max_lat,
    min(e.lon) AS min_lon, max(e.lon) AS max_lon, min(e.id) AS first_id`;
}

export function gridRowFrom(r: Record<string, unknown>): MapGridRow {
  return {
    gx: Number(r.gx),
    gy: Number(r.gy),
    eventType: String(r.event_type),
    events: Number(r.events),
    killedBest: Number(r.killed_best),
    sumLat: Number(r.sum_lat),
    sumLon: Number(r.sum_lon),
    minLat: Number(r.min_lat),
    maxLat: Number(r.max_lat),
    minLon: Number(r.min_lon),
    maxLon: Number(r.max_lon),
    firstId: Number(r.first_id),
  };
}
