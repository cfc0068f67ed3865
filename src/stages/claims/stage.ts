import type { Stage } from "../../pipeline/stage.js";
import { findClaims } from "./find-claims.js";
import { groupAnaphorClaims } from "./group-anaphor.js";

/** Claims, accusations, suspicions and denials of responsibility, with who made them. */
export const claimsStage: Stage<"claims"> = {
  name: "claims",
  requires: ["actors", "triggers"],
  provides: ["claims"],
  run: ({ article, annotations }) => ({
    claims: [
      ...findClaims(article, annotations.actors ?? [], annotations.triggers ?? []),
      ...groupAnaphorClaims(article, annotations.actors ?? []),
    ].sort((a, b) => a.span.start - b.span.start),
  }),
};
