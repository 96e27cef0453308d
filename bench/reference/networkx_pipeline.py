"""The reference a thesis-style analysis script gives: per ego, a networkx graph and its structural measures.

Reads a merged Network Canvas CSV export (as `netsp synth --format merged` writes it) with Python's csv
module, takes the first N egos of the ego file, leaves alters matching the exclusion rules of the
netsp.config.json beside the data off the sociogram (link-worker colleagues), merges every relation type
into one simple undirected graph G, and computes with networkx 3:

  density, average_degree (2m/n), isolates, max_k (max core_number), max_k_core_size, components,
  largest_component, effective_size, efficiency, constraint (Burt, on G plus the ego tied to every alter),
  ego_betweenness (betweenness_centrality(G + ego, normalized=False)[ego])

Undefined values are None, as netsp leaves them empty: density with fewer than two alters, the structural
hole measures with none. Prints one JSON object: the per-ego values and the seconds spent reading and
computing (the script stops reading at the first row of an ego past the N-th, so it reads only what those
egos need when the files are in ego order, as Network Canvas writes them).

Usage: python3 bench/reference/networkx_pipeline.py <export folder> [--egos 500]
"""

import csv
import json
import os
import sys
import time

import networkx as nx


def excluded(attributes, rules):
    """Whether an alter matches an exclusion rule of netsp.config.json (values compare as text)."""
    for rule in rules:
        value = attributes.get(rule["variable"], "")
        wanted = rule["in"] if "in" in rule else [rule.get("equals")]
        if value != "" and any(str(w).lower() == value.lower() for w in wanted):
            return True
    return False


def read_export(folder, limit):
    files = sorted(os.listdir(folder))
    ego_file = next(f for f in files if f.endswith("_ego.csv"))
    with open(os.path.join(folder, ego_file), newline="", encoding="utf-8") as handle:
        egos = []
        for row in csv.DictReader(handle):
            egos.append((row["networkCanvasEgoUUID"], row["networkCanvasCaseID"]))
            if len(egos) == limit:
                break
    wanted = {uuid: i for i, (uuid, _) in enumerate(egos)}
    alters = [[] for _ in egos]
    ties = [[] for _ in egos]

    def rows(name, into, convert):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                i = wanted.get(row["networkCanvasEgoUUID"])
                if i is None:
                    break  # past the egos wanted (the export is in ego order)
                into[i].append(convert(row))

    for name in files:
        if "_attributeList_" in name:
            rows(name, alters, lambda r: (r["networkCanvasUUID"], r))
        elif "_edgeList_" in name:
            rows(name, ties, lambda r: (r["networkCanvasSourceUUID"], r["networkCanvasTargetUUID"]))
    return egos, alters, ties


def measures(alters, ties, rules):
    G = nx.Graph()
    for uuid, attributes in alters:
        if not excluded(attributes, rules):
            G.add_node(uuid)
    for source, target in ties:
        if source != target and source in G and target in G:
            G.add_edge(source, target)
    n = G.number_of_nodes()
    m = G.number_of_edges()
    out = {
        "density": nx.density(G) if n >= 2 else None,
        "average_degree": 2 * m / n if n else None,
        "isolates": nx.number_of_isolates(G),
        "components": nx.number_connected_components(G),
        "largest_component": max((len(c) for c in nx.connected_components(G)), default=0),
    }
    core = nx.core_number(G)
    max_k = max(core.values(), default=None)
    out["max_k"] = max_k
    out["max_k_core_size"] = sum(1 for k in core.values() if k == max_k) if n else None
    if n == 0:
        out.update(effective_size=None, efficiency=None, constraint=None, ego_betweenness=None)
        return out
    ego = "__ego__"
    H = G.copy()
    H.add_edges_from((ego, v) for v in G.nodes)
    out["effective_size"] = nx.effective_size(H, nodes=[ego])[ego]
    out["efficiency"] = out["effective_size"] / n
    out["constraint"] = nx.constraint(H, nodes=[ego])[ego]
    out["ego_betweenness"] = nx.betweenness_centrality(H, normalized=False)[ego]
    return out


def main():
    folder = sys.argv[1]
    limit = int(sys.argv[sys.argv.index("--egos") + 1]) if "--egos" in sys.argv else 500
    config_file = os.path.join(folder, "netsp.config.json")
    rules = []
    if os.path.exists(config_file):
        with open(config_file, encoding="utf-8") as handle:
            rules = json.load(handle).get("exclude", [])
    started = time.perf_counter()
    egos, alters, ties = read_export(folder, limit)
    read = time.perf_counter() - started
    started = time.perf_counter()
    results = {case: measures(alters[i], ties[i], rules) for i, (_, case) in enumerate(egos)}
    compute = time.perf_counter() - started
    json.dump({"networkx": nx.__version__, "egos": len(egos), "readSeconds": read, "computeSeconds": compute, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
