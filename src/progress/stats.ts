/** Per-type progress figures shown on the checklist: solved/total, recommended solved/total, highest tier solved. */
export interface TypeStats {
  solved: number;
  total: number;
  recommendedSolved: number;
  recommendedTotal: number;
  /** Highest solved.ac level among the solved problems of the type; 0 when none. */
  highestLevel: number;
}

export interface StatsEntry {
  category: string;
  problem: string;
  recommended: boolean;
  level: number;
}

/** Figures per category key, for every category that has entries. Pure. */
export function typeStats(entries: StatsEntry[], solved: ReadonlySet<string>): Map<string, TypeStats> {
  const out = new Map<string, TypeStats>();
  for (const e of entries) {
    let s = out.get(e.category);
    if (!s) {
      s = { solved: 0, total: 0, recommendedSolved: 0, recommendedTotal: 0, highestLevel: 0 };
      out.set(e.category, s);
    }
    const isSolved = solved.has(e.problem);
    s.total++;
    if (e.recommended) s.recommendedTotal++;
    if (!isSolved) continue;
    s.solved++;
    if (e.recommended) s.recommendedSolved++;
    s.highestLevel = Math.max(s.highestLevel, e.level);
  }
  return out;
}
