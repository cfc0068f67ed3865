import type { Article } from "../core/article.js";
import type { Gazetteer } from "./gazetteer.js";
import type { NameMatch } from "./scan.js";
import { gluedBothSides, isCapitalised } from "./scan.js";

/** Words before a name that say it is a place ("in Kandahar", "near Aleppo"). */
const LOCATIVE = new Set([
  "in",
  "at",
  "near",
  "from",
  "to",
  "into",
  "outside",
  "across",
  "through",
  "throughout",
  "toward",
  "towards",
  "around",
  "via",
  "between",
  "within",
  "inside",
  "across",
  "entered",
  "reached",
  "visited",
  "left",
  "captured",
  "seized",
  "shelled",
  "bombed",
  "attacked",
  "en",
]);

/** Nouns of an attack before "on" and a place: "an attack on Douma", "strikes on Idlib". */
const BLOWS_ON = new Set([
  "attack",
  "attacks",
  "assault",
  "assaults",
  "raid",
  "raids",
  "strike",
  "strikes",
  "airstrike",
  "airstrikes",
  "offensive",
  "bombing",
  "bombings",
  "shelling",
  "bombardment",
  "onslaught",
]);

/** Words before a name that name its level ("the city of Kandahar", "the province of Kunduz"). */
const LEVEL_BEFORE: Readonly<Record<string, "city" | "admin1" | "admin2">> = {
  city: "city",
  town: "city",
  village: "city",
  villages: "city",
  towns: "city",
  cities: "city",
  hamlet: "city",
  port: "city",
  capital: "city",
  province: "admin1",
  state: "admin1",
  department: "admin1",
  governorate: "admin1",
  region: "admin1",
  district: "admin2",
  county: "admin2",
  municipality: "admin2",
};

/** Words after a name that make it a state or province ("New York Gov.", "the Texas legislature"). */
const ADMIN1_AFTER = new Set([
  "gov",
  "governor",
  "legislature",
  "lawmakers",
  "statehouse",
  "senator",
  "sen",
  "governorship",
]);

/** Words that may stand before a place inside a capitalised run without making it a person's name. */
const MODIFIERS = new Set([
  "north",
  "south",
  "east",
  "west",
  "northern",
  "southern",
  "eastern",
  "western",
  "central",
  "northeastern",
  "northwestern",
  "southeastern",
  "southwestern",
  "north-east",
  "north-west",
  "south-east",
  "south-west",
  "upper",
  "lower",
  "greater",
  "downtown",
  "rural",
  "suburban",
  "metro",
  "metropolitan",
  "inner",
  "outer",
  "coastal",
  "occupied",
  "old",
  "the",
  "in",
  "of",
  "and",
  "a",
  "an",
  "to",
  "at",
  "on",
  "by",
  "for",
  "from",
  "with",
  "near",
  "but",
  "or",
  "as",
  "if",
  "when",
  "while",
  "after",
  "before",
  "since",
  "during",
]);

/** What the words around one name say about it. */
export interface Cues {
  /** The name follows a locative word ("in", "near"...). */
  readonly locative: boolean;
  /** The level the text gives it: "Kunduz province", "the city of Kandahar". */
  readonly level: "city" | "admin1" | "admin2" | null;
  /** One past the last token of the name with its level word ("Kunduz province"): the span to report. */
  readonly spanEnd: number;
  /** "New York Gov.", "the Texas legislature". */
  readonly admin1After: boolean;
  /** A person's title stands before it ("Gov. Cuomo", "President Jackson"). */
  readonly afterTitle: boolean;
  /** A capitalised word that is not a place stands right before it in cased text ("Mario Cuomo"). */
  readonly afterName: boolean;
  /** The word right before it is a given name ("George Washington"). */
  readonly afterGivenName: boolean;
  /** A capitalised word follows it ("Victoria Beckham", "Toronto Police"). */
  readonly beforeName: boolean;
  /** A capitalised word follows it, even one that is also a large place ("David Paterson"). */
  readonly beforeAnyName: boolean;
  /**
   * The name is part of an organisation's name: "any" ("Ohio State University", "Agence
   * France-Presse") whatever the place, "weak" ("Frederick Memorial Hospital") only when the place
   * is small; null otherwise. A government body ("the Kentucky Department of Fish and Wildlife")
   * leaves the place a place, as the GeoNames-based corpora annotate it.
   */
  readonly organisation: "any" | "weak" | null;
  /** Written as money ("US$460 million") or inside a code ("A/California/7/2009"). */
  readonly notName: boolean;
  /** Glued by a hyphen to a capitalised word that is no place: a compound name ("Navarro-Valls", "Al-Ahram"). */
  readonly compound: boolean;
  /** A natural feature word makes it another feature ("Danube Delta", "Lake Erie", "the Vistula river"). */
  readonly natural: boolean;
  /** A street word follows ("Hertford Road"): the token of that word, or -1. */
  readonly street: number;
  /**
   * A site word follows and names a site of the town ("Karak Castle", "Kandahar Airport"): the
   * site lies in or beside the town, so the name stays a place, with the site word in its span.
   */
  readonly site: boolean;
  /**
   * A particle and a capitalised word follow ("Stade de France", "Puerta del Sol"): the name runs
   * on into a longer one the gazetteer does not hold.
   */
  readonly runsOn: boolean;
  /** A capitalised word and a particle come before ("Mocimboa da Praia"): the name ends a longer one. */
  readonly endsName: boolean;
  /** "said", "says", "told" follows: a person or a government speaking. */
  readonly beforeSpeech: boolean;
  /** "brothers", "sisters" or "twins" follows: "the Vergara Toledo brothers" are a family's name. */
  readonly beforeKin: boolean;
  /** First word of its sentence (capitalisation says nothing there). */
  readonly sentenceInitial: boolean;
  /** The name opens a paragraph and a dash or a date follows it soon: a dateline. */
  readonly dateline: boolean;
}

const SPEECH = new Set([
  "said",
  "says",
  "told",
  "added",
  "stated",
  "explained",
  "wrote",
  "tweeted",
  "insisted",
  "argued",
]);
const KIN = new Set(["brothers", "sisters", "twins"]);
const DASHES = new Set(["-", "--", "---"]);
/** Particles inside Romance, Dutch and German names: "Stade de France", "Puerta del Sol", "Unter den Linden". */
const NAME_PARTICLES = new Set([
  "de",
  "du",
  "des",
  "del",
  "della",
  "delle",
  "di",
  "da",
  "do",
  "dos",
  "das",
  "den",
  "der",
  "von",
  "van",
]);

function datelineAt(article: Article, m: NameMatch): boolean {
  const t = article.tokens;
  const sentence = article.sentences[t.sentence[m.first] as number];
  if (!sentence) return false;
  const paragraphStart = article.paragraphs[sentence.paragraph]?.start;
  if (paragraphStart !== t.start[m.first]) return false;
  // "WASHINGTON Barack Obama pardoned...": a name in capitals opening a paragraph of cased text.
  if (!article.caseless) {
    let caps = true;
    for (let k = m.first; k < m.end && caps; k++) {
      const v = t.value[k] as string;
      caps = v === v.toUpperCase() && v.length > 2;
    }
    const after = t.value[m.end] ?? "";
    if (caps && (isCapitalised(after) || DASHES.has(after) || after === ",")) return true;
  }
  // "SAN SALVADOR, 15 NOV 89 --", "KANDAHAR, Afghanistan (AP) -", "WASHINGTON -".
  // A hyphen glued to both words joins them ("Middlesex-London EMS reminded..."): no dateline dash.
  const dashAt = (k: number) => DASHES.has(t.value[k] as string) && !gluedBothSides(article, k);
  const limit = Math.min(t.count, m.end + 10);
  const next = t.value[m.end];
  if (next !== "," && next !== "(" && !dashAt(m.end)) return false;
  for (let k = m.end; k < limit; k++) if (dashAt(k)) return true;
  return false;
}

/** Whether token i lies in a name: "strong" (a country, province, region or large town), "weak", or null. */
export type PlaceAt = (i: number) => "strong" | "weak" | null;

export function cuesOf(article: Article, gz: Gazetteer, m: NameMatch, placeAt: PlaceAt): Cues {
  const isPlaceStart = (i: number) => placeAt(i) !== null;
  // After a well-known place, a small one is the rest of a name: "Toronto Pearson", "BC Hydro".
  const weakHere = placeAt(m.first) === "weak";
  const t = article.tokens;
  const cased = !article.caseless;
  const sentence = t.sentence[m.first] as number;
  const sentenceFirst = article.sentences[sentence]?.firstToken ?? 0;
  let firstWord = sentenceFirst;
  while (firstWord < m.first && (t.type[firstWord] === "punctuation" || t.value[firstWord] === '"')) firstWord++;
  const sentenceInitial = m.first === firstWord;
  const prev = m.first > sentenceFirst ? m.first - 1 : -1;
  const prevKey = prev >= 0 ? (t.key[prev] as string).replace(/\.$/, "") : "";
  const prev2Key = prev > sentenceFirst ? (t.key[prev - 1] as string) : "";
  const next = m.end < t.count && t.sentence[m.end] === sentence ? m.end : -1;
  const nextKey = next >= 0 ? (t.key[next] as string).replace(/\.$/, "") : "";

  let level: Cues["level"] = null;
  let spanEnd = m.end;
  const suffix = nextKey ? gz.suffix(nextKey) : undefined;
  let suffixOrganisation = false;
  const after = next >= 0 && next + 1 < t.count && t.sentence[next + 1] === sentence ? next + 1 : -1;
  if (suffix) {
    // "Texas State University" is an organisation, not the state.
    const afterKey = after >= 0 ? (t.key[after] as string) : "";
    suffixOrganisation =
      after >= 0 &&
      (cased ? isCapitalised(t.value[after] as string) : true) &&
      gz.organisationAfter(afterKey) === "any";
    // "the Illinois Department of Natural Resources": a government body of the state, which stays a
    // place but takes no level from the word.
    const body = (afterKey === "of" || afterKey === "for") && gz.organisationAfter(nextKey) === "of";
    const org =
      suffixOrganisation ||
      body ||
      (cased && after >= 0 && isCapitalised(t.value[after] as string) && !isPlaceStart(after));
    if (!org) {
      level = suffix;
      spanEnd = next + 1;
    }
  }
  // "Metcalfe County", "Kunduz Province": the name carries its own level word.
  if (!level) {
    const sp = m.key.lastIndexOf(" ");
    const own = sp > 0 ? gz.suffix(m.key.slice(sp + 1)) : undefined;
    if (own && own !== "city") level = own;
  }
  if (!level && prev >= 0) {
    const before = LEVEL_BEFORE[prevKey === "of" ? prev2Key : ""];
    if (before) level = before;
    else if (LEVEL_BEFORE[prevKey] && !cased) level = null;
  }

  // "according to Conrad" says who, not where.
  let locative = LOCATIVE.has(prevKey) && !(prevKey === "to" && prev2Key === "according");
  // "an attack on Douma", "air strikes on Idlib": where the blow fell.
  if (!locative && prevKey === "on" && BLOWS_ON.has(prev2Key)) locative = true;
  // "in northern Kandahar", "in the city of Kunduz".
  if (!locative && prev > sentenceFirst && MODIFIERS.has(prevKey)) locative = LOCATIVE.has(t.key[prev - 1] as string);
  if (!locative && prevKey === "of" && level) locative = true;

  // The capitalised run around the name (cased text): "Christopher Steele", "Toronto Police".
  const nameWord = (i: number, initial: boolean) =>
    t.type[i] === "word" &&
    isCapitalised(t.value[i] as string) &&
    (t.pos[i] === "PROPN" || (!initial && t.pos[i] === "NOUN"));
  const attachedDot = (i: number) => t.value[i] === "." && i > 0 && t.end[i - 1] === t.start[i];
  let afterTitle = false;
  let afterName = false;
  let afterGivenName = false;
  if (prev >= 0) {
    const titleAt = (i: number) =>
      i >= sentenceFirst &&
      gz.isTitle((t.key[i] as string).replace(/\.$/, "")) &&
      (!cased || isCapitalised(t.value[i] as string));
    afterTitle = titleAt(prev) || (attachedDot(prev) && titleAt(prev - 1));
    if (cased && !afterTitle) {
      for (let i = prev, n = 0; i >= sentenceFirst && n < 6; i--, n++) {
        if (attachedDot(i)) continue;
        if (MODIFIERS.has(t.key[i] as string) || gz.demonym(t.key[i] as string) !== undefined) break;
        if (titleAt(i)) {
          afterTitle = true;
          break;
        }
        if (!nameWord(i, i === firstWord)) break;
        // "Nancy Kellogg", "George Washington": a given name before it, even one that is also a town.
        const given = gz.commonWord(t.key[i] as string) === "given-name";
        if (placeAt(i) === "strong" && !given && !weakHere) break;
        afterName = true;
        if (given && i === prev) afterGivenName = true;
      }
    }
    // In capitals only the given name itself tells: "CHRISTOPHER ANDERSON, A 26-YEAR-OLD TEACHER".
    if (!cased && !afterTitle && t.type[prev] === "word" && gz.commonWord(prevKey) === "given-name") {
      afterName = true;
      afterGivenName = true;
    }
  }
  const nextName = next >= 0 && cased && nameWord(next, false) && !suffix && gz.commonWord(nextKey) !== "function";
  const beforeName = nextName && placeAt(next) !== "strong";
  // "David Paterson", "Georgia Stevens": any capitalised name after a given name.
  const beforeAnyName = nextName;

  // Organisation names that hold the place name: a capitalised word after it, or before it.
  const capital = (i: number) => !cased || isCapitalised(t.value[i] as string);
  let organisation: Cues["organisation"] = suffixOrganisation ? "any" : null;
  // The word after the name, or after its level word when the text gives one ("Michigan State University").
  const tail = spanEnd < t.count && t.sentence[spanEnd] === sentence ? spanEnd : -1;
  if (tail >= 0 && !organisation) {
    const tailKey = (t.key[tail] as string).replace(/\.$/, "");
    const o = gz.organisationAfter(tailKey);
    if (o === "any") {
      if (capital(tail)) organisation = "any";
    } else if (o === "word") {
      organisation = "any";
    } else if (o === "weak") organisation = "weak";
  }
  if (organisation !== "any" && prev >= 0) {
    const two =
      prev > sentenceFirst && gz.endsOrganisationBefore(prevKey)
        ? gz.organisationBefore(`${t.key[prev - 1] as string} ${prevKey}`)
        : undefined;
    const one = gz.organisationBefore(prevKey);
    const before = two && capital(prev - 1) ? two : one && capital(prev) ? one : null;
    if (before === "any" || (before && !organisation)) organisation = before;
  }

  // "US$460 million", "A/California/7/2009".
  const glued = (a: number, b: number) => a >= 0 && b < t.count && t.end[a] === t.start[b];
  const slashBefore = prev >= 0 && t.value[prev] === "/" && glued(prev, m.first);
  const slashAfter = next >= 0 && t.value[next] === "/" && glued(m.end - 1, next);
  const notName =
    t.type[m.first] === "currency" ||
    (next >= 0 && (t.value[next] as string).startsWith("$") && glued(m.end - 1, next)) ||
    (slashBefore && slashAfter);

  // "Navarro-Valls", "Mitchell-Smith", "Al-Ahram": one name whose other part is no place.
  const hyphenWord = (dash: number, word: number) =>
    dash >= 0 &&
    word >= 0 &&
    word < t.count &&
    t.value[dash] === "-" &&
    gluedBothSides(article, dash) &&
    t.type[word] === "word" &&
    isCapitalised(t.value[word] as string) &&
    placeAt(word) !== "strong";
  const compound = cased && (hyphenWord(prev, prev - 1) || hyphenWord(next, next + 1));

  // "Danube Delta", "the Vistula river", "Lake Erie"; "Hertford Road".
  const feature = next >= 0 ? gz.featureAfter(nextKey) : undefined;
  const natural = (feature === "natural" && !suffix) || (prev >= 0 && gz.featureBefore(prevKey) && capital(prev));
  const street = feature === "street" && capital(next) ? next : -1;
  const site = cased && feature === "site" && !suffix && capital(next);
  if (site) spanEnd = next + 1;
  const runsOn =
    cased &&
    next >= 0 &&
    !suffix &&
    NAME_PARTICLES.has(t.value[next] as string) &&
    after >= 0 &&
    t.type[after] === "word" &&
    isCapitalised(t.value[after] as string);
  const endsName =
    cased &&
    prev > sentenceFirst &&
    NAME_PARTICLES.has(t.value[prev] as string) &&
    t.type[prev - 1] === "word" &&
    isCapitalised(t.value[prev - 1] as string);

  return {
    locative,
    level,
    spanEnd,
    admin1After: ADMIN1_AFTER.has(nextKey),
    afterTitle,
    afterName,
    afterGivenName,
    beforeName,
    beforeAnyName,
    // "Palma said", but not "a former resident of Lubbock told".
    beforeSpeech: SPEECH.has(nextKey) && !(prev >= 0 && t.pos[prev] === "ADP"),
    beforeKin: KIN.has(nextKey),
    organisation,
    notName,
    compound,
    natural,
    street,
    site,
    runsOn,
    endsName,
    sentenceInitial,
    dateline: datelineAt(article, m),
  };
}
