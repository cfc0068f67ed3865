import type { Taxonomy } from "./load.js";
import type { SubEventTypeInfo, TypingRule } from "./types.js";

export interface Typed {
  readonly info: SubEventTypeInfo;
  readonly rule: TypingRule;
}

function holds(rule: TypingRule, cues: ReadonlySet<string>): boolean {
  for (const c of rule.all) if (!cues.has(c)) return false;
  for (const c of rule.none) if (cues.has(c)) return false;
  if (rule.any.length === 0) return true;
  for (const c of rule.any) if (cues.has(c)) return true;
  return false;
}

/** The sub-event type of a set of cue classes by the taxonomy's precedence, or null when no rule applies. */
export function typeOf(tax: Taxonomy, cues: ReadonlySet<string>): Typed | null {
  for (const rule of tax.rules) {
    if (holds(rule, cues)) return { info: tax.subEventTypes.get(rule.then) as SubEventTypeInfo, rule };
  }
  return null;
}

/** The family of an event class ("bomb" → "violence"), "capture" senses included. */
export function familyOf(tax: Taxonomy, eventClass: string): string {
  return tax.familyOf.get(eventClass) ?? "violence";
}
