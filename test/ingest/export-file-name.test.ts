import { describe, expect, it } from "vitest";
import { exportFileName } from "../../src/ingest/export-file-name.js";

describe("exportFileName", () => {
  it("takes the type from the known suffix and never splits the prefix on _", () => {
    expect(exportFileName("case_10_8e63e94a-d761-4823-a9b5-9e3dd74a7dc0_attributeList_Person.csv")).toEqual({
      role: "node",
      prefix: "case_10_8e63e94a-d761-4823-a9b5-9e3dd74a7dc0",
      type: "Person",
    });
    expect(exportFileName("wave_2/my_case_1_s_edgeList_Close_friend.csv")).toEqual({
      role: "edge",
      prefix: "my_case_1_s",
      type: "Close_friend",
    });
    expect(exportFileName("IJE_RADAR_Protocol_ego.csv")).toEqual({ role: "ego", prefix: "IJE_RADAR_Protocol" });
  });

  it("knows the header-only lists, adjacency matrices and Unicode types; other names are not export files", () => {
    expect(exportFileName("c_s_attributeList.csv")).toEqual({ role: "node", prefix: "c_s", type: null });
    expect(exportFileName("c_s_edgeList.csv")).toEqual({ role: "edge", prefix: "c_s", type: null });
    expect(exportFileName("c_s_adjacencyMatrix_Close.csv")).toEqual({ role: "matrix", prefix: "c_s", type: "Close" });
    expect(exportFileName("c_s_attributeList_Café.csv")).toMatchObject({ type: "Café" });
    expect(exportFileName("egos.csv")).toBeUndefined();
    expect(exportFileName("_ego.csv")).toBeUndefined();
    expect(exportFileName("c_s_ego.csv.bak")).toBeUndefined();
  });
});
