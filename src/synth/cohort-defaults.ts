/** Defaults of a random cohort (`netsp synth --egos`): mean alters per ego, density, relation types. */
export const COHORT_DEFAULTS = { alters: 60, density: 0.1, types: 3 } as const;
