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

const placeOf = (f: EventFrame | undefined) => f?.location?.place.name;

describe("where an event happened", () => {
  it("takes the town of a sentence that sets the scene for the next one, which names none", () => {
    // A standoff told as news reports tell them: the call, then the shooting.
    const frames = framesOf(
      "The standoff began when police were called to a house fire in the town of Mastung in Balochistan. " +
        "Officers responding to the call came under fire from inside the house. Two policemen were wounded. " +
        "Hours later, gunmen attacked a checkpoint in Quetta, killing three soldiers.",
    );
    expect(frames.map(placeOf)).toEqual(["Mastung", "Quetta"]);
    expect(frames[0]).toMatchObject({ eventType: "Battles", subEventType: "Armed clash" });
    expect(frames[0]?.figures.injured?.best).toBe(2);
  });

  it("puts an event known only by its province at the provincial capital, as ACLED does", () => {
    const [frame] = framesOf("A roadside bomb killed three soldiers in Helmand province on Sunday, officials said.");
    expect(frame?.location).toMatchObject({ precision: "province", place: { name: "Helmand", featureType: "admin1" } });
    // Lashkar Gah, the seat, not the point of the province itself, 55 km to its south-west.
    expect(frame?.location?.place.lat).toBeCloseTo(31.59, 1);
    expect(frame?.location?.place.lon).toBeCloseTo(64.37, 1);
  });

  it("takes a town the geoparser is unsure of when the event also names its province", () => {
    const frames = framesOf(
      "An Israeli airstrike on a house in Rafah killed 12 members of one family on Sunday, Gaza health officials said.",
      "2023-07-31",
    );
    expect(frames.map(placeOf)).toEqual(["Rafah"]);
  });

  it("takes the province the event names over the dateline town, where the story was filed", () => {
    // Dablo is not in the gazetteer; Centre-Nord is its province; Ouagadougou only filed the story.
    const frames = framesOf(
      "Gunmen kill 14 in attack on village in Burkina Faso\n\n" +
        "OUAGADOUGOU, March 12 (Reuters) - Suspected jihadists killed at least 14 civilians in an attack on a " +
        "village in northern Burkina Faso on Sunday, a security official said on Tuesday.\n\n" +
        "The assailants, riding motorbikes, stormed Dablo in Centre-Nord region and opened fire on residents at " +
        "a market, the security source said.",
      "2024-03-12",
    );
    expect(frames.map((f) => f.location?.place.name)).toEqual(["Centre-Nord"]);
    expect(frames[0]?.location?.precision).toBe("province");
  });

  it("keeps the dateline town when the event names no province, or the town's own", () => {
    const frames = framesOf(
      "KANDAHAR, Afghanistan (AP) - A bomb exploded outside a mosque in Kandahar province on Friday, killing " +
        "seven worshippers, officials said.",
      "2021-10-16",
    );
    expect(frames.map((f) => f.location?.place.name)).toEqual(["Kandahār"]);
    expect(frames[0]?.location?.precision).toBe("city");
  });

  it("never places an event in the country someone came from", () => {
    const frames = framesOf("Two tourists from Germany were shot dead by gunmen on Sunday, police said.");
    expect(frames).toHaveLength(1);
    expect(frames[0]?.location).toBeNull();
  });

  it("takes an attack told later at the country only for the attack reported in its town", () => {
    const frames = framesOf(
      "A suicide bomber killed 12 people at a market in Peshawar on Monday, police said. The market was crowded " +
        "with shoppers. Officials said the man walked in on foot. Rescue workers carried the wounded to hospitals. " +
        "The city has been calm for months. Shopkeepers closed their stalls. The provincial government announced " +
        "compensation for the families. Schools in the area were closed on Tuesday. Traders called for more " +
        "security. The police chief visited the scene. The United Nations condemned the attack in Pakistan and " +
        "called for calm.",
      "2021-05-04",
    );
    expect(frames.map(placeOf)).toEqual(["Peshawar"]);
  });
});

describe("mentions that are no event of their own", () => {
  it("keeps a rally's speakers' words about violence elsewhere out of the rally and out of the events", () => {
    const frames = framesOf(
      "More than 300 people attended a rally in Toronto on Saturday in support of the Rohingya. A speaker said " +
        "Canada's stand against the killing of civilians was welcome. She said there were reports of villages " +
        "being burned and women raped.",
    );
    expect(frames.map((f) => [f.subEventType, placeOf(f)])).toEqual([["Peaceful protest", "Toronto"]]);
  });

  it("places a protest at the church that was bombed, and recalls a period summed up", () => {
    // Tanta, Egypt, April 2017.
    const frames = framesOf(
      "A bomb exploded inside a church in the city of Tanta on Sunday, killing 27 worshippers, the health ministry " +
        "said. President Sisi declared three days of mourning. Hundreds of people protested outside the church, " +
        "chanting against the interior minister. Attacks on Christians have risen since the uprising of 2011. " +
        "Dozens have been killed in sectarian violence.",
    );
    expect(frames.map((f) => [f.role, f.subEventType, f.location?.place.countryCode ?? null])).toEqual([
      ["reported", "Remote explosive/landmine/IED", "EG"],
      ["reported", "Peaceful protest", "EG"],
      ["background", "Attack", null],
    ]);
    expect(frames[1]?.figures.killed).toBeNull();
  });

  it("takes no town in an article's first words for a dateline, nor for the scene of the next sentence", () => {
    const frames = framesOf(
      "Organizers of a London vigil read out the names of the victims. Gunmen abducted 40 villagers from a church, " +
        "a local official said.",
    );
    expect(frames).toHaveLength(1);
    expect(frames[0]?.location).toBeNull();
  });
});

describe("a killing in a diplomatic story", () => {
  it("reports the fatal shooting of an ambassador, whom the sentence's diplomacy does not explain away", () => {
    // Kinshasa, February 2021 (the Italian ambassador killed in an ambush; the wording is simplified).
    const frames = framesOf(
      "A gunman fatally shot the Italian ambassador outside the embassy in Kinshasa on Monday, officials said.",
      "2021-02-23",
    );
    expect(frames.map((f) => [f.subEventType, placeOf(f), f.figures.killed?.best])).toEqual([
      ["Attack", "Kinshasa", 1],
    ]);
  });
});

describe("who did it", () => {
  it("gives one filler per organisation, however often the article names it", () => {
    // Ankara car bombing, March 2016.
    const frames = framesOf(
      "A car bomb killed 37 people in Ankara on Sunday. Officials blamed the Kurdistan Workers Party (PKK) for " +
        "the attack. The interior minister said the evidence pointed to the PKK.",
      "2016-03-14",
    );
    expect(frames[0]?.perpetratorOrgs.map((f) => f.name)).toEqual(["Kurdistan Workers' Party"]);
  });
});
