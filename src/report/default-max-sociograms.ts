/** Sociograms drawn in a report when no cap is given. */
export const DEFAULT_MAX_SOCIOGRAMS = 200;
