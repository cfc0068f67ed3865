import type { Article } from "../core/article.js";
import { LEXICON_KINDS, roleLexicons } from "../actors/lexicons.js";
import { articleActors, type ActorMatch } from "../actors/matcher.js";

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
    actors: articleActors(article),
  };
  for (const m of tags.actors) {
    const state = m.entry.force !== null;
    tags.actor[m.first] = state ? 3 : 1;
    for (let i = m.first + 1; i < m.end; i++) tags.actor[i] = state ? 4 : 2;
  }
  // One scan of all lexicons; per lexicon, longest matches left to right that do not overlap.
  const into = [tags.weapon, tags.target, tags.victim, tags.title, tags.perpetrator];
  const free = new Int32Array(LEXICON_KINDS.length);
  const longest = new Int32Array(LEXICON_KINDS.length);
  const t = article.tokens;
  for (let i = 0; i < n; i++) {
    if (!lex.all.startsAt(t, i)) continue;
    longest.fill(0);
    for (const m of lex.all.allAt(t, i)) for (const kind of m.values) longest[kind] = m.end;
    for (let kind = 0; kind < LEXICON_KINDS.length; kind++) {
      const end = longest[kind] as number;
      if (end === 0 || i < (free[kind] as number)) continue;
      free[kind] = end;
      const tagged = into[kind];
      if (tagged) {
        tagged[i] = 1;
        for (let k = i + 1; k < end; k++) tagged[k] = 2;
      } else {
        const bit = LEXICON_KINDS[kind] === "victimVerbs" ? 1 : 2;
        for (let k = i; k < end; k++) tags.verb[k] = (tags.verb[k] as number) | bit;
      }
    }
  }
  return tags;
}
