/** The seed the committed thesis fixture was generated with, and the default of `netsp synth`. */
export const DEFAULT_SEED = 4331;
