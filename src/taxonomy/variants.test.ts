import { describe, expect, it } from "vitest";
import { compoundForms, expandSuffixes, phraseVariants } from "./variants.js";

describe("lexicon phrase variants", () => {
  it("expands listed suffixes and keeps the bare form", () => {
    expect(expandSuffixes("kidnap{s,ped,ping}")).toEqual(["kidnap", "kidnaps", "kidnapped", "kidnapping"]);
  });
  it("expands suffixes inside a phrase", () => {
    expect(expandSuffixes("threaten{ed,s} to")).toEqual(["threaten to", "threatened to", "threatens to"]);
  });
  it("matches a compound however it is joined", () => {
    expect(compoundForms("air strike").sort()).toEqual(["air strike", "air-strike", "airstrike"]);
    expect(compoundForms("gang-rape").sort()).toEqual(["gang-rape", "gangrape"]);
  });
  it("does not space out a hyphenated entry", () => {
    expect(compoundForms("die-in")).not.toContain("die in");
  });
  it("leaves single words and long phrases alone", () => {
    expect(compoundForms("blast")).toEqual(["blast"]);
    expect(phraseVariants("took over without a fight")).toEqual(["took over without a fight"]);
  });
});
