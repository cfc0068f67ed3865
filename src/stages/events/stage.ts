import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until frame assembly is built: provides no events. */
export const eventsStage: Stage<"events"> = {
  name: "events",
  requires: ["places", "dates", "sources", "figures", "actors", "triggers", "roles", "claims"],
  provides: ["events"],
  run: () => ({ events: [] }),
};
