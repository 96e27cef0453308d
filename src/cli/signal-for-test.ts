/**
 * Defined (true) only in the bundle the test suite builds (test/setup/build-cli.ts passes esbuild
 * `--define:NETSP_TEST_BUILD=true`). In the shipped bundle, in dist/ and in the sources it is undefined, so
 * nothing below reads the environment.
 */
declare const NETSP_TEST_BUILD: boolean | undefined;

/** The moments a test can stop `netsp analyse` at. */
export type TestMoment =
  /** The first ego has been measured; more are being read. */
  | "measuring"
  /** The staging folder exists; the output files are about to be written into it. */
  | "writing"
  /** Every output is written and flushed; the swap is about to begin. */
  | "swapping"
  /** The previous output folder has been renamed aside; the new one is not yet renamed into its place. */
  | "between-renames";

/** The test-only variable: `<moment>:<signal>`, e.g. `writing:SIGINT` or `between-renames:SIGKILL`. */
export const TEST_SIGNAL_VARIABLE = "NETSP_TEST_SIGNAL_AT";

let sent = false;

/**
 * Test builds only: when NETSP_TEST_SIGNAL_AT names this moment, the process sends itself the signal, so a
 * test interrupts a run at an exact point instead of guessing with timers. With no handler for the signal
 * its default action happens at once (SIGINT and SIGKILL end the process here); with a handler, this waits
 * until the handlers have run, then the run goes on as it would after a real interrupt. Once per process.
 */
export async function signalForTest(moment: TestMoment): Promise<void> {
  if (typeof NETSP_TEST_BUILD === "undefined" || NETSP_TEST_BUILD !== true || sent) return;
  const [at, signal] = (process.env[TEST_SIGNAL_VARIABLE] ?? "").split(":") as [string, NodeJS.Signals | undefined];
  if (at !== moment || signal === undefined) return;
  sent = true;
  if (process.listenerCount(signal) === 0) {
    process.kill(process.pid, signal);
    return;
  }
  await new Promise<void>((resolve) => {
    // Signal watchers do not keep Node running: the timer does, until the handlers have run.
    const alive = setTimeout(resolve, 60_000);
    process.once(signal, () => {
      clearTimeout(alive);
      resolve();
    });
    process.kill(process.pid, signal);
  });
}
