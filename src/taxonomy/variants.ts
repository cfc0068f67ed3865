/**
 * Spelling variants of a lexicon phrase. "kill{s,ed,ing}" lists suffixes (the bare form is kept),
 * and a compound is matched however the writer joined it: "air strike", "air-strike", "airstrike".
 */
export function expandSuffixes(phrase: string): string[] {
  const open = phrase.indexOf("{");
  const close = phrase.indexOf("}", open);
  if (open < 0 || close < 0) return [phrase];
  const head = phrase.slice(0, open);
  const tail = phrase.slice(close + 1);
  const out: string[] = [];
  for (const suffix of ["", ...phrase.slice(open + 1, close).split(",")]) {
    out.push(...expandSuffixes(`${head}${suffix.trim()}${tail}`));
  }
  return out;
}

/** The ways a two- or three-word compound is written: spaced, hyphenated, and (two words) closed up. */
export function compoundForms(phrase: string): string[] {
  const words = phrase.split(/[\s-]+/).filter(Boolean);
  if (words.length < 2 || words.length > 3) return [phrase];
  const forms = new Set([phrase, words.join(" "), words.join("-")]);
  if (words.length === 2) forms.add(words.join(""));
  return [...forms];
}

export function phraseVariants(phrase: string): string[] {
  return [...new Set(expandSuffixes(phrase).flatMap(compoundForms))];
}
