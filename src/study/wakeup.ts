/** One waiter, woken when something it waits for may have happened (a worker answered, or failed). */
export class Wakeup {
  private wake: (() => void) | undefined;

  /** Wakes the waiter, if any. */
  signal(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Resolves at the next signal. */
  wait(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }
}
