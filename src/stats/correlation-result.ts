/** A correlation with its test and 95% confidence interval; null fields carry a `reason`. */
export interface CorrelationResult {
  /** Cases used (complete on every variable involved). */
  n: number;
  r: number | null;
  /** Degrees of freedom of the t test: n − 2 − (number of controls). */
  df: number | null;
  /** Two-sided p from t = r√(df/(1 − r²)). */
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  reason: string | null;
}
