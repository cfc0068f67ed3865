import { describe, expect, it } from "vitest";
import { articleFromText } from "../text/article.js";
import { arabicSpellings, nameKey, tokenParts } from "./keys.js";

describe("name keys", () => {
  it("folds diacritics and special letters so that Aydın meets Aydin and Bogotá meets Bogota", () => {
    expect(nameKey("Aydın")).toBe("aydin");
    expect(nameKey("Aydin")).toBe("aydin");
    expect(nameKey("Bogotá")).toBe("bogota");
    expect(nameKey("Øster Ulslev")).toBe("oster ulslev");
  });

  it("cuts a name and the article's tokens into the same parts", () => {
    const article = articleFromText("Clashes in Deir ez-Zor and Côte d'Ivoire, said U.S. officials.");
    const parts = article.tokens.key.flatMap((k) => tokenParts(k));
    const text = parts.join(" ");
    expect(text).toContain(nameKey("Deir ez-Zor"));
    expect(text).toContain(nameKey("Côte d'Ivoire"));
    expect(text).toContain(nameKey("U.S."));
  });

  it("keeps a possessive apart and joins an apostrophe inside a word", () => {
    expect(nameKey("People's Republic of China")).toBe("people s republic of china");
    expect(nameKey("Al-Qa'im")).toBe("al qaim");
  });

  it("spells an Arabic name's ending and article the other ways news writes them", () => {
    expect(arabicSpellings("qatraneh")).toEqual(expect.arrayContaining(["qatranah", "al qatranah", "qatrana"]));
    expect(arabicSpellings("al karak")).toEqual(["karak"]);
    expect(arabicSpellings("qatraneh")).not.toContain("qatraneh");
  });
});
