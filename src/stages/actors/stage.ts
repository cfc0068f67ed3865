import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no actors. */
export const actorsStage: Stage<"actors"> = {
  name: "actors",
  requires: [],
  provides: ["actors"],
  run: () => ({ actors: [] }),
};
