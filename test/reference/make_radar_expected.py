#!/usr/bin/env python3
"""Expected measures of the real Network Canvas sample export, computed straight from its CSV files.

Regenerate (from the repository root):   python3 test/reference/make_radar_expected.py
Reads fixtures/network-canvas-radar/ (the export and its protocol) with Python's csv and zipfile modules,
joins ties to alters on the UUID columns, builds each ego's alter-alter graph over every edge type, and
computes the structural measures with networkx and the Gender composition (K = the protocol's 8 options)
and Age summaries by hand. Writes test/reference/radar-expected.json, read by radar-expected.test.ts.
"""
import csv
import glob
import json
import os
import statistics
import sys
import zipfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "fixtures", "network-canvas-radar")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "radar-expected.json")
EGO = "EGO"


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def gender_options():
    with zipfile.ZipFile(os.path.join(DATA, "IJE_RADAR_Protocol.netcanvas")) as z:
        protocol = json.loads(z.read("protocol.json"))
    for node_type in protocol["codebook"]["node"].values():
        for variable in node_type["variables"].values():
            if variable["name"] == "Gender":
                return [str(o["value"]) for o in variable["options"]]
    raise SystemExit("no Gender variable in the protocol")


def main():
    options = gender_options()
    result = {}
    for ego_file in sorted(glob.glob(os.path.join(DATA, "*_ego.csv"))):
        prefix = ego_file[: -len("_ego.csv")]
        ego = rows(ego_file)[0]
        alters = rows(prefix + "_attributeList_Person.csv")
        ids = [a["networkCanvasUUID"] for a in alters]
        G = nx.Graph()
        G.add_nodes_from(ids)
        typed = set()
        for edge_file in glob.glob(prefix + "_edgeList_*.csv"):
            edge_type = edge_file[len(prefix + "_edgeList_"): -len(".csv")]
            for e in rows(edge_file):
                s, t = e["networkCanvasSourceUUID"], e["networkCanvasTargetUUID"]
                assert s in ids and t in ids and s != t
                G.add_edge(s, t)
                typed.add((min(s, t), max(s, t), edge_type))
        n, m = G.number_of_nodes(), G.number_of_edges()
        H = G.copy()
        H.add_edges_from((EGO, v) for v in ids)
        core = nx.core_number(G)
        max_k = max(core.values(), default=0)
        dist = {}
        for k in core.values():
            if k >= 1:
                dist[k] = dist.get(k, 0) + 1

        genders = []
        for a in alters:
            chosen = [o for o in options if a.get(f"Gender_{o}") == "true"]
            genders.append(chosen)
        known = [g for g in genders if g]
        single = [g[0] for g in genders if len(g) == 1]
        ages = [float(a["Age"]) for a in alters if a["Age"] != ""]
        expected = {
            "network_size": len(alters),
            "ties": m,
            "multiplex_ties": len(typed),
            "density": nx.density(G),
            "average_degree": 2 * m / n,
            "average_degree_multiplex": 2 * len(typed) / n,
            "isolates": len(list(nx.isolates(G))),
            "components": nx.number_connected_components(G),
            "largest_component": max(len(c) for c in nx.connected_components(G)),
            "max_k": max_k,
            "max_k_core_size": sum(1 for k in core.values() if k == max_k),
            "core_distribution": "{" + ", ".join(f"{k}: {dist[k]}" for k in sorted(dist)) + "}",
            "effective_size": nx.effective_size(H, nodes=[EGO])[EGO],
            "constraint": nx.constraint(H, nodes=[EGO])[EGO],
            "ego_betweenness": nx.betweenness_centrality(H, normalized=False)[EGO],
            "missing_Gender": len(genders) - len(known),
            "mean_Age": statistics.mean(ages) if ages else None,
            "median_Age": statistics.median(ages) if ages else None,
        }
        for o in options:
            expected[f"share_Gender_{o}"] = sum(1 for g in known if o in g) / len(known) if known else None
        if single:
            blau = 1 - sum((single.count(o) / len(single)) ** 2 for o in options)
            expected["blau_Gender"] = blau
            expected["iqv_Gender"] = blau / (1 - 1 / len(options))
        result[ego["networkCanvasCaseID"]] = expected
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "test/reference/make_radar_expected.py", "networkx": nx.__version__,
                   "python": sys.version.split()[0], "egos": result}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(result)} egos to {OUT}")


if __name__ == "__main__":
    main()
