import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { exportTypeName, plainLabel, readProtocol, typeNameMatches } from "../../src/ingest/read-protocol.js";

const PROTOCOL = path.resolve("fixtures/network-canvas-radar/IJE_RADAR_Protocol.netcanvas");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempFile(name: string, bytes: Uint8Array | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-protocol-"));
  dirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe("readProtocol on the radar protocol", () => {
  // Expected values read independently from protocol.json with Python:
  //   unzip -p IJE_RADAR_Protocol.netcanvas protocol.json | python3 -c "import json,sys; cb=json.load(sys.stdin)['codebook'];
  //   print({t['name']:len(t.get('variables',{})) for t in cb['node'].values()},
  //         {t['name']:len(t.get('variables',{})) for t in cb['edge'].values()}, len(cb['ego']['variables']))"
  //   → {'Person': 24} {'Close': 1, 'DrugTie': 0, 'SexTie': 1} 6
  it("keys types by name (not by their ids) and variables by name", async () => {
    const codebook = await readProtocol(PROTOCOL);
    expect(codebook.source).toBe("protocol");
    expect(Object.keys(codebook.node)).toEqual(["Person"]);
    expect(Object.keys(codebook.edge)).toEqual(["Close", "DrugTie", "SexTie"]);
    expect(Object.keys(codebook.node.Person)).toHaveLength(24);
    expect(Object.keys(codebook.edge.Close)).toEqual(["AlterSexTie"]);
    expect(Object.keys(codebook.edge.DrugTie)).toEqual([]);
    expect(Object.keys(codebook.ego)).toEqual([
      "DrugsUsed",
      "MarijuanaUsed",
      "CocaineUsed",
      "HeroinUsed",
      "PainkillersUsed",
      "PoppersUsed",
    ]);
  });

  it("keeps types, option values as strings, and labels as plain text", async () => {
    const codebook = await readProtocol(PROTOCOL);
    const person = codebook.node.Person;
    expect(person.Age.type).toBe("number");
    expect(person.Cords.type).toBe("layout");
    expect(person.ContactFreq.type).toBe("ordinal");
    expect(person.Gender.type).toBe("categorical");
    // protocol.json: {"label": "Gender non\\-conforming\n", "value": "Gender_non-conforming"},
    //                {"label": "Don&#39;t know\n", "value": "Dont_know"}
    expect(person.Gender.options![2]).toEqual({ value: "Gender_non-conforming", label: "Gender non-conforming" });
    expect(person.Gender.options![6]).toEqual({ value: "Dont_know", label: "Don't know" });
    // DrugsUsed option values are numbers 1..9 in protocol.json; they become strings.
    expect(codebook.ego.DrugsUsed.options!.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(codebook.ego.DrugsUsed.options![1].label).toBe("Cocaine or crack");
    // A boolean with Yes/No options: values true/false become "true"/"false".
    expect(codebook.ego.MarijuanaUsed.options).toEqual([
      { value: "true", label: "Yes" },
      { value: "false", label: "No" },
    ]);
  });
});

describe("readProtocol on other inputs", () => {
  const protocolJson = JSON.stringify({
    codebook: {
      node: { "id-1": { name: "Close friend", variables: { v1: { name: "age", type: "number" } } } },
      edge: { "id-2": { name: "Knows?", variables: {} } },
      ego: { variables: { v2: { name: "area", type: "categorical", options: [{ label: "North", value: 1 }] } } },
    },
  });

  it("removes non-word characters from type names, as the export file names do", async () => {
    const file = tempFile("p.netcanvas", zipSync({ "protocol.json": strToU8(protocolJson) }));
    const codebook = await readProtocol(file);
    expect(Object.keys(codebook.node)).toEqual(["Closefriend"]);
    expect(Object.keys(codebook.edge)).toEqual(["Knows"]);
    expect(codebook.ego.area.options).toEqual([{ value: "1", label: "North" }]);
  });

  it("accepts a bare protocol.json", async () => {
    const codebook = await readProtocol(tempFile("protocol.json", protocolJson));
    expect(Object.keys(codebook.node)).toEqual(["Closefriend"]);
  });

  it("refuses a zip without protocol.json, bad JSON, and a missing file, with InputError", async () => {
    await expect(readProtocol(tempFile("a.netcanvas", zipSync({ "other.txt": strToU8("x") })))).rejects.toThrow(
      /no protocol\.json/,
    );
    await expect(readProtocol(tempFile("b.netcanvas", zipSync({ "protocol.json": strToU8("{oops") })))).rejects.toThrow(
      InputError,
    );
    await expect(readProtocol(tempFile("c.netcanvas", "not a zip at all"))).rejects.toThrow(InputError);
    await expect(readProtocol("/nonexistent/x.netcanvas")).rejects.toThrow(InputError);
  });

  it("refuses a protocol.json that declares more than 50 MB", async () => {
    // A zip whose central directory declares a 60 MB protocol.json (the bytes are never inflated).
    const zip = zipSync({ "protocol.json": [strToU8("{}"), { level: 0 }] });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 60 * 1024 * 1024, true); // uncompressed size in the central directory
        break;
      }
    }
    await expect(readProtocol(tempFile("big.netcanvas", zip))).rejects.toThrow(/limit/);
  });
});

describe("type names", () => {
  it("keeps letters of any script (Fresco) and matches Interviewer's ASCII-only names too", () => {
    expect(exportTypeName("Close friend")).toBe("Closefriend");
    expect(exportTypeName("Café-Bekannte")).toBe("CaféBekannte");
    expect(exportTypeName("Organisation_2")).toBe("Organisation_2");
    expect(typeNameMatches("CafBekannte", "CaféBekannte")).toBe(true);
    expect(typeNameMatches("Person", "Person")).toBe(true);
    expect(typeNameMatches("Persons", "Person")).toBe(false);
  });

  it("plainLabel decodes Markdown escapes and HTML entities", () => {
    expect(plainLabel("Non\\-binary\n")).toBe("Non-binary");
    expect(plainLabel("Don&#39;t know")).toBe("Don't know");
    expect(plainLabel("A &amp; B &#x41;")).toBe("A & B A");
  });
});
