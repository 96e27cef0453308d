import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeCohort } from "../../src/synth/index.js";

/**
 * A GraphML cohort of 30 egos (merged, or one file per interview) with a warning and an error: the same
 * tie twice in the first interview, and a number that is not one in the last file.
 */
export function faultyGraphml(dir: string, format: "graphml" | "merged-graphml"): string {
  writeCohort({ egos: 30, alters: 12, density: 0.3, types: 2, seed: 11, out: dir, format });
  const files = readdirSync(dir).filter((f) => f.endsWith(".graphml")).sort();
  const edit = (name: string, change: (text: string) => string) => {
    const file = path.join(dir, name);
    const before = readFileSync(file, "utf8");
    const after = change(before);
    if (after === before) throw new Error(`faultyGraphml: ${name} unchanged`);
    writeFileSync(file, after);
  };
  edit(files[0], (text) => {
    const edge = /\n( *)<edge [\s\S]*?<\/edge>/.exec(text)!;
    return text.slice(0, edge.index + edge[0].length) + edge[0].replace(/ id="[^"]*"/, ' id="again"') + text.slice(edge.index + edge[0].length);
  });
  edit(files[files.length - 1], (text) => {
    const key = /<key id="([^"]+)" attr\.name="months_known"/.exec(text)![1];
    const at = text.lastIndexOf(`<data key="${key}">`);
    return text.slice(0, at) + text.slice(at).replace(/>\d+</, ">many<");
  });
  return dir;
}

/**
 * A three-table cohort of 30 egos with problems, in rows out of ego order at the ends of the tables: an
 * unknown endpoint, the same tie twice, an alter without a type (a warning given once per table), ties of
 * an ego that is not in egos.csv.
 */
export function faultyThreeFile(dir: string): string {
  writeCohort({ egos: 30, alters: 12, density: 0.3, types: 2, seed: 11, out: dir, format: "three-file" });
  const ties = path.join(dir, "ties.csv");
  const lines = readFileSync(ties, "utf8").split(/\r?\n/).filter((l) => l !== "");
  const eol = readFileSync(ties, "utf8").includes("\r\n") ? "\r\n" : "\n";
  appendFileSync(ties, [lines[1], "ego_04,a1,nobody,work_together", "ego_99,a1,a2,work_together"].join(eol) + eol);
  const alters = path.join(dir, "alters.csv");
  appendFileSync(alters, "ego_07,a99,,Zed,false,other,5,weekly" + eol);
  return dir;
}
