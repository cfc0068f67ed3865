import type { Tracer } from "../../pipeline/stage.js";
import type { Taxonomy } from "../../taxonomy/load.js";
import type { Draft } from "./draft.js";

/** The cue classes a draft's sentences show, its triggers' own and their circumstances. */
function cuesOf(d: Draft): Set<string> {
  const out = new Set<string>();
  for (const t of d.triggers) {
    if (t.cue) out.add(t.cue);
    for (const c of t.context ?? []) out.add(c);
  }
  return out;
}

const showsPolitics = (tax: Taxonomy, d: Draft) => [...cuesOf(d)].some((c) => tax.political.classes.has(c));

/**
 * Keeps out the events of ordinary crime (data/taxonomy/typing.json `political`): an attack or an
 * arrest with no political side in its sentences, in an article none of whose events shows one.
 * `typeOf` gives each draft's sub-event type.
 */
export function keepPolitical(tax: Taxonomy, drafts: readonly Draft[], typeOf: (d: Draft) => string | null, trace: Tracer | null): Draft[] {
  const political = new Set(drafts.filter((d) => showsPolitics(tax, d)));
  if (political.size > 0) return [...drafts];
  return drafts.filter((d) => {
    const type = typeOf(d);
    if (!type || !tax.political.require.has(type)) return true;
    trace?.note("frame.drop.no-political-side", d.triggers[0]!.span, `${type} with no armed group, state force or protest in the story: ordinary crime`);
    return false;
  });
}
