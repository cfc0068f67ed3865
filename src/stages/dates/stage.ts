import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no dates. */
export const datesStage: Stage<"dates"> = {
  name: "dates",
  requires: [],
  provides: ["dates"],
  run: () => ({ dates: [] }),
};
