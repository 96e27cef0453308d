"""Alter- and tie-level values of the thesis fixture, computed with networkx straight from the raw export.

Run from the project root:
    python3 test/reference/make_thesis_alters.py > test/reference/thesis-alters-networkx.json
and, to check that the graph rebuilt from netsp's ties.csv is the same graph (prints "ties.csv: same graph"):
    npx netsp analyse fixtures/thesis --out /tmp/thesis && \
    python3 test/reference/make_thesis_alters.py --check-ties /tmp/thesis/ties.csv > /dev/null

Independent of netsp: reads fixtures/thesis/interviews/*.csv with the csv module and builds each ego's
sociogram as the measures specification says (alters of both node types, in file-name order then row
order, labelled A1…An; alters with link_worker = true left off; ties of every edge type merged into one
simple undirected graph; self-loops dropped). Values: degree, multiplex degree (edge types per tie, summed),
core_number, component (1 = largest; equal sizes in order of their first alter), component size and
betweenness_centrality(G, normalized=False); same_sector from the ego's employer read as a sector
(VCS -> vcs, PCN and Other (GP practices) -> healthcare, as fixtures/thesis/netsp.config.json says).
"""
import csv
import glob
import json
import os
import sys

import networkx as nx

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "thesis", "interviews")
SECTORS = ["vcs", "healthcare", "local_authority", "other"]
EMPLOYER_SECTOR = {"VCS": "vcs", "PCN": "healthcare", "Other": "healthcare"}


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ego_network(ego_file):
    prefix = ego_file[: -len("ego.csv")]
    ego = rows(ego_file)[0]
    alters = []
    for path in sorted(glob.glob(prefix + "attributeList_*.csv")):
        node_type = path[len(prefix) + len("attributeList_") : -len(".csv")]
        for r in rows(path):
            alters.append((node_type, r))
    labels = {}
    for i, (_, r) in enumerate(alters):
        labels[r["networkCanvasUUID"]] = f"A{i + 1}"
    on = [labels[r["networkCanvasUUID"]] for _, r in alters if r.get("link_worker") != "true"]
    g = nx.Graph()
    g.add_nodes_from(on)
    types = {}
    for path in sorted(glob.glob(prefix + "edgeList_*.csv")):
        edge_type = path[len(prefix) + len("edgeList_") : -len(".csv")]
        for r in rows(path):
            s, t = labels[r["networkCanvasSourceUUID"]], labels[r["networkCanvasTargetUUID"]]
            if s == t or s not in g or t not in g:
                continue
            g.add_edge(s, t)
            types.setdefault(frozenset((s, t)), set()).add(edge_type)
    return ego, alters, labels, g, types


def main():
    check_ties = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--check-ties" else None
    out = {"networkx": nx.__version__, "command": "python3 test/reference/make_thesis_alters.py", "egos": {}}
    graphs = {}
    for ego_file in sorted(glob.glob(os.path.join(ROOT, "*_ego.csv"))):
        ego, alters, labels, g, types = ego_network(ego_file)
        ego_id = ego["networkCanvasCaseID"]
        graphs[ego_id] = g
        order = {a: i for i, a in enumerate(g.nodes)}
        comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(order[a] for a in c)))
        comp_of = {a: (k + 1, len(c)) for k, c in enumerate(comps) for a in c}
        core = nx.core_number(g)
        between = nx.betweenness_centrality(g, normalized=False)
        own = EMPLOYER_SECTOR.get(ego["employing_organisation"])
        rows_out = []
        for node_type, r in alters:
            a = labels[r["networkCanvasUUID"]]
            chosen = [s for s in SECTORS if r.get(f"sector_{s}") == "true"]
            same = None if own is None or len(chosen) != 1 else int(chosen[0] == own)
            if a in g:
                mult = sum(len(types[frozenset((a, b))]) for b in g[a])
                rows_out.append({
                    "alter_id": a, "node_type": node_type, "on_sociogram": True,
                    "degree": g.degree(a), "degree_multiplex": mult, "core_number": core[a],
                    "isolate": g.degree(a) == 0, "component": comp_of[a][0], "component_size": comp_of[a][1],
                    "betweenness": between[a], "same_sector": same,
                })
            else:
                rows_out.append({
                    "alter_id": a, "node_type": node_type, "on_sociogram": False,
                    "degree": None, "degree_multiplex": None, "core_number": None, "isolate": None,
                    "component": None, "component_size": None, "betweenness": None, "same_sector": same,
                })
        ties = sorted([sorted(pair) + [sorted(ts)] for pair, ts in types.items()])
        # Columnar, to keep the file small: one list per column, alters in label order.
        out["egos"][ego_id] = {"alters": {k: [r[k] for r in rows_out] for k in rows_out[0]}, "ties": ties}
    if check_ties:
        rebuilt = {}
        for r in rows(check_ties):
            rebuilt.setdefault(r["ego_id"], nx.Graph()).add_edge(r["from"], r["to"])
        for ego_id, g in graphs.items():
            h = rebuilt.get(ego_id, nx.Graph())
            assert {frozenset(e) for e in h.edges} == {frozenset(e) for e in g.edges}, ego_id
        print("ties.csv: same graph", file=sys.stderr)
    sys.stdout.write("{\n")
    sys.stdout.write(f' "networkx": {json.dumps(out["networkx"])},\n "command": {json.dumps(out["command"])},\n "egos": {{\n')
    items = list(out["egos"].items())
    for k, (ego_id, e) in enumerate(items):
        sys.stdout.write(f"  {json.dumps(ego_id)}: {json.dumps(e, separators=(',', ':'))}{',' if k < len(items) - 1 else ''}\n")
    sys.stdout.write(" }\n}\n")


main()
