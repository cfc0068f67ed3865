import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PlaceMention } from "../core/annotations.js";
import { buildArticle, articleFromText } from "../text/article.js";
import type { Article } from "../core/article.js";
import { gazetteer } from "./gazetteer.js";
import { geoparse } from "./geoparse.js";
import { devDataPath } from "../../scripts/dev/dev-data.js";

const SEED_PATH = devDataPath("kandahar-2021-10-16.txt");

function places(article: Article): { text: string; place: PlaceMention }[] {
  return geoparse(article, gazetteer()).places.map((place) => ({
    text: article.text.slice(place.span.start, place.span.end),
    place,
  }));
}

const parse = (text: string) => places(articleFromText(text));
const find = (found: { text: string; place: PlaceMention }[], text: string) => found.filter((f) => f.text === text);

describe("geoparse on the seed article", () => {
  const raw = readFileSync(SEED_PATH, "utf8");
  const article = buildArticle({
    id: "seed",
    raw,
    analysisStart: " date 2021-10-16 ".length,
    title: null,
    published: "2021-10-16",
    origin: { file: SEED_PATH },
  });
  const found = places(article);

  it("reads Kandahar as the city in Kandahar province, Afghanistan, every time", () => {
    const kandahar = find(found, "Kandahar");
    expect(kandahar.length).toBeGreaterThanOrEqual(5);
    for (const k of kandahar) {
      expect(k.place.featureType).toBe("city");
      expect(k.place.countryCode).toBe("AF");
      expect(k.place.admin1).toBe("Kandahar");
      expect(k.place.lat).toBeCloseTo(31.61, 1);
    }
  });

  it("finds Kunduz, Kabul and Afghanistan, and no place in the acronym IS", () => {
    expect(find(found, "Kunduz")[0]?.place.countryCode).toBe("AF");
    expect(find(found, "Kabul")[0]?.place.featureType).toBe("city");
    expect(find(found, "Afghanistan")[0]?.place.featureType).toBe("country");
    expect(find(found, "IS")).toHaveLength(0);
  });

  it("gives spans that are the words of the text", () => {
    for (const f of found) expect(f.text).toBe(f.place.name === "Kandahār" ? "Kandahar" : f.text);
    expect(found.every((f) => f.place.span.end > f.place.span.start)).toBe(true);
  });
});

describe("geoparse ambiguity", () => {
  it("reads a province when the text says province, and its seat otherwise", () => {
    const found = parse("Taliban fighters took control of most of Kunduz, the capital of Kunduz province, on Sunday.");
    const [city, province] = found;
    expect(city?.text).toBe("Kunduz");
    expect(city?.place.featureType).toBe("city");
    expect(province?.text).toBe("Kunduz province");
    expect(province?.place.featureType).toBe("admin1");
    expect(province?.place.countryCode).toBe("AF");
  });

  it("puts a thinly settled province between its towns and the middle of its land", () => {
    // Ontario's towns crowd its south; GeoNames (49.25°N 84.5°W) and Wikipedia (50°N 85°W) both
    // place the province further north, and the middle of its towns' box (47.5°N) misses both.
    const [ontario] = find(parse("Flooding closed roads across northern Ontario on Monday."), "Ontario");
    expect(ontario?.place.featureType).toBe("admin1");
    const km = (lat: number, lon: number) =>
      Math.hypot(lat - ontario!.place.lat!, (lon - ontario!.place.lon!) * Math.cos((lat * Math.PI) / 180)) * 111.2;
    expect(km(49.25, -84.5)).toBeLessThan(161);
    expect(km(50, -85)).toBeLessThan(161);
  });

  it("takes Georgia for the US state beside Atlanta and for the country beside Tbilisi", () => {
    const us = find(parse("Police in Atlanta, Georgia, said two people were shot near a bus station."), "Georgia");
    expect(us[0]?.place.featureType).toBe("admin1");
    expect(us[0]?.place.countryCode).toBe("US");
    const caucasus = find(
      parse("Thousands of protesters rallied in Tbilisi on Thursday as Georgia's parliament debated the bill."),
      "Georgia",
    );
    expect(caucasus[0]?.place.featureType).toBe("country");
    expect(caucasus[0]?.place.countryCode).toBe("GE");
  });

  it("matches Aydın with or without its dotless i", () => {
    for (const spelling of ["Aydın", "Aydin"]) {
      const found = parse(`A bomb exploded near a police station in ${spelling}, western Turkey, on Monday.`);
      const hit = find(found, spelling)[0];
      expect(hit?.place.countryCode).toBe("TR");
      expect(hit?.place.lat).toBeCloseTo(37.8, 0);
    }
  });

  it("does not take common words or a governor's surname for towns", () => {
    const found = parse(
      "Police said the attack in Mobile, Alabama, was not linked to terrorism. Former New York Gov. Mario Cuomo died Thursday.",
    );
    expect(find(found, "Police")).toHaveLength(0);
    expect(find(found, "Cuomo")).toHaveLength(0);
    expect(find(found, "Mobile")[0]?.place.countryCode).toBe("US");
    expect(find(found, "New York")).toHaveLength(1);
  });

  it("does not read a town the gazetteer lacks as a namesake in another country", () => {
    // Khar, in Bajaur, is not in the gazetteer; Haar in Bavaria is also written Khar
    const found = parse(
      "A suicide bomber blew himself up at a political rally in Khar, in Pakistan's Bajaur district, on Sunday, killing at least 44 people.",
    );
    expect(found.filter((f) => f.place.countryCode === "DE")).toEqual([]);
    expect(find(found, "Pakistan")[0]?.place.countryCode).toBe("PK");
  });

  it("places a town the gazetteer lacks in the province named after it with 'in the'", () => {
    // Boni (Mali) is not in the gazetteer; Bonn is also written Boni
    const found = parse(
      "Four Malian soldiers were killed when their vehicle struck an improvised explosive device near Boni in the Mopti region on Thursday.",
    );
    expect(found.filter((f) => f.place.countryCode === "DE")).toEqual([]);
    expect(find(found, "Boni")[0]?.place).toMatchObject({ name: "Mopti", featureType: "admin1", countryCode: "ML" });
  });

  it("reads a province named after its seat under another spelling as the province", () => {
    // GeoNames spells the governorate Deir ez-Zor; "Deir el-Zor" is only the city's alternate name
    const found = parse("Gunmen attacked a bus in Deir el-Zor province on Thursday. The region of Mosul was calm.");
    expect(find(found, "Deir el-Zor province")[0]?.place).toMatchObject({ featureType: "admin1", countryCode: "SY" });
    expect(find(found, "Mosul")[0]?.place.name).toMatch(/^Mosul/);
    expect(find(found, "Mosul")[0]?.place.featureType).not.toBe("admin1");
  });

  it("takes the place an attack fell on, even by its English spelling", () => {
    const found = parse("Government forces used chlorine gas in an attack on Douma on Saturday, killing 40 people.");
    expect(find(found, "Douma")[0]?.place.countryCode).toBe("SY");
  });

  it("does not take the last word of a longer name for a town", () => {
    // Mocimboa da Praia (Mozambique) is not in the gazetteer; Praia is Cape Verde's capital
    const found = parse("Insurgents seized the port town of Mocimboa da Praia in Cabo Delgado province on Sunday.");
    expect(found.filter((f) => f.place.countryCode === "CV")).toEqual([]);
  });

  it("does not take a street named after a town for the town", () => {
    const found = parse(
      "Two car bombs claimed the nine lives, one at the Oxford Street bus station in the city centre, the other outside shops in Cavehill Road in north Belfast. At Oxford St, four bus workers were killed.",
    );
    expect(find(found, "Oxford")).toHaveLength(0);
    expect(find(found, "Belfast")[0]?.place.countryCode).toBe("GB");
  });
});

describe("geoparse on capitals-only MUC-4 text", () => {
  const muc = (text: string) =>
    places(buildArticle({ id: "muc", raw: text, title: null, published: null, origin: { file: "muc" } }));

  it("resolves the dateline to San Salvador", () => {
    const found = muc(
      "SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,\nCOPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\nPEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE\nFARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL\nDEPARTMENT.",
    );
    expect(found[0]?.text).toBe("SAN SALVADOR");
    expect(found[0]?.place.rule).toBe("place.dateline");
    expect(found[0]?.place.countryCode).toBe("SV");
    const dept = find(found, "SAN MIGUEL DEPARTMENT")[0];
    expect(dept?.place.featureType).toBe("admin1");
    expect(dept?.place.countryCode).toBe("SV");
  });

  it("reads BERLIN, USULUTAN DEPARTMENT as the Salvadoran town, not the German capital", () => {
    const found = muc(
      "NO CITY (EL SALVADOR), 19 MAR 89 (FBIS) -- FMLN UNITS ATTACKED ARMY POSITIONS IN BERLIN, USULUTAN\nDEPARTMENT; AND THE CLASHES STILL CONTINUE IN USULUTAN DEPARTMENT.",
    );
    const berlin = find(found, "BERLIN")[0];
    expect(berlin?.place.countryCode).toBe("SV");
    expect(berlin?.place.admin1).toMatch(/Usulut/);
    expect(find(found, "ARMY")).toHaveLength(0);
    expect(find(found, "UNITS")).toHaveLength(0);
  });

  it("reads no town in a surname after a given name", () => {
    // MUC-4 TST1-MUC3-0037 (DPA): Anderson is also a town of Indiana and of South Carolina.
    const found = muc(
      "SAN SALVADOR, 13 NOV 89 (DPA) -- [TEXT] IT WAS LEARNED FROM JUDICIAL SOURCES THAT ERIKA SULLIVAN AND\nCHRISTOPHER ANDERSON, A 26-YEAR-OLD TEACHER AT THE AMERICAN SCHOOL, HAVE BEEN KILLED.\nANDERSON LIVED NEAR THE PRESIDENT'S HOUSE.",
    );
    expect(find(found, "ANDERSON")).toHaveLength(0);
    expect(find(found, "SAN SALVADOR")[0]?.place.countryCode).toBe("SV");
  });

  it("reads no town in a family's name or in the avenue that bears a hero's name", () => {
    // MUC-4 TST1-MUC3-0039 (Santiago): Toledo is a town of Spain and of Ohio, O'Higgins a Chilean region.
    const found = muc(
      "SEVERAL SHOTS WERE HEARD AT THE CENTRAL WALKWAY OF BERNARDO O'HIGGINS AVENUE DURING A DEMONSTRATION STAGED BY STUDENTS. THE STUDENTS WERE MARCHING TO HONOR THE TWO VERGARA TOLEDO BROTHERS WHO WERE KILLED 4 YEARS AGO.",
    );
    expect(find(found, "TOLEDO")).toHaveLength(0);
    expect(find(found, "O'HIGGINS")).toHaveLength(0);
  });

  it("never fails on text without words", () => {
    expect(parse("-- 12, 13 --")).toEqual([]);
  });
});
