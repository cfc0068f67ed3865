import type { Taxonomy } from "../../taxonomy/load.js";
import { typingCues } from "../../taxonomy/cues.js";
import type { Draft } from "./draft.js";

const isWeak = (rule: string) => rule.includes(".weak>");

export type VetoDecision = { kind: "drop" | "rule-out" | "background"; cls: string } | null;

/** Vetoes whose sentence explains away the whole event it belongs to ("the blast was caused by a gas leak"). */
const RULES_OUT = new Set(["n.accident", "n.disaster"]);

/**
 * Whether a sentence group tells no political violence (data/taxonomy/typing.json `vetoes`): an
 * accident, a disaster, ordinary crime, sport, a missile test — unless its sentence also holds what
 * no such story explains (a political armed group, a suicide bomber). A trial or an anniversary
 * keeps the event, as background.
 */
export function vetoOf(tax: Taxonomy, g: Draft): VetoDecision {
  const context = new Set<string>();
  for (const t of g.triggers) for (const c of t.context ?? []) context.add(c);
  const cues = typingCues(tax, g.triggers);
  const allWeak = g.triggers.every((t) => isWeak(t.rule));
  for (const c of context) {
    const v = tax.vetoes.get(c);
    if (!v) continue;
    if ([...v.unless].some((u) => context.has(u) || cues.has(u))) continue;
    if (v.weakOnly && !allWeak) continue;
    if (v.only && ![...v.only].some((o) => cues.has(o))) continue;
    if (v.background) return { kind: "background", cls: c };
    return { kind: RULES_OUT.has(c) ? "rule-out" : "drop", cls: c };
  }
  return null;
}

/**
 * Whether a rule-out veto a merged sentence brought ("the blast was caused by a gas leak") holds
 * for the event as a whole: not when any of its sentences shows what no accident explains (a bomb
 * planted by urban guerrillas), the veto's own exceptions read over all of them.
 */
export function ruleOutHolds(tax: Taxonomy, d: Draft): boolean {
  if (!d.vetoed) return false;
  const v = tax.vetoes.get(d.vetoed);
  if (!v) return false;
  for (const t of d.triggers) {
    if (t.cue && v.unless.has(t.cue)) return false;
    for (const c of t.context ?? []) if (v.unless.has(c)) return false;
  }
  return true;
}
