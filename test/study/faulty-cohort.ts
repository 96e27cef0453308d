import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeCohort } from "../../src/synth/index.js";

/** A merged cohort of 30 egos with problems whose reporting depends on the egos before them. */
export function faultyCohort(dir: string): string {
  writeCohort({ egos: 30, alters: 12, density: 0.3, types: 2, seed: 11, out: dir, format: "merged" });
  const file = (name: string) => path.join(dir, name);
  const lines = (name: string) => readFileSync(file(name), "utf8").split("\r\n");
  const egoUuids = lines("cohort_ego.csv").slice(1, -1).map((l) => l.split(",")[0]);
  const persons = lines("cohort_attributeList_Person.csv");
  const header = persons[0].split(",");
  const col = (name: string) => header.indexOf(name);
  /** Lines of `ego` in a node file (its egoUUID in column 1) or edge file (column 3), with their indexes. */
  const rowsOf = (list: string[], ego: number, column = 1) =>
    list.map((l, i) => [l, i] as const).filter(([l]) => l.split(",")[column] === egoUuids[ego]);
  const setCell = (line: string, column: number, value: string) => {
    const cells = line.split(",");
    cells[column] = value;
    return cells.join(",");
  };
  // An ordinal value the codebook does not list, in two egos (warned once), ENCRYPTED in two egos (warned
  // once), a number with a decimal comma (an error, in a quoted cell).
  const faults: Array<[number, string, string]> = [
    [2, "contact_frequency", "hourly"],
    [9, "contact_frequency", "hourly"],
    [4, "months_known", "ENCRYPTED"],
    [12, "months_known", "ENCRYPTED"],
    [15, "months_known", '"1,5"'],
  ];
  for (const [ego, column, value] of faults) {
    const found = rowsOf(persons, ego);
    const [line, i] = found[0];
    persons[i] = setCell(line, col(column), value);
  }
  // Ego 20 names nobody.
  const kept = persons.filter((l) => l.split(",")[1] !== egoUuids[20]);
  writeFileSync(file("cohort_attributeList_Person.csv"), kept.join("\r\n"));
  const organisations = lines("cohort_attributeList_Organisation.csv").filter((l) => l.split(",")[1] !== egoUuids[20]);
  writeFileSync(file("cohort_attributeList_Organisation.csv"), organisations.join("\r\n"));

  for (const name of ["cohort_edgeList_work_together.csv", "cohort_edgeList_advice_support.csv"]) {
    writeFileSync(file(name), lines(name).filter((l) => l.split(",")[3] !== egoUuids[20]).join("\r\n"));
  }
  const edgeFile = "cohort_edgeList_work_together.csv";
  const edges = lines(edgeFile);
  // A tie of ego 7 pointing at an alter of ego 6 (another ego's alter: an error that needs ego 6 in memory),
  // and one tie of ego 5 written twice.
  const alterOf6 = rowsOf(kept, 6)[0][0].split(",")[2];
  const [tie7, at7] = rowsOf(edges, 7, 3)[0];
  edges[at7] = setCell(tie7, 6, alterOf6);
  const [tie5, at5] = rowsOf(edges, 5, 3)[0];
  edges.splice(at5 + 1, 0, tie5);
  writeFileSync(file(edgeFile), edges.join("\r\n"));
  return dir;
}

