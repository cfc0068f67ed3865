import type { Article } from "../../../core/article.js";
import type { ActorMention, SourceMention, TriggerMention } from "../../../core/annotations.js";
import { roleLexicons, type RoleLexicons } from "../../../actors/lexicons.js";
import { tokenRange } from "../../claims/token-range.js";

/** What the hand rules read about an article, computed once. */
export interface RuleContext {
  readonly article: Article;
  readonly lex: RoleLexicons;
  /** Sentences with an asserted trigger: the only ones rules take fillers from. */
  readonly eventSentences: ReadonlySet<number>;
  /** Per token: 1 when it starts or lies inside an asserted trigger. */
  readonly trigger: Uint8Array;
  /** Per token: index into `actors` of the organisation named there, or -1. */
  readonly actorAt: Int32Array;
  readonly actors: readonly { readonly first: number; readonly end: number; readonly mention: ActorMention }[];
  /**
   * A state's men named as such ("Israeli troops", "Salvadoran soldiers"): people, not an
   * organisation, but they stand for their country's forces. Kept apart from `actorAt`, so that
   * soldiers killed are still victims.
   */
  readonly forces: readonly { readonly first: number; readonly end: number; readonly mention: ActorMention }[];
  /** Per token: 1 inside a source the article cites that is not an organisation (outlets, officials, witnesses). */
  readonly reporter: Uint8Array;
}

export function ruleContext(
  article: Article,
  actors: readonly ActorMention[],
  triggers: readonly TriggerMention[],
  sources: readonly SourceMention[],
): RuleContext {
  const n = article.tokens.count;
  const trigger = new Uint8Array(n);
  const eventSentences = new Set<number>();
  for (const tr of triggers) {
    if (tr.modality !== "asserted") continue;
    eventSentences.add(tr.sentence);
    const r = tokenRange(article, tr.span);
    if (r) for (let i = r[0]; i < r[1]; i++) trigger[i] = 1;
  }
  const actorAt = new Int32Array(n).fill(-1);
  const list: RuleContext["actors"][number][] = [];
  const forces: RuleContext["forces"][number][] = [];
  for (const m of actors) {
    const r = tokenRange(article, m.span);
    if (!r) continue;
    if (m.kind !== "organisation") {
      if (m.name !== null && m.actorType === "state forces") forces.push({ first: r[0], end: r[1], mention: m });
      continue;
    }
    for (let i = r[0]; i < r[1]; i++) actorAt[i] = list.length;
    list.push({ first: r[0], end: r[1], mention: m });
  }
  const reporter = new Uint8Array(n);
  for (const s of sources) {
    if (s.kind === "organisation") continue;
    const r = tokenRange(article, s.span);
    if (r) for (let i = r[0]; i < r[1]; i++) reporter[i] = 1;
  }
  return { article, lex: roleLexicons(), eventSentences, trigger, actorAt, actors: list, forces, reporter };
}

const MODIFIER_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const NOT_MODIFIERS = new Set([
  "other",
  "such",
  "many",
  "most",
  "some",
  "all",
  "more",
  "several",
  "various",
  "same",
  "first",
  "last",
  "another",
  "separate",
]);

/**
 * The phrase of a lexicon match with the modifiers right before it ("a Shiite mosque" -> "Shiite
 * mosque"): adjectives and nouns, at most `max`, not across an actor's name or a trigger.
 */
export function withModifiers(c: RuleContext, first: number, end: number, max = 3): [number, number] {
  const t = c.article.tokens;
  const sentenceStart = c.article.sentences[t.sentence[first] as number]?.firstToken ?? 0;
  let a = first;
  while (a - 1 >= sentenceStart && first - a < max) {
    const k = a - 1;
    if (
      !MODIFIER_POS.has(t.pos[k] as string) ||
      NOT_MODIFIERS.has(t.key[k] as string) ||
      (c.actorAt[k] as number) >= 0 ||
      c.trigger[k]
    )
      break;
    a = k;
  }
  return [a, end];
}

/**
 * True when the phrase [first, end), or a noun compounded right before it ("ExTrac researcher
 * Abdul Sayed"), names someone who reports or comments, or lies in a cited source.
 */
export function isReporter(c: RuleContext, first: number, end: number): boolean {
  const t = c.article.tokens;
  const sentenceStart = c.article.sentences[t.sentence[first] as number]?.firstToken ?? 0;
  let from = first;
  while (from - 1 >= sentenceStart && first - from < 3 && (t.pos[from - 1] === "NOUN" || t.pos[from - 1] === "PROPN"))
    from--;
  for (let i = from; i < end; i++) {
    if (c.reporter[i]) return true;
    if (c.lex.notPerpetrators.has(t.key[i] as string)) return true;
  }
  return false;
}
