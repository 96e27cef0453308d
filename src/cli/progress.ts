/** Where a progress line is drawn: stderr, or a stand-in with the same two members in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * The one progress display: a line on stderr, only when stderr is a terminal (never in pipes, logs or CI).
 * Shows egos done and egos per second, and the time remaining when the total is known. Drawn at most every
 * `intervalMs`, and not before `delayMs` (a quick run shows nothing); erased by `done()`.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly timing: { intervalMs: number; delayMs: number } = { intervalMs: 100, delayMs: 500 },
  ) {
    this.enabled = stream.isTTY === true && process.env.CI === undefined;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if ((this.drawn && now - this.lastDraw < this.timing.intervalMs) || now - this.started < this.timing.delayMs) return;
    this.lastDraw = now;
    const seconds = Math.max(now - this.started, 1) / 1000;
    const rate = done / seconds;
    let line = `${this.label}: ${done.toLocaleString("en")}`;
    let left = "";
    if (this.total) {
      const width = 24;
      const filled = Math.min(width, Math.round((width * done) / this.total));
      line = `${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en")}/${this.total.toLocaleString("en")}`;
      if (rate > 0) left = `, ${Math.max(0, Math.ceil((this.total - done) / rate))} s left`;
    }
    line += ` ego${done === 1 && !this.total ? "" : "s"}, ${Math.round(rate).toLocaleString("en")}/s${left}`;
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}
