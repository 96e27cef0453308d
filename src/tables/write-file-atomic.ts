import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { writeDurably } from "./write-durably.js";

/**
 * Writes a file via a temporary sibling and a rename, so readers never see half a file. The content is
 * flushed to disk (fsync) before the rename, so a power cut leaves the old file or the new one, not an
 * empty one.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeDurably(temporary, content);
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}
