import type { Article } from "../../core/article.js";
import type { ActorMention, ClaimMention, TriggerMention } from "../../core/annotations.js";
import { tokenSpan } from "../../text/evidence.js";
import { PhraseIndex } from "../../text/phrases.js";
import { claimantsOf, type Claimant } from "./claimants.js";
import { tokenRange } from "./token-range.js";

/**
 * Who says a group did it, from the words around the group's name in one sentence:
 *  - claim: "the Islamic State claimed responsibility", "an IS-claimed attack", "responsibility
 *    was claimed by the FMLN", "an attack claimed by the Taliban", "al-Shabaab claimed the
 *    bombing", "IS claims attack on army bus", "the BLA said it carried out an attack", and
 *    "the group claimed responsibility" after the group was named (group-anaphor.ts);
 *  - accusation: "officials blamed the PKK", "the attack was blamed on al-Shabaab", "police said
 *    the ELN was behind the attack";
 *  - suspicion: "suspected Boko Haram militants", "gunmen believed to be members of the X";
 *  - denial: "the Taliban denied involvement".
 * Each pattern is a bounded look at a few tokens beside an actor: linear in the text.
 */

type Actor = Claimant;

/** Verbs of a claim of responsibility: "claimed", "took", "accepted". */
export const CLAIM_VERBS = new Set([
  "claimed",
  "claims",
  "claim",
  "claiming",
  "took",
  "take",
  "takes",
  "taken",
  "taking",
  "accepted",
  "accepts",
  "assumed",
  "assumes",
  "admitted",
  "admits",
]);
export const CLAIM_OBJECTS = new Set(["responsibility", "credit", "authorship"]);
const ACCUSE_VERBS = new Set(["blamed", "blames", "blame", "blaming", "accused", "accuses", "accuse", "accusing"]);
const PASSIVE_TO = new Set(["blamed", "attributed", "ascribed", "imputed"]);
const SUSPECT_BEFORE = new Set([
  "suspected",
  "alleged",
  "presumed",
  "purported",
  "suspect",
  "presumably",
  "allegedly",
  "reportedly",
  "possibly",
  "probably",
]);
const BELIEF = new Set(["suspected", "believed", "thought", "presumed", "alleged", "said"]);
const DENY_VERBS = new Set([
  "denied",
  "denies",
  "deny",
  "denying",
  "rejected",
  "rejects",
  "reject",
  "disclaimed",
  "disowned",
]);
const BEHIND = new PhraseIndex<string>(
  [
    "was behind",
    "were behind",
    "is behind",
    "are behind",
    "was responsible",
    "were responsible",
    "is responsible",
    "are responsible",
    "carried out",
    "perpetrated",
    "committed",
    "had carried out",
    "had perpetrated",
    "had committed",
    "staged",
    "masterminded",
    "orchestrated",
  ].map((p) => [p, p] as const),
);
const REPORTING = new Set([
  "said",
  "says",
  "say",
  "stated",
  "told",
  "believe",
  "believed",
  "believes",
  "suspect",
  "suspected",
  "suspects",
  "claimed",
  "alleged",
  "charged",
  "reported",
  "added",
  "affirmed",
  "indicated",
  "asserted",
  "announced",
  "concluded",
  "concludes",
  "determined",
  "established",
  "found",
]);
const SUBJECT_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET"]);
const POINT = new Set(["point", "points", "pointed", "pointing"]);
/** Participles that describe a group before its name. */
const DESCRIBING = new Set(["outlawed", "banned", "armed", "proscribed", "militant", "extremist", "jihadist"]);
const DESCRIPTORS_MAX = 6;
/** "has not (yet) claimed", "never claimed": no claim. */
export const NEGATIONS = new Set(["not", "n't", "never", "no", "nobody", "yet"]);
const WINDOW = 8;
/** "X claimed the attack": claim verbs that take the event itself as their object. */
const CLAIM_EVENT_VERBS = new Set(["claimed", "claims", "claim", "claiming", "admitted", "admits"]);
/** What may follow "claimed the attack" when the attack is the object, not the subject of a clause. */
const AFTER_CLAIMED_EVENT = new Set(["PUNCT", "ADP", "CCONJ"]);
/** "the al-Qaeda affiliate", "an IS offshoot": another group, only tied to the one named. */
const OTHER_GROUP = new Set([
  "affiliate",
  "affiliates",
  "affiliated",
  "branch",
  "offshoot",
  "franchise",
  "ally",
  "allies",
  "splinter",
]);
/** "links with the Islamic State group", "ties to al-Qaeda", "linked to ISIS": a suspected tie. */
const LINKS = new Set(["links", "link", "ties", "linked", "connections", "connected"]);
/** "X said it carried out": who the group speaks of as the doer. */
const SELF = new Set(["it", "its", "they", "their"]);
/** Words opening a noun phrase that describes a group in apposition: ", a banned separatist group,". */
const DESCRIBES = new Set(["a", "an", "the"]);
const APPOSITIVE_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "VERB", "ADP", "PUNCT", "NUM", "PART"]);
const APPOSITIVE_MAX = 10;
/** Words opening the way a statement was made, between "said" and what it says. */
const CHANNEL_BEFORE = new Set(["in", "on", "via", "through"]);
const CHANNEL_REACH = 10;
/** "the attack", "this incident", "it": words that name the event only by referring back to it. */
const REFERRING = new Set(["the", "this", "these"]);
const REFERRING_PRONOUNS = new Set(["it", "them"]);
/** What may follow a phrase that only refers back: the end of its clause. */
const CLAUSE_END_POS = new Set(["PUNCT", "CCONJ", "AUX"]);
const CLAUSE_END_WORDS = new Set(["which", "that", "but", "however"]);
const BLAME_VERBS = new Set(["blamed", "blames", "blame", "blaming"]);
/** Words for the way a claim is made: "claimed responsibility for the attack in a video". */
const CHANNELS = new Set([
  "statement",
  "statements",
  "video",
  "message",
  "post",
  "posting",
  "communique",
  "audio",
  "recording",
  "website",
  "telegram",
  "twitter",
  "channel",
  "channels",
  "agency",
  "email",
  "letter",
  "call",
]);

function actorsBySentence(article: Article, actors: readonly ActorMention[]): Map<number, Actor[]> {
  const out = new Map<number, Actor[]>();
  for (const m of actors) {
    const r = tokenRange(article, m.span);
    if (!r) continue;
    const s = article.tokens.sentence[r[0]] as number;
    const list = out.get(s) ?? [];
    list.push({ first: r[0], end: r[1], nameEnd: r[1], mention: m });
    out.set(s, list);
  }
  return out;
}

/** The noun phrase ending right before token `end` (the subject of a verb there): [first, end). */
function subjectBefore(article: Article, verb: number, sentenceStart: number): [number, number] | null {
  const t = article.tokens;
  let end = verb;
  while (
    end - 1 >= sentenceStart &&
    (t.pos[end - 1] === "AUX" || t.pos[end - 1] === "ADV" || t.pos[end - 1] === "PART")
  )
    end--;
  let first = end;
  while (first - 1 >= sentenceStart && end - first < 6 && SUBJECT_POS.has(t.pos[first - 1] as string)) first--;
  while (first < end && t.pos[first] === "DET") first++;
  return first < end ? [first, end] : null;
}

/** Tokens inside trigger words ("attack", "suicide bombing"), whatever their modality. */
function eventWords(article: Article, triggers: readonly TriggerMention[]): Uint8Array {
  const marks = new Uint8Array(article.tokens.count);
  for (const tr of triggers) {
    const r = tokenRange(article, tr.span);
    if (r) for (let i = r[0]; i < r[1]; i++) marks[i] = 1;
  }
  return marks;
}

/**
 * Claims, accusations, suspicions and denials in the sentences of an article. With the article's
 * triggers, a claim that names its event only by referring back to it ("claimed responsibility
 * for the incident", "attributed it to") is marked `anaphoric`.
 */
export function findClaims(
  article: Article,
  actors: readonly ActorMention[],
  triggers: readonly TriggerMention[] = [],
): ClaimMention[] {
  const t = article.tokens;
  const out: ClaimMention[] = [];
  const seen = new Set<string>();
  const eventWord = eventWords(article, triggers);
  const push = (
    kind: ClaimMention["kind"],
    a: Actor,
    from: number,
    to: number,
    by: [number, number] | null,
    rule: string,
    confidence: number,
    anaphoric = false,
  ) => {
    const key = `${kind}:${a.first}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      kind,
      actor: a.mention.span,
      actorName: a.mention.name,
      by: by ? tokenSpan(article, by[0], by[1] - 1) : null,
      span: tokenSpan(article, Math.min(from, a.first), Math.max(to, a.end) - 1),
      rule,
      confidence,
      sentence: t.sentence[a.first] as number,
      ...(anaphoric ? { anaphoric } : {}),
    });
  };
  const bySentence = actorsBySentence(article, actors);
  for (let s = 0; s < article.sentences.length; s++) {
    const sentence = article.sentences[s] as (typeof article.sentences)[number];
    const { firstToken: start, endToken: stop } = sentence;
    const key = (i: number) => (i >= start && i < stop ? (t.key[i] as string) : "");
    // "believed to have been carried out by": a belief word shortly before "by"
    const believedBefore = (by: number, reach = 7) => {
      for (let i = by - 1; i >= Math.max(start, by - reach); i--)
        if (BELIEF.has(key(i)) && key(i) !== "said") return true;
      return false;
    };
    /** "probably linked to": a hedge right before the word at `w`. */
    const hedgedBefore = (w: number) => {
      for (let i = w - 1; i >= Math.max(start, w - 3); i--) if (SUSPECT_BEFORE.has(key(i))) return true;
      return false;
    };
    /** Words that describe a group between a preposition and its name: "the outlawed", "armed Basque separatist group". */
    const isDescriptor = (i: number) => {
      const k = key(i);
      // "the so-called Islamic State group"
      if (
        (k === "called" && key(i - 1) === "-" && key(i - 2) === "so") ||
        (k === "-" && key(i - 1) === "so" && key(i + 1) === "called") ||
        (k === "so" && key(i + 1) === "-" && key(i + 2) === "called")
      )
        return true;
      if (SUSPECT_BEFORE.has(k) || BELIEF.has(k)) return false;
      return k === "the" || DESCRIBING.has(k) || t.pos[i] === "NOUN" || t.pos[i] === "PROPN" || t.pos[i] === "ADJ";
    };
    // "attributed (it | the attack) to": the verb up to three words before "to"
    const verbBefore = (at: number, verbs: ReadonlySet<string>) => {
      for (let i = at - 1; i >= Math.max(start, at - 4); i--) if (verbs.has(key(i))) return i;
      return -1;
    };
    const attributedBefore = (to: number) => verbBefore(to, PASSIVE_TO) >= 0;
    // "blamed (the attack) on"
    const blamedBefore = (on: number) => verbBefore(on, BLAME_VERBS) >= 0;
    /** Whether the words [k, end) name an event only by referring back: "the attack", "this deadly incident", "it". */
    const refersBack = (k: number, end: number) => {
      if (REFERRING_PRONOUNS.has(key(k))) return end === k + 1;
      if (!REFERRING.has(key(k))) return false;
      let event = false;
      for (let j = k + 1; j < end; j++) {
        if (eventWord[j]) event = true;
        else if (t.pos[j] !== "ADJ" || event) return false;
      }
      return event;
    };
    /** The phrase from k up to the end of its clause, if it only refers back (at most four words). */
    const refersBackFrom = (k: number) => {
      const ends = (i: number) => i >= stop || CLAUSE_END_POS.has(t.pos[i] as string) || CLAUSE_END_WORDS.has(key(i));
      let end = k;
      while (end < stop && end - k < 4 && !ends(end) && t.pos[end] !== "ADP") end++;
      if (end === k || !refersBack(k, end)) return false;
      if (ends(end)) return true;
      // "for the attack in a statement", "on Telegram": how it was claimed, not which attack
      if (t.pos[end] === "ADP")
        for (let j = end + 1; j < Math.min(stop, end + 4); j++) if (CHANNELS.has(key(j))) return true;
      return false;
    };
    /**
     * "claimed the attack", "claimed this week's bombing": the event, referred back to, as the
     * object of a claim verb at v, its clause ending there (not "claimed the attack killed 20").
     */
    const claimedEventAt = (v: number) => {
      // a headline drops the article: "Islamic State claims attack on Syrian army bus"
      if (eventWord[v + 1] && v + 1 < stop) {
        let end = v + 1;
        while (end < stop && eventWord[end]) end++;
        return end >= stop || AFTER_CLAIMED_EVENT.has(t.pos[end] as string);
      }
      if (!REFERRING.has(key(v + 1)) && !REFERRING_PRONOUNS.has(key(v + 1))) return false;
      let end = v + 2;
      while (end < stop && end - v <= 4 && !eventWord[end - 1] && t.pos[end - 1] !== "VERB") end++;
      if (!refersBack(v + 1, end)) return false;
      return end >= stop || AFTER_CLAIMED_EVENT.has(t.pos[end] as string);
    };
    /** "said (that) it (had) carried out", "said its fighters staged": the group owns the deed. */
    const saidItAt = (i: number) => {
      if (!REPORTING.has(key(i)) || key(i) === "claimed") return -1;
      let j = i + 1;
      // "said in a statement on its Andalus radio that its fighters had carried out"
      if (CHANNEL_BEFORE.has(key(j))) {
        let channel = false;
        let k = j + 1;
        for (; k < stop && k - j <= CHANNEL_REACH && key(k) !== "that" && t.pos[k] !== "VERB"; k++)
          if (CHANNELS.has(key(k))) channel = true;
        if (channel && key(k) === "that") j = k;
      }
      if (key(j) === "that") j++;
      if (!SELF.has(key(j))) return -1;
      const self = j++;
      while (j < stop && j - self <= 4 && (t.pos[j] === "NOUN" || t.pos[j] === "AUX" || t.pos[j] === "ADV")) j++;
      return BEHIND.longestAt(t, j, stop)?.end ?? -1;
    };
    /**
     * "The Sindhudesh Revolutionary Army, a banned separatist group, claimed": past a noun phrase
     * between commas that describes the group, to what the group did; else `end` itself.
     */
    const pastAppositive = (end: number) => {
      if (key(end) !== "," || !DESCRIBES.has(key(end + 1))) return end;
      for (let k = end + 2; k < stop && k - end <= APPOSITIVE_MAX; k++) {
        if (key(k) === ",") return k + 1;
        if (!APPOSITIVE_POS.has(t.pos[k] as string)) return end;
      }
      return end;
    };
    /** The subject before the verb at v ("The attack was blamed on"), if it only refers back. */
    const subjectRefersBack = (v: number) => {
      const np = subjectBefore(article, v, start);
      return np !== null && refersBack(np[0] > start && key(np[0] - 1) === "the" ? np[0] - 1 : np[0], np[1]);
    };
    // "X claimed responsibility": a claim verb with its object a few words after it
    const claimVerbAt = (i: number) => {
      if (!CLAIM_VERBS.has(key(i))) return false;
      for (let j = i + 1; j < Math.min(stop, i + 5); j++) if (CLAIM_OBJECTS.has(key(j))) return true;
      return false;
    };
    const attributionAt = (i: number) =>
      (key(i) === "to" && attributedBefore(i)) ||
      (key(i) === "on" && blamedBefore(i)) ||
      (key(i) === "by" && CLAIM_VERBS.has(key(i - 1)));
    const list = claimantsOf(article, bySentence.get(s) ?? [], start, stop, { claimVerbAt, attributionAt });
    if (list.length === 0) continue;
    const byEnd = new Map<number, Actor>();
    for (const a of list) byEnd.set(a.end, a);
    for (const a of list) {
      // People, not a group, claim or deny only as a subject: "Kurdish militants claimed responsibility".
      const group = a.mention.kind === "organisation";
      // an IS-claimed attack
      if (group && key(a.end) === "-" && CLAIM_VERBS.has(key(a.end + 1))) {
        push("claim", a, a.first, a.end + 2, [a.first, a.nameEnd], "claim.compound", 0.9);
        continue;
      }
      // ACTOR (has) claimed responsibility / denied involvement; not "has not yet claimed"
      for (let i = pastAppositive(a.end), d = 0; i < stop && d < WINDOW; i++, d++) {
        const k = key(i);
        if (OTHER_GROUP.has(k)) break;
        // people claim only right before the verb: "Kurdish militants (have) claimed"
        if (!group && !CLAIM_VERBS.has(k) && !DENY_VERBS.has(k) && t.pos[i] !== "AUX") break;
        if (NEGATIONS.has(k)) break;
        if (group && CLAIM_EVENT_VERBS.has(k) && claimedEventAt(i)) {
          push("claim", a, a.first, i + 1, [a.first, a.nameEnd], "claim.subject-event", 0.85, true);
          break;
        }
        if (CLAIM_VERBS.has(k)) {
          for (let j = i + 1; j < Math.min(stop, i + 5); j++) {
            if (CLAIM_OBJECTS.has(key(j))) {
              const back = key(j + 1) === "for" && refersBackFrom(j + 2);
              push("claim", a, a.first, j + 1, [a.first, a.nameEnd], "claim.subject", 0.9, back);
              // "Al-Mourabitoun and AQIM claimed joint responsibility": every group of the subject
              for (let b = a; ;) {
                const c = key(b.first - 1) === "the" ? b.first - 2 : b.first - 1;
                if (key(c) !== "and" && key(c) !== ",") break;
                const co = byEnd.get(c);
                if (!co || co.mention.kind !== "organisation") break;
                push("claim", co, co.first, j + 1, [co.first, co.nameEnd], "claim.subject-joint", 0.85, back);
                b = co;
              }
              break;
            }
          }
          break;
        }
        if (DENY_VERBS.has(k)) {
          push("denial", a, a.first, i + 1, [a.first, a.nameEnd], "claim.denial", 0.85);
          break;
        }
        const owned = group ? saidItAt(i) : -1;
        if (owned > 0) {
          push("claim", a, a.first, owned, [a.first, a.nameEnd], "claim.said-it", 0.85, refersBackFrom(owned));
          break;
        }
        if (t.pos[i] === "VERB" && k !== "said") break;
      }
      if (!group) continue;
      // the word before the actor's name and its descriptors ("by the armed Basque separatist group ETA")
      let lead = a.first - 1;
      while (lead > start && a.first - lead <= DESCRIPTORS_MAX && isDescriptor(lead)) lead--;
      const p1 = key(lead);
      const p2 = key(lead - 1);
      const at = lead;
      if (p1 === "by" && CLAIM_VERBS.has(p2))
        push("claim", a, at - 1, a.end, [a.first, a.nameEnd], "claim.by", 0.85, subjectRefersBack(at - 1));
      else if (p1 === "by" && believedBefore(at)) push("suspicion", a, at, a.end, null, "claim.believed-by", 0.6);
      else if ((p1 === "on" && blamedBefore(at)) || (p1 === "to" && attributedBefore(at))) {
        // "attributed the attack to", "blamed it on": the object; "the attack was blamed on": the subject
        const v = p1 === "on" ? verbBefore(at, BLAME_VERBS) : verbBefore(at, PASSIVE_TO);
        const back = v + 1 < at ? refersBack(v + 1, at) : subjectRefersBack(v);
        const by = v + 1 < at ? subjectBefore(article, v, start) : null;
        push("accusation", a, Math.min(at - 1, v), a.end, by, "claim.blamed-on", 0.7, back);
      }
      // suspected Boko Haram militants; believed to be members of the X; the hallmarks of the X
      else if (SUSPECT_BEFORE.has(p1)) push("suspicion", a, at, a.end, null, "claim.suspected", 0.65);
      else if (
        (p1 === "be" && BELIEF.has(key(at - 2))) ||
        (p1 === "of" && p2 === "members" && BELIEF.has(key(at - 4)))
      ) {
        push("suspicion", a, at - 3, a.end, null, "claim.believed-to-be", 0.6);
      } else if (p1 === "of" && p2 === "hallmarks") push("suspicion", a, at - 1, a.end, null, "claim.hallmarks", 0.6);
      else if (p1 === "to" && POINT.has(p2)) push("suspicion", a, at - 1, a.end, null, "claim.points-to", 0.6);
      else if (p1 === "to" && p2 === "allegiance") push("suspicion", a, at - 1, a.end, null, "claim.allegiance", 0.55);
      // "thought to have links with the so-called Islamic State group", "over suspected links to the
      // PKK"; not "he was considered to be closely linked to ARENA", which says who a victim was
      else if ((p1 === "with" || p1 === "to") && LINKS.has(p2) && (believedBefore(at, 10) || hedgedBefore(at - 1)))
        push("suspicion", a, at - 1, a.end, null, "claim.links", 0.55);
      // ACTOR is suspected / believed
      if (
        (key(a.end) === "is" || key(a.end) === "are" || key(a.end) === "was" || key(a.end) === "were") &&
        BELIEF.has(key(a.end + 1)) &&
        key(a.end + 1) !== "said"
      ) {
        push("suspicion", a, a.first, a.end + 2, null, "claim.is-suspected", 0.6);
      }
      // officials blamed ACTOR / accused ACTOR
      if (ACCUSE_VERBS.has(p1)) {
        const back = key(a.end) === "for" && refersBackFrom(a.end + 1);
        push("accusation", a, at, a.end, subjectBefore(article, at, start), "claim.blamed", 0.75, back);
      }
      // police said ACTOR was behind the attack
      const behind = BEHIND.longestAt(t, a.end, stop);
      if (behind) {
        let said = -1;
        for (let i = a.first - 1; i >= start && a.first - i <= WINDOW; i--) {
          if (REPORTING.has(key(i))) {
            said = i;
            break;
          }
        }
        if (said > start)
          push(
            "accusation",
            a,
            said,
            behind.end,
            subjectBefore(article, said, start),
            "claim.said-behind",
            0.7,
            refersBackFrom(behind.end),
          );
      }
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}
