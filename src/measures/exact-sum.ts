/**
 * Exact, order-free summation (see src/stats/exact-sum.ts, where it lives so the statistics can use it too).
 * Measures that add up per-alter terms use it, so the same network gives the same bits whatever the order of
 * its rows (a per-session and a merged export, or a re-sorted file).
 */
export { ExactSum, exactSum } from "../stats/exact-sum.js";
