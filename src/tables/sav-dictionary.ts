import { ByteWriter, truncateUtf8, utf8 } from "./byte-writer.js";
import type { StatisticalVariable } from "./statistical-variables.js";

/**
 * The dictionary of an SPSS system file: the file header, variable records (with continuation records for
 * long strings and one variable per 255-byte segment of a very long string), value labels, and the extension
 * records for the machine, display parameters (measurement level), long names, very long strings and the
 * character encoding (UTF-8), up to the dictionary termination record. Field by field as in GNU PSPP's
 * "System File Format" (PSPP Developers Guide, chapter 1: https://www.gnu.org/software/pspp/pspp-dev/).
 */

/** The system-missing value: the most negative finite double. */
export const SYSMIS = -Number.MAX_VALUE;
/** Bytes of a string written in one segment; width of every segment but a very long string's last. */
const SEGMENT_BYTES = 255;
/** Width of a very long string counted per segment. */
const SEGMENT_WIDTH = 252;
/** The widest string SPSS allows, in bytes. */
export const MAX_STRING_WIDTH = 32767;

/** Where one variable's value goes in a case: the segments, each a width in bytes (0 for numeric). */
export interface SavLayout {
  variable: StatisticalVariable;
  shortName: string;
  /** Numeric: [0]. String: the width of each segment (one unless wider than 255 bytes). */
  segments: number[];
  /** 1-based index of the first variable record, as value label records refer to it. */
  dictionaryIndex: number;
}

export function savLayouts(variables: StatisticalVariable[]): SavLayout[] {
  const shortNames = new Set<string>();
  let index = 1;
  return variables.map((variable) => {
    const segments = variable.kind === "numeric" ? [0] : segmentWidths(variable.width);
    const shortName = uniqueShortName(variable.name, shortNames);
    const layout = { variable, shortName, segments, dictionaryIndex: index };
    for (const w of segments) index += slots(w);
    return layout;
  });
}

/** 8-byte units a segment of this width takes in a case. */
export function slots(width: number): number {
  return width === 0 ? 1 : Math.ceil(width / 8);
}

function segmentWidths(width: number): number[] {
  if (width <= SEGMENT_BYTES) return [width];
  const n = Math.ceil(width / SEGMENT_WIDTH);
  return [...Array<number>(n - 1).fill(SEGMENT_BYTES), width - (n - 1) * SEGMENT_WIDTH];
}

/** The bytes of a string value that go into each segment: 255 a segment, packed tightly. */
export function segmentBytes(value: Uint8Array, segment: number, width: number): Uint8Array {
  const start = segment * SEGMENT_BYTES;
  return value.subarray(Math.min(start, value.length), Math.min(start + width, value.length));
}

/** A short name: upper case, at most 8 bytes, unique, never ending in a period. */
function uniqueShortName(name: string, taken: Set<string>, start = 1): string {
  const base = name.toUpperCase().slice(0, 8).replace(/\.+$/, (d) => "_".repeat(d.length));
  let candidate = start === 1 ? base : "";
  for (let n = start; candidate === "" || taken.has(candidate); n++) {
    const suffix = `_${n}`;
    candidate = base.slice(0, 8 - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}

export interface SavHeader {
  product: string;
  fileLabel: string;
  caseSize: number;
  cases: number;
}

export function writeHeader(w: ByteWriter, h: SavHeader): void {
  w.text("$FL2").fixed(`@(#) SPSS DATA FILE ${h.product}`, 60);
  w.int32(2).int32(h.caseSize).int32(0).int32(0).int32(h.cases).float64(100);
  // A fixed creation time, so the same table gives the same bytes.
  w.fixed("01 Jan 00", 9).fixed("00:00:00", 8).fixed(utf8(truncateUtf8(h.fileLabel, 64)), 64).fixed("", 3, 0);
}

export function writeVariableRecords(w: ByteWriter, layouts: SavLayout[]): void {
  const segmentNames = new Set(layouts.map((l) => l.shortName));
  for (const l of layouts) {
    const v = l.variable;
    l.segments.forEach((width, s) => {
      const name = s === 0 ? l.shortName : uniqueShortName(l.shortName, segmentNames, s);
      const format = width === 0 ? numericFormat(v) : (1 << 16) | (width << 8);
      const label = s === 0 && v.label ? utf8(truncateUtf8(v.label, 255)) : undefined;
      w.int32(2).int32(width).int32(label ? 1 : 0).int32(0).int32(format).int32(format).fixed(name, 8);
      if (label) w.int32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
      for (let k = 1; k < slots(width); k++) w.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).fixed("", 8);
    });
  }
}

/** F format: integers with no decimals, other numbers with as many as their shortest form needs (up to 16). */
function numericFormat(v: StatisticalVariable): number {
  if (v.kind !== "numeric") throw new Error("numericFormat of a string");
  let decimals = 0;
  let digits = 1;
  for (const x of v.values) {
    if (x === null) continue;
    const text = String(Math.abs(x));
    const [whole, fraction] = text.includes("e") ? [String(Math.trunc(Math.abs(x))), "x".repeat(16)] : text.split(".");
    digits = Math.max(digits, whole!.length);
    decimals = Math.max(decimals, Math.min(16, fraction?.length ?? 0));
  }
  const width = Math.min(40, Math.max(8, digits + 1 + (decimals > 0 ? decimals + 1 : 0)));
  return (5 << 16) | (width << 8) | Math.min(decimals, width - 2);
}

/** Record types 3 and 4: the value labels of each numeric variable that has them. */
export function writeValueLabels(w: ByteWriter, layouts: SavLayout[]): void {
  for (const l of layouts) {
    const v = l.variable;
    if (v.kind !== "numeric" || v.valueLabels.length === 0) continue;
    w.int32(3).int32(v.valueLabels.length);
    for (const { value, label } of v.valueLabels) {
      const text = utf8(truncateUtf8(label, 120));
      w.float64(value).int8(text.length).fixed(text, Math.ceil((text.length + 1) / 8) * 8 - 1);
    }
    w.int32(4).int32(1).int32(l.dictionaryIndex);
  }
}

function extension(w: ByteWriter, subtype: number, size: number, count: number): ByteWriter {
  return w.int32(7).int32(subtype).int32(size).int32(count);
}

const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;

export function writeExtensionRecords(w: ByteWriter, layouts: SavLayout[]): void {
  // Machine integer info: version, machine code, IEEE 754, compression code, little-endian, UTF-8 (65001).
  extension(w, 3, 4, 8).int32(1).int32(0).int32(0).int32(-1).int32(1).int32(1).int32(2).int32(65001);
  // Machine floating-point info: system-missing, highest and lowest.
  const lowest = new DataView(new ArrayBuffer(8));
  lowest.setBigUint64(0, 0xffeffffffffffffen, true);
  extension(w, 4, 8, 3).float64(SYSMIS).float64(Number.MAX_VALUE).float64(lowest.getFloat64(0, true));
  // Variable display parameters: measure, display width and alignment for every segment.
  const segmentCount = layouts.reduce((n, l) => n + l.segments.length, 0);
  extension(w, 11, 4, 3 * segmentCount);
  for (const l of layouts) {
    for (const width of l.segments) {
      w.int32(MEASURE[l.variable.level]).int32(width === 0 ? 8 : Math.min(width, 32)).int32(width === 0 ? 1 : 0);
    }
  }
  const longNames = utf8(layouts.map((l) => `${l.shortName}=${l.variable.name}`).join("\t"));
  extension(w, 13, 1, longNames.length).bytes(longNames);
  const veryLong = layouts.filter((l) => l.segments.length > 1);
  if (veryLong.length > 0) {
    const map = utf8(veryLong.map((l) => `${l.shortName}=${String((l.variable as { width: number }).width).padStart(5, "0")}\0\t`).join(""));
    extension(w, 14, 1, map.length).bytes(map);
  }
  const encoding = utf8("UTF-8");
  extension(w, 20, 1, encoding.length).bytes(encoding);
  w.int32(999).int32(0);
}
