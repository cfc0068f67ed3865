import { describe, expect, test } from "vitest";
import type { EventFacts } from "../store/event-facts.js";
import { FactsSnapshot } from "./facts/snapshot.js";
import { cellRadiansFor, clusterGrid, intersect, paddedBounds } from "./map-clusters.js";

function snapshotOf(events: { id: number; lat: number; lon: number; type: string; killed?: number }[]): FactsSnapshot {
  const facts: EventFacts = {
    ids: Int32Array.from(events, (e) => e.id),
    lat: Float64Array.from(events, (e) => e.lat),
    lon: Float64Array.from(events, (e) => e.lon),
    dateStart: events.map(() => "2021-10-15"),
    dateEnd: events.map(() => "2021-10-15"),
    eventType: events.map((e) => e.type),
    subEventType: events.map(() => "Attack"),
    countryCode: events.map(() => "AF"),
    dataset: events.map(() => "sitrep"),
    role: events.map(() => "reported"),
    killedLow: Int32Array.from(events, (e) => e.killed ?? -1),
    killedBest: Int32Array.from(events, (e) => e.killed ?? -1),
    injuredBest: Int32Array.from(events, () => -1),
  };
  return new FactsSnapshot(facts);
}

describe("clusterGrid", () => {
  const snapshot = snapshotOf([
    { id: 1, lat: 31.6, lon: 65.7, type: "Battles", killed: 5 },
    { id: 2, lat: 31.7, lon: 65.8, type: "Riots" },
    { id: 3, lat: 31.5, lon: 65.6, type: "Riots", killed: 1 },
    { id: 4, lat: 12.6, lon: -8.0, type: "Protests" },
    { id: 5, lat: NaN, lon: NaN, type: "Battles", killed: 100 },
  ]);

  test("folds nearby events into one marker coloured by its most common type; a lone event keeps its id", () => {
    const clusters = clusterGrid(snapshot, snapshot.allPositions(), cellRadiansFor(4), null);
    expect(clusters).toHaveLength(2);
    const [single, mixed] = clusters;
    expect(single).toMatchObject({ events: 1, id: 4, eventType: "Protests", lat: 12.6, lon: -8 });
    expect(mixed).toMatchObject({
      events: 3,
      killedBest: 6,
      eventType: "Riots",
      id: null,
      types: { Battles: 1, Riots: 2 },
      south: 31.5,
      north: 31.7,
      west: 65.6,
      east: 65.8,
    });
    expect(mixed!.lat).toBeCloseTo(31.6);
  });

  test("zooming in splits a cluster, bounds crop the view and positions select the events", () => {
    expect(clusterGrid(snapshot, snapshot.allPositions(), cellRadiansFor(12), null)).toHaveLength(4);
    const africa = clusterGrid(snapshot, snapshot.allPositions(), cellRadiansFor(4), {
      west: -20,
      south: 0,
      east: 20,
      north: 20,
    });
    expect(africa.map((c) => c.id)).toEqual([4]);
    const two = clusterGrid(snapshot, snapshot.positionsOf(Int32Array.of(1, 2)), cellRadiansFor(4), null);
    expect(two).toHaveLength(1);
    expect(two[0]).toMatchObject({ events: 2, killedBest: 5 });
    snapshot.remove([2]);
    expect(clusterGrid(snapshot, snapshot.positionsOf(Int32Array.of(1, 2)), cellRadiansFor(4), null)[0]).toMatchObject({
      events: 1,
      id: 1,
    });
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
