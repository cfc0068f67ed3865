import { describe, expect, it } from "vitest";
import { articleFromText } from "../text/article.js";
import { tokenHashes } from "../text/token-hashes.js";
import { defaultRoleModel } from "./role-model.js";
import { WordBands, wordBands } from "./word-bands.js";

describe("WordBands", () => {
  it("gives every token of a real story the band the vocabulary map gives", () => {
    const article = articleFromText(
      "SAN SALVADOR, 12 JAN 90 -- FMLN GUERRILLAS ATTACKED THE ARMY POST IN ZACATECOLUCA LAST NIGHT, " +
        "KILLING TWO SOLDIERS; COLONEL OQUELI'S OFFICE SAID THE XYZZYQ BRIGADE REPELLED THEM.",
    );
    const vocabulary = defaultRoleModel().vocabulary;
    const bands = wordBands(vocabulary);
    const hashes = tokenHashes(article.tokens);
    const seen = new Set<number>();
    for (let i = 0; i < article.tokens.count; i++) {
      const key = article.tokens.key[i] as string;
      const band = bands.band(key, hashes[i] as number);
      expect(band).toBe(vocabulary.get(key) ?? 0);
      seen.add(band);
    }
    expect(seen.has(0)).toBe(true); // "xyzzyq" is no word of the training texts
    expect(seen.size).toBeGreaterThan(2);
  });

  it("tells apart keys whose hashes collide, by the key itself", () => {
    const bands = new WordBands(
      new Map([
        ["bomb", 3],
        ["mortar", 2],
      ]),
    );
    const hashOfBomb = tokenHashes(articleFromText("bomb").tokens)[0] as number;
    expect(bands.band("bomb", hashOfBomb)).toBe(3);
    // Same hash, other key: not the bomb's band.
    expect(bands.band("grenade", hashOfBomb)).toBe(0);
  });

  it("is built once per vocabulary", () => {
    const vocabulary = new Map([["attack", 4]]);
    expect(wordBands(vocabulary)).toBe(wordBands(vocabulary));
  });
});
