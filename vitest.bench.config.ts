import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The benchmark scripts (npm run bench): run under Vitest for TypeScript and the @ paths, one at a time, without time limits. */
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["bench/**/*.run.ts"],
    environment: "node",
    globalSetup: ["./lib/testing/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 0,
    hookTimeout: 0,
  },
});
