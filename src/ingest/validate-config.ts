/**
 * Checks a parsed `netsp.config.json` against the StudyConfig schema and returns one plain-English message
 * per bad key (empty when valid). Unknown keys are errors, with a suggestion, because a misspelt key would
 * otherwise be silently ignored and change the results.
 */

type Check = (value: unknown, at: string, out: string[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const string: Check = (v, at, out) => {
  if (typeof v !== "string" || v.length === 0) out.push(`${at}: expected a non-empty string, got ${describe(v)}`);
};
const boolean: Check = (v, at, out) => {
  if (typeof v !== "boolean") out.push(`${at}: expected true or false, got ${describe(v)}`);
};
const scalar: Check = (v, at, out) => {
  if (!["string", "number", "boolean"].includes(typeof v)) out.push(`${at}: expected a string, number or boolean, got ${describe(v)}`);
};
const integer = (min: number, max: number): Check => (v, at, out) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    out.push(`${at}: expected a whole number from ${min} to ${max}, got ${describe(v)}`);
};
const oneOf = (...values: string[]): Check => (v, at, out) => {
  if (typeof v !== "string" || !values.includes(v)) out.push(`${at}: expected one of ${values.map((x) => `"${x}"`).join(", ")}, got ${describe(v)}`);
};
const arrayOf = (item: Check, nonEmpty = false): Check => (v, at, out) => {
  if (!Array.isArray(v)) return void out.push(`${at}: expected a list, got ${describe(v)}`);
  if (nonEmpty && v.length === 0) out.push(`${at}: expected at least one entry`);
  v.forEach((x, i) => item(x, `${at}[${i}]`, out));
};
const recordOf = (item: Check): Check => (v, at, out) => {
  if (!isObject(v)) return void out.push(`${at}: expected an object, got ${describe(v)}`);
  for (const [k, x] of Object.entries(v)) item(x, `${at}.${k}`, out);
};
const object = (shape: Record<string, Check>, required: string[] = [], rule?: (v: Record<string, unknown>, at: string, out: string[]) => void): Check =>
  (v, at, out) => {
    if (!isObject(v)) return void out.push(`${at}: expected an object, got ${describe(v)}`);
    for (const key of required) if (!(key in v)) out.push(`${at}: "${key}" is required`);
    for (const [k, x] of Object.entries(v)) {
      const check = shape[k];
      if (check === undefined) {
        const hint = suggest(k, Object.keys(shape));
        out.push(`${at}: unknown key "${k}"${hint ? ` (did you mean "${hint}"?)` : ""}; allowed: ${Object.keys(shape).join(", ")}`);
      } else check(x, `${at}.${k}`, out);
    }
    rule?.(v, at, out);
  };

const excludeRule = object(
  { variable: string, equals: scalar, in: arrayOf(scalar, true), nodeType: string },
  ["variable"],
  (v, at, out) => {
    if (("equals" in v) === ("in" in v)) out.push(`${at}: give exactly one of "equals" or "in"`);
  },
);

const tableColumn = object(
  {
    measure: string,
    aggregate: oneOf("median", "mean", "sd", "iqr", "min", "max", "n", "sum"),
    decimals: integer(0, 12),
    label: string,
    percent: boolean,
    per: string,
  },
  ["measure"],
);

const table = object(
  {
    name: (v, at, out) => {
      string(v, at, out);
      if (typeof v === "string" && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(v))
        out.push(`${at}: "${v}" must be letters, digits, "_" or "-" (it becomes a file name)`);
    },
    title: string,
    kind: oneOf("summary", "egos", "compare", "correlate", "composition", "participants"),
    by: string,
    all: boolean,
    columns: arrayOf(tableColumn, true),
    measures: arrayOf(string, true),
    vars: arrayOf(string, true),
    method: oneOf("pearson", "spearman", "both"),
    control: arrayOf(string),
    levels: arrayOf(string, true),
    where: excludeRule,
    variable: string,
    layout: oneOf("default", "spss"),
    parts: arrayOf(oneOf("ranks", "tests", "pairwise"), true),
  },
  ["name"],
);

const studyConfig = object({
  $schema: string,
  data: string,
  format: oneOf("network-canvas-csv", "graphml", "three-file"),
  protocol: string,
  egoId: oneOf("caseId", "sessionId", "egoUUID"),
  aliases: recordOf(string),
  groups: recordOf(object({ levels: arrayOf(string, true), labels: recordOf(string), label: string })),
  nodeTypes: arrayOf(string, true),
  edgeTypes: arrayOf(string, true),
  exclude: arrayOf(excludeRule),
  composition: recordOf(object({ categories: arrayOf(string, true), labels: recordOf(string), egoVariable: string })),
  denominators: arrayOf(string),
  columns: object({
    egoId: string,
    alterId: string,
    nodeType: string,
    source: string,
    target: string,
    edgeType: string,
    egos: string,
    alters: string,
    ties: string,
  }),
  tables: (v, at, out) => {
    arrayOf(table)(v, at, out);
    if (!Array.isArray(v)) return;
    const seen = new Set<string>();
    for (const t of v) {
      if (isObject(t) && typeof t.name === "string") {
        if (seen.has(t.name)) out.push(`${at}: two tables are named "${t.name}"`);
        seen.add(t.name);
      }
    }
  },
});

export function validateStudyConfig(raw: unknown): string[] {
  const out: string[] = [];
  studyConfig(raw, "config", out);
  return out;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object") return "an object";
  return String(v);
}

/** The allowed key closest to a misspelt one (edit distance ≤ 2), if any. */
function suggest(key: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
