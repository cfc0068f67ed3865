import { describe, expect, it } from "vitest";
import { articleFromText } from "../text/article.js";
import { documentCandidates } from "./entity-candidates.js";
import { selectFillers, type Scored } from "./entity-select.js";

// MUC-4 style wire copy, shortened from DEV-MUC3-0255 and DEV-MUC3-0455
const text =
  "GUERRILLAS OF THE ARMY OF NATIONAL LIBERATION [ELN] DYNAMITED THE PIPELINE. THE ELN CLAIMED THE ATTACK. " +
  "LUIS CARLOS GALAN WAS MURDERED IN SOACHA. GALAN WAS A PRESIDENTIAL CANDIDATE.";
const article = articleFromText(text);
const cands = documentCandidates(article);

/** Scores: role 1 (perpetrator organisations) or 3 (victims) with the given probability. */
function scored(
  p: Record<string, [role: number, probability: number]>,
  canonical: Record<string, string> = {},
): Scored[] {
  return cands.map((candidate) => {
    const probs = [1, 0, 0, 0, 0, 0];
    const s = p[candidate.key];
    if (s) {
      probs[s[0] + 1] = s[1];
      probs[0] = 1 - s[1];
    }
    return { candidate, probabilities: probs, canonical: canonical[candidate.key] ?? null };
  });
}

const thresholds = [0.2, 0.2, 0.2, 0.2, 0.2];

describe("selectFillers", () => {
  it("keeps one name of a group: the acronym and the full name name the same actor", () => {
    const picked = selectFillers(
      scored(
        { eln: [1, 0.7], "army of national liberation": [1, 0.6] },
        { eln: "ELN", "army of national liberation": "ELN" },
      ),
      thresholds,
      article.tokens.count,
    );
    expect(picked.map((s) => s.candidate.key)).toEqual(["eln"]);
  });

  it("keeps one of a name and its surname, and one of overlapping phrases", () => {
    const picked = selectFillers(
      scored({
        "luis carlos galan": [3, 0.8],
        galan: [3, 0.5],
        guerrillas: [0, 0.6],
        "guerrillas of army of national liberation": [0, 0.3],
      }),
      thresholds,
      article.tokens.count,
    );
    expect(picked.map((s) => [s.candidate.key, s.role])).toEqual([
      ["luis carlos galan", 3],
      ["guerrillas", 0],
    ]);
  });

  it("keeps nothing under the role's threshold", () => {
    expect(selectFillers(scored({ pipeline: [2, 0.15] }), thresholds, article.tokens.count)).toEqual([]);
  });
});
