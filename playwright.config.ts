import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The config is evaluated again in every worker; the environment carries one database name across.
process.env.GLOW_E2E_DB ??= `glow_e2e_${Date.now()}`;
const port = process.env.GLOW_E2E_PORT ?? "3100";
// Point the tests at a server that is already running (e.g. `npm run dev` while developing a page,
// with GLOW_E2E_DB naming its database) instead of building and starting one.
const externalBaseUrl = process.env.GLOW_E2E_BASE_URL;

// Debian's Chromium when present (this machine and CI); Playwright's own browser elsewhere.
const executablePath = process.env.GLOW_CHROMIUM ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  // Two: with the unit suite beside it, more workers only share the same two cores (measured: three
  // workers, or three beside one unit worker, took as long).
  workers: Number(process.env.GLOW_E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  timeout: 30_000,
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    // Recording a trace for every test in case it fails cost 45% of the suite's CPU (its screencast most),
    // measured on this machine. A failure keeps its screenshot and the page's ARIA snapshot (error-context.md);
    // GLOW_E2E_TRACE=1 records full traces when a failure needs more.
    trace: process.env.GLOW_E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    // The live indicator pulses unless motion is reduced: an endless animation keeps the browser painting
    // (12% of a spec's CPU). The product honours the preference, so this is a state users have too.
    reducedMotion: "reduce",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: "node --import ./scripts/support/server-only.mjs --import tsx scripts/e2e-server.ts",
        url: `http://127.0.0.1:${port}/`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        // The authorization matrix sends a few hundred requests per caller within minutes; the limiter has its own tests.
        env: {
          GLOW_E2E_PORT: port,
          GLOW_E2E_DB: process.env.GLOW_E2E_DB,
          GLOW_RATE_LIMIT_PER_TOKEN: process.env.GLOW_RATE_LIMIT_PER_TOKEN ?? "100000",
          GLOW_RATE_LIMIT_PER_IP: process.env.GLOW_RATE_LIMIT_PER_IP ?? "100000",
        },
      },
});
