/**
 * A one-line progress display on stderr, only when stderr is a terminal (never in pipes, logs or CI).
 * Shows egos done and egos per second, and the time remaining when the total is known.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    stream: { isTTY?: boolean } = process.stderr,
  ) {
    this.enabled = stream.isTTY === true && process.env.CI === undefined;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 || now - this.started < 500) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / seconds;
    let line = `${this.label}: ${done.toLocaleString("en")}`;
    let left = "";
    if (this.total) {
      const width = 24;
      const filled = Math.min(width, Math.round((width * done) / this.total));
      line = `${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en")}/${this.total.toLocaleString("en")}`;
      if (rate > 0) left = `, ${Math.max(0, Math.ceil((this.total - done) / rate))} s left`;
    }
    line += ` egos, ${Math.round(rate).toLocaleString("en")}/s${left}`;
    process.stderr.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) process.stderr.write("\r\x1b[K");
    this.drawn = false;
  }
}
