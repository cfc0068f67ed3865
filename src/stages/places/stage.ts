import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no places. */
export const placesStage: Stage<"places"> = {
  name: "places",
  requires: [],
  provides: ["places"],
  run: () => ({ places: [] }),
};
