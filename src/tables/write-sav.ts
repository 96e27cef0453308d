import type { Table } from "../model/table.js";
import { VERSION } from "../version.js";
import { ByteWriter } from "./byte-writer.js";
import { SPSS_NAME_RULES, type Renaming } from "./legal-variable-names.js";
import {
  MAX_STRING_WIDTH,
  savLayouts,
  segmentBytes,
  slots,
  SYSMIS,
  writeExtensionRecords,
  writeHeader,
  writeValueLabels,
  writeVariableRecords,
} from "./sav-dictionary.js";
import { statisticalVariables, type StatisticalVariable } from "./statistical-variables.js";

/**
 * A table as an SPSS system file (.sav), uncompressed, little-endian, UTF-8 declared in the character
 * encoding record; written from GNU PSPP's "System File Format" (PSPP Developers Guide, chapter 1:
 * https://www.gnu.org/software/pspp/pspp-dev/). Each column is a variable with a legal name
 * (`SPSS_NAME_RULES`), its label as variable label, its value labels and measurement level; numbers are
 * numeric at full precision, null is system-missing; booleans are 0/1 labelled false/true; labelled text is
 * integer codes with the labels (see `statisticalVariables`); other text is a string variable as wide as its
 * longest value (beyond 255 bytes as a very long string; beyond 32,767 bytes, SPSS's limit, cut), null text
 * being empty. The header's creation time is fixed, so the same table gives the same bytes.
 */
export function toSav(table: Table): Uint8Array {
  return savFile(table).bytes;
}

/** The file and the columns renamed to legal SPSS names (for the report). */
export function savFile(table: Table): { bytes: Uint8Array; renamed: Renaming[] } {
  const { variables, renamed } = statisticalVariables(table, SPSS_NAME_RULES);
  const layouts = savLayouts(variables.map(capWidth));
  const caseSize = layouts.reduce((n, l) => n + l.segments.reduce((m, w) => m + slots(w), 0), 0);
  const w = new ByteWriter();
  writeHeader(w, { product: `netsp ${VERSION}`, fileLabel: table.title ?? table.name, caseSize, cases: table.rows.length });
  writeVariableRecords(w, layouts);
  writeValueLabels(w, layouts);
  writeExtensionRecords(w, layouts);
  for (let row = 0; row < table.rows.length; row++) {
    for (const { variable: v, segments } of layouts) {
      if (v.kind === "numeric") {
        w.float64(v.values[row] ?? SYSMIS);
        continue;
      }
      segments.forEach((width, s) => w.fixed(segmentBytes(v.values[row]!, s, width), slots(width) * 8));
    }
  }
  return { bytes: w.result(), renamed };
}

function capWidth(v: StatisticalVariable): StatisticalVariable {
  if (v.kind !== "string" || v.width <= MAX_STRING_WIDTH) return v;
  return { ...v, width: MAX_STRING_WIDTH, values: v.values.map((b) => cutUtf8(b, MAX_STRING_WIDTH)) };
}

/** At most `max` bytes of UTF-8, never half a character. */
export function cutUtf8(b: Uint8Array, max: number): Uint8Array {
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}
