import { describe, expect, it } from "vitest";
import { eiIndex, sameCategory, tallyCategories } from "../../src/measures/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";

const codebook = makeCodebook({
  node: { Person: { sector: ["vcs", "health", "council"] }, Venue: {} },
  ego: { employer: ["VCS", "PCN", "Council"] },
});

describe("sameCategory and composition egoValues", () => {
  // Ego employer PCN, read through egoValues as health. Alters: vcs, health, [vcs, health] (several),
  // housing (outside the categories, dropped → none), none, and a Venue (the variable does not apply).
  const network = makeNetwork({
    egoAttributes: { employer: ["PCN"] },
    alters: [
      { id: "a", attributes: { sector: ["vcs"] } },
      { id: "b", attributes: { sector: ["health"] } },
      { id: "c", attributes: { sector: ["vcs", "health"] } },
      { id: "d", attributes: { sector: ["housing"] } },
      { id: "e", attributes: { sector: null } },
      { id: "v", type: "Venue" },
    ],
  });
  const plan = makeStudyPlan(codebook, {
    composition: { sector: { categories: ["vcs", "health", "council"], egoVariable: "employer", egoValues: { VCS: "vcs", PCN: "health", Council: "council" } } },
  });
  const sector = plan.composition[0]!;

  it("is 1 in the ego's category, 0 in another, null with none, several, or where the variable does not apply", () => {
    expect(network.alters.map((a) => sameCategory(a, network.ego, sector))).toEqual([0, 1, null, null, null, null]);
  });

  it("agrees with the E-I index: I = the 1s, E + I = the non-null; here (1 − 1)/2 = 0", () => {
    expect(eiIndex(tallyCategories(network.alters, network.ego, sector))).toBe(0);
  });

  it("without egoValues the ego's PCN is no sector category: null everywhere, and E-I null", () => {
    const raw = makeStudyPlan(codebook, { composition: { sector: { categories: ["vcs", "health", "council"], egoVariable: "employer" } } }).composition[0]!;
    expect(network.alters.map((a) => sameCategory(a, network.ego, raw))).toEqual([null, null, null, null, null, null]);
    expect(eiIndex(tallyCategories(network.alters, network.ego, raw))).toBeNull();
  });

  it("warns about egoValues that name no category, or that have no egoVariable", () => {
    const bad = makeStudyPlan(codebook, { composition: { sector: { categories: ["vcs", "health"], egoVariable: "employer", egoValues: { PCN: "nhs" } } } });
    expect(bad.warnings).toContain('composition "sector": egoValues reads ego value "PCN" as "nhs", which is not one of its categories (vcs, health)');
    const alone = makeStudyPlan(makeCodebook({ node: { Person: { sector: ["vcs"] } } }), { composition: { sector: { egoValues: { PCN: "vcs" } } } });
    expect(alone.warnings).toContain('composition "sector": egoValues is ignored without an egoVariable');
  });
});
