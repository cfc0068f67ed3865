import type { Stage } from "../../pipeline/stage.js";

/** Placeholder until this stage is built: provides no roles. */
export const rolesStage: Stage<"roles"> = {
  name: "roles",
  requires: ["actors", "triggers"],
  provides: ["roles"],
  run: () => ({ roles: [] }),
};
