import type { Taxonomy } from "./load.js";

/** Families that share an event frame when they meet in one sentence (typing.json `joins`, read both ways). */
export function compatible(tax: Taxonomy, a: string, b: string): boolean {
  if (a === b || a === "any" || b === "any") return true;
  return (tax.joins.get(a)?.includes(b) ?? false) || (tax.joins.get(b)?.includes(a) ?? false);
}

/** True for the classes that name an event (attack, protest, arrest...) rather than its circumstances. */
export function isEventClass(tax: Taxonomy, cls: string): boolean {
  return tax.familyOf.has(cls) || cls === "capture";
}

const isFeature = (c: string) => c.startsWith("agent.") || c.startsWith("patient.");

/**
 * The cue classes a frame is typed by: the event classes of its own triggers, and the
 * circumstances of their sentences (weapons, actor kinds, tear gas, territory). Event words of the
 * same sentence that went to another frame do not count (the 2017 chemical attack a town recalls
 * is not the capture of the town). Who acts and who is hit are read from the first trigger that
 * shows them in the event's first sentence: the lead tells the event ("gunmen stormed a
 * university, killing students"), a later sentence may tell its aftermath ("security forces shot
 * the gunmen dead"). Members are in text order.
 */
export function typingCues(
  tax: Taxonomy,
  members: readonly { cue?: string; context?: readonly string[]; sentence?: number }[],
): Set<string> {
  const out = new Set<string>();
  let agentFrom = -1;
  let patientFrom = -1;
  const lead = members[0]?.sentence;
  members.forEach((m, i) => {
    if (m.cue) out.add(m.cue);
    const inLead = m.sentence === lead;
    for (const c of m.context ?? []) {
      if (isFeature(c) && !inLead) continue;
      if (c.startsWith("agent.")) {
        if (agentFrom < 0) agentFrom = i;
        if (agentFrom === i) out.add(c);
      } else if (c.startsWith("patient.")) {
        if (patientFrom < 0) patientFrom = i;
        if (patientFrom === i) out.add(c);
      } else if (!isEventClass(tax, c) && !isFeature(c)) out.add(c);
    }
  });
  return out;
}
