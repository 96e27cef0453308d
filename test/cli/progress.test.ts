import { afterEach, describe, expect, it } from "vitest";
import { Progress } from "../../src/cli/progress.js";

const ci = process.env.CI;
afterEach(() => {
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
});

/** A stand-in for stderr that keeps what is written. */
function stream(isTTY: boolean) {
  const out = { text: "", isTTY, write: (s: string) => (out.text += s) };
  return out;
}

describe("Progress, the one progress display", () => {
  it("draws each update on a terminal, counting egos, and erases the line at the end", () => {
    delete process.env.CI;
    const s = stream(true);
    const p = new Progress("validating", undefined, s, { intervalMs: 0, delayMs: 0 });
    p.update(1);
    p.update(2);
    p.done();
    const lines = s.text.split("\r").filter(Boolean);
    expect(lines[0]).toMatch(/^validating: 1 ego, [\d,]+\/s\x1b\[K$/);
    expect(lines[1]).toMatch(/^validating: 2 egos, [\d,]+\/s\x1b\[K$/);
    expect(lines[2]).toBe("\x1b[K");
  });

  it("with a known total, draws a bar and the count out of the total", () => {
    delete process.env.CI;
    const s = stream(true);
    const p = new Progress("measuring", 4, s, { intervalMs: 0, delayMs: 0 });
    p.update(2);
    // 24 columns, half filled: 12 × "#" then 12 × "-".
    expect(s.text).toMatch(/^\rmeasuring \[#{12}-{12}\] 2\/4 egos, [\d,]+\/s(, \d+ s left)?\x1b\[K$/);
  });

  it("writes nothing when not a terminal, under CI, or before the delay", () => {
    delete process.env.CI;
    const pipe = stream(false);
    new Progress("measuring", undefined, pipe, { intervalMs: 0, delayMs: 0 }).update(1);
    expect(pipe.text).toBe("");
    process.env.CI = "true";
    const ciTerminal = stream(true);
    new Progress("measuring", undefined, ciTerminal, { intervalMs: 0, delayMs: 0 }).update(1);
    expect(ciTerminal.text).toBe("");
    delete process.env.CI;
    const early = stream(true);
    const p = new Progress("measuring", undefined, early, { intervalMs: 0, delayMs: 60_000 });
    p.update(1);
    p.done();
    expect(early.text).toBe("");
  });
});
