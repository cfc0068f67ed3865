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

/**
 * The ways a spaced two- or three-word compound is also written: hyphenated and (two words)
 * closed up ("air strike", "air-strike", "airstrike"). A hyphenated entry is not spaced out: "die-in"
 * is a protest, "die in" is not; the lexicon lists the spaced form when it means the same.
 */
export function compoundForms(phrase: string): string[] {
  if (phrase.includes("-")) return [phrase, phrase.replace(/-/g, "")];
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 3) return [phrase];
  const forms = new Set([phrase, words.join("-")]);
  if (words.length === 2) forms.add(words.join(""));
  return [...forms];
}

export function phraseVariants(phrase: string): string[] {
  return [...new Set(expandSuffixes(phrase).flatMap(compoundForms))];
}
