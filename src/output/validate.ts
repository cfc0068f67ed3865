import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import type { ArticleResult } from "../core/record.js";
import { projectPath } from "../util/paths.js";

let validator: ValidateFunction | null = null;

/** The shipped JSON Schema of `sitrep extract` output, compiled once. */
function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(projectPath("schema", "article-result.schema.json"), "utf8"));
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

/** Every {text, start, end} object in a result, with the path that leads to it. */
function* evidenceObjects(
  value: unknown,
  path: string,
): Generator<[string, { text: string; start: number; end: number }]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* evidenceObjects(value[i], `${path}[${i}]`);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const o = value as Record<string, unknown>;
  if (typeof o.text === "string" && typeof o.start === "number" && typeof o.end === "number") {
    yield [path, o as { text: string; start: number; end: number }];
  }
  for (const [k, v] of Object.entries(o)) yield* evidenceObjects(v, `${path}.${k}`);
}

/**
 * What is wrong with an extraction result: schema violations, and evidence whose offsets do not
 * slice the raw text back to its words. An empty list means the result is sound.
 */
export function validateArticleResult(result: ArticleResult, raw: string): string[] {
  const problems: string[] = [];
  const validate = schemaValidator();
  if (!validate(result)) {
    for (const e of validate.errors ?? []) problems.push(`schema: ${e.instancePath || "/"} ${e.message ?? ""}`);
  }
  for (const [path, ev] of evidenceObjects(result.events, "events")) {
    if (raw.slice(ev.start, ev.end) !== ev.text) {
      problems.push(`evidence: ${path} [${ev.start}, ${ev.end}) is "${raw.slice(ev.start, ev.end)}", not "${ev.text}"`);
    }
  }
  return problems;
}
