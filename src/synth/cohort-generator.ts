import { synthAlters } from "./synth-alters.js";
import { UsageError } from "../errors.js";
import type { Attributes, Codebook, StudyConfig, VariableSet } from "../model/index.js";
import { buildCoreStructureGraph } from "./core-structure-graph.js";
import { inventOrganisationNames, inventPersonNames } from "./invented-names.js";
import {
  CONTACT_FREQUENCIES,
  LAYOUT_VARIABLE,
  linkWorkerCodebook,
  linkWorkerStages,
  PERSON,
  RELATIONS,
  SECTORS,
  SECTOR_LABELS,
  type Sector,
} from "./link-worker-codebook.js";
import { planCohortShells } from "./plan-cohort-shells.js";
import { deriveSeed, Random } from "../random.js";
import type { SynthInterview, SynthTie } from "./synth-interview.js";
import type { ProtocolDefinition, StageDefinition } from "./write-protocol.js";

/** What a synthetic cohort looks like (`netsp synth --egos`). */
export interface CohortOptions {
  /** Number of egos (interviews). */
  egos: number;
  /** Mean alters per ego; each ego names between half and one and a half times as many. */
  alters: number;
  /** Density of each sociogram's simple graph (ties / possible pairs), about. */
  density: number;
  /** Relation (edge) types. */
  types: number;
  seed: number;
}

export { COHORT_DEFAULTS } from "./cohort-defaults.js";

/** Protocol name of a cohort: the `.netcanvas` file name and the merged export's prefix. */
export const COHORT_PROTOCOL_NAME = "cohort";

/** Chance that a tied pair also carries each further relation type (multiplex ties). */
const EXTRA_TYPE_CHANCE = 0.05;

const DAY = 86_400_000;
const FIRST_SESSION = Date.UTC(2023, 0, 9, 9, 0, 0);

/** The cohort's relation types: the link-worker relations between people, then `relation_5`, `relation_6`, … */
export function cohortEdgeTypes(types: number): string[] {
  const named = [RELATIONS.workTogether, RELATIONS.adviceSupport, RELATIONS.referrals, RELATIONS.creatingServices];
  return Array.from({ length: types }, (_, i) => (i < named.length ? named[i] : `relation_${i + 1}`));
}

/** The link-worker codebook with the cohort's relation types. */
export function cohortCodebook(types: number): Codebook {
  const codebook = linkWorkerCodebook();
  return { ...codebook, edge: Object.fromEntries(cohortEdgeTypes(types).map((t) => [t, {} as VariableSet])) };
}

/** The cohort's protocol: the link-worker interview, with one sociogram prompt per relation type. */
export function cohortProtocol(types: number): ProtocolDefinition {
  const stages: StageDefinition[] = linkWorkerStages().filter((s) => s.type !== "Sociogram");
  stages.push({
    type: "Sociogram",
    label: "Connections",
    nodeType: PERSON,
    layoutVariable: LAYOUT_VARIABLE,
    prompts: cohortEdgeTypes(types).map((t) => ({ text: `Connect the people and organisations linked by: ${t.replace(/_/g, " ")}.`, createEdge: t })),
  });
  return {
    name: COHORT_PROTOCOL_NAME,
    description: "Synthetic cohort of link workers' professional networks (generated for scale tests).",
    lastModified: "2023-01-02T12:00:00.000Z",
    codebook: cohortCodebook(types),
    stages,
  };
}

/**
 * The study configuration written beside a cohort: link-worker colleagues are left off the sociogram, and
 * sector's categories are given so K for IQV does not depend on the data.
 */
export function cohortConfig(): StudyConfig {
  return {
    data: ".",
    exclude: [{ variable: "link_worker", equals: true }],
    composition: {
      sector: { categories: [...SECTORS], labels: { ...SECTOR_LABELS } },
    },
  };
}

/** The export timestamp of a cohort. */
export function cohortExportedAt(seed: number): string {
  const rng = new Random(deriveSeed(seed, "cohort-exported"));
  return new Date(Date.UTC(2024, 0, 15, 9, 0, 0) + rng.int(0, 7 * 3600 - 1) * 1000).toISOString();
}

/** Checks the options, as the CLI gets them; a UsageError names the first one out of range. */
export function checkCohortOptions(options: CohortOptions): void {
  const whole = (n: number, min: number, max: number, what: string) => {
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${what}: expected a whole number from ${min} to ${max}, got ${n}`);
  };
  whole(options.egos, 1, 100_000_000, "--egos");
  whole(options.alters, 1, 100_000, "--alters");
  whole(options.types, 1, 31, "--types");
  if (!(options.density >= 0 && options.density <= 1)) throw new UsageError(`--density: expected a number from 0 to 1, got ${options.density}`);
}

/** The cohort's interviews, one at a time (memory holds one interview whatever the number of egos). */
export function* cohortInterviews(options: CohortOptions): Generator<SynthInterview> {
  checkCohortOptions(options);
  const edgeTypes = cohortEdgeTypes(options.types);
  const width = String(options.egos).length;
  for (let i = 0; i < options.egos; i++) yield generateCohortInterview(i, width, edgeTypes, options);
}

/**
 * One ego of a cohort, from its own random stream (so ego i is the same whatever the number of egos):
 * - alters: uniform between half and one and a half times the mean (at least 1);
 * - egos asked the colleague question (80%) also name up to 20% link-worker colleagues, flagged
 *   link_worker = true, never tied and not placed on the sociogram;
 * - the sociogram: 2–15% isolates; the others form a dense main core (20–35% of them, each tied to 50–80%
 *   of the core) and a periphery, with as many ties as the density asks (planCohortShells,
 *   buildCoreStructureGraph); 10–30% of the sociogram alters are organisations;
 * - each tie carries one relation type, and each further type with probability 0.05 (multiplex ties);
 * - ego and alter variables are drawn uniformly from the codebook's options and plausible ranges.
 */
export function generateCohortInterview(index: number, width: number, edgeTypes: readonly string[], options: CohortOptions): SynthInterview {
  const rng = new Random(deriveSeed(options.seed, "cohort", index));
  const caseId = `ego_${String(index + 1).padStart(width, "0")}`;
  const sessionId = rng.uuid();
  const egoUUID = rng.uuid();
  const start = FIRST_SESSION + rng.int(0, 364) * DAY + rng.int(0, 8 * 3600 - 1) * 1000 + rng.int(0, 999);
  const finish = start + rng.int(40 * 60, 95 * 60) * 1000 + rng.int(0, 999);

  const ego = egoAttributes(rng);
  const total = Math.max(1, Math.round(options.alters * (0.5 + rng.next())));
  const colleagues = ego.lw_question_asked === true ? Math.min(total - 1, Math.floor(total * 0.2 * rng.next())) : 0;
  const sociogram = total - colleagues;
  const isolates = Math.round(sociogram * (0.02 + 0.13 * rng.next()));
  const wanted = Math.round((options.density * sociogram * (sociogram - 1)) / 2);
  const plan = planCohortShells(sociogram, isolates, wanted, 0.2 + 0.15 * rng.next(), 0.5 + 0.3 * rng.next(), rng);
  const graph = buildCoreStructureGraph(plan.shells, plan.isolates, rng);

  const organisationCount = Math.round(sociogram * (0.1 + 0.2 * rng.next()));
  const isOrganisation = new Set(rng.sampleIndices(sociogram, organisationCount));
  const people = rng.shuffle(Array.from({ length: sociogram }, (_, n) => n).filter((n) => !isOrganisation.has(n)));
  const organisations = rng.shuffle([...isOrganisation].sort((a, b) => a - b));
  const sectorOf = Array.from({ length: sociogram }, () => rng.pick(SECTORS));
  const personNames = inventPersonNames(people.length + colleagues, rng);
  const organisationNames = inventOrganisationNames(organisations.map((n) => sectorOf[n]), rng);
  const monthsInPost = ego.months_in_post as number;
  const ownSector: Sector = ego.employing_organisation === "VCS" ? "vcs" : "healthcare";

  const { alters, alterOf } = synthAlters(
    {
      people,
      organisations,
      colleagues,
      sectorOf,
      ownSector,
      personNames,
      organisationNames,
      monthsInPost,
      personContact: CONTACT_FREQUENCIES,
      colleagueContact: CONTACT_FREQUENCIES,
    },
    rng,
  );

  const byType: Array<Array<[number, number]>> = edgeTypes.map(() => []);
  for (const [a, b] of graph.edges) {
    const pair: [number, number] = [alterOf[a], alterOf[b]];
    const primary = rng.int(0, edgeTypes.length - 1);
    for (let t = 0; t < edgeTypes.length; t++) {
      if (t === primary || rng.next() < EXTRA_TYPE_CHANCE) byType[t].push(pair);
    }
  }
  const ties: SynthTie[] = [];
  byType.forEach((pairs, t) => {
    for (const [a, b] of rng.shuffle(pairs)) {
      const [source, target] = rng.next() < 0.5 ? [a, b] : [b, a];
      ties.push({ uuid: rng.uuid(), edgeType: edgeTypes[t], source, target });
    }
  });

  return {
    caseId,
    sessionId,
    egoUUID,
    sessionStart: new Date(start).toISOString(),
    sessionFinish: new Date(finish).toISOString(),
    ego,
    alters,
    ties,
  };
}

let egoVariables: VariableSet | undefined;

function egoAttributes(rng: Random): Attributes {
  const codebook = (egoVariables ??= linkWorkerCodebook().ego);
  const option = (name: string) => rng.pick(codebook[name].options!).value;
  const monthsInPost = rng.int(1, 96);
  return {
    age: rng.int(22, 64),
    gender: option("gender"),
    ethnic_background: option("ethnic_background"),
    highest_education: option("highest_education"),
    months_in_post: monthsInPost,
    region: option("region"),
    area_deprivation: option("area_deprivation"),
    imd_decile_gp_practice: rng.int(1, 10),
    employing_organisation: option("employing_organisation"),
    fte: option("fte"),
    caseload: rng.int(5, 120),
    lw_question_asked: rng.next() < 0.8,
  };
}
