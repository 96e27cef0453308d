import { synthAlters } from "./synth-alters.js";
import { InputError, NetspError } from "../errors.js";
import { assignRelationTypes } from "./assign-relation-types.js";
import { buildCoreStructureGraph } from "./core-structure-graph.js";
import { inventOrganisationNames, inventPersonNames } from "./invented-names.js";
import {
  CONTACT_FREQUENCIES,
  linkWorkerCodebook,
  linkWorkerStages,
  PERSON,
  RELATIONS,
  relationTypes,
  SECTORS,
  type Sector,
} from "./link-worker-codebook.js";
import { deriveSeed, Random } from "../random.js";
import { colleagueSector, typedRows, type ThesisTarget } from "./read-thesis-targets.js";
import type { SynthAlter, SynthInterview, SynthTie } from "./synth-interview.js";
import type { ProtocolDefinition } from "./write-protocol.js";

export { DEFAULT_SEED } from "./default-seed.js";

/** Protocol name of the thesis study: the `.netcanvas` file name and the merged export's prefix. */
export const THESIS_PROTOCOL_NAME = "thesis";

const DAY = 86_400_000;
/** Interviews run from 1 November 2021, at most 14 days apart; the export follows on 3 October 2022. */
const FIRST_SESSION = Date.UTC(2021, 10, 1, 9, 0, 0);
const EXPORTED = Date.UTC(2022, 9, 3, 9, 0, 0);

/** The thesis study's protocol: the link-worker codebook and interview stages. */
export function thesisProtocol(): ProtocolDefinition {
  return {
    name: THESIS_PROTOCOL_NAME,
    description: "Link workers' professional networks: people and organisations they work with (synthetic study).",
    lastModified: "2021-10-15T12:00:00.000Z",
    codebook: linkWorkerCodebook(),
    stages: linkWorkerStages(),
  };
}

/** The export timestamp written in every ego row (from the seed: a working-day time on 3 October 2022). */
export function thesisExportedAt(seed: number): string {
  const rng = new Random(deriveSeed(seed, "exported"));
  return new Date(EXPORTED + rng.int(0, 7 * 3600 - 1) * 1000 + rng.int(0, 999)).toISOString();
}

/** The interviews of a targets file, one at a time, in the file's order. */
export function* thesisInterviews(targets: readonly ThesisTarget[], seed: number): Generator<SynthInterview> {
  for (let i = 0; i < targets.length; i++) yield generateThesisInterview(targets[i], i, targets.length, seed);
}

/**
 * Builds one interview that reproduces its target (thesis section 4.3):
 * - network_size alters: sociogram alters (people and `organisations` organisations) plus link-worker
 *   colleagues = network_size − (alters in the core distribution + isolates), people flagged
 *   link_worker = true, with no ties and no sociogram position (they were left off the sociogram);
 * - the sociogram's simple graph has exactly the target core distribution and isolates
 *   (buildCoreStructureGraph); its ties then carry relation types so that the typed tie rows are
 *   round(average_degree_multiplex × sociogram size / 2) (assignRelationTypes; `works_for` only between a
 *   person and one organisation they are tied to);
 * - sectors: colleagues take their employer's sector, the other alters share out the rest of the target
 *   counts at random; names, months known, contact frequency and positions are drawn at random.
 * Alters are named in interview order: sociogram people, organisations, then colleagues. The data hold
 * only what an interview records, never a computed measure. Same target, index and seed → same interview.
 */
export function generateThesisInterview(target: ThesisTarget, index: number, count: number, seed: number): SynthInterview {
  try {
    return build(target, index, count, seed);
  } catch (e) {
    if (e instanceof NetspError && !(e instanceof InputError)) {
      throw new InputError(`${target.caseId}: ${e.message}`, target.source);
    }
    throw e;
  }
}

function build(target: ThesisTarget, index: number, count: number, seed: number): SynthInterview {
  const rng = new Random(deriveSeed(seed, "interview", target.caseId));
  const sessionId = rng.uuid();
  const egoUUID = rng.uuid();
  const spacing = Math.min(14, Math.floor(330 / Math.max(count, 1))) * DAY;
  const start = FIRST_SESSION + index * spacing + rng.int(0, 8 * 3600 - 1) * 1000 + rng.int(0, 999);
  const finish = start + rng.int(40 * 60, 95 * 60) * 1000 + rng.int(0, 999);

  const graph = buildCoreStructureGraph(target.coreDistribution, target.isolates, rng);
  const sociogram = graph.nodeCount;
  const colleagues = target.networkSize - sociogram;
  const monthsInPost = typeof target.ego.months_in_post === "number" ? target.ego.months_in_post : 12;

  const isOrganisation = new Set(rng.sampleIndices(sociogram, target.organisations));
  const ownSector = colleagueSector(String(target.ego.employing_organisation));
  const pool: Sector[] = [];
  for (const s of SECTORS) {
    const n = target.sectors[s] - (s === ownSector ? colleagues : 0);
    for (let i = 0; i < n; i++) pool.push(s);
  }
  rng.shuffle(pool);

  const nodes = Array.from({ length: sociogram }, (_, i) => i);
  const people = rng.shuffle(nodes.filter((n) => !isOrganisation.has(n)));
  const organisations = rng.shuffle(nodes.filter((n) => isOrganisation.has(n)));
  const personNames = inventPersonNames(people.length + colleagues, rng);
  const organisationNames = inventOrganisationNames(
    organisations.map((n) => pool[n]),
    rng,
  );

  const { alters, alterOf } = synthAlters(
    {
      people,
      organisations,
      colleagues,
      sectorOf: pool,
      ownSector,
      personNames,
      organisationNames,
      monthsInPost,
      personContact: PERSON_CONTACT,
      colleagueContact: COLLEAGUE_CONTACT,
    },
    rng,
  );

  const pairs = graph.edges.map(([a, b]) => [alterOf[a], alterOf[b]] as [number, number]);
  const employerOf = chooseEmployers(pairs, alters, rng);
  const allowed = (i: number): readonly string[] => {
    const [a, b] = pairs[i];
    const types = relationTypes(alters[a].nodeType, alters[b].nodeType);
    if (!types.includes(RELATIONS.worksFor)) return types;
    const [person, organisation] = alters[a].nodeType === PERSON ? [a, b] : [b, a];
    return employerOf.get(person) === organisation ? types : types.filter((t) => t !== RELATIONS.worksFor);
  };
  const rows = typedRows(target.averageDegreeMultiplex, sociogram);
  const types = assignRelationTypes(pairs.length, allowed, rows, rng);

  const ties: SynthTie[] = [];
  for (const edgeType of Object.values(RELATIONS)) {
    const ofType = pairs.filter((_, i) => types[i].includes(edgeType));
    for (const [a, b] of rng.shuffle(ofType)) {
      let [source, target] = rng.next() < 0.5 ? [a, b] : [b, a];
      if (edgeType === RELATIONS.worksFor && alters[source].nodeType !== PERSON) [source, target] = [target, source];
      ties.push({ uuid: rng.uuid(), edgeType, source, target });
    }
  }

  return {
    caseId: target.caseId,
    sessionId,
    egoUUID,
    sessionStart: new Date(start).toISOString(),
    sessionFinish: new Date(finish).toISOString(),
    ego: { ...target.ego },
    alters,
    ties,
  };
}

/** Contact frequencies drawn for sociogram people and for colleagues (repeats weight the draw). */
const PERSON_CONTACT = [
  CONTACT_FREQUENCIES[0],
  CONTACT_FREQUENCIES[1],
  CONTACT_FREQUENCIES[1],
  CONTACT_FREQUENCIES[2],
  CONTACT_FREQUENCIES[2],
  CONTACT_FREQUENCIES[3],
];
const COLLEAGUE_CONTACT = [CONTACT_FREQUENCIES[0], CONTACT_FREQUENCIES[1], CONTACT_FREQUENCIES[1], CONTACT_FREQUENCIES[2]];

/** For each person tied to organisations, the one they may work for (a person works for one organisation). */
function chooseEmployers(pairs: Array<[number, number]>, alters: SynthAlter[], rng: Random): Map<number, number> {
  const organisationsOf = new Map<number, number[]>();
  for (const [a, b] of pairs) {
    const [ta, tb] = [alters[a].nodeType, alters[b].nodeType];
    if (ta === tb) continue;
    const [person, organisation] = ta === PERSON ? [a, b] : [b, a];
    const list = organisationsOf.get(person) ?? [];
    list.push(organisation);
    organisationsOf.set(person, list);
  }
  const employerOf = new Map<number, number>();
  for (const [person, list] of organisationsOf) employerOf.set(person, rng.pick(list));
  return employerOf;
}
