import { describe, expect, it } from "vitest";
import type { TriggerMention } from "../../core/annotations.js";
import { actorsStage } from "../actors/stage.js";
import { datesStage } from "../dates/stage.js";
import { placesStage } from "../places/stage.js";
import { articleFromText } from "../../text/article.js";
import { triggersStage } from "./stage.js";

/** Triggers of a text, with the places, dates and actors stages run first as in the pipeline. */
function triggersOf(text: string, published: string | null = null): (TriggerMention & { words: string })[] {
  const article = articleFromText(text, published);
  const places = placesStage.run({ article, annotations: {}, trace: null });
  const dates = datesStage.run({ article, annotations: places, trace: null });
  const actors = actorsStage.run({ article, annotations: places, trace: null });
  const { triggers } = triggersStage.run({ article, annotations: { ...places, ...dates, ...actors }, trace: null });
  return triggers.map((t) => ({ ...t, words: article.text.slice(t.span.start, t.span.end) }));
}

const find = (ts: ReturnType<typeof triggersOf>, words: string) => ts.find((t) => t.words === words);

// Sentences from the seed article (examples/kandahar-2021-10-16.txt) and from the MUC-4
// development corpus (DEV-MUC3-nnnn, the FBIS texts in ../shared/data/dev/muc4-train.jsonl).
describe("trigger detection and typing", () => {
  it("types a suicide bombing by its precedence whoever is hit (seed)", () => {
    const ts = triggersOf(
      "On Saturday, the Islamic State claimed responsibility for a suicide bombing at a Shiite mosque in Kandahar, Afghanistan, that killed at least 41 people and injured dozens more.",
    );
    expect(find(ts, "suicide bombing")).toMatchObject({
      subEventType: "Suicide bomb",
      modality: "asserted",
      cue: "suicide",
    });
    // A trigger is typed by its own words and circumstances; the frame adds its partners' ("suicide").
    expect(find(ts, "killed")).toMatchObject({ cue: "kill", modality: "asserted" });
  });

  it("reads a clash between armed groups as a battle (DEV-MUC3-0005)", () => {
    const ts = triggersOf(
      "A WAR BULLETIN INDICATES THAT ON 6 JANUARY AT 1625, FMLN TROOPS CLASHED WITH THE CAVALRY COMPANY IN FINCA SANTA ELENA, SANTA TECLA, NEAR SAN SALVADOR, KILLING THREE AND WOUNDING FOUR ENEMY TROOPS.",
    );
    expect(find(ts, "CLASHED")).toMatchObject({ eventType: "Battles", subEventType: "Armed clash" });
  });

  it("reads a kidnapping as an abduction (DEV-MUC3-0001)", () => {
    const ts = triggersOf(
      "THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL DEPARTMENT.",
    );
    expect(find(ts, "KIDNAPPED")?.subEventType).toBe("Abduction/forced disappearance");
    // "Liberation" inside the front's name is part of a name, not a liberation of territory.
    expect(find(ts, "LIBERATION")).toBeUndefined();
  });

  it("reads an air force bombing as an air strike (DEV-MUC3-0718)", () => {
    const ts = triggersOf(
      "THIS LAST MINUTE REPORT STATES THAT THE AIR FORCE HAS BOMBED AND STRAFED THE AREA ACROSS FROM THE INCA FACTORY AND PRADOS DE VENECIA IN SOYAPANGO.",
    );
    expect(find(ts, "BOMBED")?.subEventType).toBe("Air/drone strike");
  });

  it("reads soldiers who come under fire as hit, not as the ones firing: a battle", () => {
    const ts = triggersOf("An army patrol came under fire near the Syrian border on Tuesday, the military said.");
    expect(find(ts, "came under fire")).toMatchObject({ eventType: "Battles", subEventType: "Armed clash" });
  });

  it("reads a bomb that did not go off, or a failed attempt to bomb, as disrupted weapons use", () => {
    // Brussels Central station, June 2017; news phrasing of failed devices.
    const attempt = triggersOf(
      "Police said the suspect tried to blow up a train at Brussels Central station before soldiers shot him.",
    );
    expect(find(attempt, "tried to blow up")).toMatchObject({
      subEventType: "Disrupted weapons use",
      modality: "asserted",
    });
    const failed = triggersOf("A pipe bomb left outside the synagogue did not go off, and another failed to detonate.");
    expect(failed.map((t) => t.subEventType)).toEqual(["Disrupted weapons use", "Disrupted weapons use"]);
  });

  it("marks an event dated months before the publication as an earlier one", () => {
    const ts = triggersOf("In April, more than 20 soldiers were killed in attacks near Palmyra.", "2020-08-19");
    expect(find(ts, "killed")?.otherEvent).toBe("earlier");
    expect(
      find(triggersOf("On Monday, 20 soldiers were killed near Palmyra.", "2020-08-19"), "killed")?.otherEvent,
    ).toBeUndefined();
  });

  it("keeps the agent of a passive after a comma in the clause it belongs to", () => {
    const ts = triggersOf(
      "It was the first such death since 2014, when a colonel was killed in the same area, reportedly by rocket fire from the militants.",
    );
    expect(find(ts, "killed")?.subordinate).toBe(true);
    expect(find(ts, "rocket fire")?.subordinate).toBe(true);
  });

  it("reads a defused bomb as disrupted weapons use (DEV-MUC3-0150)", () => {
    const ts = triggersOf("A BOMB PLANTED NEAR THE U.S. EMBASSY IN THIS CAPITAL WAS DEFUSED TODAY BY THE POLICE.");
    expect(find(ts, "DEFUSED")?.subEventType).toBe("Disrupted weapons use");
  });
});

describe("modality: what keeps non-events out", () => {
  it("a threat is hypothetical (DEV-MUC3-0071)", () => {
    const ts = triggersOf(
      "THE SALVADORAN GUERRILLAS TODAY THREATENED TO MURDER INDIVIDUALS INVOLVED IN THE 19 MARCH PRESIDENTIAL ELECTIONS IF THEY DO NOT RESIGN FROM THEIR POSTS.",
    );
    expect(find(ts, "MURDER")?.modality).toBe("hypothetical");
    // "19 MARCH" is a date, not a march.
    expect(find(ts, "MARCH")).toBeUndefined();
  });

  it("no casualties are negated (DEV-MUC3-0001)", () => {
    const ts = triggersOf(
      "NATIONAL GUARD UNITS GUARDING THE LAS CANAS BRIDGE, WHICH IS ON THE NORTHERN TRUNK HIGHWAY IN APOPA, THIS MORNING REPELLED A TERRORIST ATTACK THAT RESULTED IN NO CASUALTIES.",
    );
    expect(find(ts, "REPELLED")?.modality).toBe("asserted");
    expect(find(ts, "CASUALTIES")?.modality).toBe("negated");
  });

  it("a slogan is no killing (DEV-MUC3-0195)", () => {
    const ts = triggersOf(
      '"YANKEES GET OUT OF HONDURAS," "CONTRAS GET OUT," "TO PAY THE FOREIGN DEBT IS TO KILL THE PEOPLE," AND "JOBS AND NOT MORE MILITARY AID" WERE SOME OF THE SLOGANS ON PLACARDS AND BANNERS CARRIED BY THE WORKERS.',
    );
    expect(find(ts, "KILL")?.modality).toBe("hypothetical");
  });
});

describe("other events, disasters and subordinate clauses", () => {
  it("marks the attack a week earlier as an earlier event, not the strike reported (seed)", () => {
    const ts = triggersOf(
      "The strike on Friday comes barely a week after another IS-claimed attack on Shiite worshippers at a mosque in Kunduz, which left more than 60 people dead.",
    );
    expect(find(ts, "strike")?.otherEvent).toBeUndefined();
    expect(find(ts, "attack")).toMatchObject({ otherEvent: "earlier", subordinate: true });
    // The relative clause tells more of the earlier attack.
    expect(find(ts, "dead")).toMatchObject({ otherEvent: "earlier", subordinate: true });
  });

  it("an earthquake's toll carries the disaster cue that vetoes it (DEV-MUC3-1275)", () => {
    const ts = triggersOf(
      "IN OCTOBER 1986, AN EARTHQUAKE DESTROYED A LARGE SECTION OF THE SALVADORAN CAPITAL AND NEARLY 1,000 PEOPLE WERE KILLED.",
      "1990-01-01",
    );
    expect(find(ts, "KILLED")?.context).toContain("n.disaster");
  });

  it("the explosions an official speaks after are a subordinate clause (seed)", () => {
    const ts = triggersOf(
      "\u201cA horrific attack has been observed on a Shiite mosque as a result of which a large number of our countrymen have lost their lives,\u201d Kandahar police head Maulvi Mehmood stated after the explosions.",
    );
    expect(find(ts, "explosions")?.subordinate).toBe(true);
  });
});
