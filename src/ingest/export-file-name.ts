/** What a Network Canvas export file holds, read from the known suffix of its name. */
export type ExportFileName =
  | { role: "ego"; prefix: string }
  | { role: "node" | "edge"; prefix: string; /** null for the header-only `_attributeList.csv`/`_edgeList.csv`. */ type: string | null }
  | { role: "matrix"; prefix: string; type: string | null };

/**
 * Classifies an export file name by its known suffix: `_ego.csv`, `_attributeList_<Type>.csv`,
 * `_attributeList.csv`, `_edgeList_<Type>.csv`, `_edgeList.csv`, `_adjacencyMatrix_<Type>.csv`.
 * The prefix (`<caseId>_<sessionId>`, or the protocol name of a merged export) may contain `_` and is never
 * split; ids are read from the columns. Returns undefined for any other name.
 *
 * Example: exportFileName("case_10_8e63_attributeList_Person.csv") → {role: "node", prefix: "case_10_8e63", type: "Person"}.
 */
export function exportFileName(path: string): ExportFileName | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  let m = /^(.+)_attributeList(?:_(.+))?\.csv$/i.exec(name);
  if (m) return { role: "node", prefix: m[1], type: m[2] ?? null };
  m = /^(.+)_edgeList(?:_(.+))?\.csv$/i.exec(name);
  if (m) return { role: "edge", prefix: m[1], type: m[2] ?? null };
  m = /^(.+)_adjacencyMatrix(?:_(.+))?\.csv$/i.exec(name);
  if (m) return { role: "matrix", prefix: m[1], type: m[2] ?? null };
  m = /^(.+)_ego\.csv$/i.exec(name);
  if (m) return { role: "ego", prefix: m[1] };
  return undefined;
}
