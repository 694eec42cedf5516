// "Did you mean …?": the allowed word a misspelt one was most likely meant to be. Our own few lines
// rather than a dependency: the lists are short (a dozen keys), so the plain dynamic programme is fast.

/**
 * Edits between two words: a letter inserted, deleted or changed, or two neighbours swapped
 * (`gudiance` → `guidance` is one edit, as a typist would count it; optimal string alignment distance).
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]![j]!;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      rows[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `word`, ignoring case, if it is close enough to be a slip rather than
 * another word: at most a third of its letters edited (one edit for short words), and never the word itself.
 */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const wanted = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  let nearest: { readonly word: string; readonly distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance <= allowed && (nearest === undefined || distance < nearest.distance)) nearest = { word: candidate, distance };
  }
  return nearest?.word;
}
