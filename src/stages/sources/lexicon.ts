import type { SourceMention } from "../../core/annotations.js";
import { readTsvLexicon } from "../../numbers/lexicon-file.js";
import { PhraseIndex } from "../../text/phrases.js";

export type SourceKind = SourceMention["kind"];
export type CueForm = "speaker" | "object" | "according";

export interface Outlet {
  readonly name: string;
  readonly kind: SourceKind;
  /** The alias as written: its capitals must show in cased text ("AP", not "ap"). */
  readonly alias: string;
}

export interface Speaker {
  readonly name: string;
  readonly kind: SourceKind;
}

export interface SourceLexicon {
  readonly outlets: PhraseIndex<Outlet>;
  readonly speakers: PhraseIndex<Speaker>;
  readonly cues: PhraseIndex<CueForm>;
  readonly nameStopwords: ReadonlySet<string>;
}

let cached: SourceLexicon | null = null;

/** The source lexicons, read once from data/lexicons. */
export function sourceLexicon(): SourceLexicon {
  if (cached) return cached;
  const outlets = new PhraseIndex<Outlet>();
  for (const r of readTsvLexicon("outlets.tsv")) {
    outlets.add(r.alias as string, {
      name: r.name as string,
      kind: (r.kind || "outlet") as SourceKind,
      alias: r.alias as string,
    });
  }
  const speakers = new PhraseIndex<Speaker>(
    readTsvLexicon("source-speakers.tsv").map(
      (r) => [r.phrase as string, { name: r.name as string, kind: r.kind as SourceKind }] as const,
    ),
  );
  const cues = new PhraseIndex<CueForm>(
    readTsvLexicon("source-cues.tsv").map((r) => [r.phrase as string, r.form as CueForm] as const),
  );
  const nameStopwords = new Set(
    readTsvLexicon("source-name-stopwords.tsv").map((r) => (r.word as string).toLowerCase()),
  );
  cached = { outlets, speakers, cues, nameStopwords };
  return cached;
}
