import { open } from "node:fs/promises";

/** Writes a new file (refusing one that exists) and flushes it to disk (fsync) before returning. */
export async function writeDurably(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
