import type { Article } from "../core/article.js";
import type { AnnotationKey, Annotations, Fact } from "../core/annotations.js";
import { SitrepError } from "../core/errors.js";
import type { Span } from "../core/span.js";
import type { AnyStage, Refiner, StageInput, TraceNote, Tracer } from "./stage.js";

/** One line of `--explain`: a fact a stage produced, or a decision it noted. */
export interface TraceEntry {
  readonly stage: string;
  readonly key: AnnotationKey | null;
  readonly rule: string;
  readonly span: Span | null;
  readonly message: string;
}

export interface PipelineResult {
  readonly article: Article;
  readonly annotations: Readonly<Partial<Annotations>>;
  readonly trace: readonly TraceEntry[] | null;
}

export interface RunOptions {
  /** Collect the `--explain` trace. */
  readonly explain?: boolean;
  /** Adds each stage's wall time in milliseconds (refiners included) to this map: for benchmarks. */
  readonly timings?: Map<string, number>;
}

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  run(article: Article, options?: RunOptions): PipelineResult;
}

/**
 * Checks a pipeline once: every stage's needs are provided by an earlier stage, no annotation is
 * provided twice, and every refiner refines something a stage provides.
 */
export function checkPipeline(stages: readonly AnyStage[], refiners: readonly Refiner[] = []): void {
  const provided = new Map<AnnotationKey, string>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!provided.has(need)) {
        throw new SitrepError(
          "E_PIPELINE_ORDER",
          `stage "${stage.name}" requires "${need}", which no earlier stage provides`,
        );
      }
    }
    for (const key of stage.provides) {
      const other = provided.get(key);
      if (other) throw new SitrepError("E_PIPELINE_CONFLICT", `"${key}" is provided by "${other}" and "${stage.name}"`);
      provided.set(key, stage.name);
    }
  }
  for (const refiner of refiners) {
    if (!provided.has(refiner.refines)) {
      throw new SitrepError(
        "E_PIPELINE_ORDER",
        `refiner "${refiner.name}" refines "${refiner.refines}", which no stage provides`,
      );
    }
  }
}

function describe(article: Article, fact: Fact): string {
  const words = article.text.slice(fact.span.start, fact.span.end);
  const rest = Object.entries(fact)
    .filter(([k, v]) => k !== "span" && k !== "rule" && k !== "confidence" && (typeof v !== "object" || v === null))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(" ");
  return `"${words}" ${rest} (confidence ${fact.confidence.toFixed(2)})`;
}

/** Builds a checked pipeline from its stages and refiners, in order. */
export function createPipeline(stages: readonly AnyStage[], refiners: readonly Refiner[] = []): Pipeline {
  checkPipeline(stages, refiners);
  const refinersOf = new Map<AnnotationKey, Refiner[]>();
  for (const r of refiners) refinersOf.set(r.refines, [...(refinersOf.get(r.refines) ?? []), r]);

  return {
    stages,
    run(article, options = {}) {
      const entries: TraceEntry[] | null = options.explain ? [] : null;
      let annotations: Readonly<Partial<Annotations>> = Object.freeze({});
      for (const stage of stages) {
        const notes: TraceNote[] = [];
        const tracer: Tracer | null = entries
          ? { note: (rule, span, message) => notes.push({ stage: stage.name, rule, span, message }) }
          : null;
        const input: StageInput = { article, annotations, trace: tracer };
        const t0 = options.timings ? performance.now() : 0;
        const out: Partial<Record<AnnotationKey, readonly unknown[]>> = { ...stage.run(input) };
        for (const key of stage.provides) {
          let items = out[key] ?? [];
          for (const r of refinersOf.get(key) ?? []) {
            items = (r as Refiner<typeof key>).refine(items as never, input) as readonly unknown[];
          }
          out[key] = Object.freeze(items);
        }
        annotations = Object.freeze({ ...annotations, ...(out as Partial<Annotations>) });
        if (options.timings)
          options.timings.set(stage.name, (options.timings.get(stage.name) ?? 0) + performance.now() - t0);
        if (entries) {
          for (const key of stage.provides) {
            for (const fact of (out[key] ?? []) as readonly Fact[]) {
              entries.push({
                stage: stage.name,
                key,
                rule: fact.rule,
                span: fact.span,
                message: describe(article, fact),
              });
            }
          }
          for (const n of notes) entries.push({ ...n, key: null });
        }
      }
      return { article, annotations, trace: entries };
    },
  };
}
