import { geoparse } from "../../geo/geoparse.js";
import { gazetteer } from "../../geo/gazetteer.js";
import type { Stage } from "../../pipeline/stage.js";

/**
 * Finds every place name of the article and resolves it against the offline gazetteer
 * (src/geo): countries, provinces, districts, towns, regions and well-known sites, each with the
 * token span it was read from. Demonyms inform the resolution but are not places.
 */
export const placesStage: Stage<"places"> = {
  name: "places",
  requires: [],
  provides: ["places"],
  run({ article, trace }) {
    return { places: geoparse(article, gazetteer(), trace).places };
  },
};
