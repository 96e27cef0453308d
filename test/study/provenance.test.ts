import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, hashJson } from "../../src/study/canonical-json.js";
import { hashFile } from "../../src/study/hash-file.js";

describe("provenance hashes", () => {
  it("hashFile gives the SHA-256 of the bytes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "netsp-hash-"));
    const file = path.join(dir, "a.csv");
    await writeFile(file, "abc");
    // `printf abc | sha256sum` → ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(await hashFile(file)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("canonical JSON sorts keys at every level, so key order does not change the hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(hashJson({ x: 1, y: 2 })).toBe(hashJson({ y: 2, x: 1 }));
    expect(hashJson({ x: 1 })).toBe(createHash("sha256").update('{"x":1}').digest("hex"));
  });
});
