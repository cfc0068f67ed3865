import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../../src/core/article.js";
import { buildArticle } from "../../src/text/article.js";
import { devDataDir } from "./dev-data.js";

/**
 * Reading the MUC-4 development data (texts and gold role fillers) for training and evaluation
 * scripts. The data lives outside the repository; SITREP_DEV_DATA or --data names its folder.
 */
export const DEFAULT_DEV_DATA = process.env.SITREP_DEV_DATA ?? devDataDir();

export type MucRole = "PerpInd" | "PerpOrg" | "Target" | "Victim" | "Weapon";
export const MUC_ROLES: readonly MucRole[] = ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"];

export interface MucDoc {
  readonly id: string;
  readonly published: string | null;
  readonly text: string;
  /** Gold entities per role, each a list of coreferent mention strings. */
  readonly gold: Readonly<Record<MucRole, readonly (readonly string[])[]>> | null;
}

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The documents of a split ("muc4-train", "muc4-dev"), with gold when the gold file is there. */
export function readMuc(split: string, dir = DEFAULT_DEV_DATA): MucDoc[] {
  const docs = jsonl(join(dir, `${split}.jsonl`));
  let gold = new Map<string, MucDoc["gold"]>();
  try {
    gold = new Map(jsonl(join(dir, `${split}.gold.jsonl`)).map((g) => [g.id as string, g.roles as MucDoc["gold"]]));
  } catch {
    // no gold: texts only
  }
  return docs.map((d) => ({
    id: d.id as string,
    published: (d.published as string | null) ?? null,
    text: d.text as string,
    gold: gold.get(d.id as string) ?? null,
  }));
}

export function mucArticle(d: MucDoc): Article {
  return buildArticle({ id: d.id, raw: d.text, title: null, published: d.published, origin: { file: d.id } });
}

/** The scorer's normalisation: lower case, punctuation and symbols dropped, a/an/the removed, spaces collapsed. */
export function mucNormalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, "")
    .replace(/(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
}
