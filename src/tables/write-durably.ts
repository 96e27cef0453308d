import { open } from "node:fs/promises";

/** Writes a new file (refusing one that exists; text in pieces piece by piece) and flushes it to disk (fsync) before returning. */
export async function writeDurably(file: string, content: string | Uint8Array | Iterable<string>): Promise<void> {
  const handle = await open(file, "wx");
  try {
    if (typeof content === "string" || content instanceof Uint8Array) await handle.writeFile(content);
    else for (const piece of content) await handle.write(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
