import type { BoundingBox } from "../query/types.js";
import type { FactsSnapshot } from "./facts/snapshot.js";

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

interface Cell {
  events: number;
  killedBest: number;
  sumLat: number;
  sumLon: number;
  south: number;
  north: number;
  west: number;
  east: number;
  firstId: number;
  readonly types: number[];
}

const inBox = (b: BoundingBox, lat: number, lon: number): boolean =>
  lat >= b.south &&
  lat <= b.north &&
  (b.west <= b.east ? lon >= b.west && lon <= b.east : lon >= b.west || lon <= b.east);

/**
 * Clusters the events at `positions` of the snapshot on a global Web Mercator grid of cells of
 * `cell` radians: one marker per cell that holds events inside `bounds`, at their mean position.
 */
export function clusterGrid(
  snapshot: FactsSnapshot,
  positions: Int32Array,
  cell: number,
  bounds: BoundingBox | null,
): MapCluster[] {
  const cells = new Map<number, Cell>();
  const typeNames = snapshot.types.values as string[];
  const ntypes = typeNames.length;
  const { lat, lon, mx, my, ids, type, killedBest } = snapshot;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] as number;
    const la = lat[p] as number;
    const lo = lon[p] as number;
    if (Number.isNaN(la) || Number.isNaN(lo)) continue;
    if (bounds && !inBox(bounds, la, lo)) continue;
    // 2^25 columns cover the world down to the deepest zoom the API allows.
    const key = Math.floor((mx[p] as number) / cell) * 33_554_432 + Math.floor((my[p] as number) / cell);
    let c = cells.get(key);
    if (!c) {
      c = {
        events: 0,
        killedBest: 0,
        sumLat: 0,
        sumLon: 0,
        south: 90,
        north: -90,
        west: 180,
        east: -180,
        firstId: Infinity,
        types: new Array<number>(ntypes).fill(0),
      };
      cells.set(key, c);
    }
    c.events++;
    const k = killedBest[p] as number;
    if (k > 0) c.killedBest += k;
    c.sumLat += la;
    c.sumLon += lo;
    if (la < c.south) c.south = la;
    if (la > c.north) c.north = la;
    if (lo < c.west) c.west = lo;
    if (lo > c.east) c.east = lo;
    const id = ids[p] as number;
    if (id < c.firstId) c.firstId = id;
    (c.types[type[p] as number] as number)++;
  }
  const clusters: MapCluster[] = [];
  for (const c of cells.values()) {
    const types: Record<string, number> = {};
    let top = -1;
    for (let t = 0; t < ntypes; t++) {
      const n = c.types[t] as number;
      if (n === 0) continue;
      types[typeNames[t] as string] = n;
      const best = top < 0 ? -1 : (c.types[top] as number);
      if (n > best || (n === best && (typeNames[t] as string) < (typeNames[top] as string))) top = t;
    }
    clusters.push({
      lat: c.sumLat / c.events,
      lon: c.sumLon / c.events,
      events: c.events,
      killedBest: c.killedBest,
      eventType: typeNames[top] as string,
      types,
      id: c.events === 1 ? c.firstId : null,
      south: c.south,
      west: c.west,
      north: c.north,
      east: c.east,
    });
  }
  // Big clusters last, so that they are drawn on top of the small ones they may overlap.
  return clusters.sort((a, b) => a.events - b.events);
}

/** How many of the events have no coordinates: they are in the table and timeline but not on the map. */
export function countUnlocated(snapshot: FactsSnapshot, positions: Int32Array): number {
  let n = 0;
  for (let i = 0; i < positions.length; i++) if (Number.isNaN(snapshot.lat[positions[i] as number])) n++;
  return n;
}
