import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFromText, buildArticle } from "../../text/article.js";
import type { Article } from "../../core/article.js";
import { datesStage } from "./stage.js";
import { devDataPath } from "../../../scripts/dev/dev-data.js";

function run(article: Article) {
  return datesStage.run({ article, annotations: {}, trace: null }).dates.map((d) => ({
    text: article.text.slice(d.span.start, d.span.end),
    start: d.start,
    end: d.end,
    precision: d.precision,
    anchor: d.anchor,
    ...(d.offsetDays === undefined ? {} : { offsetDays: d.offsetDays }),
  }));
}
const datesOf = (text: string, published: string | null) => run(articleFromText(text, published));

const SEED_PATH = devDataPath("kandahar-2021-10-16.txt");
// The seed article's second sentence.
const FRIDAY =
  "The strike on Friday comes barely a week after another IS-claimed attack on Shiite worshippers at a mosque in Kunduz, which left more than 60 people dead.";

describe("dates on the seed article", () => {
  const raw = readFileSync(SEED_PATH, "utf8");
  const article = buildArticle({
    id: "seed",
    raw,
    analysisStart: raw.indexOf("\n") + 1,
    title: null,
    published: "2021-10-16",
    origin: { file: SEED_PATH },
  });

  it("resolves every date against the Saturday publication date", () => {
    expect(run(article)).toEqual([
      { text: "Saturday", start: "2021-10-16", end: "2021-10-16", precision: "day", anchor: "publication" },
      { text: "Friday", start: "2021-10-15", end: "2021-10-15", precision: "day", anchor: "publication" },
      { text: "barely a week after", start: "", end: "", precision: "week", anchor: "event", offsetDays: -7 },
      { text: "August", start: "2021-08-01", end: "2021-08-31", precision: "month", anchor: "publication" },
      { text: "Friday", start: "2021-10-15", end: "2021-10-15", precision: "day", anchor: "publication" },
    ]);
  });
});

describe("weekdays resolve to the latest such day on or before publication", () => {
  it.each([
    ["2021-10-11", "Monday", "2021-10-08"],
    ["2021-10-12", "Tuesday", "2021-10-08"],
    ["2021-10-13", "Wednesday", "2021-10-08"],
    ["2021-10-14", "Thursday", "2021-10-08"],
    ["2021-10-15", "Friday", "2021-10-15"],
    ["2021-10-16", "Saturday", "2021-10-15"],
    ["2021-10-17", "Sunday", "2021-10-15"],
  ])("published %s (%s): on Friday is %s", (published, _weekday, friday) => {
    expect(datesOf(FRIDAY, published)[0]).toEqual({
      text: "Friday",
      start: friday,
      end: friday,
      precision: "day",
      anchor: "publication",
    });
  });

  it("takes last Friday in a Friday article for the week before", () => {
    expect(datesOf("Gunmen attacked the checkpoint last Friday.", "2021-10-15")[0]).toMatchObject({
      text: "last Friday",
      start: "2021-10-08",
    });
  });
});

describe("dates against the publication date", () => {
  it("puts a day and month without a year in the past, across the new year", () => {
    // MUC-4 train DEV-MUC3-0001, published 3 January 1990.
    expect(
      datesOf(
        "ACCORDING TO THAT GARRISON, THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS DE LA REINA.",
        "1990-01-03",
      ),
    ).toEqual([
      { text: "30 DECEMBER", start: "1989-12-30", end: "1989-12-30", precision: "day", anchor: "publication" },
    ]);
    expect(datesOf("The attack took place on Oct. 15 in the city.", "2021-10-16")[0]).toMatchObject({
      start: "2021-10-15",
    });
  });

  it("takes a month alone for the latest such month", () => {
    expect(datesOf("The Taliban surged back to power in August when the US retreated.", "2022-03-02")[0]).toEqual({
      text: "August",
      start: "2021-08-01",
      end: "2021-08-31",
      precision: "month",
      anchor: "publication",
    });
    expect(datesOf("In March a bomb exploded in the market.", "2021-10-16")[0]).toMatchObject({
      start: "2021-03-01",
      precision: "month",
    });
  });

  it("reads the date after 'the night of' and a day-first date that month-first would put ahead", () => {
    const brief = (text: string) => datesOf(text, "2024-01-16").map((d) => [d.text, d.start]);
    expect(brief("Gunmen killed five people in Jos on the night of 3 January.")).toEqual([["3 January", "2024-01-03"]]);
    // WikiEvents suicide_ied_114
    expect(brief("On the morning of 1 March 2019, Taliban gunmen and suicide bombers attacked Camp Shorabak.")).toEqual(
      [["1 March 2019", "2019-03-01"]],
    );
    expect(brief("Gunmen killed five people in Jos on 3/1/2024.")).toEqual([["3/1/2024", "2024-01-03"]]);
    expect(brief("Gunmen killed five people in Jos on 1/3/2024.")).toEqual([["1/3/2024", "2024-01-03"]]);
  });

  it("reads no date in a group's name", () => {
    // MUC-4 TST2-MUC4-0026
    expect(
      datesOf(
        "PIZARRO, FORMER LEADER OF THE 19 APRIL MOVEMENT (M-19), WAS KILLED TODAY ABOARD A FLIGHT.",
        "1990-04-26",
      ),
    ).toEqual([{ text: "TODAY", start: "1990-04-26", end: "1990-04-26", precision: "day", anchor: "publication" }]);
  });

  it("reads overnight as the night before, unless a day stands beside it", () => {
    expect(
      datesOf(
        "Russian shelling killed three civilians in the Kherson region overnight, the governor said.",
        "2023-11-05",
      ),
    ).toEqual([{ text: "overnight", start: "2023-11-04", end: "2023-11-04", precision: "day", anchor: "publication" }]);
    expect(
      datesOf("Russia launched drones overnight into Sunday.", "2023-11-06").map((d) => [d.text, d.start]),
    ).toEqual([["Sunday", "2023-11-05"]]);
  });

  it("reads yesterday, days ago, last week and last month", () => {
    // MUC-4 train DEV-MUC3-0001, DEV-MUC3-0039, DEV-MUC3-0002.
    expect(
      datesOf(
        "MEANWHILE, THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES YESTERDAY IN USULUTAN.",
        "1990-01-03",
      )[0],
    ).toMatchObject({
      text: "YESTERDAY",
      start: "1990-01-02",
      precision: "day",
    });
    expect(
      datesOf(
        "THE ASSASSINATION OF HECTOR OQUELI, A SALVADORAN LEADER OF THE SOCIALIST INTERNATIONAL, 3 DAYS AGO IN GUATEMALA.",
        "1990-01-15",
      )[0],
    ).toMatchObject({
      text: "3 DAYS AGO",
      start: "1990-01-12",
      precision: "day",
    });
    expect(
      datesOf(
        "MAJOR RODRIGUEZ HURTADO TODAY DENIED THAT PLANES HAD ENTERED NICARAGUAN TERRITORY AS THE SANDINIST GOVERNMENT SAID LAST WEEK.",
        "1990-01-04",
      ),
    ).toContainEqual({
      text: "LAST WEEK",
      start: "1989-12-25",
      end: "1989-12-31",
      precision: "week",
      anchor: "publication",
    });
    expect(datesOf("The bombing happened late last month near the border.", "2021-10-16")[0]).toEqual({
      text: "late last month",
      start: "2021-09-01",
      end: "2021-09-30",
      precision: "month",
      anchor: "publication",
    });
    expect(datesOf("Two policemen were killed three days ago.", "2021-10-16")[0]).toMatchObject({
      start: "2021-10-13",
      precision: "day",
    });
  });

  it("reads the weekend as its Saturday and Sunday", () => {
    // 2023-07-15 is a Saturday, 2023-07-17 a Monday
    const weekend = (text: string, published: string) =>
      datesOf(text, published).map((d) => [d.text, d.start, d.end, d.precision]);
    expect(weekend("Gunmen killed five people in Kabul over the weekend.", "2023-07-17")).toEqual([
      ["the weekend", "2023-07-15", "2023-07-16", "week"],
    ]);
    expect(weekend("Gunmen killed five people in Kabul during the weekend.", "2023-07-15")).toEqual([
      ["the weekend", "2023-07-15", "2023-07-15", "week"],
    ]);
    expect(weekend("Gunmen killed five people in Kabul last weekend.", "2023-07-15")).toEqual([
      ["last weekend", "2023-07-08", "2023-07-09", "week"],
    ]);
    expect(weekend("Gunmen killed five people in Kabul last week.", "2023-07-15")).toEqual([
      ["last week", "2023-07-03", "2023-07-09", "week"],
    ]);
  });

  it("dates a weekday by the latest full date of an article that has no publication date", () => {
    const days = (text: string) => datesOf(text, null).map((d) => [d.text, d.start]);
    // 11 December 2016 was a Sunday, 19 April 1995 a Wednesday, 21 July 1972 a Friday
    expect(
      days("Hundreds gathered outside the cathedral Sunday. The explosion on December 11, 2016, killed 25 people."),
    ).toEqual([
      ["Sunday", "2016-12-11"],
      ["December 11, 2016", "2016-12-11"],
    ]);
    expect(days("He was identified in court Friday. The building was bombed on April 19, 1995.")).toEqual([
      ["April 19, 1995", "1995-04-19"],
    ]);
    expect(days("Police raided homes after Friday's attack on 21 July 1972, later called Bloody Friday.")).toEqual([
      ["21 July 1972", "1972-07-21"],
    ]);
  });

  it("keeps written years absolute", () => {
    expect(datesOf("THE BOMB EXPLODED ON 16 NOVEMBER 1989 AT THE EMBASSY.", "1990-02-01")[0]).toEqual({
      text: "16 NOVEMBER 1989",
      start: "1989-11-16",
      end: "1989-11-16",
      precision: "day",
      anchor: "absolute",
    });
    expect(datesOf("THE ATTACK ON 15 OCT 89 WAS CLAIMED BY THE FMLN.", null)[0]).toMatchObject({
      start: "1989-10-15",
      anchor: "absolute",
    });
  });
});

describe("datelines", () => {
  it("resolve relative dates when there is no publication date, and are no event date themselves", () => {
    const text = "SAN SALVADOR, 15 NOV 89 -- [TEXT] TWO SOLDIERS WERE KILLED YESTERDAY IN AN AMBUSH IN SAN MIGUEL.";
    expect(datesOf(text, null)).toEqual([
      { text: "YESTERDAY", start: "1989-11-14", end: "1989-11-14", precision: "day", anchor: "publication" },
    ]);
    expect(datesOf("KABUL, Oct. 16, 2021 (Reuters) - A bomb killed 41 worshippers on Friday.", null)).toEqual([
      { text: "Friday", start: "2021-10-15", end: "2021-10-15", precision: "day", anchor: "publication" },
    ]);
  });

  it("after a headline are still the dateline: its date is when the story was filed", () => {
    const text =
      "Gunmen kill 14 in attack on village in Burkina Faso\n\nOUAGADOUGOU, March 12 (Reuters) - Suspected " +
      "jihadists killed at least 14 civilians on Sunday, a security official said on Tuesday.";
    expect(datesOf(text, "2024-03-12").map((d) => [d.text, d.start])).toEqual([
      ["Sunday", "2024-03-10"],
      ["Tuesday", "2024-03-12"],
    ]);
    // With no publication date, a dateline with a year is the reference.
    const dated =
      "Bomb kills 41 in Kandahar mosque\n\nKABUL, Oct. 16, 2021 (Reuters) - A bomb killed 41 worshippers on Friday.";
    expect(datesOf(dated, null).map((d) => [d.text, d.start])).toEqual([["Friday", "2021-10-15"]]);
    // A headline is short and has no full stop: a first sentence is no headline.
    const lead =
      "Police said on Monday that two men were arrested.\n\nKABUL, Oct. 16, 2021 (Reuters) - A bomb went off.";
    expect(datesOf(lead, null).map((d) => d.text)).toEqual(["Oct. 16, 2021"]);
  });

  it("leave only absolute dates when neither a publication date nor a dateline is known", () => {
    expect(datesOf("The attack on Friday followed the bombing of 15 October 2021.", null)).toEqual([
      { text: "15 October 2021", start: "2021-10-15", end: "2021-10-15", precision: "day", anchor: "absolute" },
    ]);
  });
});

describe("dates relative to another event", () => {
  it("give the signed days from this event to the other one", () => {
    // MUC-4 train DEV-MUC3-0470.
    expect(
      datesOf(
        "THIS ATTACK COMES LESS THAN A WEEK AFTER A TERRORIST ATTACK AGAINST THE FACILITIES OF THE REGIONAL DEVELOPMENT CORPORATION.",
        "1989-09-03",
      ),
    ).toEqual([
      { text: "LESS THAN A WEEK AFTER", start: "", end: "", precision: "week", anchor: "event", offsetDays: -7 },
    ]);
    expect(
      datesOf("THREE DAYS EARLIER, TWO SMALL DYNAMITE STICKS WERE THROWN AT THE CORPORATE OFFICES.", "1989-09-03"),
    ).toEqual([{ text: "THREE DAYS EARLIER", start: "", end: "", precision: "day", anchor: "event", offsetDays: 3 }]);
    expect(datesOf("The ambush came a month before the elections.", "2021-10-16")[0]).toMatchObject({
      offsetDays: 30,
      precision: "month",
    });
    expect(datesOf("Police said the bomb had been planted the day before.", "2021-10-16")[0]).toMatchObject({
      text: "the day before",
      offsetDays: 1,
    });
    expect(datesOf("Hours after the blast, gunmen opened fire.", "2021-10-16")[0]).toMatchObject({ offsetDays: 0 });
  });
});

describe("what is not an event date", () => {
  it("drops durations, ages, clock times, years as names and verbs", () => {
    // MUC-4 train DEV-MUC3-0246: only "FIVE DAYS AGO" is a date.
    expect(
      datesOf(
        "BUSCHMANN WAS ARRESTED AND DETAINED IN PERTH FOR THREE DAYS BEFORE BEING RELEASED FIVE DAYS AGO.",
        "1989-06-11",
      ),
    ).toEqual([
      { text: "FIVE DAYS AGO", start: "1989-06-06", end: "1989-06-06", precision: "day", anchor: "publication" },
    ]);
    for (const text of [
      "The siege went on for three days.",
      "A 12-year-old was among the wounded.",
      "The blast came at 10:30 near the stadium.",
      "Security was tight before the 2016 Olympics.",
      "Officials said the protesters may march on the capital.",
      "The group will attack next week, the statement warned.",
      "THE FMLN SAID THAT NOW IS THE TIME FOR DIALOGUE.",
    ]) {
      expect(datesOf(text, "2021-10-16"), text).toEqual([]);
    }
  });

  it("drops dates after the publication date: plans, not events", () => {
    // MUC-4 train: elections planned in a 1989 story.
    expect(datesOf("THE ELECTIONS WILL BE HELD IN NOVEMBER 1990 AS PLANNED.", "1989-10-08")).toEqual([]);
    expect(datesOf("THE NEW GOVERNMENT WILL TAKE OFFICE IN 1990.", "1989-10-08")).toEqual([]);
  });

  it("reads a year alone after in or during", () => {
    // MUC-4 train DEV-MUC3-0041.
    expect(
      datesOf("THE SOURCE NOTED THAT IN 1984, THE FIRST ATTACK ON U.S. FACILITIES TOOK PLACE.", "1990-01-15")[0],
    ).toEqual({
      text: "1984",
      start: "1984-01-01",
      end: "1984-12-31",
      precision: "year",
      anchor: "absolute",
    });
  });

  it("never crashes on odd input", () => {
    for (const text of ["", "Friday", "ago", "a week after", "-- [TEXT]", "31 February", "on 45 October"]) {
      expect(() => datesOf(text, "2021-10-16")).not.toThrow();
      expect(() => datesOf(text, null)).not.toThrow();
    }
  });
});

// GTD-style incident summaries (test/fixtures/gtd-style): "MM/DD/YYYY: Assailants ...", no publication date.
describe("dates of incident summaries", () => {
  it("reads the month-first date heading a summary and a later one, with no publication date", () => {
    // gtd-style-007 (Ghazni, 2007)
    expect(
      datesOf(
        "07/19/2007: Assailants abducted 23 South Korean Christian aid workers from a bus in Qarabagh district, Ghazni province, Afghanistan. Two of the hostages were killed by their captors; two were released on 08/13/2007.",
        null,
      ),
    ).toEqual([
      { text: "07/19/2007", start: "2007-07-19", end: "2007-07-19", precision: "day", anchor: "absolute" },
      { text: "08/13/2007", start: "2007-08-13", end: "2007-08-13", precision: "day", anchor: "absolute" },
    ]);
  });

  it("reads an unknown day or month written as zeros as the month or the year", () => {
    expect(
      datesOf(
        "05/00/2015: Assailants opened fire on a checkpoint in Kandahar city, Kandahar province, Afghanistan.",
        null,
      ),
    ).toEqual([{ text: "05/00/2015", start: "2015-05-01", end: "2015-05-31", precision: "month", anchor: "absolute" }]);
    expect(datesOf("00/00/2015: Assailants abducted two aid workers in Kabul city.", null)).toEqual([
      { text: "00/00/2015", start: "2015-01-01", end: "2015-12-31", precision: "year", anchor: "absolute" },
    ]);
    // not a date: a month beyond 12, and a date after the publication date
    expect(datesOf("Code 13/00/2015 was used.", null)).toEqual([]);
    expect(datesOf("05/00/2015: Assailants attacked a checkpoint.", "2014-06-01")).toEqual([]);
  });
});
