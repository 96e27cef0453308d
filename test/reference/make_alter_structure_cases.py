#!/usr/bin/env python3
"""Reference values for each alter's place in its sociogram, computed with networkx.

Regenerate (from the repository root):   python3 test/reference/make_alter_structure_cases.py
Writes test/reference/alter-structure-cases.json, read by test/graph/alter-structure.test.ts (CI needs no Python).

Each case is a simple undirected graph on nodes 0..n-1 (random densities, isolates, several components of
equal size, stars, paths, cliques). For every node it records:
- degree: G.degree(v);
- core_number: networkx.core_number(G)[v];
- betweenness: networkx.betweenness_centrality(G, normalized=False)[v] (undirected: each pair counted once);
- component and component_size: the connected components sorted by size, largest first, ties broken by the
  smallest node in the component; component 1 is the largest.
"""
import json
import os
import random
import sys

import networkx as nx

SEED = 20261202
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "alter-structure-cases.json")


def expected(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    core = nx.core_number(g) if n else {}
    between = nx.betweenness_centrality(g, normalized=False) if n else {}
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    label = {}
    size = {}
    for i, c in enumerate(comps, start=1):
        for v in c:
            label[v] = i
            size[v] = len(c)
    return {
        "degree": [g.degree(v) for v in range(n)],
        "core_number": [core[v] for v in range(n)],
        "betweenness": [between[v] for v in range(n)],
        "component": [label[v] for v in range(n)],
        "component_size": [size[v] for v in range(n)],
    }


def case(name, n, edges):
    edges = sorted({(min(u, v), max(u, v)) for u, v in edges if u != v})
    return {"name": name, "n": n, "edges": [list(e) for e in edges], "expected": expected(n, edges)}


def main():
    rng = random.Random(SEED)
    cases = [
        case("empty", 0, []),
        case("one isolate", 1, []),
        case("path 0-1-2 and isolate 3", 4, [(0, 1), (1, 2)]),
        case("star, hub 0", 6, [(0, i) for i in range(1, 6)]),
        case("two triangles of equal size, the later listed first", 6, [(3, 4), (4, 5), (3, 5), (0, 1), (1, 2), (0, 2)]),
        case("clique of 5", 5, [(i, j) for i in range(5) for j in range(i + 1, 5)]),
        case("two stars joined at the leaves", 9, [(0, 1), (0, 2), (0, 3), (4, 5), (4, 6), (4, 7), (3, 8), (8, 7)]),
    ]
    for k in range(300):
        n = rng.choice([2, 3, 5, 8, 13, 21, 34, 60, 90])
        p = rng.choice([0.02, 0.05, 0.1, 0.2, 0.4, 0.8])
        edges = [(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < p]
        cases.append(case(f"random {k}: n={n}, p={p}", n, edges))
    doc = {
        "source": "test/reference/make_alter_structure_cases.py",
        "networkx": nx.__version__,
        "python": sys.version.split()[0],
        "seed": SEED,
        "cases": cases,
    }
    with open(OUT, "w") as f:
        f.write(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"wrote {OUT}: {len(cases)} cases")


if __name__ == "__main__":
    main()
