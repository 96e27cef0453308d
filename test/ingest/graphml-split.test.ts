import { describe, expect, it } from "vitest";
import { scanBatch, scanGraph, scanGraphml, type GraphmlScanPool } from "../../src/ingest/graphml-scan.js";
import { graphmlPieceBytes, splitGraphml } from "../../src/ingest/graphml-split.js";
import { parseGraphmlPiece, readGraphmlKeys, streamGraphmlGraphs, type GraphmlGraph, type GraphmlKey } from "../../src/ingest/graphml-stream.js";
import type { SourceFile } from "../../src/ingest/source-file.js";
import { ProblemList } from "../../src/model/index.js";

/** A file in memory, read in chunks of `size` bytes (so tokens are cut everywhere). */
function chunked(text: string, size: number): SourceFile {
  const data = new TextEncoder().encode(text);
  return {
    name: "f.graphml",
    path: "/f.graphml",
    size: data.length,
    chunks: async function* () {
      for (let i = 0; i < data.length; i += size) yield data.slice(i, i + size);
    },
    bytes: async () => data,
  };
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<!-- an export: <graph> in a comment is not a graph -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:nc="http://schema.networkcanvas.com/xmlns">
  <key id="networkCanvasType" attr.name="networkCanvasType" attr.type="string" for="node"/>
  <key id="name" attr.name="name" attr.type="string" for="node"><default>–</default></key>
`;

/** Graphs with what a byte scan could trip on: `>` in attribute values, comments, CDATA, PIs, nested graphs, non-ASCII. */
const TRICKY = `${HEAD}  <graph edgedefault="undirected" nc:caseId="a>b"><node id="1"><data key="name">Zoë &lt;/graph&gt;</data></node>
    <!-- </graph> inside a comment --><node id="2"><data key="name"><![CDATA[</graph> <graph>]]></data></node>
  </graph><!-- between --> <graph nc:caseId='c"2'>
    <?pi </graph>?><node id="3"><graph id="nested"><node id="n"/></graph></node>
    <edge source="1" target="3"/>
  </graph>
  <graph nc:caseId="empty"/>
  <graph nc:caseId="三"><node id="9"><data key="networkCanvasType">Person</data></node></graph>
</graphml>
`;

async function streamed(file: SourceFile): Promise<GraphmlGraph[]> {
  const out: GraphmlGraph[] = [];
  for await (const g of streamGraphmlGraphs(file, new ProblemList())) out.push(g);
  return out;
}

describe("splitGraphml: each <graph> cut from its file by a byte scan", () => {
  it("gives, for every chunk size, graphs that parse to exactly what streaming the whole file gives", async () => {
    const whole = await streamed(chunked(TRICKY, 1 << 20));
    expect(whole.map((g) => g.attributes.caseId)).toEqual(["a>b", 'c"2', "empty", "三"]);
    const keys = await readGraphmlKeys(chunked(TRICKY, 1 << 20), new ProblemList());
    for (const size of [1, 2, 3, 5, 7, 10, 16, 64, 333, 4096]) {
      const file = chunked(TRICKY, size);
      const pieces = await splitGraphml(file);
      expect(pieces, `chunks of ${size}`).toBeDefined();
      const graphs: GraphmlGraph[] = [];
      let i = 0;
      for await (const bytes of graphmlPieceBytes(file, pieces!)) {
        const { index, line, column } = pieces![i++];
        graphs.push(parseGraphmlPiece({ name: file.name, bytes, index, line, column }, keys, new ProblemList()));
      }
      expect(graphs, `chunks of ${size}`).toEqual(whole);
    }
  });

  it("places each graph at its line and column (columns count characters, not bytes)", async () => {
    const pieces = await splitGraphml(chunked(TRICKY, 9));
    // Lines: as saxes counts them over the whole file. Columns: characters before each graph's opening tag on
    // its line, found by string search (the second graph follows `  </graph><!-- between --> `: 27 characters).
    const lines = (await streamed(chunked(TRICKY, 1 << 20))).map((g) => g.line);
    const columns = ["<graph edgedefault", "<graph nc:caseId='c", '<graph nc:caseId="empty"', '<graph nc:caseId="三"'].map(
      (tag) => TRICKY.slice(0, TRICKY.indexOf(tag)).split("\n").pop()!.length + 1,
    );
    expect(columns).toEqual([3, 28, 3, 3]);
    expect(pieces!.map((p) => p.line)).toEqual(lines);
    expect(pieces!.map((p) => p.column)).toEqual(columns);
    const text = new TextEncoder().encode(TRICKY);
    expect(pieces!.map((p) => new TextDecoder().decode(text.subarray(p.start, p.start + 6)))).toEqual(Array(4).fill("<graph"));
  });

  it("an error inside a graph is placed where the whole-file parse places it", async () => {
    const bad = `${HEAD}  <graph nc:caseId="x">\n    <node id="1"><data key="name">a</dta></node>\n  </graph>\n</graphml>\n`;
    const file = chunked(bad, 50);
    const pieces = await splitGraphml(file);
    const keys = await readGraphmlKeys(chunked(TRICKY, 1 << 20), new ProblemList()); // the same keys
    let error: unknown;
    try {
      for await (const bytes of graphmlPieceBytes(file, pieces!)) parseGraphmlPiece({ name: file.name, bytes, ...pieces![0] }, keys, new ProblemList());
    } catch (e) {
      error = e;
    }
    let reference: unknown;
    await streamed(file).catch((e) => (reference = e));
    expect(error).toBeInstanceOf(Error);
    expect({ ...(error as object), message: (error as Error).message }).toEqual({ ...(reference as object), message: (reference as Error).message });
  });

  it("leaves a file of any other shape to the XML parser", async () => {
    const graph = `<graph nc:caseId="a"><node id="1"/></graph>`;
    const shapes = {
      "text between graphs": `${HEAD}${graph} stray text ${graph}</graphml>`,
      "a key after a graph": `${HEAD}${graph}<key id="late" for="node"/></graphml>`,
      "a processing instruction between graphs": `${HEAD}${graph}<?pi x?>${graph}</graphml>`,
      "a DOCTYPE": `<!DOCTYPE graphml [<!ENTITY a "b">]>\n${HEAD.replace(/^<\?xml[^\n]*\n/, "")}${graph}</graphml>`,
      "a prefixed graph element": `${HEAD}<g:graph xmlns:g="x">${graph}</g:graph></graphml>`,
      "no closing root": `${HEAD}${graph}`,
      "no graph at all": `${HEAD}</graphml>`,
      "a second root": `${HEAD}${graph}</graphml><graphml/>`,
      "another root element": `<other>${graph}</other>`,
    };
    for (const [what, text] of Object.entries(shapes)) expect(await splitGraphml(chunked(text, 7)), what).toBeUndefined();
  });
});

describe("scanGraphml: the opening scan, graph by graph (in a pool's threads or here)", () => {
  /** A pool as threads are one: every batch and result structured-cloned, results handed on in order. */
  const clonePool: GraphmlScanPool = {
    async run(batches, onResult) {
      for await (const batch of batches) onResult(structuredClone(scanBatch(structuredClone(batch))));
    },
  };
  const keysOf = async (files: SourceFile[]) => new Map(await Promise.all(files.map(async (f) => [f, [...(await readGraphmlKeys(f, new ProblemList())).values()]] as [SourceFile, GraphmlKey[]])));
  /** The scan as it was before graphs were split: every file parsed whole. */
  async function wholeScan(files: SourceFile[]) {
    const part = { used: { node: new Map<string, Set<string>>(), edge: new Map<string, Set<string>>() }, profiles: new Map() };
    for (const f of files) for (const g of await streamed(f)) scanGraph(g, part);
    return part;
  }

  it("learns what parsing every file whole learns, with or without a pool, for any batch cut", async () => {
    const files = [chunked(TRICKY, 100), chunked(TRICKY.replace(/三/g, "x").replace("Person", "Org"), 7)];
    const reference = await wholeScan(files);
    for (const pool of [undefined, clonePool]) {
      const scan = await scanGraphml(files, await keysOf(files), pool);
      expect({ used: scan.used, profiles: scan.profiles }).toEqual(reference);
      expect([...scan.profiles.keys()]).toEqual([...reference.profiles.keys()]); // first-appearance order too
      expect(scan.pieces.size).toBe(2);
    }
  });

  it("a graph that does not parse: the file is parsed whole, which throws its error exactly as before", async () => {
    const bad = chunked(`${HEAD}  <graph nc:caseId="x">\n    <node id="1"><data key="name">a</dta></node>\n  </graph>\n</graphml>\n`, 64);
    const keys = new Map([[bad, [...(await readGraphmlKeys(chunked(TRICKY, 1 << 20), new ProblemList())).values()]]]);
    const reference = await streamed(bad).catch((e: Error) => e);
    for (const pool of [undefined, clonePool]) await expect(scanGraphml([bad], keys, pool)).rejects.toEqual(reference);
  });
});
