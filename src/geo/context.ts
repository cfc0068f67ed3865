import type { Article } from "../core/article.js";
import type { Span } from "../core/span.js";
import { tokenSpan } from "../text/evidence.js";
import type { Gazetteer } from "./gazetteer.js";
import { isCapitalised } from "./scan.js";
import { tokenHashes } from "../text/token-hashes.js";

/** A demonym in the text ("Afghan", "South African"): a hint at a country, not a place. */
export interface DemonymMention {
  readonly span: Span;
  readonly first: number;
  readonly end: number;
  readonly country: number;
}

/** Every demonym of the article, one or two words long, capitalised in cased text. */
export function findDemonyms(article: Article, gz: Gazetteer): DemonymMention[] {
  const t = article.tokens;
  const out: DemonymMention[] = [];
  const hashes = tokenHashes(t);
  for (let i = 0; i < t.count; i++) {
    if (!gz.mayStartDemonym(hashes[i] as number)) continue;
    const v = t.value[i] as string;
    if (!article.caseless && !isCapitalised(v)) continue;
    if (t.type[i] !== "word") continue;
    const two =
      i + 1 < t.count && t.sentence[i + 1] === t.sentence[i] && gz.startsDemonym(t.key[i] as string)
        ? gz.demonym(`${t.key[i]} ${t.key[i + 1]}`)
        : undefined;
    if (two !== undefined) {
      out.push({ span: tokenSpan(article, i, i + 1), first: i, end: i + 2, country: two });
      i++;
      continue;
    }
    const one = gz.demonym(t.key[i] as string);
    if (one !== undefined) out.push({ span: tokenSpan(article, i, i), first: i, end: i + 1, country: one });
  }
  return out;
}

/**
 * How much the article is about each country: weights from the evidence seen so far (country
 * names, demonyms, provinces, resolved towns, the dateline). `share` is relative to the best.
 */
export class CountryContext {
  private readonly weight = new Map<number, number>();
  private top = 0;
  private dateline = -1;

  add(country: number, w: number): void {
    if (country < 0) return;
    const v = (this.weight.get(country) ?? 0) + w;
    if (v <= 1e-9) {
      this.weight.delete(country);
      return;
    }
    this.weight.set(country, v);
    if (v > this.top) this.top = v;
  }

  setDateline(country: number): void {
    this.dateline = country;
    this.add(country, 3);
  }

  /** Relative to the best, and to at least one name's worth of evidence: a hint is not a context. */
  share(country: number): number {
    if (this.top === 0 || country < 0) return 0;
    return (this.weight.get(country) ?? 0) / Math.max(this.top, 1);
  }

  isDateline(country: number): boolean {
    return country >= 0 && country === this.dateline;
  }

  /** The country the article is most about, or -1. */
  main(): number {
    let best = -1;
    let w = 0;
    for (const [c, v] of this.weight) {
      if (v > w) {
        best = c;
        w = v;
      }
    }
    return best;
  }

  /** The same evidence less what one name gave ("Edmonton" may not vouch for its own country). */
  without(country: number, w: number): CountryContext {
    const c = new CountryContext();
    for (const [k, v] of this.weight) c.add(k, k === country ? v - w : v);
    c.dateline = this.dateline;
    return c;
  }

  clone(): CountryContext {
    const c = new CountryContext();
    for (const [k, v] of this.weight) c.add(k, v);
    c.dateline = this.dateline;
    return c;
  }
}
