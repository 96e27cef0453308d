import { describe, expect, it } from "vitest";
import { Wakeup } from "../../src/study/wakeup.js";

describe("Wakeup", () => {
  it("resolves a wait at the next signal, not before; a signal with no waiter is dropped", async () => {
    const w = new Wakeup();
    w.signal(); // nobody waits: nothing happens
    let woken = false;
    const waiting = w.wait().then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    w.signal();
    await waiting;
    expect(woken).toBe(true);
  });
});
