"""Reads a GraphML file with networkx and prints it as JSON, for test/tables/write-graphml.test.ts.

Usage: /usr/bin/python3 read-graphml-networkx.py FILE  (Debian's python3 with python3-networkx)

Prints {"graphs": [...], "readerGraphs": n, "firstGraphNodes": [...], "emptyDataKept": bool}: per <graph> its id, whether it is
directed or a multigraph, its graph attributes, nodes and edges with their attributes, each value as
[python type name, value] so the test can tell int from float from bool.

networkx.read_graphml returns only the first graph of a file, and GraphMLReader (which yields every graph)
ignores the graph's id attribute and keeps one table of edge ids, keyed by end labels, across all the
graphs it reads. So each <graph> is read here with a fresh GraphMLReader, its id taken from the element.
networkx before 3.3 drops an empty <data> (ElementTree gives it no text); emptyDataKept says which this is.
"""

import json
import sys
import xml.etree.ElementTree as ET

import networkx
from networkx.readwrite.graphml import GraphMLReader


def typed(value):
    return [type(value).__name__, value]


def attributes(data):
    return {name: typed(value) for name, value in data.items()}


def empty_data_kept():
    node = ET.fromstring(f'<node xmlns="{GraphMLReader.NS_GRAPHML}"><data key="k"></data></node>')
    keys = {"k": {"name": "x", "type": str, "for": "node"}}
    return GraphMLReader().decode_data_elements(keys, node) == {"x": ""}


def main(path):
    root = ET.parse(path).getroot()
    keys, defaults = GraphMLReader().find_graphml_keys(root)
    graphs = []
    for element in root.findall(f"{{{GraphMLReader.NS_GRAPHML}}}graph"):
        graph = GraphMLReader().make_graph(element, keys, defaults)
        data = {k: v for k, v in graph.graph.items() if k not in ("node_default", "edge_default")}
        graphs.append(
            {
                "id": element.get("id"),
                "directed": graph.is_directed(),
                "multigraph": graph.is_multigraph(),
                "graph": attributes(data),
                "nodes": [[node, attributes(d)] for node, d in graph.nodes(data=True)],
                "edges": [[u, v, attributes(d)] for u, v, d in graph.edges(data=True)],
            }
        )
    print(
        json.dumps(
            {
                "graphs": graphs,
                "readerGraphs": len(list(GraphMLReader()(path=path))),
                "firstGraphNodes": list(networkx.read_graphml(path).nodes),
                "emptyDataKept": empty_data_kept(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
