#!/usr/bin/env python3
"""Reference values for netsp's structural measures, computed with networkx.

Regenerate (from the repository root):   python3 test/reference/make_networkx_cases.py
Writes test/reference/networkx-cases.json, read by test/reference/networkx-cases.test.ts (CI needs no Python).

Each case is a random ego network written as the reader would give it: alters of three node types (one of
which some cases do not count), alters flagged `lw` that an exclusion rule leaves off the sociogram, tie rows
of three edge types (some cases count only two), duplicate and reciprocal rows, self-loops and rows naming an
unknown alter. This script builds the sociogram graph G from those rows independently of netsp, following
the measures specification ("Which alters, which graph"), and computes every structural measure with
networkx on G, or on H = G plus an ego node tied to every alter.

Where the specification makes a value null (n < 2 for density, n = 0 for the ego measures) the fixture holds
null; networkx's own value there (0 or NaN) is not a value netsp reports.
"""
import json
import math
import os
import random
import sys

import networkx as nx

SEED = 20240611
NODE_TYPES = ["Person", "Organisation", "Place"]
EDGE_TYPES = ["work", "advice", "referral"]
EGO = "EGO"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "networkx-cases.json")


def make_case(rng, name, n, p, *, exclude_share=0.0, count_place=True, count_referral=True,
              exclude_node_type=None, self_loops=0, unknown_rows=0, duplicate_rate=0.05, reciprocal_rate=0.05):
    alters = []
    for _ in range(n):
        r = rng.random()
        t = 0 if r < 0.7 else (1 if r < 0.95 else 2)
        alters.append([t, 1 if rng.random() < exclude_share else 0])
    ties = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() >= p:
                continue
            k = rng.choice([1, 1, 1, 2, 2, 3])
            for t in rng.sample(range(len(EDGE_TYPES)), k):
                s, u = (i, j) if rng.random() < 0.5 else (j, i)
                ties.append([s, u, t])
                if rng.random() < duplicate_rate:
                    ties.append([s, u, t])
                if rng.random() < reciprocal_rate:
                    ties.append([u, s, t])
    for _ in range(self_loops if n > 0 else 0):
        i = rng.randrange(n)
        ties.append([i, i, rng.randrange(len(EDGE_TYPES))])
    for _ in range(unknown_rows if n > 0 else 0):
        ties.append([rng.randrange(n), -1, rng.randrange(len(EDGE_TYPES))])
    rng.shuffle(ties)
    case = {
        "name": name,
        "nodeTypes": None if count_place else ["Person", "Organisation"],
        "edgeTypes": None if count_referral else ["work", "advice"],
        "excludeNodeType": exclude_node_type,
        "alters": alters,
        "ties": ties,
    }
    case["expected"] = expected_values(case)
    return case


def expected_values(case):
    node_types = case["nodeTypes"]
    edge_types = case["edgeTypes"]
    counted = [i for i, (t, _) in enumerate(case["alters"]) if node_types is None or NODE_TYPES[t] in node_types]
    # Exclusion rule {"variable": "lw", "equals": true, "nodeType": excludeNodeType}.
    excluded = {i for i in counted if case["alters"][i][1] == 1
                and (case["excludeNodeType"] is None or NODE_TYPES[case["alters"][i][0]] == case["excludeNodeType"])}
    nodes = [i for i in counted if i not in excluded]
    node_set = set(nodes)
    G = nx.Graph()
    G.add_nodes_from(nodes)
    typed = set()
    for s, t, k in case["ties"]:
        if s == -1 or t == -1 or s == t:
            continue  # unknown endpoint; self-loop
        if edge_types is not None and EDGE_TYPES[k] not in edge_types:
            continue
        if s not in node_set or t not in node_set:
            continue
        G.add_edge(s, t)
        typed.add((min(s, t), max(s, t), k))

    n = G.number_of_nodes()
    m = G.number_of_edges()
    network_size = len(counted)
    H = G.copy()
    H.add_node(EGO)
    H.add_edges_from((EGO, v) for v in nodes)

    isolates = len(list(nx.isolates(G)))
    core = nx.core_number(G)
    core_numbers = [core[v] for v in nodes]
    max_k = max(core_numbers, default=0)
    distribution = {}
    for k in core_numbers:
        if k >= 1:
            distribution[k] = distribution.get(k, 0) + 1
    core_distribution = "{" + ", ".join(f"{k}: {distribution[k]}" for k in sorted(distribution)) + "}"

    effective = nx.effective_size(H, nodes=[EGO])[EGO]
    constraint = nx.constraint(H, nodes=[EGO])[EGO]
    betweenness = nx.betweenness_centrality(H, normalized=False)[EGO]
    # The specification's pair formula must give networkx's value.
    pair_formula = sum(1 / (1 + len(set(G[i]) & set(G[j])))
                       for a, i in enumerate(nodes) for j in nodes[a + 1:] if not G.has_edge(i, j))
    assert math.isclose(betweenness, pair_formula, rel_tol=1e-12, abs_tol=1e-12), (case["name"], betweenness, pair_formula)

    by_type = {}
    for i in counted:
        name = NODE_TYPES[case["alters"][i][0]]
        by_type[name] = by_type.get(name, 0) + 1

    return {
        "network_size": network_size,
        "alters_by_type": by_type,
        "excluded_alters": len(excluded),
        "sociogram_size": n,
        "ties": m,
        "density": nx.density(G) if n >= 2 else None,
        "average_degree": sum(d for _, d in G.degree()) / n if n > 0 else None,
        "multiplex_ties": len(typed),
        "average_degree_multiplex": 2 * len(typed) / n if n > 0 else None,
        "isolates": isolates,
        "isolates_pct": 100 * isolates / network_size if network_size > 0 else None,
        "components": nx.number_connected_components(G),
        "largest_component": max((len(c) for c in nx.connected_components(G)), default=0),
        "core_numbers": core_numbers,
        "max_k": max_k,
        "max_k_core_size": sum(1 for k in core_numbers if k == max_k) if max_k > 0 else 0,
        "core_distribution": core_distribution,
        "effective_size": None if n == 0 else effective,
        "efficiency": None if n == 0 else effective / n,
        "constraint": None if n == 0 else constraint,
        "ego_betweenness": None if n == 0 else betweenness,
        "brokerage_pairs": n * (n - 1) // 2 - m,
    }


def main():
    rng = random.Random(SEED)
    cases = [
        make_case(rng, "empty ego", 0, 0.0),
        make_case(rng, "one alter", 1, 0.0),
        make_case(rng, "two alters tied", 2, 1.0),
        make_case(rng, "two alters untied", 2, 0.0),
        make_case(rng, "all alters excluded", 12, 0.5, exclude_share=1.0),
        make_case(rng, "complete 25 with duplicates", 25, 1.0, duplicate_rate=0.3, reciprocal_rate=0.3),
        make_case(rng, "no ties 40", 40, 0.0, exclude_share=0.2),
        make_case(rng, "complete 150", 150, 1.0, duplicate_rate=0.0, reciprocal_rate=0.0),
        make_case(rng, "sparse 150 with everything", 150, 0.04, exclude_share=0.15, count_place=False,
                  count_referral=False, exclude_node_type="Person", self_loops=3, unknown_rows=2),
    ]
    for c in range(320):
        r = rng.random()
        n = rng.randint(0, 15) if r < 0.4 else (rng.randint(16, 60) if r < 0.75 else rng.randint(61, 150))
        shape = rng.random()
        p = 0.0 if shape < 0.05 else (1.0 if shape < 0.1 else rng.random())
        pairs = n * (n - 1) / 2
        if pairs > 0 and p * pairs > 900 and shape >= 0.1:
            p = 900 / pairs * rng.random()  # keep the fixture small: dense only for small n
        if shape >= 0.05 and shape < 0.1 and n > 45:
            n = rng.randint(20, 45)
        cases.append(make_case(
            rng, f"random {c}", n, p,
            exclude_share=0.0 if rng.random() < 0.5 else rng.random() * 0.5,
            count_place=rng.random() < 0.7,
            count_referral=rng.random() < 0.75,
            exclude_node_type="Person" if rng.random() < 0.2 else None,
            self_loops=rng.choice([0, 0, 0, 1, 3]),
            unknown_rows=rng.choice([0, 0, 0, 0, 1]),
        ))
    document = {
        "source": "test/reference/make_networkx_cases.py",
        "networkx": nx.__version__,
        "python": sys.version.split()[0],
        "seed": SEED,
        "nodeTypes": NODE_TYPES,
        "edgeTypes": EDGE_TYPES,
        "cases": cases,
    }
    # One case per line, so a regenerated file diffs case by case.
    head = json.dumps({k: v for k, v in document.items() if k != "cases"}, separators=(",", ":"))[:-1]
    lines = [json.dumps(c, separators=(",", ":")) for c in cases]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(head + ',"cases":[\n' + ",\n".join(lines) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
