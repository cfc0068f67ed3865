import type { Article } from "../core/article.js";
import { roleLexicons, type LexiconEntry } from "../actors/lexicons.js";
import { findActors, type ActorMatch } from "../actors/matcher.js";
import type { PhraseIndex } from "../text/phrases.js";

/**
 * What the lexicons say about each token, as small integers: 0 outside a match, 1 at its first
 * token, 2 inside it (actors: 1/2 a named group, 3/4 a state force). Features read these instead
 * of the words, so that what the lexicons know generalises beyond the training words.
 */
export interface LexiconTags {
  readonly actor: Uint8Array;
  readonly weapon: Uint8Array;
  readonly target: Uint8Array;
  readonly victim: Uint8Array;
  readonly title: Uint8Array;
  readonly perpetrator: Uint8Array;
  /** 1 a verb that harms people, 2 one that damages things, 3 both ("attacked"). */
  readonly verb: Uint8Array;
  /** The dictionary actors found, in text order. */
  readonly actors: readonly ActorMatch[];
}

function mark(article: Article, index: PhraseIndex<unknown>, into: Uint8Array): void {
  for (const m of index.findAll(article.tokens)) {
    into[m.first] = 1;
    for (let i = m.first + 1; i < m.end; i++) into[i] = 2;
  }
}

export function lexiconTags(article: Article): LexiconTags {
  const n = article.tokens.count;
  const lex = roleLexicons();
  const tags: LexiconTags = {
    actor: new Uint8Array(n),
    weapon: new Uint8Array(n),
    target: new Uint8Array(n),
    victim: new Uint8Array(n),
    title: new Uint8Array(n),
    perpetrator: new Uint8Array(n),
    verb: new Uint8Array(n),
    actors: findActors(article),
  };
  for (const m of tags.actors) {
    const state = m.entry.force !== null;
    tags.actor[m.first] = state ? 3 : 1;
    for (let i = m.first + 1; i < m.end; i++) tags.actor[i] = state ? 4 : 2;
  }
  mark(article, lex.weapons as PhraseIndex<LexiconEntry>, tags.weapon);
  mark(article, lex.targets, tags.target);
  mark(article, lex.victims, tags.victim);
  mark(article, lex.titles, tags.title);
  mark(article, lex.perpetrators, tags.perpetrator);
  for (const m of lex.victimVerbs.findAll(article.tokens)) for (let i = m.first; i < m.end; i++) tags.verb[i] = 1;
  for (const m of lex.targetVerbs.findAll(article.tokens)) for (let i = m.first; i < m.end; i++) tags.verb[i] = (tags.verb[i] as number) | 2;
  return tags;
}
