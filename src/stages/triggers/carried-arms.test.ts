import { describe, expect, it } from "vitest";
import { actorsStage } from "../actors/stage.js";
import { placesStage } from "../places/stage.js";
import { articleFromText } from "../../text/article.js";
import { triggersStage } from "./stage.js";

/** The words of a text's triggers, with the places and actors stages run first as in the pipeline. */
function triggerWords(text: string): string[] {
  const article = articleFromText(text, null);
  const places = placesStage.run({ article, annotations: {}, trace: null });
  const actors = actorsStage.run({ article, annotations: places, trace: null });
  const { triggers } = triggersStage.run({ article, annotations: { ...places, ...actors }, trace: null });
  return triggers.map((t) => article.text.slice(t.span.start, t.span.end));
}

// GTD-style incident summaries (test/fixtures/gtd-style): "assailants armed with ..." lists arms.
describe("the arms attackers carry", () => {
  it("are no grenade attack when another word tells the event", () => {
    // gtd-style-037 (Mumbai, 26 November 2008)
    const words = triggerWords(
      "Two assailants armed with firearms and grenades opened fire on passengers at the Chhatrapati Shivaji Terminus railway station in Mumbai city, Maharashtra state, India.",
    );
    expect(words).not.toContain("grenades");
    expect(words).toContain("opened fire");
  });

  it("leave a thrown grenade a grenade attack, and make none beside an arrest", () => {
    expect(
      triggerWords(
        "Assailants threw a grenade at a police checkpoint in Srinagar city, Jammu and Kashmir state, India.",
      ),
    ).toContain("grenade");
    const arrest = triggerWords("Police arrested two men armed with grenades near the market in Srinagar.");
    expect(arrest).not.toContain("grenades");
    expect(arrest).toContain("arrested");
  });
});
