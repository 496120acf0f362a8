// The start sequence shared by `npm start` and the e2e test server: database, migrations, demo data
// on first run, a build when the sources changed, then Next.js.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseTrustedProxies } from "@/lib/auth/client-address";
import { createPrismaClient } from "@/lib/db/client";
import { FileSystemMediaStore, mediaRootFromEnv } from "@/lib/storage/media-store";
import { seedIfEmpty } from "@/prisma/seed/demo";
import { appServerNodeArgs } from "./app-server-heap.ts";
import { ensureBuild } from "./build-if-needed.ts";
import {
  createDatabaseIfMissing,
  dataDir,
  dropDatabase,
  dropStaleDatabases,
  openDatabase,
  redact,
  throwawayAppRole,
  withDatabaseName,
} from "./db/database.ts";
import { ensureAppRole, grantAppAccess, withRole } from "./db/app-role.ts";
import { applyPendingMigrations } from "./db/migrations.ts";
import { repoRoot } from "./db/schema-engine.ts";
import { ensureDemoCredentials, type DemoCredentials } from "./demo-credentials.ts";
import { readOrCreateSecret } from "./secrets.ts";

// A terminal or log pipe that goes away must not take the server with it: a write to a closed pipe
// raises EPIPE, which would otherwise be logged (to the same closed pipe) in an endless loop.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

const embeddedAppRole = "glow_app";

export interface AppOptions {
  dev: boolean;
  port: string;
  host: string;
  /** A throwaway database on the same server, dropped on exit (the e2e server uses it). */
  freshDatabaseName?: string;
  log: (line: string) => void;
  onReady: (info: { url: string; demo: DemoCredentials | null; seconds: number }) => void;
}

export async function runApp(options: AppOptions): Promise<void> {
  const { log } = options;
  const started = Date.now();
  const server = await openDatabase(log);
  // Migrations and the seed run as the owner of the tables; the app as a role that owns nothing and
  // may only add to the audit log (scripts/db/app-role.ts). The embedded server has both; with
  // DATABASE_URL, GLOW_MIGRATION_DATABASE_URL names the owner.
  const migrationUrl = process.env.GLOW_MIGRATION_DATABASE_URL;
  let databaseUrl = migrationUrl ?? server.url;
  let appUrl = server.url;
  if (options.freshDatabaseName) {
    const prefix = options.freshDatabaseName.replace(/\d.*$/, "");
    const dropped = await dropStaleDatabases(databaseUrl, prefix, 6 * 3600_000);
    if (dropped.length) log(`Dropped ${dropped.length} throwaway database(s) left by earlier runs`);
    databaseUrl = withDatabaseName(databaseUrl, options.freshDatabaseName);
    appUrl = withDatabaseName(appUrl, options.freshDatabaseName);
    await createDatabaseIfMissing(databaseUrl);
  }
  log(`Database: ${redact(databaseUrl)}${server.embedded ? " (embedded)" : ""}`);
  // A typo in the proxy list must stop the start, not silently trust nobody (or everybody).
  parseTrustedProxies(process.env.GLOW_TRUSTED_PROXIES);

  // The build reads no database: it runs while the database is migrated and filled.
  const building = options.dev ? Promise.resolve() : ensureBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log);
  building.catch(() => {}); // awaited below, where a failed build stops the start

  const applied = await applyPendingMigrations(databaseUrl);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);

  const mediaRoot = mediaRootFromEnv();
  const prisma = createPrismaClient(databaseUrl, 4);
  try {
    if (await seedIfEmpty(prisma, new FileSystemMediaStore(mediaRoot), log)) log("Filled the empty database with demo data.");
  } finally {
    await prisma.$disconnect();
  }
  // A throwaway database's tests make their own credentials; the demo file belongs to `npm start`.
  const demo = options.freshDatabaseName ? null : await ensureDemoCredentials(databaseUrl);
  appUrl = await appConnection({
    embedded: server.embedded,
    ownerUrl: databaseUrl,
    appUrl,
    separateOwner: !!migrationUrl,
    throwawayDatabase: options.freshDatabaseName,
    log,
  });

  const url = `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
    DATABASE_URL: appUrl,
    GLOW_MEDIA_DIR: mediaRoot,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await readOrCreateSecret(`${dataDir}/auth-secret`)),
  };
  await building;

  // Our own server around Next.js (scripts/next-server.mjs); the IPC channel tells it when we are gone.
  const next = spawn(
    process.execPath,
    [
      ...appServerNodeArgs(),
      `${repoRoot}/scripts/next-server.mjs`,
      ...(options.dev ? ["--dev"] : []),
      "--port",
      options.port,
      "--host",
      options.host,
    ],
    { cwd: repoRoot, env, stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  next.stdout?.on("data", (chunk: Buffer) => {
    if (process.env.GLOW_VERBOSE) process.stdout.write(chunk);
  });
  next.once("message", () => options.onReady({ url, demo, seconds: (Date.now() - started) / 1000 }));

  // In order: the app drains its requests and exits, then the database stops, then we do.
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null && next.signalCode === null) {
      next.kill("SIGTERM");
      await new Promise((resolve) => next.once("exit", resolve));
    }
    if (options.freshDatabaseName) await dropDatabase(databaseUrl).catch(() => {});
    await server.stop().catch(() => {});
    process.exit(code);
  };
  next.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
  // `npm start` is npm, then sh, then us: a SIGTERM to npm ends npm and sh without passing it on,
  // and we would be left running under PID 1. So losing our parent counts as being told to stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 500).unref();
}

/** The URL the app connects with: a role that is neither superuser nor owner, whenever there is one. */
async function appConnection(options: {
  embedded: boolean;
  ownerUrl: string;
  appUrl: string;
  separateOwner: boolean;
  throwawayDatabase?: string;
  log: (line: string) => void;
}): Promise<string> {
  // The e2e suite runs the app as production should run it, so a missing grant fails here first.
  if (options.throwawayDatabase && !options.embedded && !options.separateOwner) {
    const role = throwawayAppRole(options.throwawayDatabase);
    const password = randomBytes(18).toString("base64url");
    await ensureAppRole(options.ownerUrl, role, password);
    await grantAppAccess(options.ownerUrl, role);
    return withRole(options.ownerUrl, role, password);
  }
  if (options.embedded) {
    const password = await readOrCreateSecret(`${dataDir}/postgres-app-password`, 18);
    await ensureAppRole(options.ownerUrl, embeddedAppRole, password);
    await grantAppAccess(options.ownerUrl, embeddedAppRole);
    return withRole(options.ownerUrl, embeddedAppRole, password);
  }
  const appRole = decodeURIComponent(new URL(options.appUrl).username);
  if (options.separateOwner && appRole !== decodeURIComponent(new URL(options.ownerUrl).username)) {
    await grantAppAccess(options.ownerUrl, appRole);
    return options.appUrl;
  }
  options.log(
    "The app connects as the role that owns the tables, so it could rewrite its audit log: set GLOW_MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role that owns nothing (README, Security).",
  );
  return options.appUrl;
}
