import { describe, expect, it } from "vitest";
import type { Annotations } from "../../core/annotations.js";
import type { EventFrame } from "../../core/frame.js";
import { DEFAULT_STAGES } from "../index.js";
import { articleFromText } from "../../text/article.js";
import { eventsStage } from "./stage.js";

function framesOf(text: string, published: string | null = null): EventFrame[] {
  const article = articleFromText(text, published);
  let annotations: Partial<Annotations> = {};
  for (const stage of DEFAULT_STAGES) {
    if (stage === eventsStage) break;
    annotations = { ...annotations, ...stage.run({ article, annotations, trace: null }) };
  }
  return eventsStage.run({ article, annotations, trace: null }).events;
}

describe("reported or recalled, in articles without a publication date", () => {
  it("takes the date of an encyclopedic lead as the article's own time: one event, dated", () => {
    // Wikipedia, "Omagh bombing" (lead).
    const frames = framesOf(
      "The Omagh bombing was a car bombing on 15 August 1998 in the town of Omagh in County Tyrone, Northern " +
        "Ireland. It was carried out by the Real Irish Republican Army. The bomb killed 29 people and injured about " +
        "220 others. In 2009, four men were found liable in a civil case.",
    );
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ role: "reported", date: { start: "1998-08-15" } });
    expect(frames[0]?.figures.killed?.best).toBe(29);
  });

  it("reads a month-dated sentence that names the lead event by a definite word as more of that event", () => {
    // Wikipedia-style account of the Harrods bombing (December 1983).
    const frames = framesOf(
      "The Harrods bombing was a car bomb attack on 17 December 1983 outside the Harrods department store in " +
        "London, which killed six people. The leadership of the IRA was taken aback by the outcry over the attack " +
        "and on 18 December issued a statement regretting the civilian deaths, though defending the bombing.",
    );
    expect(frames.map((f) => [f.role, f.date?.start, f.figures.killed?.best])).toEqual([["reported", "1983-12-17", 6]]);
  });

  it("recalls an attack told by its date as the cause of what the article reports", () => {
    const frames = framesOf(
      "The emergency laws were first introduced after gunmen killed 12 people at the offices of Charlie Hebdo in " +
        "Paris on January 7, 2015. Lawmakers will vote on the extension next week.",
    );
    expect(frames.map((f) => [f.role, f.date?.start])).toEqual([["background", "2015-01-07"]]);
  });

  it("reads the sentence after a recalled attack as more of that attack", () => {
    const frames = framesOf(
      "The rules were first introduced after a series of attacks left 130 people dead across Paris on November " +
        "13, 2015. The attackers struck at the Bataclan concert hall and at cafes in the east of the city.",
    );
    expect(frames.map((f) => [f.role, f.figures.killed?.best])).toEqual([["background", 130]]);
  });
});

describe("recalled events told over two sentences", () => {
  it("recalls a spate of attacks over the summer, and gives it the toll of the next sentence", () => {
    const frames = framesOf(
      "A bomb that failed to detonate was found at a railway station in Bonn on Monday, police said. Germany " +
        "suffered a spate of attacks in the south of the country over the summer. Nine people were killed and " +
        "dozens more injured in separate shootings and knife attacks.",
      "2016-12-13",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.figures.killed?.best ?? null])).toEqual([
      ["reported", "Disrupted weapons use", null],
      ["background", "Attack", 9],
    ]);
  });

  it("gives the attacker's allegiance told after a recalled attack to that attack", () => {
    // The Berlin Christmas market attack (December 2016), recalled in a report of a later attack.
    const frames = framesOf(
      "A man drove a car into pedestrians on a busy street in the city of Graz on Saturday, killing three people. " +
        "Twelve people were killed on 19 December in an attack on a Christmas market in Berlin. The attacker, " +
        "shot dead by Italian police, had pledged allegiance to Islamic State.",
      "2017-06-24",
    );
    const berlin = frames.find((f) => f.location?.place.countryCode === "DE");
    expect(berlin?.role).toBe("background");
    expect(berlin?.perpetratorOrgs.map((f) => f.name)).toContain("Islamic State");
    expect(frames[0]?.perpetratorOrgs).toEqual([]);
  });

  it("keeps two recalled attacks told sentences apart as two, and an attack months before the article as recalled", () => {
    const frames = framesOf(
      "A roadside bomb killed a Russian soldier near the city of Raqqa, the ministry said on Monday. It was the " +
        "first such death in the province since 2017, when a general was killed in the same area, reportedly by " +
        "mortar fire from the Islamic State. The army controls most of the province. Insurgents remain active in " +
        "the desert. In April, more than 20 soldiers were killed in attacks near Palmyra.",
      "2020-08-19",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.figures.killed?.best ?? null])).toEqual([
      ["reported", "Remote explosive/landmine/IED", 1],
      ["background", "Shelling/artillery/missile attack", 1],
      ["background", "Armed clash", 21],
    ]);
    expect(frames[1]?.perpetratorOrgs.map((f) => f.name)).toEqual(["Islamic State"]);
  });
});

describe("events told as the occasion of the one reported", () => {
  it("keep the attack the reported one came hours after apart from it", () => {
    const frames = framesOf(
      "Dozens of settlers attacked the village of Huwara in the West Bank on Sunday night, setting fire to homes " +
        "and cars. One Palestinian man was shot dead. The rampage came hours after a Palestinian gunman shot dead " +
        "two Israeli brothers driving through the village.",
      "2023-02-27",
    );
    expect(frames.map((f) => [f.role, f.figures.killed?.best])).toEqual([
      ["reported", 1],
      ["background", 2],
    ]);
  });

  it("but not the bombing a later sentence dates hours after", () => {
    const frames = framesOf(
      "Two car bombs exploded in Belfast on Saturday, killing nine people. Only four hours after the bombing, " +
        "patrols were seen on the streets.",
      "1972-07-22",
    );
    expect(frames.map((f) => f.role)).toEqual(["reported"]);
  });

  it("make one earlier event of the headline's cause and the bombing the story then recalls", () => {
    const frames = framesOf(
      "Afghan police arrest suspected ISIS-K members after Kabul blast\n\n" +
        "Taliban security forces arrested six suspected members of the Islamic State group on Tuesday in " +
        "connection with a bombing at a Kabul mosque last week that killed 21 worshippers, a spokesman said. The " +
        "suspects were detained in raids in Kabul and Nangarhar provinces.",
      "2022-05-03",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.figures.killed?.best ?? null])).toEqual([
      ["reported", "Arrests", null],
      ["background", "Remote explosive/landmine/IED", 21],
    ]);
    // the suspects arrested are not who did the arresting
    expect(frames[0]?.perpetratorOrgs.map((f) => f.name)).toEqual(["Police Forces of Afghanistan"]);
  });
});

describe("a headline about an earlier event", () => {
  it("is that event, when the story tells no other of its kind", () => {
    const frames = framesOf(
      "Syrian government accused of chlorine attack\n\n" +
        "The Organisation for the Prohibition of Chemical Weapons said on Wednesday that the Syrian air force " +
        "was responsible for a chlorine gas attack on the town of Douma in April 2018 that killed 43 people.",
      "2023-01-27",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.date?.start])).toEqual([
      ["background", "Chemical weapon", "2018-04-01"],
    ]);
  });

  it("stays the reported event when the story tells it again", () => {
    const frames = framesOf(
      "Bomb kills 10 at Kabul market\n\n" +
        "A bomb exploded at a crowded market in Kabul on Sunday, killing 10 people, police said. Last year, a " +
        "bombing at a market in Kandahar killed 30 people.",
      "2023-01-30",
    );
    expect(frames.map((f) => [f.role, f.location?.place.name])).toEqual([
      ["reported", "Kabul"],
      ["background", "Kandahār"],
    ]);
  });
});

describe("events within the reported one's period", () => {
  it("are not earlier than an event dated by its week", () => {
    const frames = framesOf(
      "Burkina Faso's army said on Monday it had killed about 100 jihadists in operations in the north of the " +
        "country last week.\n\nThe army said its aircraft struck a militant base near Djibo in Soum province on " +
        "Wednesday.",
      "2022-11-29",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.date?.start])).toEqual([
      ["reported", "Armed clash", "2022-11-21"],
      ["reported", "Air/drone strike", "2022-11-23"],
    ]);
  });

  it("include the deadliest of a day's attacks", () => {
    const frames = framesOf(
      "A wave of bombings across Iraq killed at least 22 people on Tuesday.\n\nIn the deadliest attack, a car " +
        "bomb exploded near a crowded market in Sadr City in Baghdad, killing 12 people.",
      "2013-05-22",
    );
    expect(frames.map((f) => f.role)).not.toContain("background");
  });
});

describe("what the reported event came after", () => {
  it("is an earlier event through all its clauses, and keeps its place to itself", () => {
    const frames = framesOf(
      "DEIR AL-BALAH, Gaza Strip (AP) - An Israeli airstrike on a school sheltering displaced families in " +
        "central Gaza killed at least 30 people on Saturday.\n\nThe strike came a day after Israeli tanks pushed " +
        "deeper into Rafah, where at least 12 people were killed in shelling overnight.",
      "2024-07-07",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.location?.place.name, f.figures.killed?.best])).toEqual([
      ["reported", "Air/drone strike", "Deir Al Balah", 30],
      ["background", "Shelling/artillery/missile attack", "Rafah", 12],
    ]);
  });
});

describe("recalled events told one after another", () => {
  it("stay apart when the second is told under a time of its own", () => {
    const frames = framesOf(
      "Boko Haram fighters killed at least 37 people in an attack on a village in Konduga, Borno state, late on " +
        "Thursday, officials said.\n\nThe attack came a month after suspected jihadists killed 12 farmers in the " +
        "nearby village of Mafa. In 2020, Boko Haram fighters killed 110 rice farmers at Koshobe, one of the " +
        "deadliest attacks on civilians in the conflict, which has killed more than 35,000 people since 2009.",
      "2024-06-15",
    );
    expect(frames.map((f) => [f.role, f.figures.killed?.best])).toEqual([
      ["reported", 37],
      ["background", 12],
      ["background", 110],
    ]);
  });
});
