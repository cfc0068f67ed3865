import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no sources. */
export const sourcesStage: Stage<"sources"> = {
  name: "sources",
  requires: [],
  provides: ["sources"],
  run: () => ({ sources: [] }),
};
