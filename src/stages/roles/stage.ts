import type { RoleFiller } from "../../core/annotations.js";
import { bySpan } from "../../core/span.js";
import { defaultRoleModel } from "../../learn/role-model.js";
import type { Stage } from "../../pipeline/stage.js";
import { modelFillers } from "./model-fillers.js";

/** Who did it, to whom, to what, with what: role fillers with the words that support them. */
export const rolesStage: Stage<"roles"> = {
  name: "roles",
  requires: ["sources", "actors", "triggers"],
  provides: ["roles"],
  run: ({ article, trace }) => {
    if (article.tokens.count === 0) return { roles: [] };
    const fillers: RoleFiller[] = modelFillers(article, defaultRoleModel(), trace).fillers;
    return { roles: fillers.sort(bySpan) };
  },
};
