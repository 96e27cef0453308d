/**
 * Readers on hostile bytes (fast-check, seeded so a failure reproduces): whatever a file holds, opening and
 * streaming an input either works or fails with a typed NetspError (a message for the user, exit 1 or 2),
 * never a TypeError, a RangeError or a hang. Inputs are real export files with bytes replaced, inserted,
 * deleted or cut off (what hand edits and full disks do), and plain random bytes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { NetspError } from "../../src/errors.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { readProtocol } from "../../src/ingest/read-protocol.js";
import { ProblemList, type InputFormat } from "../../src/model/index.js";

const RADAR = path.resolve("fixtures/network-canvas-radar");
const RADAR_GRAPHML = path.resolve("fixtures/network-canvas-radar-graphml");
const THREE_FILE = path.resolve("fixtures/three-file");
const PROTOCOL = path.join(RADAR, "IJE_RADAR_Protocol.netcanvas");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-fuzz-"));
  dirs.push(dir);
  return dir;
}

/** An edit of a byte string: the kinds of damage hand editing, encodings and full disks do. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.constantFrom(...['"', '""', ",", "\r", "\n", "\r\n", "\uFEFF", "'=", "\u0000", "<", "&", "]]>", "<!DOCTYPE x>"].map((s) => strToU8(s))),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(original: Uint8Array, edits: Edit[]): Uint8Array {
  let bytes = Buffer.from(original);
  for (const e of edits) {
    const at = bytes.length === 0 ? 0 : e.at % (bytes.length + 1);
    if (e.kind === "replace") {
      const copy = Buffer.from(bytes);
      for (let i = 0; i < e.bytes.length && at + i < copy.length; i++) copy[at + i] = e.bytes[i];
      bytes = copy;
    } else if (e.kind === "insert") bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes), bytes.subarray(at)]);
    else if (e.kind === "delete") bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
    else bytes = bytes.subarray(0, at);
  }
  return new Uint8Array(bytes);
}

/** Opens and streams every ego; returns the error thrown, if any. */
async function readEverything(input: string, format?: InputFormat, protocol?: string): Promise<unknown> {
  const problems = new ProblemList();
  try {
    const dataset = await openDataset(input, { config: format ? { format } : {}, protocol, egoIdField: "caseId", problems });
    for await (const network of dataset.egos()) {
      // Touch what the measures touch, so a malformed model shows up here too.
      for (const a of network.alters) void a.alterId.length;
      for (const t of network.ties) void (t.sourceId.length + t.targetId.length);
    }
    // Every problem names a file and a code, and a message for people.
    for (const p of problems.problems) {
      expect(typeof p.file).toBe("string");
      expect(p.code).toMatch(/^[a-z0-9-]+$/);
      expect(p.message.length).toBeGreaterThan(0);
    }
    return undefined;
  } catch (e) {
    return e;
  }
}

function expectTyped(error: unknown): void {
  if (error === undefined) return;
  if (!(error instanceof NetspError)) throw error; // shows the stack of the escaped error
  expect(error.message).not.toMatch(/\n\s+at /); // no stack trace in a user message
}

const runs = (numRuns: number) => ({ seed: 4242, numRuns });
const session1 = readdirSync(RADAR).filter((n) => n.startsWith("case_1_") && n.endsWith(".csv"));

describe("Network Canvas CSV reader on damaged files", () => {
  it("one damaged file of a per-session export: works or fails with a NetspError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...session1), fc.array(edit, { minLength: 1, maxLength: 4 }), async (victim, edits) => {
        const dir = tempDir();
        for (const name of session1) {
          const bytes = readFileSync(path.join(RADAR, name));
          writeFileSync(path.join(dir, name), name === victim ? applyEdits(bytes, edits) : bytes);
        }
        copyFileSync(PROTOCOL, path.join(dir, "IJE_RADAR_Protocol.netcanvas"));
        expectTyped(await readEverything(dir));
        rmSync(dir, { recursive: true, force: true });
      }),
      runs(150),
    );
  });

  it("random bytes in place of each file, with and without a protocol", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: session1.length, maxLength: session1.length }),
        fc.boolean(),
        async (contents, withProtocol) => {
          const dir = tempDir();
          session1.forEach((name, i) => writeFileSync(path.join(dir, name), contents[i]));
          if (withProtocol) copyFileSync(PROTOCOL, path.join(dir, "IJE_RADAR_Protocol.netcanvas"));
          expectTyped(await readEverything(dir));
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      runs(60),
    );
  });

  it("a damaged export zip", async () => {
    const files: Record<string, Uint8Array> = {};
    for (const name of session1) files[name] = readFileSync(path.join(RADAR, name));
    const zip = zipSync(files);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const dir = tempDir();
        const file = path.join(dir, "export.zip");
        writeFileSync(file, applyEdits(zip, edits));
        expectTyped(await readEverything(file));
        rmSync(dir, { recursive: true, force: true });
      }),
      runs(80),
    );
  });
});

describe("GraphML reader on damaged files", () => {
  const graphml = readdirSync(RADAR_GRAPHML).filter((n) => n.endsWith(".graphml"));
  it("a damaged GraphML file (one interview, or a merged one): works or fails with a NetspError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...graphml), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), async (name, edits, withProtocol) => {
        const dir = tempDir();
        writeFileSync(path.join(dir, name), applyEdits(readFileSync(path.join(RADAR_GRAPHML, name)), edits));
        const protocol = withProtocol ? path.join(RADAR_GRAPHML, "IJE_RADAR_Protocol.netcanvas") : undefined;
        expectTyped(await readEverything(dir, "graphml", protocol));
        rmSync(dir, { recursive: true, force: true });
      }),
      runs(120),
    );
  });

  it("random bytes as a .graphml file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const dir = tempDir();
        writeFileSync(path.join(dir, "x.graphml"), bytes);
        expectTyped(await readEverything(dir));
        rmSync(dir, { recursive: true, force: true });
      }),
      runs(60),
    );
  });
});

describe("three-file reader on damaged files", () => {
  const names = ["egos.csv", "alters.csv", "ties.csv"];
  const config = readFileSync(path.join(THREE_FILE, "netsp.config.json"), "utf8");
  it("one damaged table: works or fails with a NetspError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(edit, { minLength: 1, maxLength: 4 }), async (victim, edits) => {
        const dir = tempDir();
        for (const name of names) {
          const bytes = readFileSync(path.join(THREE_FILE, name));
          writeFileSync(path.join(dir, name), name === victim ? applyEdits(bytes, edits) : bytes);
        }
        const problems = new ProblemList();
        let error: unknown;
        try {
          const dataset = await openDataset(dir, { config: { ...JSON.parse(config), format: "three-file" }, egoIdField: "caseId", problems });
          for await (const _ of dataset.egos()) {
            // stream every ego
          }
        } catch (e) {
          error = e;
        }
        expectTyped(error);
        rmSync(dir, { recursive: true, force: true });
      }),
      runs(120),
    );
  });
});

describe("protocol reader", () => {
  it("a damaged .netcanvas, or random bytes: a codebook or a NetspError", async () => {
    const original = readFileSync(PROTOCOL);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => applyEdits(original, edits)),
          fc.uint8Array({ maxLength: 200 }),
          fc.jsonValue().map((v) => strToU8(JSON.stringify({ codebook: v }))),
        ),
        async (bytes) => {
          const dir = tempDir();
          const file = path.join(dir, "p.netcanvas");
          mkdirSync(dir, { recursive: true });
          writeFileSync(file, bytes);
          let error: unknown;
          try {
            await readProtocol(file);
          } catch (e) {
            error = e;
          }
          expectTyped(error);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      runs(120),
    );
  });
});
