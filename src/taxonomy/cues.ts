import type { Taxonomy } from "./load.js";
import { familyOf } from "./typing.js";

/** Families that share an event frame when they meet in one sentence (typing.json `joins`, read both ways). */
export function compatible(tax: Taxonomy, a: string, b: string): boolean {
  if (a === b || a === "any" || b === "any") return true;
  return (tax.joins.get(a)?.includes(b) ?? false) || (tax.joins.get(b)?.includes(a) ?? false);
}

/** True for the classes that name an event (attack, protest, arrest...) rather than its circumstances. */
export function isEventClass(tax: Taxonomy, cls: string): boolean {
  return tax.familyOf.has(cls) || cls === "capture";
}

/**
 * The cue classes a frame is typed by: the event classes of its own triggers, the circumstances of
 * their sentences (weapons, actors, who acts and who is hit), and the event words of those
 * sentences that belong with it (the tear gas at a protest, the killing at a riot) — not those of
 * an unrelated event in the same sentence (the arrests after an attack are an event of their own).
 */
export function typingCues(tax: Taxonomy, members: readonly { cue?: string; context?: readonly string[] }[]): Set<string> {
  const families = new Set<string>();
  const out = new Set<string>();
  for (const m of members) {
    if (!m.cue) continue;
    out.add(m.cue);
    families.add(familyOf(tax, m.cue));
  }
  for (const m of members) {
    for (const c of m.context ?? []) {
      if (!isEventClass(tax, c)) {
        out.add(c);
        continue;
      }
      const f = familyOf(tax, c);
      for (const g of families) {
        if (compatible(tax, f, g)) {
          out.add(c);
          break;
        }
      }
    }
  }
  return out;
}
