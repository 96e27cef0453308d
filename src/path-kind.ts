import { stat } from "node:fs/promises";

/**
 * What a path is: "file", "directory", "other" (a device, a pipe) or null when nothing is there (or it
 * cannot be read). Following links, as opening it would. The one place the commands ask this.
 *
 * Example: await pathKind("fixtures/thesis") → "directory"; await pathKind("no/such/path") → null.
 */
export async function pathKind(p: string): Promise<"file" | "directory" | "other" | null> {
  try {
    const info = await stat(p);
    return info.isFile() ? "file" : info.isDirectory() ? "directory" : "other";
  } catch {
    return null;
  }
}
