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
import { stateMeansFillers } from "./rules/state-means.js";
import { bareForceFillers } from "./rules/bare-forces.js";
import { thingFillers } from "./rules/things.js";
import { weaponFillers } from "./rules/weapons.js";

/** Which sources of fillers to use: hand-rule families and the learned model. */
export interface RolesOptions {
  readonly claims: boolean;
  readonly perpetrators: boolean;
  readonly targets: boolean;
  readonly victims: boolean;
  readonly weapons: boolean;
  /** The learned model (data/models/roles-muc4.json). */
  readonly model: boolean;
  /** Whether the model may name perpetrators (else only targets, victims and weapons). */
  readonly modelPerpetrators: boolean;
}

export const ALL_SOURCES: RolesOptions = {
  claims: true,
  perpetrators: true,
  targets: true,
  victims: true,
  weapons: true,
  model: true,
  modelPerpetrators: true,
};

/**
 * Text in capitals only is the wire copy the model learnt from (MUC-4): there the model, with the
 * claims, beats the hand rules (muc4-dev: model 46.9 F1, with every rule 41.1, rules alone 24.6),
 * because it has learnt which of the many weapons, buildings and people a wire story names belong
 * to the incident it codes. Ordinary news is not what the model learnt from; there the rules do
 * most of the work, and the model finds targets they miss but adds victims that are not
 * (wikievents-dev, 20 articles: both 28.2 with targets 10.0 and victims 17.4, rules alone 29.3
 * with 0.0 and 21.1, model 25.4: too few to choose on; both are kept). Only the rules and
 * claims name perpetrators: the model, which learnt that a group a wire story names
 * often is the perpetrator, would make one of any group a modern story mentions ("the Taliban's
 * spiritual heartland").
 */
export function sourcesFor(article: { readonly caseless: boolean }): RolesOptions {
  return article.caseless
    ? { ...ALL_SOURCES, perpetrators: false, targets: false, victims: false, weapons: false }
    : { ...ALL_SOURCES, modelPerpetrators: false };
}

/** Role fillers of an article from the hand rules and the model, one per entity and role. */
export function findRoles(input: StageInput, options: RolesOptions = sourcesFor(input.article)): RoleFiller[] {
  const { article, annotations, trace } = input;
  if (article.tokens.count === 0) return [];
  const actors = annotations.actors ?? [];
  const c = ruleContext(article, actors, annotations.triggers ?? [], annotations.sources ?? []);
  const lists: RoleFiller[][] = [];
  if (options.claims) lists.push(claimedPerpetrators(findClaims(article, actors)));
  if (options.perpetrators) lists.push(perpetratorFillers(c, trace), stateMeansFillers(c), bareForceFillers(c));
  if (options.targets) lists.push(thingFillers(c, "targets", c.lex.targets, c.lex.targetVerbs));
  if (options.victims) lists.push(thingFillers(c, "victims", c.lex.victims, c.lex.victimVerbs));
  if (options.weapons) lists.push(weaponFillers(c));
  if (options.model) {
    const fromModel = modelFillers(article, defaultRoleModel(), trace).fillers.filter((f) => {
      if (!f.role.startsWith("perpetrator")) return true;
      if (!options.modelPerpetrators) return false;
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
