import { describe, expect, it } from "vitest";
import { pathKind } from "../src/path-kind.js";

describe("pathKind", () => {
  it("tells a file, a folder, something else and nothing apart", async () => {
    expect(await pathKind("package.json")).toBe("file");
    expect(await pathKind("fixtures/thesis")).toBe("directory");
    expect(await pathKind("/dev/null")).toBe("other"); // a character device
    expect(await pathKind("fixtures/no-such-thing")).toBeNull();
  });
});
