import type { RoleFiller } from "../../core/annotations.js";
import { overlaps } from "../../core/span.js";

/**
 * Fillers from several rules and the model, one per thing: of fillers of one role that overlap
 * in the text, the one with more of the phrase stays ("Shiite mosque" over "mosque") with the
 * higher confidence of the two; of two that name the same actor in one sentence, the first.
 */
export function combineFillers(lists: readonly (readonly RoleFiller[])[]): RoleFiller[] {
  const all = lists.flat().sort((a, b) => b.confidence - a.confidence || a.span.start - b.span.start);
  const kept: RoleFiller[] = [];
  for (const f of all) {
    const i = kept.findIndex((k) => k.role === f.role && overlaps(k.span, f.span));
    if (i >= 0) {
      const k = kept[i]!;
      if (f.span.end - f.span.start > k.span.end - k.span.start)
        kept[i] = { ...f, confidence: Math.max(f.confidence, k.confidence) };
      continue;
    }
    const sameActor =
      f.role === "perpetratorOrgs" &&
      f.name !== null &&
      kept.some((k) => k.role === f.role && k.name === f.name && k.sentence === f.sentence);
    if (!sameActor) kept.push(f);
  }
  return kept;
}
