import { describe, expect, it } from "vitest";
import { articleFromText } from "../../text/article.js";
import { actorsStage } from "./stage.js";

function actorsOf(text: string) {
  const article = articleFromText(text, "2021-10-16");
  return actorsStage.run({ article, annotations: {}, trace: null }).actors.map((a) => ({
    text: article.text.slice(a.span.start, a.span.end),
    kind: a.kind,
    name: a.name,
    actorType: a.actorType,
    rule: a.rule,
  }));
}

describe("actors stage", () => {
  it("keeps the people or faith that names fighters in their phrase", () => {
    // News of 2016-2019: PKK, ETA and Baloch attacks.
    const texts = (t: string) => actorsOf(t).map((a) => a.text);
    expect(texts("Kurdish militants claimed responsibility for the bombings in Istanbul.")).toEqual([
      "Kurdish militants",
    ]);
    expect(texts("Police blamed Basque separatists and Baloch insurgents for the blasts.")).toEqual([
      "Basque separatists",
      "Baloch insurgents",
    ]);
    // A capitalised word that names no people stays out; a word modifying a group's noun names no people.
    expect(texts("On Monday gunmen opened fire.")).toEqual(["gunmen"]);
    expect(texts("It was carried out by the armed Basque separatist group ETA.")).toEqual(["ETA"]);
  });

  it("names dictionary groups under their aliases, and the doers as individuals (seed article)", () => {
    const found = actorsOf(
      "Two Islamic State-Khorasan (IS-K) suicide bombers carried out separate strikes on various portions of the mosque in Kandahar — the Taliban’s spiritual heartland — while people prayed inside.",
    );
    expect(found).toEqual([
      {
        text: "Islamic State-Khorasan",
        kind: "organisation",
        name: "Islamic State Khorasan Province",
        actorType: "rebel group",
        rule: "actor.dictionary",
      },
      {
        text: "IS-K",
        kind: "organisation",
        name: "Islamic State Khorasan Province",
        actorType: "rebel group",
        rule: "actor.dictionary",
      },
      { text: "suicide bombers", kind: "individual", name: null, actorType: null, rule: "actor.individuals" },
      { text: "Taliban", kind: "organisation", name: "Taliban", actorType: "rebel group", rule: "actor.dictionary" },
    ]);
  });

  it("does not read the word 'is' as the Islamic State, in ordinary or capitals-only text", () => {
    expect(actorsOf("The group is a staunch opponent of the Taliban.").map((a) => a.name)).toEqual(["Taliban"]);
    expect(actorsOf("THE SITUATION IS CALM, THE ARMY SAID.").some((a) => a.name === "Islamic State")).toBe(false);
  });

  it("names state forces by country (MUC-4 DEV-MUC3-0002)", () => {
    const found = actorsOf(
      "THE SALVADORAN AIR FORCE MAINTAINS THE SAME OPERATIONAL LEVEL IT HAS HAD FOR THE LAST 10 YEARS.",
    );
    expect(found[0]).toMatchObject({
      text: "SALVADORAN AIR FORCE",
      name: "Military Forces of El Salvador",
      actorType: "state forces",
      rule: "actor.state-force",
    });
  });

  it("finds organisations the dictionary lacks from the way the text names them", () => {
    // MUC-4 DEV-MUC3-0182 and DEV-MUC3-0304
    expect(
      actorsOf(
        "A GROUP CALLING ITSELF THE GERARDO BARRIOS COMMANDO UNIT TONIGHT CLAIMED RESPONSIBILITY FOR THE ATTACK.",
      )[0],
    ).toMatchObject({
      text: "GERARDO BARRIOS COMMANDO UNIT",
      kind: "organisation",
      name: null,
      rule: "actor.unknown.named",
    });
    expect(
      actorsOf(
        'A NEW GUERRILLA GROUP CALLING ITSELF THE "9 MAY" PEOPLE\'S LIBERATION FORCES, FPL, ANNOUNCED ITS EMERGENCE.',
      ).find((a) => a.rule === "actor.unknown.named")?.text,
    ).toBe('"9 MAY" PEOPLE\'S LIBERATION FORCES');
    // MUC-4 DEV-MUC3-0115: members of a front of a known group
    expect(
      actorsOf(
        "SOME REPORTS INDICATE THAT THE PEASANTS WERE KILLED BY ALLEGED MEMBERS OF THE XXII FRONT OF THE FARC.",
      ).map((a) => [a.text, a.rule]),
    ).toContainEqual(["XXII FRONT", "actor.unknown.members-of"]);
    // CASE 2021 shared task 2 snippet: a capitalised name ending in an organisation noun
    expect(
      actorsOf(
        "An improvised explosive, emplaced by United National Liberation Front (UNLF) militants, detonated targeting the residence of a man.",
      )[0],
    ).toMatchObject({
      text: "United National Liberation Front",
      actorType: "rebel group",
      rule: "actor.unknown.capitalised",
    });
  });

  it("keeps the numbers and modifiers of a group of doers", () => {
    // MUC-4 DEV-MUC3-0080-like wording from the training texts
    expect(
      actorsOf("THE VICTIMS WERE ABDUCTED BY HEAVILY ARMED MEN BETWEEN 0630 AND 0700.").map((a) => a.text),
    ).toContain("HEAVILY ARMED MEN");
  });
});
