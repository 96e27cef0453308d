import type { Table } from "../model/table.js";
import { ByteWriter, truncateUtf8, utf8 } from "./byte-writer.js";
import { STATA_NAME_RULES, type Renaming } from "./legal-variable-names.js";
import { statisticalVariables, type StatisticalVariable } from "./statistical-variables.js";

/**
 * A table as a Stata 118 dataset (.dta, read by Stata 14 to 18), little-endian, text in UTF-8; written
 * from Stata's "dta_118" file format description (https://www.stata.com/help.cgi?dta_118). Each column is a
 * variable with a legal name (`STATA_NAME_RULES`) and its label (80 characters at most). Numbers are doubles
 * at full precision and null is `.` (so are numbers beyond Stata's largest double, 8.988e307). Value labels
 * attach only to integer-valued numeric variables, so booleans are 0/1 labelled false/true and a labelled
 * text column (a categorical or ordinal) is written as integer codes 1, 2 … with its labels, in the order of
 * the labels (see `statisticalVariables`); labelled variables are stored as `long`, and labels of
 * non-integer values are left out. Other text is str# as wide as its longest value in bytes, or strL beyond
 * 2,045 bytes; null text is "" (Stata has no missing string). Stata keeps no measurement level. No
 * timestamp is written, so the same table gives the same bytes.
 */
export function toDta(table: Table): Uint8Array {
  return dtaFile(table).bytes;
}

const DOUBLE = 65526;
const LONG = 65528;
const STRL = 32768;
const MAX_STR = 2045;
/** Stata's `.` for a double (2^1023) and for a long; doubles from 2^1023 up are missing values. */
const DOUBLE_MISSING = 2 ** 1023;
const LONG_MISSING = 2147483621;
const LONG_MIN = -2147483647;
const LONG_MAX = 2147483620;

interface DtaVariable {
  variable: StatisticalVariable;
  type: number;
  format: string;
  labels: Array<{ value: number; label: string }>;
}

/** The file and the columns renamed to legal Stata names (for the report). */
export function dtaFile(table: Table): { bytes: Uint8Array; renamed: Renaming[] } {
  const { variables, renamed } = statisticalVariables(table, STATA_NAME_RULES);
  const vars = variables.map(dtaVariable);
  const w = new ByteWriter();
  const map: number[] = [];
  const open = (tag: string) => {
    map.push(w.offset);
    w.text(`<${tag}>`);
  };
  open("stata_dta");
  w.text("<header><release>118</release><byteorder>LSF</byteorder>");
  w.text("<K>").uint16(vars.length).text("</K><N>").uint(table.rows.length, 8).text("</N>");
  const label = utf8(label80(table.title ?? table.name));
  w.text("<label>").uint16(label.length).bytes(label).text("</label><timestamp>").int8(0).text("</timestamp></header>");
  open("map");
  const mapAt = w.offset;
  for (let i = 0; i < 14; i++) w.uint(0, 8);
  w.text("</map>");
  open("variable_types");
  for (const v of vars) w.uint16(v.type);
  w.text("</variable_types>");
  open("varnames");
  for (const v of vars) w.fixed(v.variable.name, 129, 0);
  w.text("</varnames>");
  open("sortlist");
  for (let i = 0; i <= vars.length; i++) w.uint16(0);
  w.text("</sortlist>");
  open("formats");
  for (const v of vars) w.fixed(v.format, 57, 0);
  w.text("</formats>");
  open("value_label_names");
  for (const v of vars) w.fixed(v.labels.length ? v.variable.name : "", 129, 0);
  w.text("</value_label_names>");
  open("variable_labels");
  for (const v of vars) w.fixed(utf8(label80(v.variable.label ?? "")), 321, 0);
  w.text("</variable_labels>");
  open("characteristics");
  w.text("</characteristics>");
  open("data");
  writeData(w, vars, table.rows.length);
  w.text("</data>");
  open("strls");
  writeStrls(w, vars, table.rows.length);
  w.text("</strls>");
  open("value_labels");
  for (const v of vars) if (v.labels.length) writeLabelTable(w, v.variable.name, v.labels);
  w.text("</value_labels>");
  open("/stata_dta");
  w.text("</stata_dta>");
  map.push(w.offset);
  map.forEach((offset, i) => w.patchUint(mapAt + 8 * i, offset, 8));
  return { bytes: w.result(), renamed };
}

/** A dataset or variable label as Stata holds it: 80 characters (and 320 bytes) at most, no trailing space. */
function label80(label: string): string {
  return truncateUtf8([...label].slice(0, 80).join(""), 320).trimEnd();
}

function dtaVariable(variable: StatisticalVariable): DtaVariable {
  if (variable.kind === "string") {
    return variable.width > MAX_STR
      ? { variable, type: STRL, format: "%9s", labels: [] }
      : { variable, type: variable.width, format: `%${variable.width}s`, labels: [] };
  }
  const labels = variable.valueLabels.filter((l) => Number.isInteger(l.value) && l.value >= LONG_MIN && l.value <= LONG_MAX);
  const asLong = labels.length > 0 && variable.integer && variable.values.every((x) => x === null || (x >= LONG_MIN && x <= LONG_MAX));
  return { variable, type: asLong ? LONG : DOUBLE, format: asLong ? "%12.0g" : "%10.0g", labels };
}

function writeData(w: ByteWriter, vars: DtaVariable[], rows: number): void {
  for (let row = 0; row < rows; row++) {
    vars.forEach(({ variable: v, type }, i) => {
      if (v.kind === "numeric") {
        const x = v.values[row] ?? null;
        if (type === LONG) w.int32(x === null ? LONG_MISSING : x);
        else w.float64(x === null || x >= DOUBLE_MISSING ? DOUBLE_MISSING : x);
      } else if (type === STRL) {
        // (v, o): variable and observation, 1-based, 2 and 6 bytes; (0, 0) is the empty string.
        const empty = v.values[row]!.length === 0;
        w.uint16(empty ? 0 : i + 1).uint(empty ? 0 : row + 1, 6);
      } else {
        w.fixed(v.values[row]!, type, 0);
      }
    });
  }
}

function writeStrls(w: ByteWriter, vars: DtaVariable[], rows: number): void {
  for (let row = 0; row < rows; row++) {
    vars.forEach(({ variable: v, type }, i) => {
      if (type !== STRL || v.kind !== "string" || v.values[row]!.length === 0) return;
      const text = v.values[row]!;
      // A GSO of type 130 (text): its length counts the terminating NUL.
      w.text("GSO").uint32(i + 1).uint(row + 1, 8).int8(130).uint32(text.length + 1).bytes(text).int8(0);
    });
  }
}

function writeLabelTable(w: ByteWriter, name: string, labels: Array<{ value: number; label: string }>): void {
  const sorted = [...labels].sort((a, b) => a.value - b.value);
  const texts = sorted.map((l) => utf8(truncateUtf8(l.label, 32000)));
  const offsets: number[] = [];
  let txtlen = 0;
  for (const t of texts) {
    offsets.push(txtlen);
    txtlen += t.length + 1;
  }
  w.text("<lbl>").int32(8 + 8 * sorted.length + txtlen).fixed(name, 129, 0).fixed("", 3, 0);
  w.int32(sorted.length).int32(txtlen);
  for (const o of offsets) w.int32(o);
  for (const l of sorted) w.int32(l.value);
  for (const t of texts) w.bytes(t).int8(0);
  w.text("</lbl>");
}
