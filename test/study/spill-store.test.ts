import { existsSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SpillStore } from "../../src/study/spill-store.js";

const spillFolders = () => new Set(readdirSync(os.tmpdir()).filter((f) => f.startsWith("netsp-alters-")));

describe("SpillStore", () => {
  it("keeps small texts in memory and gives them back by index", () => {
    const before = spillFolders();
    const store = new SpillStore(1000);
    expect([store.add("a"), store.add("Zoë 🙂"), store.add("")]).toEqual([0, 1, 2]);
    expect([store.get(0), store.get(1), store.get(2)]).toEqual(["a", "Zoë 🙂", ""]);
    expect(spillFolders()).toEqual(before);
    store.dispose();
  });

  it("past its limit moves everything to a private temporary file, gives the same texts back, and removes the file", () => {
    const before = spillFolders();
    const store = new SpillStore(30); // "x".repeat(8) counts 24 bytes: the second text spills
    const texts = ["x".repeat(8), "Zoë 🙂 ümlaut", '[["Person",true,0.30000000000000004]]', ...Array.from({ length: 50 }, (_, i) => `row ${i}`)];
    const indexes = texts.map((t) => store.add(t));
    expect(indexes).toEqual(texts.map((_, i) => i));
    expect(store.size).toBe(texts.length);
    const made = [...spillFolders()].filter((f) => !before.has(f));
    expect(made).toHaveLength(1);
    const folder = path.join(os.tmpdir(), made[0]!);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(folder, "rows")).mode & 0o777).toBe(0o600);
    expect(indexes.map((i) => store.get(i))).toEqual(texts);
    expect(() => store.get(texts.length)).toThrow(/bug/);
    store.dispose();
    expect(existsSync(folder)).toBe(false);
  });
});
