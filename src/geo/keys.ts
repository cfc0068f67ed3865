/**
 * The matching key of a place name: the sequence of its lower-cased, diacritic-free alphanumeric
 * parts. Gazetteer names and article tokens are cut the same way, so that "Deir ez-Zor" (tokens
 * Deir, ez, -, Zor), "U.S." (one token) and "Côte d'Ivoire" meet their gazetteer entries whatever
 * the tokenizer does with hyphens and periods.
 */

const MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2018\u2019\u02bb\u02bc\u02bf\u02be`\u00b4]/g;

/** Letters that Unicode decomposition leaves alone but a reader would spell in ASCII. */
const SPECIAL: Readonly<Record<string, string>> = {
  ø: "o",
  æ: "ae",
  ß: "ss",
  đ: "d",
  ł: "l",
  œ: "oe",
  þ: "th",
  ð: "d",
  ı: "i",
  ħ: "h",
};
const SPECIAL_RE = /[øæßđłœþðıħ]/g;

/** Lower case, diacritics and special letters folded to ASCII where a reader would. */
export function foldName(s: string): string {
  let x = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(x)) return x;
  x = x.normalize("NFD").replace(MARKS, "");
  return x.replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * The parts of one folded word or name: apostrophes inside a word join ("Qa'im" → qaim), a
 * possessive "'s" stands apart as the tokenizer has it, any other non-alphanumeric splits.
 */
export function partsOf(folded: string): string[] {
  const out: string[] = [];
  const s = folded.replace(/['\u2019]s\b/g, " s").replace(APOSTROPHES, "");
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c) || c > 127) cur += s[i];
    else if (cur) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The lookup key of a name: its parts joined by single spaces ("" when it has none). */
export function nameKey(name: string): string {
  return partsOf(foldName(name)).join(" ");
}

/** Parts of an article token's key (tokens.key is already lower-cased and diacritic-free). */
export function tokenParts(key: string): string[] {
  let simple = key.length > 0;
  for (let i = 0; i < key.length && simple; i++) simple = isAlnum(key.charCodeAt(i));
  if (simple) return [key];
  if (key === "'s") return ["s"];
  return partsOf(foldName(key));
}

/** Arabic articles written before a name ("al-Qatranah", "el-Arish"). */
const ARTICLES = new Set(["al", "el"]);

/**
 * Other English spellings of an Arabic place name's key: the closing ta marbuta written -eh, -ah
 * or -a ("Qatraneh", "Qatranah", "Qatrana"), with and without the article al- ("al Qatranah").
 * The key itself is not among them.
 */
export function arabicSpellings(key: string): string[] {
  const parts = key.split(" ");
  const bare = ARTICLES.has(parts[0] ?? "") && parts.length > 1 ? parts.slice(1).join(" ") : key;
  let stem = bare;
  let endings = [""];
  if (bare.length > 4 && (bare.endsWith("eh") || bare.endsWith("ah"))) {
    stem = bare.slice(0, -2);
    endings = ["ah", "eh", "a"];
  } else if (bare.length > 4 && bare.endsWith("a")) {
    stem = bare.slice(0, -1);
    endings = ["ah", "eh", "a"];
  }
  const out = new Set<string>();
  for (const e of endings) {
    out.add(stem + e);
    out.add(`al ${stem}${e}`);
  }
  out.delete(key);
  return [...out];
}
