import { describe, expect, test } from "vitest";
import type { MapGridRow } from "../store/map-grid.js";
import { cellRadiansFor, clustersFrom, intersect, paddedBounds } from "./map-clusters.js";

const row = (
  gx: number,
  gy: number,
  eventType: string,
  events: number,
  lat: number,
  lon: number,
  killed = 0,
  firstId = 1,
): MapGridRow => ({
  gx,
  gy,
  eventType,
  events,
  killedBest: killed,
  sumLat: lat * events,
  sumLon: lon * events,
  minLat: lat,
  maxLat: lat,
  minLon: lon,
  maxLon: lon,
  firstId,
});

describe("clustersFrom", () => {
  test("folds the event types of a cell into one marker coloured by its most common type", () => {
    const clusters = clustersFrom([
      row(1, 1, "Battles", 2, 10, 20, 5),
      row(1, 1, "Riots", 3, 12, 22, 1),
      row(2, 1, "Protests", 1, 40, 40, 0, 77),
    ]);
    expect(clusters).toHaveLength(2);
    const [single, mixed] = clusters;
    expect(single).toMatchObject({ events: 1, id: 77, eventType: "Protests", lat: 40, lon: 40 });
    expect(mixed).toMatchObject({
      events: 5,
      killedBest: 6,
      eventType: "Riots",
      id: null,
      types: { Battles: 2, Riots: 3 },
      south: 10,
      north: 12,
      west: 20,
      east: 22,
    });
    expect(mixed!.lat).toBeCloseTo((10 * 2 + 12 * 3) / 5);
  });
});

describe("grid geometry", () => {
  test("a cell is about 60 pixels at every zoom", () => {
    expect(cellRadiansFor(0) * (256 / (2 * Math.PI))).toBeCloseTo(60);
    expect(cellRadiansFor(3) / cellRadiansFor(4)).toBeCloseTo(2);
  });

  test("the padded view stays inside the world, and a view wider than the world is the world", () => {
    expect(paddedBounds({ west: -170, south: -80, east: 170, north: 80 })).toEqual({
      west: -180,
      east: 180,
      south: -90,
      north: 90,
    });
    expect(paddedBounds({ west: 60, south: 30, east: 70, north: 36 })).toEqual({
      west: 57.5,
      east: 72.5,
      south: 28.5,
      north: 37.5,
    });
    const wrapped = paddedBounds({ west: 170, south: 0, east: 179, north: 10 });
    expect(wrapped.east).toBeLessThan(wrapped.west);
  });

  test("intersect narrows the view to the filter's box, or says they do not meet", () => {
    expect(intersect({ west: 0, south: 0, east: 10, north: 10 }, { west: 5, south: -5, east: 20, north: 5 })).toEqual({
      west: 5,
      south: 0,
      east: 10,
      north: 5,
    });
    expect(
      intersect({ west: 0, south: 0, east: 10, north: 10 }, { west: 20, south: 0, east: 30, north: 10 }),
    ).toBeNull();
    expect(intersect({ west: 0, south: 0, east: 10, north: 10 }, undefined)).toEqual({
      west: 0,
      south: 0,
      east: 10,
      north: 10,
    });
  });
});
