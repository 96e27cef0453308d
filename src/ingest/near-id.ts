import { quoteCellValue } from "./quote-cell-value.js";

/**
 * Finds, for an id that matches nothing, a known id that is the same after trimming spaces, in another
 * letter case, or in another Unicode normalisation (é as one code point, or as e + a combining accent).
 * Ids are still matched exactly; the hint tells the user why two ids that look the same are not. The index
 * is built on the first lookup, so a clean file costs nothing.
 *
 * Example: new NearIds(["José"]).hint("José ", "alter") →
 *   ' (alter "José" differs from "José " only in spaces at the start or end; ids must match exactly)'.
 */
export class NearIds {
  private index: Map<string, string> | undefined;

  constructor(private readonly ids: Iterable<string>) {}

  /** The hint, starting with a space, or "" when no known id is near. */
  hint(id: string, what: string): string {
    if (this.index === undefined) {
      this.index = new Map();
      for (const known of this.ids) if (!this.index.has(looseKey(known))) this.index.set(looseKey(known), known);
    }
    const match = this.index.get(looseKey(id));
    if (match === undefined || match === id) return "";
    const [x, y] = [match.trim(), id.trim()];
    const how =
      x === y
        ? "in spaces at the start or end"
        : x.normalize("NFC") === y.normalize("NFC")
          ? "in Unicode normalisation (the same letters written with different code points)"
          : "in letter case";
    return ` (${what} ${quoteCellValue(match)} differs from ${quoteCellValue(id)} only ${how}; ids must match exactly)`;
  }
}

function looseKey(id: string): string {
  return id.trim().normalize("NFC").toLowerCase();
}
