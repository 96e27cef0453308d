import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Texts kept in memory up to this many bytes in all; beyond it they go to a temporary file. */
const IN_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * Texts kept by index until the end of a run, in memory while they are small, then in a temporary file (in
 * a folder only this user can read, removed by `dispose` or when the process exits): what each ego's alter
 * and tie rows are while the rest of the study is measured, so memory does not grow with the alters of a
 * study of 100,000 egos. The texts hold no ids (rows are keyed by index) and no identifying variable.
 *
 * Example: const i = store.add('[["Person",true]]'); store.get(i) → '[["Person",true]]'.
 */
export class SpillStore {
  private readonly memory: string[] = [];
  private bytes = 0;
  private file: { dir: string; fd: number; length: number; at: Array<[number, number]> } | undefined;
  private readonly onExit = () => this.dispose();

  constructor(private readonly limit = IN_MEMORY_BYTES) {}

  get size(): number {
    return this.file === undefined ? this.memory.length : this.file.at.length;
  }

  add(text: string): number {
    if (this.file === undefined && this.bytes + text.length * 3 <= this.limit) {
      this.bytes += text.length * 3; // UTF-16 code units: at most three UTF-8 bytes each
      return this.memory.push(text) - 1;
    }
    const file = this.file ?? this.spill();
    const bytes = Buffer.from(text, "utf8");
    writeSync(file.fd, bytes, 0, bytes.length, file.length);
    file.at.push([file.length, bytes.length]);
    file.length += bytes.length;
    return file.at.length - 1;
  }

  get(index: number): string {
    if (this.file === undefined) {
      const text = this.memory[index];
      if (text === undefined) throw new Error(`bug: no text ${index} in the store`);
      return text;
    }
    const [at, length] = this.file.at[index] ?? [-1, 0];
    if (at < 0) throw new Error(`bug: no text ${index} in the store`);
    const buffer = Buffer.alloc(length);
    readSync(this.file.fd, buffer, 0, length, at);
    return buffer.toString("utf8");
  }

  /** Removes the temporary file, if any; the store is empty afterwards. */
  dispose(): void {
    this.memory.length = 0;
    this.bytes = 0;
    if (this.file === undefined) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
    process.removeListener("exit", this.onExit);
  }

  /** Moves what is in memory into a new temporary file (mode 0600 in a 0700 folder). */
  private spill() {
    const dir = mkdtempSync(path.join(os.tmpdir(), "netsp-alters-"));
    const fd = openSync(path.join(dir, "rows"), "w+", 0o600);
    process.on("exit", this.onExit);
    this.file = { dir, fd, length: 0, at: [] };
    const kept = this.memory.splice(0);
    this.bytes = 0;
    for (const text of kept) this.add(text);
    return this.file;
  }
}
