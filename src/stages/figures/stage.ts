import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no figures. */
export const figuresStage: Stage<"figures"> = {
  name: "figures",
  requires: ["sources"],
  provides: ["figures"],
  run: () => ({ figures: [] }),
};
