import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../store/store.js";
import { kandaharFromSeed, SEED } from "../../test/fixtures/db/articles.js";
import { matchScore } from "./match.js";

/** The Kandahar bombing as ACLED codes it (fixture row FX-AFG-1015), as the store holds it. */
const acledKandahar = (over: Partial<StoredEvent> = {}): StoredEvent => ({
  id: 1,
  dataset: "acled",
  originalId: "FX-AFG-1015",
  eventType: "Explosions/Remote violence",
  subEventType: "Suicide bomb",
  dateStart: "2021-10-15",
  dateEnd: "2021-10-15",
  datePrecision: "day",
  country: "Afghanistan",
  countryCode: "AF",
  admin1: "Kandahar",
  admin2: "Kandahar",
  place: "Kandahar",
  lat: 31.6133,
  lon: 65.7101,
  geoPrecision: "city",
  killed: { low: 41, best: 41, high: null },
  injured: { low: null, best: null, high: null },
  kidnapped: { low: null, best: null, high: null },
  role: "reported",
  actors: [{ name: "Islamic State Khorasan Province", role: "perpetrator", category: "rebel group" }],
  weapons: [],
  sources: ["AFP"],
  notes: null,
  reportCount: 1,
  articleCount: 0,
  sourceCount: 1,
  corrected: [],
  version: 1,
  createdAt: "",
  updatedAt: "",
  ...over,
});

describe("matching a report to a stored event", () => {
  const record = kandaharFromSeed(SEED);
  const m = { record, published: "2021-10-16" };

  it("matches the same attack told by an article", () => {
    expect(matchScore(m, acledKandahar())).toBeGreaterThan(0.9);
  });

  it("matches a report naming the group where the dataset names its branch, or an alias", () => {
    const core = {
      ...record,
      perpetratorOrgs: [{ text: "IS", start: 0, end: 2, name: "Islamic State" }],
      claimedBy: [],
    };
    expect(matchScore({ record: core, published: "2021-10-16" }, acledKandahar())).toBeGreaterThan(0.6);
    const alias = { ...record, perpetratorOrgs: [{ text: "ISKP", start: 0, end: 4 }], claimedBy: [] };
    expect(matchScore({ record: alias, published: "2021-10-16" }, acledKandahar())).toBeGreaterThan(0.9);
  });

  it("refuses another perpetrator, another town, another week, another kind of event", () => {
    expect(matchScore(m, acledKandahar({ actors: [{ name: "Taliban", role: "perpetrator", category: null }] }))).toBe(
      0,
    );
    expect(matchScore(m, acledKandahar({ place: "Kunduz", admin1: "Kunduz", lat: 36.7286, lon: 68.8681 }))).toBe(0);
    expect(matchScore(m, acledKandahar({ dateStart: "2021-10-22", dateEnd: "2021-10-22" }))).toBe(0);
    expect(matchScore(m, acledKandahar({ eventType: "Protests", subEventType: "Peaceful protest" }))).toBe(0);
  });

  it("accepts a report a day apart, as time zones and night attacks make them", () => {
    const score = matchScore(m, acledKandahar({ dateStart: "2021-10-14", dateEnd: "2021-10-14" }));
    expect(score).toBeGreaterThan(0.6);
    expect(score).toBeLessThan(matchScore(m, acledKandahar()));
  });
});
