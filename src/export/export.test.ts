import { describe, expect, it } from "vitest";
import { importCsv, importFile } from "../import/import.js";
import { ISK_FIXTURE } from "../store/contract.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import type { StoredEvent } from "../store/store.js";
import { csvCell } from "./csv-cell.js";
import { exportEvents } from "./export.js";

async function exported(store: SqliteStore, format: "acled-csv" | "geojson" | "jsonl"): Promise<string> {
  let out = "";
  await exportEvents(store, format, {}, (chunk) => {
    out += chunk;
  });
  return out;
}

const comparable = (e: StoredEvent) => ({
  id: e.originalId,
  type: [e.eventType, e.subEventType],
  date: [e.dateStart, e.dateEnd, e.datePrecision],
  place: [e.countryCode, e.admin1, e.place, e.lat, e.lon, e.geoPrecision],
  killedLow: e.killed.low,
  actors: e.actors.map((a) => [a.name, a.role]).sort(),
  sources: e.sources,
  notes: e.notes,
});

describe("exports", () => {
  it("round-trips ACLED CSV: exporting and importing again gives the same events", async () => {
    const a = SqliteStore.open(":memory:");
    await importFile(a, ISK_FIXTURE);
    const csv = await exported(a, "acled-csv");
    const b = SqliteStore.open(":memory:");
    const s = await importCsv(b, [csv], "export.csv");
    expect(s.problems).toEqual([]);
    expect(s.imported).toBe(7);
    const all = async (st: SqliteStore) =>
      (await st.queryEvents({ sort: { field: "id", direction: "asc" } })).events.map(comparable);
    expect(await all(b)).toEqual(await all(a));
  });

  it("writes ACLED's fatalities as the low figure and precision codes 1/2/3", async () => {
    const a = SqliteStore.open(":memory:");
    const csv = [
      "event_id_cnty,event_date,time_precision,event_type,sub_event_type,country,admin1,location,latitude,longitude,geo_precision,fatalities",
      "W-1,2021-10-13,2,Battles,Armed clash,Afghanistan,Kandahar,Kandahar,31.61,65.71,2,7",
      "M-1,2021-10-01,3,Battles,Armed clash,Afghanistan,Kandahar,Kandahar,31.61,65.71,3,4",
    ].join("\n");
    await importCsv(a, [csv], "p.csv");
    const lines = (await exported(a, "acled-csv")).trim().split("\n");
    const week = lines.find((l) => l.startsWith("W-1,"));
    expect(week).toMatch(/^W-1,2021-10-13,2021,2,/);
    expect(week).toMatch(/,Kandahar,31\.61,65\.71,2,.*,7,,\d+$/);
    expect(lines.find((l) => l.startsWith("M-1,"))).toMatch(/^M-1,2021-10-01,2021,3,/);
  });

  it("defuses cells a spreadsheet would run, and quotes commas and quotes", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("Kabul, Afghanistan")).toBe('"Kabul, Afghanistan"');
    expect(csvCell(-8.02)).toBe("-8.02");
  });

  it("writes GeoJSON points with their properties, and JSONL with every report's evidence", async () => {
    const a = SqliteStore.open(":memory:");
    await importFile(a, ISK_FIXTURE);
    const geo = JSON.parse(await exported(a, "geojson"));
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features).toHaveLength(7);
    const kandahar = geo.features.find(
      (f: { properties: { originalId: string } }) => f.properties.originalId === "FX-AFG-1015",
    );
    expect(kandahar.geometry).toEqual({ type: "Point", coordinates: [65.7101, 31.6133] });
    expect(kandahar.properties).toMatchObject({
      killedLow: 41,
      subEventType: "Suicide bomb",
      perpetrators: ["Islamic State Khorasan Province"],
    });
    const lines = (await exported(a, "jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[0].reports[0].record.evidence.text).toMatch(/Taliban fighters enter Kabul/);
  });
});
