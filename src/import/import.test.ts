import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { detectFormat, importCsv, importFile } from "./import.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows in GTD's layout for real attacks (ids are ours): the 2017 Kabul truck bombing and a 2019 Nigeria raid. */
const GTD = [
  "eventid,iyear,imonth,iday,country_txt,provstate,city,latitude,longitude,specificity,attacktype1_txt,targtype1_txt,target1,gname,weaptype1_txt,nkill,nkillter,nwound,claimed,suicide,summary,dbsource",
  'FX201705310001,2017,5,31,Afghanistan,Kabul,Kabul,34.5167,69.1833,1,Bombing/Explosion,Private Citizens & Property,Civilians near the Zanbaq Square,Unknown,Explosives,150,1,413,0,1,"05/31/2017: A suicide bomber detonated an explosives-laden water tanker near Zanbaq Square in Kabul (BBC, 31 May 2017).",START Primary Collection',
  'FX201906000001,2019,6,0,Nigeria,Borno,Unknown,11.85,13.16,4,Armed Assault,Military,Nigerian Army base,Islamic State West Africa Province (ISWAP),Firearms,10,,3,1,0,"06/2019: ISWAP fighters attacked an army base in Borno state (reported by AFP).",START Primary Collection',
].join("\n");

/** Rows in UCDP GED's layout (ids are ours): the 26 August 2021 Kabul airport bombing and a 2021 clash. */
const UCDP = [
  "id,year,type_of_violence,side_a,side_b,source_article,source_office,where_coordinates,adm_1,adm_2,latitude,longitude,where_prec,country,date_start,date_end,date_prec,best,low,high",
  'FX-GED-1,2021,3,IS,Civilians,"AP 2021-08-26; DoD",Associated Press,Kabul city,Kabul province,Kabul district,34.5653,69.2124,1,Afghanistan,2021-08-26 00:00:00.000,2021-08-26 00:00:00.000,1,183,170,185',
  'FX-GED-2,2021,1,Government of Afghanistan,Taleban,"Reuters 2021-07-09",Reuters,Kandahar city,Kandahar province,,31.6133,65.7101,2,Afghanistan,2021-07-09,2021-07-15,3,40,25,60',
].join("\n");

describe("dataset imports", () => {
  it("recognises ACLED, GTD and UCDP GED by their header", () => {
    expect(detectFormat(GTD.split("\n")[0]!.split(","))).toBe("gtd");
    expect(detectFormat(UCDP.split("\n")[0]!.split(","))).toBe("ucdp");
    expect(detectFormat(["event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "fatalities"])).toBe(
      "acled",
    );
    expect(detectFormat(["id", "date", "what"])).toBeNull();
  });

  it("maps GTD rows: suicide bombing, perpetrators counted apart, an unknown day as the month, an attack on soldiers as a battle", async () => {
    const store = SqliteStore.open(":memory:");
    const s = await importCsv(store, [GTD], "gtd.csv");
    expect(s).toMatchObject({ format: "gtd", imported: 2, problems: [] });
    const [kabul, borno] = (await store.queryEvents({ sort: { field: "date", direction: "asc" } })).events;
    expect(kabul).toMatchObject({
      subEventType: "Suicide bomb",
      dateStart: "2017-05-31",
      datePrecision: "day",
      countryCode: "AF",
      place: "Kabul",
    });
    expect(kabul!.killed).toEqual({ low: 150, best: 150, high: 150 });
    const report = (await store.getEvent(kabul!.id))!.reports[0]!;
    expect(report.record.killed?.perpetrators).toBe(1);
    expect(report.record.gtdAttackType).toBe("Bombing/Explosion");
    expect(kabul!.actors.some((a) => a.role === "perpetrator")).toBe(false);
    expect(borno).toMatchObject({
      eventType: "Battles",
      dateStart: "2019-06-01",
      dateEnd: "2019-06-30",
      datePrecision: "month",
      geoPrecision: "province",
    });
    expect(borno!.actors.filter((a) => a.role === "claimant").map((a) => a.name)).toEqual([
      "Islamic State West Africa Province (ISWAP)",
    ]);
  });

  it("maps UCDP GED rows: one-sided violence against civilians, low/best/high, date precision", async () => {
    const store = SqliteStore.open(":memory:");
    const s = await importCsv(store, [UCDP], "ged.csv");
    expect(s).toMatchObject({ format: "ucdp", imported: 2, problems: [] });
    const [clash, airport] = (await store.queryEvents({ sort: { field: "date", direction: "asc" } })).events;
    expect(airport).toMatchObject({
      eventType: "Violence against civilians",
      admin1: "Kabul",
      place: "Kabul",
      killed: { low: 170, best: 183, high: 185 },
    });
    expect(airport!.actors.find((a) => a.role === "victim")).toMatchObject({
      name: "Civilians",
      category: "civilians",
    });
    expect(clash).toMatchObject({
      eventType: "Battles",
      dateStart: "2021-07-09",
      dateEnd: "2021-07-15",
      datePrecision: "week",
      geoPrecision: "city",
    });
  });

  it("refuses a file whose header is no known dataset, and one that is not UTF-8, naming the file and line", async () => {
    const store = SqliteStore.open(":memory:");
    await expect(importCsv(store, ["a,b\n1,2\n"], "x.csv")).rejects.toMatchObject({
      code: "E_CSV_HEADER",
      where: { file: "x.csv", line: 1 },
    });
    const latin1 = join(dir, "latin1.csv");
    writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from(`${GTD.split("\n")[0]}\n`),
        Buffer.from("FX1,2017,5,31,C\xf4te d'Ivoire,,,,,1,Armed Assault,,,,,1,,,0,0,,\n", "latin1"),
      ]),
    );
    await expect(importFile(store, latin1)).rejects.toMatchObject({
      code: "E_INPUT_ENCODING",
      where: { file: latin1 },
    });
  });
});
