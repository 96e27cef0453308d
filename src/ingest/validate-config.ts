import { editDistance, nearestName } from "../did-you-mean.js";

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
    for (const key of required) if (!Object.hasOwn(v, key)) out.push(`${at}: "${key}" is required`);
    for (const [k, x] of Object.entries(v)) {
      // Own keys only: a key named like an Object.prototype member ("toString", "__proto__") is unknown.
      const check = Object.hasOwn(shape, k) ? shape[k] : undefined;
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
    if (Object.hasOwn(v, "equals") === Object.hasOwn(v, "in")) out.push(`${at}: give exactly one of "equals" or "in"`);
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
    method: oneOf("pearson", "spearman", "kendall", "both"),
    control: arrayOf(string),
    levels: arrayOf(string, true),
    where: excludeRule,
    variable: string,
    layout: oneOf("default", "spss"),
    parts: arrayOf(oneOf("ranks", "tests", "pairwise"), true),
  },
  ["name"],
);

const TYPES = ["categorical", "ordinal", "number", "boolean", "text", "datetime", "layout", "scalar"];
const ROLES = ["identifying", "group", "composition", "numeric", "metadata"];

const optionEntry: Check = (v, at, out) => {
  if (typeof v === "string") return string(v, at, out);
  object({ value: string, label: string }, ["value"])(v, at, out);
};

const variableDeclaration = object(
  {
    type: oneOf(...TYPES),
    role: oneOf(...ROLES),
    options: arrayOf(optionEntry, true),
    levels: arrayOf(string, true),
    labels: recordOf(string),
    label: string,
    missing: arrayOf((v, at, out) => {
      if (typeof v !== "string" && typeof v !== "number") out.push(`${at}: expected a string or number, got ${describe(v)}`);
    }),
  },
  [],
  (v, at, out) => {
    if (Object.hasOwn(v, "options") && Object.hasOwn(v, "levels")) out.push(`${at}: give "options" (categorical) or "levels" (ordinal), not both`);
    if (Object.hasOwn(v, "levels") && v.type !== undefined && v.type !== "ordinal") out.push(`${at}: "levels" are for an ordinal; use "options" for a ${describe(v.type)}`);
    if (Object.hasOwn(v, "options") && v.type !== undefined && v.type !== "categorical" && v.type !== "ordinal")
      out.push(`${at}: "options" are for a categorical or ordinal variable, not a ${describe(v.type)}`);
  },
);

const variables: Check = (v, at, out) => {
  if (!isObject(v)) return void out.push(`${at}: expected an object, got ${describe(v)}`);
  for (const [key, declaration] of Object.entries(v)) {
    const dot = key.indexOf(".");
    if (dot <= 0 || dot === key.length - 1) {
      out.push(`${at}: "${key}" must name an entity and a variable: "ego.<name>", "<NodeType>.<name>" or "<EdgeType>.<name>"`);
      continue;
    }
    variableDeclaration(declaration, `${at}.${key}`, out);
  }
};

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
  composition: recordOf(object({ categories: arrayOf(string, true), labels: recordOf(string), egoVariable: string, egoValues: recordOf(string) })),
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
  variables,
  decimal: oneOf(".", ","),
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
  return editDistance(key.toLowerCase(), (nearestName(key, allowed) ?? "").toLowerCase()) <= 2 ? nearestName(key, allowed) : undefined;
}
