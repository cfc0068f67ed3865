import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SitrepError } from "../core/errors.js";
import { PhraseIndex } from "../text/phrases.js";
import { parseTsv } from "./tsv.js";
import type {
  AnchorStrength,
  BackgroundCue,
  ClauseRole,
  Cue,
  ModalityCue,
  ModalityKind,
  Side,
  SubEventTypeInfo,
  TypingRule,
  Veto,
} from "./types.js";
import { expandSuffixes, phraseVariants } from "./variants.js";

export interface Taxonomy {
  readonly eventTypes: readonly string[];
  readonly subEventTypes: ReadonlyMap<string, SubEventTypeInfo>;
  readonly cues: PhraseIndex<Cue>;
  readonly modality: PhraseIndex<ModalityCue>;
  readonly background: PhraseIndex<BackgroundCue>;
  readonly sites: PhraseIndex<string>;
  readonly clauses: PhraseIndex<ClauseRole>;
  /** Words naming those who report or comment on an event, never its perpetrators. */
  readonly reporters: PhraseIndex<string>;
  /** Actor type of the actor dictionary → the cue class typing reads ("state forces" → "a.state"). */
  readonly actorTypes: ReadonlyMap<string, string>;
  readonly rules: readonly TypingRule[];
  /** Event class → family (violence, demonstration, arrest, ...). */
  readonly familyOf: ReadonlyMap<string, string>;
  /** Family → the families it joins when they share a sentence. */
  readonly joins: ReadonlyMap<string, readonly string[]>;
  /** Event class → the cue classes that license a weak trigger of it. */
  readonly support: ReadonlyMap<string, ReadonlySet<string>>;
  readonly defaultSupport: ReadonlySet<string>;
  readonly vetoes: ReadonlyMap<string, Veto>;
  /** Cue classes that show a political side, and the sub-event types that need one (typing.json `political`). */
  readonly political: { readonly classes: ReadonlySet<string>; readonly require: ReadonlySet<string> };
}

/** The directory holding data/taxonomy, found from this module (src/ under vitest, dist/src/ when built). */
function taxonomyDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "data", "taxonomy");
    if (existsSync(join(candidate, "types.json"))) return candidate;
    dir = dirname(dir);
  }
  throw new SitrepError("E_DATA_MISSING", "data/taxonomy/types.json not found");
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new SitrepError("E_DATA_INVALID", e instanceof Error ? e.message : String(e), { file });
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const SIDES = new Set<Side>(["before", "after", "around"]);
const KINDS = new Set<ModalityKind>(["negated", "hypothetical", "generic", "ignore"]);
const CLAUSE_ROLES = new Set<ClauseRole>(["boundary", "reporting", "subordinate", "realis-to"]);

function loadTypes(file: string): { eventTypes: string[]; subEventTypes: Map<string, SubEventTypeInfo> } {
  const json = readJson(file);
  const eventTypes: string[] = [];
  const subEventTypes = new Map<string, SubEventTypeInfo>();
  for (const t of (json.eventTypes ?? []) as Record<string, unknown>[]) {
    const eventType = String(t.name);
    eventTypes.push(eventType);
    for (const s of (t.subEventTypes ?? []) as Record<string, unknown>[]) {
      const name = String(s.name);
      subEventTypes.set(name, {
        name,
        eventType,
        family: String(s.family),
        gtd: typeof s.gtd === "string" ? s.gtd : null,
        definition: String(s.definition ?? ""),
      });
    }
  }
  if (subEventTypes.size === 0) throw new SitrepError("E_DATA_INVALID", "no sub-event types", { file });
  return { eventTypes, subEventTypes };
}

function loadTyping(file: string, subEventTypes: ReadonlyMap<string, SubEventTypeInfo>) {
  const json = readJson(file);
  const familyOf = new Map<string, string>();
  for (const [family, classes] of Object.entries((json.families ?? {}) as Record<string, unknown>)) {
    for (const c of strings(classes)) familyOf.set(c, family);
  }
  const joins = new Map<string, string[]>();
  for (const [family, into] of Object.entries((json.joins ?? {}) as Record<string, unknown>)) {
    if (family !== "about") joins.set(family, strings(into));
  }
  const supportJson = (json.support ?? {}) as Record<string, unknown>;
  const support = new Map<string, Set<string>>();
  for (const [cls, list] of Object.entries(supportJson)) {
    if (cls !== "about" && cls !== "default") support.set(cls, new Set(strings(list)));
  }
  const vetoes = new Map<string, Veto>();
  for (const [cls, v] of Object.entries((json.vetoes ?? {}) as Record<string, Record<string, unknown>>)) {
    if (cls === "about") continue;
    const only = strings(v.only);
    vetoes.set(cls, {
      unless: new Set(strings(v.unless)),
      only: only.length ? new Set(only) : null,
      weakOnly: v.weakOnly === true,
      background: v.background === true,
    });
  }
  const rules: TypingRule[] = ((json.rules ?? []) as Record<string, unknown>[]).map((r) => {
    const rule = {
      id: String(r.id),
      all: strings(r.all),
      any: strings(r.any),
      none: strings(r.none),
      then: String(r.then),
    };
    if (!subEventTypes.has(rule.then)) {
      throw new SitrepError("E_DATA_INVALID", `rule "${rule.id}" gives unknown sub-event type "${rule.then}"`, {
        file,
      });
    }
    return rule;
  });
  const actorTypes = new Map<string, string>();
  for (const [type, cls] of Object.entries((json.actorTypes ?? {}) as Record<string, unknown>)) {
    if (type !== "about" && typeof cls === "string") actorTypes.set(type, cls);
  }
  const politicalJson = (json.political ?? {}) as Record<string, unknown>;
  const political = {
    classes: new Set(strings(politicalJson.classes)),
    require: new Set(strings(politicalJson.require)),
  };
  return {
    familyOf,
    joins,
    support,
    defaultSupport: new Set(strings(supportJson.default)),
    vetoes,
    rules,
    actorTypes,
    political,
  };
}

function loadCues(file: string, familyOf: ReadonlyMap<string, string>): PhraseIndex<Cue> {
  const index = new PhraseIndex<Cue>();
  const rows = parseTsv(readFileSync(file, "utf8"), file, ["phrase", "cues", "anchor"]);
  rows.forEach((row, i) => {
    const classes = row
      .cues!.split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    const anchor: AnchorStrength = row.anchor === "strong" ? "strong" : row.anchor === "weak" ? "weak" : "none";
    // "capture" is resolved by context into capture.territory / .people / .weapons.
    const eventClass = classes.find((c) => familyOf.has(c) || c === "capture") ?? null;
    if (anchor !== "none" && !eventClass) {
      throw new SitrepError("E_DATA_INVALID", `trigger "${row.phrase}" has no event class`, { file, line: i + 2 });
    }
    for (const phrase of phraseVariants(row.phrase!))
      index.add(phrase, { phrase: row.phrase!, classes, eventClass, anchor });
  });
  return index;
}

function sideAndWindow(row: Record<string, string>, file: string): { side: Side; window: number } {
  const side = row.side as Side;
  const window = Number(row.window);
  if (!SIDES.has(side) || !Number.isInteger(window) || window < 0) {
    throw new SitrepError("E_DATA_INVALID", `bad side/window for "${row.phrase}"`, { file });
  }
  return { side, window };
}

function loadModality(file: string): PhraseIndex<ModalityCue> {
  const index = new PhraseIndex<ModalityCue>();
  for (const row of parseTsv(readFileSync(file, "utf8"), file, ["phrase", "kind", "side", "window"])) {
    const kind = row.kind as ModalityKind;
    if (!KINDS.has(kind)) throw new SitrepError("E_DATA_INVALID", `bad kind for "${row.phrase}"`, { file });
    const cue = { kind, ...sideAndWindow(row, file) };
    for (const phrase of phraseVariants(row.phrase!)) index.add(phrase, cue);
  }
  return index;
}

function loadBackground(file: string): PhraseIndex<BackgroundCue> {
  const index = new PhraseIndex<BackgroundCue>();
  for (const row of parseTsv(readFileSync(file, "utf8"), file, ["phrase", "kind", "side", "window"])) {
    if (row.kind !== "earlier" && row.kind !== "distinct" && row.kind !== "calendar") {
      throw new SitrepError("E_DATA_INVALID", `bad kind for "${row.phrase}"`, { file });
    }
    const cue: BackgroundCue = { kind: row.kind, ...sideAndWindow(row, file) };
    for (const phrase of phraseVariants(row.phrase!)) index.add(phrase, cue);
  }
  return index;
}

function loadSites(file: string): PhraseIndex<string> {
  const index = new PhraseIndex<string>();
  for (const row of parseTsv(readFileSync(file, "utf8"), file, ["phrase", "site"])) {
    for (const phrase of phraseVariants(row.phrase!)) index.add(phrase, row.site!);
  }
  return index;
}

function loadWords(file: string): PhraseIndex<string> {
  const index = new PhraseIndex<string>();
  for (const row of parseTsv(readFileSync(file, "utf8"), file, ["phrase"])) {
    for (const phrase of phraseVariants(row.phrase!)) index.add(phrase, row.phrase!);
  }
  return index;
}

function loadClauses(file: string): PhraseIndex<ClauseRole> {
  const index = new PhraseIndex<ClauseRole>();
  for (const row of parseTsv(readFileSync(file, "utf8"), file, ["phrase", "role"])) {
    const role = row.role as ClauseRole;
    if (!CLAUSE_ROLES.has(role)) throw new SitrepError("E_DATA_INVALID", `bad role for "${row.phrase}"`, { file });
    for (const phrase of expandSuffixes(row.phrase!)) index.add(phrase, role);
  }
  return index;
}

/** Reads and checks every taxonomy file; a malformed file is an E_DATA_INVALID naming it. */
export function loadTaxonomy(dir = taxonomyDir()): Taxonomy {
  const { eventTypes, subEventTypes } = loadTypes(join(dir, "types.json"));
  const typing = loadTyping(join(dir, "typing.json"), subEventTypes);
  return {
    eventTypes,
    subEventTypes,
    ...typing,
    cues: loadCues(join(dir, "cues.tsv"), typing.familyOf),
    modality: loadModality(join(dir, "modality.tsv")),
    background: loadBackground(join(dir, "background.tsv")),
    sites: loadSites(join(dir, "sites.tsv")),
    clauses: loadClauses(join(dir, "clauses.tsv")),
    reporters: loadWords(join(dir, "reporters.tsv")),
  };
}

let cached: Taxonomy | null = null;

/** The taxonomy, loaded once per process. */
export function taxonomy(): Taxonomy {
  cached ??= loadTaxonomy();
  return cached;
}
