import type { ActorMention } from "../../core/annotations.js";
import { bySpan } from "../../core/span.js";
import { individualsPhrases } from "../../actors/individuals.js";
import { articleActors } from "../../actors/matcher.js";
import { unknownOrganisations } from "../../actors/unknown-orgs.js";
import type { Stage } from "../../pipeline/stage.js";
import { tokenSpan } from "../../text/evidence.js";

/**
 * Organisations and people acting as a group, not yet given a role: dictionary actors (named
 * groups, state forces by country), organisations the dictionary lacks but the text names as
 * such, and groups of people from the perpetrators lexicon ("gunmen", "two suicide bombers").
 */
export const actorsStage: Stage<"actors"> = {
  name: "actors",
  requires: [],
  provides: ["actors"],
  run: ({ article }) => {
    const t = article.tokens;
    if (t.count === 0) return { actors: [] };
    const out: ActorMention[] = [];
    const covered = new Uint8Array(t.count);
    for (const m of articleActors(article)) {
      for (let i = m.first; i < m.end; i++) covered[i] = 1;
      out.push({
        span: tokenSpan(article, m.first, m.end - 1),
        rule: m.entry.force ? "actor.state-force" : "actor.dictionary",
        confidence: m.entry.force ? 0.8 : 0.95,
        kind: m.kind,
        name: m.entry.name,
        actorType: m.entry.actorType,
        countryCode: m.entry.countryCode,
      });
    }
    for (const u of unknownOrganisations(article, covered)) {
      for (let i = u.first; i < u.end; i++) covered[i] = 1;
      out.push({
        span: tokenSpan(article, u.first, u.end - 1),
        rule: u.rule,
        confidence: u.confidence,
        kind: "organisation",
        name: null,
        actorType: u.actorType,
        countryCode: null,
      });
    }
    for (const p of individualsPhrases(article)) {
      if (covered[p.head]) continue;
      out.push({
        span: tokenSpan(article, p.first, p.end - 1),
        rule: "actor.individuals",
        confidence: 0.7,
        kind: "individual",
        name: null,
        actorType: null,
        countryCode: null,
      });
    }
    return { actors: out.sort(bySpan) };
  },
};
