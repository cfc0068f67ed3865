import type { RoleFiller } from "../../core/annotations.js";
import { bySpan } from "../../core/span.js";
import { defaultRoleModel } from "../../learn/role-model.js";
import type { Stage, StageInput } from "../../pipeline/stage.js";
import { tokenRange } from "../claims/token-range.js";
import { findClaims } from "../claims/find-claims.js";
import { claimedPerpetrators } from "./claimed.js";
import { combineFillers } from "./combine.js";
import { modelFillers } from "./model-fillers.js";
import { isReporter, ruleContext } from "./rules/context.js";
import { perpetratorFillers } from "./rules/perpetrators.js";
import { thingFillers } from "./rules/things.js";
import { weaponFillers } from "./rules/weapons.js";

export interface RolesOptions {
  /** Hand rules (lexicons, verbs, claims). */
  readonly rules: boolean;
  /** The learned model (data/models/roles-muc4.json). */
  readonly model: boolean;
}

export const DEFAULT_ROLES_OPTIONS: RolesOptions = { rules: true, model: true };

/** Role fillers of an article from the hand rules and the model, one per entity and role. */
export function findRoles(input: StageInput, options: RolesOptions = DEFAULT_ROLES_OPTIONS): RoleFiller[] {
  const { article, annotations, trace } = input;
  if (article.tokens.count === 0) return [];
  const actors = annotations.actors ?? [];
  const c = ruleContext(article, actors, annotations.triggers ?? [], annotations.sources ?? []);
  const lists: RoleFiller[][] = [];
  if (options.rules) {
    lists.push(claimedPerpetrators(findClaims(article, actors)));
    lists.push(perpetratorFillers(c, trace));
    lists.push(thingFillers(c, "targets", c.lex.targets, c.lex.targetVerbs));
    lists.push(thingFillers(c, "victims", c.lex.victims, c.lex.victimVerbs));
    lists.push(weaponFillers(c));
  }
  if (options.model) {
    const fromModel = modelFillers(article, defaultRoleModel(), trace).fillers.filter((f) => {
      if (!f.role.startsWith("perpetrator")) return true;
      const r = tokenRange(article, f.span);
      if (r && isReporter(c, r[0], r[1])) {
        trace?.note("roles.drop.reporter", f.span, "who reports or comments is not a perpetrator");
        return false;
      }
      return true;
    });
    lists.push(fromModel);
  }
  return combineFillers(lists).sort(bySpan);
}

/** Who did it, to whom, to what, with what: role fillers with the words that support them. */
export const rolesStage: Stage<"roles"> = {
  name: "roles",
  requires: ["sources", "actors", "triggers"],
  provides: ["roles"],
  run: (input) => ({ roles: findRoles(input) }),
};
