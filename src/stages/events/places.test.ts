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
});
