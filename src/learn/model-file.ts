import { SitrepError } from "../core/errors.js";

/** Sparse integer weights: per feature, its key, the number n of classes it moves, then n (class, weight x scale) pairs. */
export type SparseRows = readonly number[];

/**
 * The role model as shipped in data/models/: written by scripts/train-roles.ts, read by
 * role-model.ts. Weights are integers (weight x scale).
 */
export interface RoleModelFile {
  readonly format: "sitrep-role-model";
  readonly version: 2;
  /** What it was trained on and how, for the record. */
  readonly trainedOn: string;
  readonly scale: number;
  /** Word key -> frequency band in the training texts (1 rare .. 4 common). */
  readonly vocabulary: Readonly<Record<string, number>>;
  /** Document relevance: logistic weights and the probability cuts between bands. */
  readonly doc: {
    readonly cuts: readonly number[];
    readonly keys: readonly number[];
    readonly weights: readonly number[];
  };
  /** Sentence relevance (sentence-relevance.ts): logistic weights; absent in older models. */
  readonly sentence?: {
    readonly keys: readonly number[];
    readonly weights: readonly number[];
  };
  /** Candidate phrase classifier: classes ["none", ...roles], weights, a probability threshold per role. */
  readonly entity: {
    readonly classes: readonly string[];
    readonly rows: SparseRows;
    readonly thresholds: readonly number[];
    /** Logit margin under which a candidate's mentions are not looked at (entity-model.ts). */
    readonly prefilter?: number;
  };
}

export function checkModelFile(value: unknown, file: string): RoleModelFile {
  const m = value as Partial<RoleModelFile> | null;
  if (!m || m.format !== "sitrep-role-model" || m.version !== 2 || !m.entity || !m.doc || !m.vocabulary) {
    throw new SitrepError("E_DATA_INVALID", "not a role model (format sitrep-role-model, version 2)", { file });
  }
  return m as RoleModelFile;
}

/** Dense float rows from sparse integer rows. */
export function denseRows(rows: SparseRows, width: number, scale: number): { keys: Int32Array; weights: Float32Array } {
  const keys: number[] = [];
  const weights: number[] = [];
  for (let p = 0; p < rows.length;) {
    const key = rows[p++] as number;
    const count = rows[p++] as number;
    const row = new Array<number>(width).fill(0);
    for (let j = 0; j < count; j++) {
      const cls = rows[p++] as number;
      row[cls] = (rows[p++] as number) / scale;
    }
    keys.push(key);
    for (const w of row) weights.push(w);
  }
  return { keys: Int32Array.from(keys), weights: Float32Array.from(weights) };
}

/** Sparse integer rows from dense float rows (weights under `minimum` after scaling dropped). */
export function sparseRows(
  keys: Iterable<[number, number]>,
  weight: (row: number, cls: number) => number,
  width: number,
  scale: number,
  minimum = 1,
): number[] {
  const out: number[] = [];
  for (const [key, row] of keys) {
    const pairs: number[] = [];
    for (let c = 0; c < width; c++) {
      const q = Math.round(weight(row, c) * scale);
      if (Math.abs(q) >= minimum) pairs.push(c, q);
    }
    if (pairs.length) out.push(key, pairs.length / 2, ...pairs);
  }
  return out;
}
