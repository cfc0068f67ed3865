import type { RoleFiller } from "../../../core/annotations.js";
import { readTsv } from "../../../actors/data-files.js";
import { countryAdjectives, stateForceEntry } from "../../../actors/dictionary.js";
import { isCapitalised } from "../../../geo/scan.js";
import { tokenSpan } from "../../../text/evidence.js";
import { PhraseIndex } from "../../../text/phrases.js";
import { isReporter, type RuleContext } from "./context.js";

let adjectiveIndex: PhraseIndex<string> | null = null;
let meansIndex: PhraseIndex<string> | null = null;

/** Country adjectives ("Turkish", "U.S."), valued by country code. */
function adjectives(): PhraseIndex<string> {
  if (!adjectiveIndex) {
    adjectiveIndex = new PhraseIndex<string>();
    for (const a of countryAdjectives()) {
      adjectiveIndex.add(a.adjective, a.countryCode);
      // "U.S." is written "US" as often
      if (a.adjective.includes(".")) adjectiveIndex.add(a.adjective.replaceAll(".", ""), a.countryCode);
    }
  }
  return adjectiveIndex;
}

/** data/actors/state-means.tsv: what armies strike with ("air strikes", "shelling"), valued by branch. */
export function stateMeans(): PhraseIndex<string> {
  if (!meansIndex) {
    meansIndex = new PhraseIndex<string>();
    for (const r of readTsv("actors/state-means.tsv")) if (r.means) meansIndex.add(r.means, r.force as string);
  }
  return meansIndex;
}

/**
 * "A Turkish drone strike killed three", "Israeli air strikes on Gaza", "Russian shelling of
 * Kherson": a country's adjective before the means only armies mostly wield names that country's
 * forces as the doer, however the sentence goes on. Only in sentences that report an event, and
 * the adjective must be capitalised ("hit us with air strikes" names no one).
 */
export function stateMeansFillers(c: RuleContext): RoleFiller[] {
  const { article } = c;
  const t = article.tokens;
  const out: RoleFiller[] = [];
  for (const s of c.eventSentences) {
    const sentence = article.sentences[s];
    if (!sentence) continue;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      if (!isCapitalised(t.value[i] as string)) continue;
      const adjective = adjectives().longestAt(t, i, sentence.endToken);
      if (!adjective) continue;
      const deed = stateMeans().longestAt(t, adjective.end, sentence.endToken);
      if (!deed) continue;
      const entry = stateForceEntry(adjective.values[0] as string, deed.values[0] as string);
      if (!entry || isReporter(c, i, deed.end)) continue;
      out.push({
        span: tokenSpan(article, i, deed.end - 1),
        rule: "roles.perpetrator-org.state-means",
        confidence: 0.8,
        role: "perpetratorOrgs",
        name: entry.name,
        category: entry.actorType,
        sentence: s,
      });
      i = deed.end - 1;
    }
  }
  return out;
}
