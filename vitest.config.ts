import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const testFolders = ["app", "components", "lib", "prisma", "scripts", "cli", "tests"];
const include = [`{${testFolders.join(",")}}/**/*.test.ts`];
// A file that replaces modules (vi.mock) needs a fresh module registry. Every other file shares its
// worker's modules with the files before it: importing Prisma, zod schemas and route graphs again for
// each file was half of the suite's CPU (300 core-seconds against 143, measured on this machine). The
// list is read from the code, so a new mocking file is isolated without anyone remembering to.
const mocksModules = testFolders
  .flatMap((folder) => readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" }).map((file) => path.join(folder, file)))
  .filter((file) => file.endsWith(".test.ts"))
  .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(path.join(root, file), "utf8")));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.resolve(root, "$1") },
      // "server-only" throws outside a React Server Components bundle; tests run server code directly.
      { find: "server-only", replacement: path.resolve(root, "tests/server-only-stub.ts") },
    ],
  },
  test: {
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-env.ts"],
    // Two cores: database tests share one server, so a couple of workers is the sweet spot.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    // Suites call the API far faster than any person; the limiter has its own unit test. Their data is
    // years old and they share one database, so the session status rules would expire sessions other
    // files count on: the idle and expiry times are a century (lib/sessions/status.db.test.ts lowers
    // them for its own sessions from before 2008) and the background sweep is off.
    env: {
      GLOW_RATE_LIMIT_PER_TOKEN: "1000000",
      GLOW_RATE_LIMIT_PER_IP: "1000000",
      GLOW_SESSION_STATUS_IDLE_MINUTES: String(100 * 365 * 24 * 60),
      GLOW_SESSION_STATUS_EXPIRE_MINUTES: String(100 * 365 * 24 * 60),
      GLOW_SESSION_STATUS_SWEEP_SECONDS: "0",
    },
    hookTimeout: 120_000,
    projects: [
      // Projects add to an inherited include, so each names its own files.
      { extends: true, test: { name: "shared", include, exclude: mocksModules, isolate: false } },
      { extends: true, test: { name: "isolated", include: mocksModules } },
    ],
  },
});
