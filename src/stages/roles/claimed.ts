import type { ClaimMention, RoleFiller } from "../../core/annotations.js";

const CONFIDENCE: Record<ClaimMention["kind"], number> = { claim: 0.9, accusation: 0.7, suspicion: 0.6, denial: 0 };

/** The rule of a perpetrator filler that a claim of this kind made. */
export const claimedRule = (kind: ClaimMention["kind"]): string => `roles.perpetrator-org.${kind}`;

/**
 * The groups the article holds responsible: a claim, an accusation or a suspicion makes the group
 * a perpetrator (with less confidence the weaker the attribution); a denial does not. The claim
 * itself is kept apart (claims stage) so that analysts see who said it.
 */
export function claimedPerpetrators(claims: readonly ClaimMention[]): RoleFiller[] {
  const out: RoleFiller[] = [];
  for (const c of claims) {
    if (c.kind === "denial") continue;
    out.push({
      span: c.actor,
      rule: claimedRule(c.kind),
      confidence: CONFIDENCE[c.kind],
      role: "perpetratorOrgs",
      name: c.actorName,
      category: null,
      sentence: c.sentence,
    });
  }
  return out;
}
