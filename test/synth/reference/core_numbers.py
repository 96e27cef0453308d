"""Reference core numbers from networkx for the core-number routine in test/synth/core-structure-graph.test.ts.

Regenerate:  python3 test/synth/reference/core_numbers.py > test/synth/reference/core-numbers-networkx.json
(networkx 3.6; the graphs are fixed by their seeds, so the output does not change between runs)
"""
import json

import networkx as nx


def entry(name, g):
    g = nx.convert_node_labels_to_integers(g, ordering="sorted")
    core = nx.core_number(g)
    return {
        "name": name,
        "n": g.number_of_nodes(),
        "edges": sorted([min(a, b), max(a, b)] for a, b in g.edges()),
        "core": [core[i] for i in range(g.number_of_nodes())],
    }


graphs = [entry("karate club", nx.karate_club_graph()), entry("empty, 4 nodes", nx.empty_graph(4))]
for seed, (n, p) in enumerate([(12, 0.2), (20, 0.15), (30, 0.3), (40, 0.1), (25, 0.5), (60, 0.08)]):
    graphs.append(entry(f"gnp({n}, {p}, seed={seed})", nx.gnp_random_graph(n, p, seed=seed)))
graphs.append(entry("barabasi_albert(50, 3, seed=7)", nx.barabasi_albert_graph(50, 3, seed=7)))
print(json.dumps(graphs, separators=(",", ":")))
