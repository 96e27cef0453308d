import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
    // Builds bin/netsp.js from the current sources before any test runs (see the file).
    globalSetup: ["test/setup/build-cli.ts"],
  },
});
