import type { Codebook, ProblemSink, StudyConfig, VariableSet } from "../../model/index.js";
import { overlayDeclarations, typedDeclarations } from "../../model/index.js";
import { emptyProfile, evidenceOf, profileCell, type ColumnEvidence, type ColumnProfile } from "../column-profile.js";
import { csvRows } from "../csv/csv-rows.js";
import { mergeVariableSets, planColumns, planVariables, type PlanAmbiguity } from "../plan-columns.js";
import { describeType, fixedColumns, type ExportFile } from "./export-file.js";

/**
 * The codebook of a Network Canvas CSV export: the protocol's and the config's typed declarations, and
 * for every column neither describes, a type inferred from the column's name and a sample of its values.
 */

/** Rows read, per type, to tell which columns hold only true/false when there is no protocol. */
export const INFERENCE_SAMPLE_ROWS = 2000;

/**
 * The variable model of the export: for the ego and each node and edge type, the protocol's variables and
 * the config's typed declarations, then every column neither describes inferred from its values (see
 * inferColumns), then the config's declarations laid over the lot. Ambiguous inferences and columns the
 * protocol lacks are reported once per type.
 */
export async function buildCodebook(files: ExportFile[], protocol: Codebook | undefined, config: StudyConfig, problems: ProblemSink): Promise<Codebook> {
  const codebook: Codebook = { source: protocol ? "protocol" : "inferred", ego: {}, node: {}, edge: {} };
  const groups = new Map<string, ExportFile[]>();
  for (const file of files) {
    const key = `${file.kind}\u0000${file.type}`;
    const list = groups.get(key);
    if (list) list.push(file);
    else groups.set(key, [file]);
  }
  for (const group of groups.values()) {
    const { kind, type } = group[0];
    const entity = kind === "ego" ? "ego" : type;
    const described = protocol ? (kind === "ego" ? protocol.ego : (kind === "node" ? protocol.node : protocol.edge)[type]) : undefined;
    const declared = { ...(described ?? {}), ...typedDeclarations(config, entity) };
    const known = described !== undefined || Object.keys(declared).length > 0 ? declared : undefined;
    let profiles: Map<string, ColumnProfile> | undefined;
    const variables: VariableSet = {};
    const seenHeaders = new Set<string>();
    const inferred = new Set<string>();
    const warnedAmbiguous = new Set<string>();
    for (const file of group) {
      const signature = file.header!.join("\u0000");
      if (seenHeaders.has(signature)) continue;
      seenHeaders.add(signature);
      let plan = planColumns(file.header!, known, fixedColumns(kind));
      if (!known || plan.undescribed.length > 0) {
        profiles ??= await profileColumns(group);
        const evidence = (column: string): ColumnEvidence => ({ kind: evidenceOf(profiles!.get(column) ?? emptyProfile()) });
        plan = planColumns(file.header!, known, fixedColumns(kind), { evidence });
      }
      mergeVariableSets(variables, planVariables(plan));
      for (const a of plan.ambiguities) if (!warnedAmbiguous.has(a.variable) && warnedAmbiguous.add(a.variable)) reportAmbiguity(a, entity, file, problems);
      if (described) for (const column of plan.undescribed) inferred.add(column);
    }
    if (inferred.size > 0) {
      problems.report({
        severity: "warning",
        code: "unknown-column",
        file: group[0].source.name,
        line: 1,
        message: `${describeType(group[0])}: column${inferred.size === 1 ? "" : "s"} ${[...inferred].join(", ")} not in the protocol's codebook; types inferred from the values`,
      });
    }
    overlayDeclarations(variables, config, entity);
    if (kind === "ego") codebook.ego = variables;
    else if (kind === "node") codebook.node[type] = variables;
    else codebook.edge[type] = variables;
  }
  // Types in the protocol's order, then the others in the order their files came.
  if (protocol) {
    codebook.node = inOrderOf(codebook.node, Object.keys(protocol.node));
    codebook.edge = inOrderOf(codebook.edge, Object.keys(protocol.edge));
  }
  return codebook;
}

function inOrderOf<T>(record: Record<string, T>, order: string[]): Record<string, T> {
  const keys = [...order.filter((k) => Object.hasOwn(record, k)), ...Object.keys(record).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

/** One warning per ambiguous inference, with the config entry that settles it. */
function reportAmbiguity(a: PlanAmbiguity, entity: string, file: ExportFile, problems: ProblemSink): void {
  problems.report({
    severity: "warning",
    code: "ambiguous-columns",
    file: file.source.name,
    line: 1,
    message:
      `${entity}: columns ${a.columns.join(", ")} ${a.chosen}; the CSV alone cannot say where the variable name ends. ` +
      `To settle it, declare it in netsp.config.json: "variables": ${JSON.stringify({ [`${entity}.${a.variable}`]: a.declaration })} ` +
      "(or give the protocol)",
  });
}

/** The variables of a file's type. */
export function variablesFor(codebook: Codebook, file: ExportFile): VariableSet {
  if (file.kind === "ego") return codebook.ego;
  return (file.kind === "node" ? codebook.node : codebook.edge)[file.type] ?? {};
}

/** What the values of each column look like, over the first INFERENCE_SAMPLE_ROWS rows of a type's files. */
async function profileColumns(files: ExportFile[]): Promise<Map<string, ColumnProfile>> {
  const profiles = new Map<string, ColumnProfile>();
  let budget = INFERENCE_SAMPLE_ROWS;
  for (const file of files) {
    if (budget <= 0) break;
    const header = file.header!;
    const row = header.map((c) => {
      let p = profiles.get(c);
      if (!p) profiles.set(c, (p = emptyProfile()));
      return p;
    });
    let first = true;
    for await (const record of csvRows(file.source)) {
      if (first) {
        first = false;
        continue;
      }
      for (let i = 0; i < row.length; i++) profileCell(row[i], i < record.fields.length ? record.fields[i] : "");
      if (--budget <= 0) break;
    }
  }
  return profiles;
}

/** Node and edge types in the data that the protocol does not list: one warning each. */
export function reportTypesNotInProtocol(files: ExportFile[], protocol: Codebook, problems: ProblemSink): void {
  const warned = new Set<string>();
  for (const file of files) {
    if (file.kind === "ego") continue;
    const types = file.kind === "node" ? protocol.node : protocol.edge;
    const key = `${file.kind}\u0000${file.type}`;
    if (Object.hasOwn(types, file.type) || warned.has(key)) continue;
    warned.add(key);
    problems.report({
      severity: "warning",
      code: file.kind === "node" ? "unknown-node-type" : "unknown-edge-type",
      file: file.source.name,
      message: `${file.kind} type ${file.type} is not in the protocol's codebook (${file.kind} types: ${
        Object.keys(types).join(", ") || "none"
      }); its variables are read untyped`,
    });
  }
}
