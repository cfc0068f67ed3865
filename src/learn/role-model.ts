import type { Article } from "../core/article.js";
import { SitrepError } from "../core/errors.js";
import { readDataFile } from "../actors/data-files.js";
import { docBand, docFeatureBound, sigmoid, writeDocFeatures, type DocModel } from "./doc-relevance.js";
import { documentCandidates, type Candidate } from "./entity-candidates.js";
import { MAX_CANDIDATE_FEATURES } from "./entity-features.js";
import { CLASS_COUNT, EntityModel } from "./entity-model.js";
import { selectFillers, type Scored, type Selected } from "./entity-select.js";
import { featureContext, type FeatureContext } from "./feature-context.js";
import { sentenceBand, sentenceFeatureBound, writeSentenceFeatures } from "./sentence-relevance.js";
import { checkModelFile, denseRows, type RoleModelFile } from "./model-file.js";
import { WeightTable } from "./weight-table.js";

export const DEFAULT_ROLE_MODEL = "models/roles-muc4.json";

export interface RoleAnalysis {
  /** Probability that the document reports an attack at all. */
  readonly relevance: number;
  readonly selected: readonly Selected[];
  readonly scored: readonly Scored[];
}

/** Canonical actor of each candidate whose first mention is exactly a dictionary match. */
export function canonicalNames(c: FeatureContext, candidates: readonly Candidate[]): (string | null)[] {
  const byStart = new Map<number, { end: number; name: string }>();
  for (const m of c.tags.actors) byStart.set(m.first, { end: m.end, name: m.entry.name });
  return candidates.map((cand) => {
    for (const m of cand.mentions) {
      const a = byStart.get(m.first);
      if (a && a.end === m.end) return a.name;
    }
    return null;
  });
}

/**
 * The learned role model: is the document about an attack, and which of its noun phrases fill
 * which role. Trained on MUC-4 (scripts/train-roles.ts).
 */
export class RoleModel {
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly doc: DocModel;
  readonly entity: EntityModel;
  private readonly docTable: WeightTable;
  private readonly sentenceTable: WeightTable | null;
  private docBuffer = new Int32Array(4096);
  private readonly docScore = new Float64Array(1);

  constructor(file: RoleModelFile) {
    this.vocabulary = new Map(Object.entries(file.vocabulary));
    const logistic = (part: { keys: readonly number[]; weights: readonly number[] }) =>
      new WeightTable(
        Int32Array.from(part.keys),
        Float32Array.from(part.weights, (w) => w / file.scale),
        1,
      );
    const docTable = logistic(file.doc);
    this.docTable = docTable;
    this.sentenceTable = file.sentence ? logistic(file.sentence) : null;
    this.doc = {
      cuts: file.doc.cuts,
      weight: (f) => {
        const r = docTable.row(f);
        return r < 0 ? 0 : (docTable.weights[r] as number);
      },
    };
    const { keys, weights } = denseRows(file.entity.rows, CLASS_COUNT, file.scale);
    this.entity = new EntityModel(
      new WeightTable(keys, weights, CLASS_COUNT),
      file.entity.thresholds,
      file.entity.prefilter ?? null,
    );
  }

  static fromData(relative = DEFAULT_ROLE_MODEL): RoleModel {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readDataFile(relative));
    } catch (e) {
      if (e instanceof SitrepError) throw e;
      throw new SitrepError("E_DATA_INVALID", "model is not valid JSON", { file: `data/${relative}` }, { cause: e });
    }
    return new RoleModel(checkModelFile(parsed, `data/${relative}`));
  }

  /** Feature context of an article with its relevance band set. */
  context(article: Article): { context: FeatureContext; relevance: number } {
    const context = featureContext(article, this.vocabulary);
    if (this.docBuffer.length < docFeatureBound(context)) this.docBuffer = new Int32Array(docFeatureBound(context));
    const relevance = this.probability(this.docTable, writeDocFeatures(context, this.docBuffer));
    context.docBucket = docBand(this.doc, relevance);
    if (this.sentenceTable) this.sentenceBands(context, this.sentenceTable);
    return { context, relevance };
  }

  /** Fills in the relevance band of each sentence (after the document's band, which it reads). */
  private sentenceBands(context: FeatureContext, table: WeightTable): void {
    context.article.sentences.forEach((s, si) => {
      const bound = sentenceFeatureBound(s.firstToken, s.endToken);
      if (this.docBuffer.length < bound) this.docBuffer = new Int32Array(bound);
      context.sentenceBand[si] = sentenceBand(
        this.probability(table, writeSentenceFeatures(context, si, this.docBuffer)),
      );
    });
  }

  /** The probability a logistic table gives the first `n` features in the buffer. */
  private probability(table: WeightTable, n: number): number {
    table.scoreDistinct(this.docBuffer, n, this.docScore);
    return sigmoid(this.docScore[0] as number);
  }

  analyse(article: Article, thresholds: readonly number[] = this.entity.thresholds): RoleAnalysis {
    const { context, relevance } = this.context(article);
    const candidates = documentCandidates(article);
    const canonical = canonicalNames(context, candidates);
    const buffer = new Int32Array(MAX_CANDIDATE_FEATURES);
    const all = new Float64Array(candidates.length * CLASS_COUNT);
    const probabilities = candidates.map((candidate, i) =>
      this.entity.candidate(context, candidate, buffer, all.subarray(i * CLASS_COUNT, (i + 1) * CLASS_COUNT)),
    );
    const scored: Scored[] = candidates.map((candidate, i) => ({
      candidate,
      probabilities: probabilities[i] as ArrayLike<number>,
      canonical: canonical[i] ?? null,
    }));
    return { relevance, scored, selected: selectFillers(scored, thresholds, article.tokens.count) };
  }
}

let shared: RoleModel | null = null;

/** The shipped model, loaded once. */
export function defaultRoleModel(): RoleModel {
  shared ??= RoleModel.fromData();
  return shared;
}
