import { LAYOUT_VARIABLE, ORGANISATION, PERSON, type Sector } from "./link-worker-codebook.js";
import type { Random } from "../random.js";
import type { SynthAlter } from "./synth-interview.js";

export interface SynthAltersInput {
  /** Sociogram node numbers of people and of organisations, in the order they are written. */
  people: readonly number[];
  organisations: readonly number[];
  /** Link-worker colleagues: people off the sociogram, written last. */
  colleagues: number;
  /** Sector of each sociogram node; the colleagues' sector. */
  sectorOf: readonly Sector[];
  ownSector: Sector;
  /** Names: people first (sociogram people, then colleagues), and organisations. */
  personNames: readonly string[];
  organisationNames: readonly string[];
  monthsInPost: number;
  /** Contact frequencies drawn for sociogram people and for colleagues. */
  personContact: readonly string[];
  colleagueContact: readonly string[];
}

/**
 * The alters of one synthetic interview as Network Canvas records them: sociogram people, organisations,
 * then link-worker colleagues (no position: they are left off the sociogram). Returns them with the index
 * of each sociogram node's alter. Random draws come in a fixed order, so a seed gives the same bytes.
 */
export function synthAlters(input: SynthAltersInput, rng: Random): { alters: SynthAlter[]; alterOf: number[] } {
  const alters: SynthAlter[] = [];
  const alterOf = new Array<number>(input.people.length + input.organisations.length);
  const place = () => ({ [LAYOUT_VARIABLE]: { x: rng.next(), y: rng.next() } });
  input.people.forEach((n, i) => {
    alterOf[n] = alters.length;
    alters.push({
      uuid: rng.uuid(),
      nodeType: PERSON,
      attributes: {
        name: input.personNames[i],
        link_worker: false,
        sector: [input.sectorOf[n]],
        months_known: rng.int(1, input.monthsInPost + 36),
        contact_frequency: rng.pick(input.personContact),
      },
      layout: place(),
    });
  });
  input.organisations.forEach((n, i) => {
    alterOf[n] = alters.length;
    alters.push({
      uuid: rng.uuid(),
      nodeType: ORGANISATION,
      attributes: { name: input.organisationNames[i], sector: [input.sectorOf[n]] },
      layout: place(),
    });
  });
  for (let i = 0; i < input.colleagues; i++) {
    alters.push({
      uuid: rng.uuid(),
      nodeType: PERSON,
      attributes: {
        name: input.personNames[input.people.length + i],
        link_worker: true,
        sector: [input.ownSector],
        months_known: rng.int(1, Math.max(1, input.monthsInPost)),
        contact_frequency: rng.pick(input.colleagueContact),
      },
    });
  }
  return { alters, alterOf };
}
