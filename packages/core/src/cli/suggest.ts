/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(
        up + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** Up to `max` candidates closest to `word` (prefix matches first). */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  return [...new Set(candidates)]
    .map((c) => ({
      c,
      d: c.toLowerCase().startsWith(w) ? 0.5 : distance(w, c.toLowerCase()),
    }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(w.length / 2)))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map(({ c }) => c);
}

/** "unknown shell 'zhs'; did you mean zsh?" style phrase (empty when nothing is close). */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near.length ? `; did you mean ${near.join(", ")}?` : "";
}
