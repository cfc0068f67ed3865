import type { RoleFiller } from "../../core/annotations.js";
import { overlaps } from "../../core/span.js";

/**
 * Fillers from several rules and the model, one per thing: of fillers of one role that overlap
 * in the text or name the same actor, the most confident stays.
 */
export function combineFillers(lists: readonly (readonly RoleFiller[])[]): RoleFiller[] {
  const all = lists.flat().sort((a, b) => b.confidence - a.confidence || a.span.start - b.span.start);
  const kept: RoleFiller[] = [];
  for (const f of all) {
    const clash = kept.some(
      (k) =>
        k.role === f.role &&
        (overlaps(k.span, f.span) || (f.role === "perpetratorOrgs" && f.name !== null && k.name !== null && f.name === k.name && k.sentence === f.sentence)),
    );
    if (!clash) kept.push(f);
  }
  return kept;
}
