import type { Candidate } from "./entity-candidates.js";

/** A candidate chosen to fill a role. */
export interface Selected {
  readonly candidate: Candidate;
  /** Index into TAGGED_ROLES. */
  readonly role: number;
  readonly probability: number;
  /** Canonical actor name when the phrase names a dictionary actor. */
  readonly canonical: string | null;
}

export interface Scored {
  readonly candidate: Candidate;
  /** Class probabilities: [none, role 0, role 1, ...]. */
  readonly probabilities: ArrayLike<number>;
  /** Canonical actor name when the phrase names a dictionary actor (two names of one group conflict). */
  readonly canonical: string | null;
}

function subsetOf(a: readonly string[], b: readonly string[]): boolean {
  if (a.length > b.length) return false;
  for (const w of a) if (!b.includes(w)) return false;
  return true;
}

/**
 * One filler per entity: candidates above their role's threshold, best first, each kept unless
 * it overlaps a kept filler of the same role somewhere in the text, shares its words with one
 * ("Galan" and "Luis Carlos Galan", "bomb" and "car bomb") or names the same dictionary actor
 * ("FMLN" and "Farabundo Marti National Liberation Front"): the scorers count a second mention of
 * one entity as a false positive.
 */
export function selectFillers(
  scored: readonly Scored[],
  thresholds: readonly number[],
  tokenCount: number,
): Selected[] {
  const roles = thresholds.length;
  const pool: { s: Scored; role: number; p: number }[] = [];
  for (const s of scored) {
    let best = -1;
    let p = 0;
    for (let r = 0; r < roles; r++) {
      const q = s.probabilities[r + 1] as number;
      if (q > p) {
        p = q;
        best = r;
      }
    }
    if (best >= 0 && p >= (thresholds[best] as number)) pool.push({ s, role: best, p });
  }
  pool.sort((x, y) => y.p - x.p || x.s.candidate.mentions[0]!.first - y.s.candidate.mentions[0]!.first);
  const covered: (Uint8Array | null)[] = new Array(roles).fill(null);
  const kept: { s: Scored; role: number }[] = [];
  const out: Selected[] = [];
  for (const { s, role, p } of pool) {
    const cov = (covered[role] ??= new Uint8Array(tokenCount));
    let clash = false;
    for (const m of s.candidate.mentions) {
      for (let i = m.first; i < m.end && !clash; i++) if (cov[i]) clash = true;
      if (clash) break;
    }
    if (!clash) {
      for (const k of kept) {
        if (k.role !== role) continue;
        const a = k.s.candidate.words;
        const b = s.candidate.words;
        if (subsetOf(a, b) || subsetOf(b, a) || (s.canonical !== null && s.canonical === k.s.canonical)) {
          clash = true;
          break;
        }
      }
    }
    if (clash) continue;
    for (const m of s.candidate.mentions) for (let i = m.first; i < m.end; i++) cov[i] = 1;
    kept.push({ s, role });
    out.push({ candidate: s.candidate, role, probability: p, canonical: s.canonical });
  }
  return out;
}
