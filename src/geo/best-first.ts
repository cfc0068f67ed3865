/**
 * The `keep` best of some scored readings, best first, exactly as a stable sort by descending
 * score would begin (equal scores keep their order). The resolver reads only the first few
 * readings of a name, and a common name has hundreds: sorting them all, twice per article, cost
 * more time and memory than scoring them.
 */
export function bestFirst<T extends { readonly score: number }>(items: readonly T[], keep: number): T[] {
  const out: T[] = [];
  if (keep <= 0) return out;
  for (const x of items) {
    // A NaN score orders nowhere: leave such a list to the sort it would have had.
    if (Number.isNaN(x.score)) return [...items].sort((a, b) => b.score - a.score).slice(0, keep);
  }
  for (const x of items) {
    if (out.length === keep && !(x.score > (out[keep - 1] as T).score)) continue;
    let j = out.length;
    while (j > 0 && (out[j - 1] as T).score < x.score) j--;
    out.splice(j, 0, x);
    if (out.length > keep) out.pop();
  }
  return out;
}
