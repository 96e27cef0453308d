/**
 * Core numbers by the plain O(n²) peeling of the definition (Batagelj & Zaversnik 2003): repeatedly remove
 * a remaining node of least remaining degree; its core number is the largest such degree seen so far.
 * Written here, independently of any netsp code; checked against networkx in core-structure-graph.test.ts.
 */
export function peelCoreNumbers(n: number, edges: ReadonlyArray<readonly [number, number]>): number[] {
  const adjacent = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  const degree = new Array<number>(n).fill(0);
  for (const [a, b] of edges) {
    adjacent[a][b] = adjacent[b][a] = true;
    degree[a]++;
    degree[b]++;
  }
  const removed = new Array<boolean>(n).fill(false);
  const core = new Array<number>(n).fill(0);
  let k = 0;
  for (let step = 0; step < n; step++) {
    let v = -1;
    for (let i = 0; i < n; i++) if (!removed[i] && (v === -1 || degree[i] < degree[v])) v = i;
    k = Math.max(k, degree[v]);
    core[v] = k;
    removed[v] = true;
    for (let u = 0; u < n; u++) if (adjacent[v][u] && !removed[u]) degree[u]--;
  }
  return core;
}
