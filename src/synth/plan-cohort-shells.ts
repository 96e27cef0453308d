import type { Random } from "../random.js";

/** The k-core shells of one synthetic sociogram, as buildCoreStructureGraph takes them. */
export interface CohortShells {
  /** {k: nodes with core number k}; the main core is the largest k. */
  shells: Map<number, number>;
  /** Nodes with no tie (core number 0). */
  isolates: number;
  /** Ties the shells give (what buildCoreStructureGraph will build). */
  ties: number;
}

/**
 * Shells for a sociogram of `nodes` alters, `isolates` of them untied, with about `ties` ties: a dense
 * main core (a share `coreShare` of the tied nodes, each tied to a share `coreDensity` of the others)
 * and a periphery whose nodes each have k ties to nodes placed before them (1 ≤ k < K), k drawn so the
 * ties add up to the target. When that core cannot give the target, the nearest core size that can is
 * taken; with fewer ties than tied nodes, the nodes left without a tie become isolates. The tie count is
 * the target whenever some core allows it (nearly always), else the nearest count one allows (`ties`).
 *
 * Example: 40 nodes, 4 isolates, 78 ties, core share 0.25, core density 0.6 → a main core of 9 nodes
 * with k = 5 (23 ties) and 27 periphery nodes whose k add up to 55.
 */
export function planCohortShells(
  nodes: number,
  isolates: number,
  ties: number,
  coreShare: number,
  coreDensity: number,
  rng: Random,
): CohortShells {
  let tied = nodes - isolates;
  let target = Math.min(ties, (tied * (tied - 1)) / 2);
  if (tied < 3 || target < 3) {
    // Too small for a core: a few pairs (a 1-core is a matching), the rest isolates.
    const paired = tied < 2 || target < 1 ? 0 : Math.min(tied, 2 * target);
    if (paired < 2) return { shells: new Map(), isolates: nodes, ties: 0 };
    return { shells: new Map([[1, paired]]), isolates: nodes - paired, ties: Math.ceil(paired / 2) };
  }
  // The main core: c nodes tied to K others; the periphery's p = tied − c nodes then have between 1 and
  // K − 1 ties each, so the ties can be anything from ⌈Kc/2⌉ + p to ⌈Kc/2⌉ + p(K − 1). Take the core size
  // nearest the preferred one for which some K (the nearest the preferred) reaches the target.
  const c0 = Math.min(tied, Math.max(3, Math.round(tied * coreShare)));
  const k0 = Math.min(c0 - 1, Math.max(2, Math.round(coreDensity * (c0 - 1))));
  const reaching = (c: number): number | undefined => {
    const p = tied - c;
    let best: number | undefined;
    for (let k = 2; k <= c - 1; k++) {
      const core = Math.ceil((k * c) / 2);
      if (core + p <= target && target <= core + p * (k - 1) && (best === undefined || Math.abs(k - k0) < Math.abs(best - k0))) best = k;
    }
    return best;
  };
  let c = c0;
  let K = reaching(c0);
  for (let d = 1; K === undefined && (c0 - d >= 3 || c0 + d <= tied); d++) {
    if (c0 - d >= 3 && (K = reaching(c0 - d)) !== undefined) c = c0 - d;
    else if (c0 + d <= tied && (K = reaching(c0 + d)) !== undefined) c = c0 + d;
  }
  let periphery = tied - c;
  if (K === undefined) {
    // Fewer ties than tied nodes: a triangle, and one tie for each periphery node there are ties for; the
    // other nodes become isolates.
    c = 3;
    K = 2;
    periphery = Math.max(0, Math.min(tied - 3, target - 3));
    tied = c + periphery;
    target = 3 + periphery;
  }
  const k = K;
  const coreTies = Math.ceil((k * c) / 2);

  // Each periphery node starts at 1 tie; the rest of the ties go to random nodes with room left (k − 1 at most).
  const ks = new Array<number>(periphery).fill(1);
  let rest = target - coreTies - periphery;
  const open = k - 1 > 1 ? Array.from({ length: periphery }, (_, i) => i) : [];
  while (rest > 0 && open.length > 0) {
    const slot = rng.int(0, open.length - 1);
    const i = open[slot];
    ks[i]++;
    rest--;
    if (ks[i] >= k - 1) {
      open[slot] = open[open.length - 1];
      open.pop();
    }
  }
  const shells = new Map<number, number>([[k, c]]);
  for (const n of ks) shells.set(n, (shells.get(n) ?? 0) + 1);
  return { shells, isolates: nodes - tied, ties: coreTies + ks.reduce((a, b) => a + b, 0) };
}
