import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no claims. */
export const claimsStage: Stage<"claims"> = {
  name: "claims",
  requires: ["actors"],
  provides: ["claims"],
  run: () => ({ claims: [] }),
};
