import type { Article } from "../core/article.js";
import type { AnnotationKey, Annotations } from "../core/annotations.js";
import type { Span } from "../core/span.js";

/** A decision worth showing in `--explain` that is not itself an annotation (a drop, a merge). */
export interface TraceNote {
  readonly stage: string;
  readonly rule: string;
  readonly span: Span | null;
  readonly message: string;
}

export interface Tracer {
  note(rule: string, span: Span | null, message: string): void;
}

export interface StageInput {
  readonly article: Article;
  /** What earlier stages provided; frozen. */
  readonly annotations: Readonly<Partial<Annotations>>;
  /** Present only when a trace was asked for (`--explain`); stages call it for decisions. */
  readonly trace: Tracer | null;
}

/**
 * One step of the pipeline. It reads the annotations named in `requires` and returns new ones for
 * each key in `provides`; it never changes its input.
 */
export interface Stage<K extends AnnotationKey = AnnotationKey> {
  readonly name: string;
  readonly requires: readonly AnnotationKey[];
  readonly provides: readonly K[];
  run(input: StageInput): { readonly [P in K]: Annotations[P] };
}

/** Any stage, whatever it provides: what pipelines hold. */
export interface AnyStage {
  readonly name: string;
  readonly requires: readonly AnnotationKey[];
  readonly provides: readonly AnnotationKey[];
  run(input: StageInput): Partial<Annotations>;
}

/**
 * A refiner is a plain function over one annotation list, run right after the stage that provides
 * the list (filter, merge neighbours, resolve overlaps), as chrono-node refines its results.
 */
export interface Refiner<K extends AnnotationKey = AnnotationKey> {
  readonly name: string;
  readonly refines: K;
  refine(items: Annotations[K], input: StageInput): Annotations[K];
}
