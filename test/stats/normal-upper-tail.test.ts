import { describe, it } from "vitest";
import { normalUpperTail } from "../../src/stats/normal-upper-tail.js";
import { expectClose } from "./close.js";

describe("normalUpperTail against scipy.stats.norm.sf", () => {
  it("matches scipy at the centre, the 5% point and far in the tail", () => {
    // python3 -c "from scipy.stats import norm; print(norm.sf(0), norm.sf(1.6448536269514722), norm.sf(8.5), norm.sf(-2))"
    // → 0.5 0.050000000000000044 9.47953482220325e-18 0.9772498680518208
    expectClose(normalUpperTail(0), 0.5, "z = 0");
    expectClose(normalUpperTail(1.6448536269514722), 0.050000000000000044, "z = 1.645");
    expectClose(normalUpperTail(8.5), 9.47953482220325e-18, "z = 8.5");
    expectClose(normalUpperTail(-2), 0.9772498680518208, "z = −2");
  });
});
