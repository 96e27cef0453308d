import { compareEgoIds } from "./measure-ego-rows.js";
import type { Cell, Column, TableStream } from "../model/index.js";
import type { AlterLevelSpec, LevelVariable } from "./alter-level-spec.js";
import type { AlterLevelStore, LineNotes } from "./alter-level-store.js";
import { csvCell, csvField, csvHeader } from "../tables/index.js";
import { ALTER_STRUCTURE, type LevelCell } from "./measure-alters.js";

/** One ego's row of measures.csv (for ego_id and the ego variables), and where its alter-level rows are. */
export interface EgoAlterLevel {
  row: Record<string, Cell>;
  index: number;
}

export interface AlterLevelInput {
  store: AlterLevelStore;
  /** In output order (the order of measures.csv); `row.ego_id` as shown (a pseudonym with --pseudonymise). */
  egos: readonly EgoAlterLevel[];
  /** The ego variables of measures.csv (id, labels): each becomes `ego_<id>` on every alter row. */
  egoColumns: readonly Column[];
}

const STRUCTURE_TITLES: Record<(typeof ALTER_STRUCTURE)[number], string> = {
  degree: "Degree in the sociogram",
  degree_multiplex: "Degree counting each edge type of a tie",
  core_number: "Core number (largest k of a k-core holding the alter)",
  isolate: "Isolate (no ties in the sociogram)",
  component: "Component (1 = the largest)",
  component_size: "Alters in the alter's component",
  betweenness: "Betweenness in the sociogram (unnormalised)",
};
const YES_NO = [
  { value: 0, label: "no" },
  { value: 1, label: "yes" },
];

/** Egos whose rows make one chunk: a chunk of rows is made, written and dropped before the next. */
const EGOS_PER_CHUNK = 64;

/**
 * alters.csv and ties.csv as table streams over the store's rows, ego by ego. A categorical alter (tie)
 * variable is one column holding its option when no alter in the study has several options, else one 0/1
 * column per option (`<var>_<option>`; the codebook's options, then any others seen, sorted); an ordinal
 * keeps its code, labelled with the options. A name taken twice (an alter variable called `degree`, an ego
 * variable `id`) gets `_2`, `_3`, said in `notes`.
 */
export function alterLevelTables(input: AlterLevelInput): { alters: TableStream; ties: TableStream; notes: string[] } {
  const { egos, store } = input;
  const { spec, summary } = store;
  const notes: string[] = [];
  const names = new Names(notes);

  // alters
  const alterFixed: Column[] = [
    { id: "ego_id", description: "Ego" },
    { id: "alter_id", description: "Alter (as labelled in the sociograms)" },
    { id: "node_type", description: "Node type" },
    { id: "on_sociogram", description: "On the sociogram (false: left off by an exclusion rule)" },
  ];
  const structure: Column[] = ALTER_STRUCTURE.map((id) => ({ id, description: STRUCTURE_TITLES[id] }));
  const same: Column[] = spec.same.map((v) => ({ id: `same_${v.id}`, description: `Alter's ${v.id} is the ego's`, level: "nominal" as const, valueLabels: YES_NO }));
  const egoColumns: Column[] = input.egoColumns.map((c) => ({ ...c, id: `ego_${c.id}`, description: `Ego: ${c.description ?? c.label ?? c.id}` }));
  // Fixed and structure columns keep their names; variables give way.
  for (const c of [...alterFixed, ...structure, ...same]) names.take(c.id);
  const alterLayouts = spec.alterVariables.map((v, k) => layout(v, summary.multiple[k], summary.seen[k], 2 + k, k));
  for (const l of alterLayouts) l.columns.forEach((c) => (c.id = names.unique(c.id, "alters.csv")));
  for (const c of egoColumns) c.id = names.unique(c.id, "alters.csv");
  const alterColumns = [...alterFixed, ...alterLayouts.flatMap((l) => l.columns), ...structure, ...same, ...egoColumns];
  const alterRows = (e: EgoAlterLevel, cells: LevelCell[][]) => {
    const egoCells = input.egoColumns.map((c) => e.row[c.id] ?? null);
    return cells.map((r, i) => {
      const row: Record<string, Cell> = { ego_id: e.row.ego_id, alter_id: `A${i + 1}`, node_type: r[0] as Cell, on_sociogram: r[1] as Cell };
      alterLayouts.forEach((l) => l.write(r, row));
      let at = 2 + spec.alterVariables.length;
      for (const c of structure) row[c.id] = r[at++] as Cell;
      for (const c of same) row[c.id] = r[at++] as Cell;
      egoColumns.forEach((c, k) => (row[c.id] = egoCells[k]));
      return row;
    });
  };

  // ties
  const tieNames = new Names(notes);
  const tieFixed: Column[] = [
    { id: "ego_id", description: "Ego" },
    { id: "from", description: "Alter at one end" },
    { id: "to", description: "Alter at the other end" },
  ];
  const multiplexColumn: Column = { id: "multiplex", description: "Edge types tying the pair" };
  for (const c of [...tieFixed, multiplexColumn]) tieNames.take(c.id);
  const extraTypes = [...summary.edgeTypes].filter((t) => !spec.tieTypes.includes(t)).sort(compareEgoIds);
  const types = [...spec.tieTypes, ...extraTypes];
  const typeColumns: Column[] = types.map((t) => ({ id: tieNames.unique(t, "ties.csv"), description: `Tied by ${t}`, level: "nominal" as const, valueLabels: YES_NO }));
  const offset = spec.alterVariables.length;
  const tieLayouts = spec.tieVariables.map((v, k) => layout(v, summary.multiple[offset + k], summary.seen[offset + k], 4 + k, offset + k));
  for (const l of tieLayouts) l.columns.forEach((c) => (c.id = tieNames.unique(c.id, "ties.csv")));
  const tieColumns = [...tieFixed, ...typeColumns, multiplexColumn, ...tieLayouts.flatMap((l) => l.columns)];
  const tieRows = (e: EgoAlterLevel, cells: LevelCell[][]) =>
    cells.map((r) => {
      const row: Record<string, Cell> = { ego_id: e.row.ego_id, from: r[0] as Cell, to: r[1] as Cell };
      const has = r[2] as string[];
      types.forEach((t, k) => (row[typeColumns[k].id] = has.includes(t) ? 1 : 0));
      row.multiplex = r[3] as Cell;
      tieLayouts.forEach((l) => l.write(r, row));
      return row;
    });

  let alterCount = 0;
  let tieCount = 0;
  for (const e of egos) {
    const counts = store.rowCounts(e.index);
    alterCount += counts.alters;
    tieCount += counts.ties;
  }
  const stream = (rowsOf: (e: EgoAlterLevel) => Array<Record<string, Cell>>) =>
    function* (): Generator<Array<Record<string, Cell>>> {
      for (let start = 0; start < egos.length; start += EGOS_PER_CHUNK) yield egos.slice(start, start + EGOS_PER_CHUNK).flatMap(rowsOf);
    };
  return {
    alters: {
      name: "alters",
      title: "Alters: one row per alter",
      columns: alterColumns,
      rowCount: alterCount,
      chunks: stream((e) => alterRows(e, store.rows(e.index).alters)),
      csv: () => alterCsv(input, alterColumns, alterLayouts),
    },
    ties: {
      name: "ties",
      title: "Ties: one row per alter–alter tie of the sociogram",
      columns: tieColumns,
      rowCount: tieCount,
      chunks: stream((e) => tieRows(e, store.rows(e.index).ties)),
      csv: () => tieCsv(input, tieColumns, tieLayouts, extraTypes),
    },
    notes,
  };
}

/**
 * How one variable is laid out: its columns; how a typed row's cell (at `at`) fills them; and, for CSV lines
 * laid out as single-choice (PackedAlterRows), its fields from the line's field (`notes` tell which rows had
 * several options or an empty choice; `k` is the variable's place among the spec's alter then tie variables).
 */
interface Layout {
  columns: Column[];
  write(cells: readonly LevelCell[], row: Record<string, Cell>): void;
  /** Whether the line's one field must become several. */
  expands: boolean;
  fields(field: string, row: number, notes: LineNotes | undefined): string[];
}

function layout(v: LevelVariable, several: boolean, seen: ReadonlySet<string>, at: number, k: number): Layout {
  const description = v.label ?? v.name;
  if (v.type === "categorical" && several) {
    const known = v.options.map((o) => o.value);
    const others = [...seen].filter((o) => !known.includes(o));
    const options = [...v.options, ...others.sort(compareEgoIds).map((value) => ({ value, label: value }))];
    const columns: Column[] = options.map((o) => ({ id: `${v.name}_${o.value}`, description: `${description}: ${o.label}`, level: "nominal", valueLabels: YES_NO }));
    const quoted = options.map((o) => csvField(csvCell(o.value)));
    return {
      columns,
      write(cells, row) {
        const chosen = cells[at] as string[] | null;
        options.forEach((o, j) => (row[columns[j].id] = chosen === null ? null : chosen.includes(o.value) ? 1 : 0));
      },
      expands: true,
      fields(field, r, notes) {
        const many = notes?.several[k].find(([i]) => i === r)?.[1];
        if (many !== undefined) return options.map((o) => (many.includes(o.value) ? "1" : "0"));
        if (field === "") return notes?.empty[k].includes(r) ? options.map(() => "0") : options.map(() => "");
        return quoted.map((q) => (q === field ? "1" : "0"));
      },
    };
  }
  const column: Column = { id: v.name, description };
  if (v.type === "categorical" || v.type === "ordinal") {
    column.level = v.type === "ordinal" ? "ordinal" : "nominal";
    column.valueLabels = v.options.map((o) => ({ value: v.type === "ordinal" && Number.isFinite(Number(o.value)) && o.value.trim() !== "" ? Number(o.value) : o.value, label: o.label }));
  } else if (v.type === "boolean") {
    column.level = "nominal";
  }
  return {
    columns: [column],
    write(cells, row) {
      const cell = cells[at];
      row[column.id] = Array.isArray(cell) ? (cell.length === 0 ? null : cell.join(";")) : cell;
    },
    expands: false,
    fields: (field) => [field],
  };
}

/**
 * alters.csv from the stored lines: each line with ego_id and alter_id before it and the ego's columns after
 * it; re-laid out field by field only when a categorical became several 0/1 columns.
 */
function alterCsv(input: AlterLevelInput, columns: readonly Column[], layouts: readonly Layout[]): Generator<string> {
  const relayout = layouts.some((l) => l.expands);
  return csvFromLines(input, columns, "alters", (e, id) => {
    const ego = input.egoColumns.map((c) => "," + csvField(csvCell(e.row[c.id] ?? null))).join("");
    return (line, i, notes) => {
      if (relayout) {
        const fields = splitCsvLine(line);
        const variables = layouts.flatMap((l, k) => l.fields(fields[2 + k], i, notes));
        line = [...fields.slice(0, 2), ...variables, ...fields.slice(2 + layouts.length)].join(",");
      }
      return `${id},A${i + 1},${line}${ego}\n`;
    };
  });
}

/** ties.csv from the stored lines: ego_id before each; re-laid out when there are extra edge types or 0/1 columns. */
function tieCsv(input: AlterLevelInput, columns: readonly Column[], layouts: readonly Layout[], extraTypes: readonly string[]): Generator<string> {
  const relayout = extraTypes.length > 0 || layouts.some((l) => l.expands);
  const known = input.store.spec.tieTypes.length;
  return csvFromLines(input, columns, "ties", (_, id) => (line, i, notes) => {
    if (relayout) {
      const fields = splitCsvLine(line);
      const extra = notes?.extraTypes.find(([t]) => t === i)?.[1] ?? [];
      const at = 2 + known + 1; // from, to, the known types' flags, multiplex
      const variables = layouts.flatMap((l, k) => l.fields(fields[at + k], i, notes));
      line = [...fields.slice(0, 2 + known), ...extraTypes.map((t) => (extra.includes(t) ? "1" : "0")), fields[2 + known], ...variables].join(",");
    }
    return `${id},${line}\n`;
  });
}

/** The header, then per ego (in output order) its stored lines of one kind, each made a row by `rowOf`. */
function* csvFromLines(
  input: AlterLevelInput,
  columns: readonly Column[],
  kind: "alters" | "ties",
  rowOf: (e: EgoAlterLevel, id: string) => (line: string, i: number, notes: LineNotes | undefined) => string,
): Generator<string> {
  yield csvHeader(columns);
  for (const e of input.egos) {
    const stored = input.store.lines(e.index);
    const row = rowOf(e, csvField(csvCell(e.row.ego_id ?? null)));
    const lines = stored[kind].split("\n");
    let out = "";
    for (let i = 0; i < lines.length - 1; i++) out += row(lines[i], i, stored.notes);
    yield out;
  }
}

/** The fields of one CSV line as csvField wrote them (quoted fields kept quoted). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line.charCodeAt(i);
    if (quoted) {
      if (c === 34) quoted = line.charCodeAt(i + 1) === 34 ? (i++, true) : false;
    } else if (c === 34) {
      quoted = true;
    } else if (c === 44 || i === line.length) {
      fields.push(line.slice(start, i));
      start = i + 1;
    }
  }
  return fields;
}

/** Column ids of one file, each once: a taken name gets `_2`, `_3` …, said in a note. */
class Names {
  private readonly taken = new Set<string>();
  constructor(private readonly notes: string[]) {}
  take(id: string): void {
    this.taken.add(id);
  }
  unique(id: string, file: string): string {
    let name = id;
    for (let k = 2; this.taken.has(name); k++) name = `${id}_${k}`;
    if (name !== id) this.notes.push(`${file}: column ${id} is written as ${name} (the name was taken)`);
    this.taken.add(name);
    return name;
  }
}
