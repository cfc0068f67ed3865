import type { BoundingBox } from "../query/types.js";
import type { MapGridRow } from "../store/map-grid.js";

/** One marker of the map: a single event (`id` set) or a cluster of nearby ones. */
export interface MapCluster {
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
  readonly killedBest: number;
  /** The event type with most events in the cluster: its colour. */
  readonly eventType: string;
  /** Events per event type. */
  readonly types: Record<string, number>;
  /** The event, when the cluster holds only one. */
  readonly id: number | null;
  /** Where its events are: zooming to this box splits the cluster. */
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

/** Markers closer than this many screen pixels share a cluster. */
export const CLUSTER_PIXELS = 60;

/** Grid cell size (radians) for a zoom level: the world is 256·2^zoom pixels wide. */
export function cellRadiansFor(zoom: number, pixels = CLUSTER_PIXELS): number {
  return (2 * Math.PI * pixels) / (256 * 2 ** zoom);
}

/**
 * The viewport widened by a margin so that markers just outside it are drawn before the user pans
 * to them, clipped to the world; a view wider than the world is the whole world.
 */
export function paddedBounds(b: BoundingBox, margin = 0.25): BoundingBox {
  const width = b.east >= b.west ? b.east - b.west : 360 - (b.west - b.east);
  const height = b.north - b.south;
  if (width >= 300)
    return {
      west: -180,
      east: 180,
      south: Math.max(-90, b.south - height * margin),
      north: Math.min(90, b.north + height * margin),
    };
  const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
  return {
    west: wrap(b.west - width * margin),
    east: wrap(b.east + width * margin),
    south: Math.max(-90, b.south - height * margin),
    north: Math.min(90, b.north + height * margin),
  };
}

/** The overlap of two boxes, or null when they do not meet (boxes crossing the antimeridian are kept whole). */
export function intersect(a: BoundingBox, b: BoundingBox | undefined): BoundingBox | null {
  if (!b) return a;
  if (a.west > a.east || b.west > b.east) return b;
  const box = {
    west: Math.max(a.west, b.west),
    east: Math.min(a.east, b.east),
    south: Math.max(a.south, b.south),
    north: Math.min(a.north, b.north),
  };
  return box.west > box.east || box.south > box.north ? null : box;
}

/** Folds the per-type rows of each grid cell into one marker per cell. */
export function clustersFrom(rows: readonly MapGridRow[]): MapCluster[] {
  const cells = new Map<string, MapGridRow[]>();
  for (const r of rows) {
    const key = `${r.gx}:${r.gy}`;
    const cell = cells.get(key);
    if (cell) cell.push(r);
    else cells.set(key, [r]);
  }
  const clusters: MapCluster[] = [];
  for (const cell of cells.values()) {
    let events = 0;
    let killedBest = 0;
    let sumLat = 0;
    let sumLon = 0;
    let south = 90;
    let north = -90;
    let west = 180;
    let east = -180;
    const types: Record<string, number> = {};
    let top = cell[0] as MapGridRow;
    for (const r of cell) {
      events += r.events;
      killedBest += r.killedBest;
      sumLat += r.sumLat;
      sumLon += r.sumLon;
      south = Math.min(south, r.minLat);
      north = Math.max(north, r.maxLat);
      west = Math.min(west, r.minLon);
      east = Math.max(east, r.maxLon);
      types[r.eventType] = r.events;
      if (r.events > top.events || (r.events === top.events && r.eventType < top.eventType)) top = r;
    }
    clusters.push({
      lat: sumLat / events,
      lon: sumLon / events,
      events,
      killedBest,
      eventType: top.eventType,
      types,
      id: events === 1 ? top.firstId : null,
      south,
      west,
      north,
      east,
    });
  }
  // Big clusters last, so that they are drawn on top of the small ones they may overlap.
  return clusters.sort((a, b) => a.events - b.events);
}
