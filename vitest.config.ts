import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, "$1") },
      // "server-only" throws outside a React Server Components bundle; tests run server code directly.
      { find: "server-only", replacement: path.resolve(import.meta.dirname, "tests/server-only-stub.ts") },
    ],
  },
  test: {
    include: ["{app,components,lib,prisma,scripts,cli,tests}/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-env.ts"],
    // Two cores: database tests share one server, so a couple of workers is the sweet spot.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    // Suites call the API far faster than any person; the limiter has its own unit test.
    env: { GLOW_RATE_LIMIT_PER_TOKEN: "1000000", GLOW_RATE_LIMIT_PER_IP: "1000000" },
    hookTimeout: 120_000,
  },
});
