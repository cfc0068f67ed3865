/**
 * Linear time of the whole of `extract` on adversarial input: 100 KB and 1 MB of text made to
 * stress each stage (trigger words, place names, numbers and casualty words, dates, actor names,
 * punctuation runs, one endless word). Prints ms per KB at both sizes; a ratio near 1 is linear,
 * near 10 quadratic. Run: node dist/bench/linear.js  (part of `npm run bench`).
 */
import { extract } from "../src/extract.js";
import { fmt } from "./shared-data.js";

const PATTERNS: Record<string, string> = {
  "trigger words":
    "attack bomb killed suicide bomber airstrike shelling grenade kidnapped protest riot arrested clashes ambush ",
  "place names":
    "Kandahar, Afghanistan, Kunduz province, Paris, Texas, Georgia, Lagos, San Salvador, Morazan department ",
  "numbers and casualties":
    "at least 41 killed and 70 wounded, more than 60 dead, dozens injured, 3,000 people, 12 hostages, ",
  dates: "on Friday 15 October 2021, last week, three days ago, in August, 15 NOV 89, Oct. 16, yesterday, ",
  "actors and claims":
    "the Islamic State claimed responsibility, officials blamed the PKK, suspected Boko Haram militants, FMLN ",
  "punctuation runs": ".,;:!?\"'()[]--... ",
  "one endless word": "a",
};

function textOf(pattern: string, bytes: number): string {
  return pattern.repeat(Math.ceil(bytes / pattern.length)).slice(0, bytes);
}

function msFor(text: string): number {
  const t0 = performance.now();
  extract({ id: "adversarial", raw: text, title: null, published: "2021-10-16", origin: { file: "adversarial" } });
  return performance.now() - t0;
}

console.log("extract on adversarial input (ms per KB at 100 KB and at 1 MB; ratio ~1 = linear):");
msFor(textOf(PATTERNS["trigger words"] as string, 20_000));
for (const [name, pattern] of Object.entries(PATTERNS)) {
  const small = msFor(textOf(pattern, 100_000)) / 100;
  const large = msFor(textOf(pattern, 1_000_000)) / 1000;
  console.log(`  ${name.padEnd(24)} ${fmt(small, 2)} ms/KB  ${fmt(large, 2)} ms/KB  ratio ${fmt(large / small, 2)}`);
}
