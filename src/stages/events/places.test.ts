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
