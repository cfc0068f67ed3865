import { describe, expect, it } from "vitest";
import type { PlaceMention } from "../core/annotations.js";
import { SitrepError } from "../core/errors.js";
import { articleFromText } from "../text/article.js";
import { tokenSpan } from "../text/evidence.js";
import { checkPipeline, createPipeline } from "./runner.js";
import type { Stage } from "./stage.js";

const kunduz: Stage<"places"> = {
  name: "toy-places",
  requires: [],
  provides: ["places"],
  run({ article }) {
    const places: PlaceMention[] = [];
    for (let i = 0; i < article.tokens.count; i++) {
      if (article.tokens.lower[i] === "kunduz") {
        places.push({
          span: tokenSpan(article, i, i),
          rule: "toy.kunduz",
          confidence: 1,
          name: "Kunduz",
          featureType: "city",
          countryCode: "AF",
          country: "Afghanistan",
          admin1: "Kunduz",
          lat: 36.73,
          lon: 68.86,
          geonameId: null,
          population: null,
        });
      }
    }
    return { places };
  },
};

const needsPlaces: Stage<"dates"> = {
  name: "toy-dates",
  requires: ["places"],
  provides: ["dates"],
  run: ({ annotations }) => {
    expect(annotations.places).toBeDefined();
    return { dates: [] };
  },
};

describe("pipeline runner", () => {
  it("refuses a stage whose needs no earlier stage provides, with a coded error", () => {
    expect(() => checkPipeline([needsPlaces, kunduz])).toThrowError(SitrepError);
    try {
      checkPipeline([needsPlaces, kunduz]);
    } catch (e) {
      expect((e as SitrepError).code).toBe("E_PIPELINE_ORDER");
      expect((e as SitrepError).message).toContain('"toy-dates" requires "places"');
    }
  });

  it("refuses two stages that provide the same annotation", () => {
    expect(() => checkPipeline([kunduz, { ...kunduz, name: "again" }])).toThrow(/E_PIPELINE_CONFLICT/);
  });

  it("runs stages in order, freezes their output and traces every fact with its stage and rule", () => {
    const article = articleFromText("The attack on a mosque in Kunduz left more than 60 people dead.");
    const result = createPipeline([kunduz, needsPlaces]).run(article, { explain: true });
    expect(result.annotations.places).toHaveLength(1);
    expect(Object.isFrozen(result.annotations.places)).toBe(true);
    expect(result.trace?.[0]).toMatchObject({ stage: "toy-places", key: "places", rule: "toy.kunduz" });
    expect(result.trace?.[0]?.message).toContain('"Kunduz"');
  });

  it("applies a refiner to the list its stage provides before later stages see it", () => {
    const article = articleFromText("Kunduz and Kunduz again.");
    const firstOnly = {
      name: "first-only",
      refines: "places" as const,
      refine: (items: readonly PlaceMention[]) => items.slice(0, 1),
    };
    const result = createPipeline([kunduz], [firstOnly]).run(article);
    expect(result.annotations.places).toHaveLength(1);
    expect(result.trace).toBeNull();
  });
});
