import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no triggers. */
export const triggersStage: Stage<"triggers"> = {
  name: "triggers",
  requires: [],
  provides: ["triggers"],
  run: () => ({ triggers: [] }),
};
