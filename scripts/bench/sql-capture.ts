// The SQL baseline of a bench case: every statement a piece of server code sends to PostgreSQL,
// captured at the pg driver (which Prisma's adapter uses), then run again under
// EXPLAIN (ANALYZE) so PostgreSQL itself reports how long it took to plan and execute. Their sum
// is the physical limit of that code on this database: what is left of the API's time is Node,
// Next.js and the wire.
import { randomUUID } from "node:crypto";
import pg from "pg";

export interface CapturedStatement {
  text: string;
  values: unknown[];
}

type QueryConfig = { text: string; values?: unknown[] };

let capturing: CapturedStatement[] | null = null;
let installed = false;

/** Patches pg's Client.query once so that statements sent while `capture` runs are recorded. */
function install(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function patchedQuery(this: pg.Client, ...args: unknown[]) {
    if (capturing) {
      const [first, second] = args;
      if (typeof first === "string") capturing.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === "object" && "text" in first) {
        const config = first as QueryConfig;
        capturing.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
      }
    }
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** Runs `work` and returns the statements it sent (only one capture may run at a time). */
export async function capture(work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  install();
  if (capturing) throw new Error("captures cannot overlap");
  const statements: CapturedStatement[] = [];
  capturing = statements;
  try {
    await work();
  } finally {
    capturing = null;
  }
  return statements;
}

const explainable = /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i;

/**
 * PostgreSQL's own planning + execution time of the statements, in ms. Writes (the audit row of a
 * read, a token's last use) are measured inside a transaction that is rolled back.
 */
export async function serverTimeMs(client: pg.Client, statements: readonly CapturedStatement[]): Promise<number> {
  let total = 0;
  await client.query("BEGIN");
  try {
    for (const statement of statements) {
      if (!explainable.test(statement.text)) continue;
      const plan = await explainAnalyze(client, statement.text, statement.values.map(normalizeValue));
      total += plan["Planning Time"] + plan["Execution Time"];
    }
  } finally {
    await client.query("ROLLBACK");
  }
  return total;
}

type Plan = { "Planning Time": number; "Execution Time": number };

/**
 * EXPLAIN ANALYZE of one statement. An INSERT replayed with the key its original already wrote
 * (Prisma makes ids in the client) gets a fresh one, inside a savepoint so the transaction goes on.
 */
async function explainAnalyze(client: pg.Client, text: string, values: unknown[]): Promise<Plan> {
  for (;;) {
    await client.query("SAVEPOINT replay");
    try {
      const result = await client.query<{ "QUERY PLAN": Plan[] }>(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ${text}`, values);
      await client.query("RELEASE SAVEPOINT replay");
      return result.rows[0]!["QUERY PLAN"][0]!;
    } catch (error) {
      await client.query("ROLLBACK TO SAVEPOINT replay");
      const taken = error instanceof pg.DatabaseError && error.code === "23505" ? /=\(([0-9a-f-]{36})\)/.exec(error.detail ?? "")?.[1] : undefined;
      const index = taken ? values.indexOf(taken) : -1;
      if (index < 0) throw error;
      values = values.map((value, i) => (i === index ? randomUUID() : value));
    }
  }
}

// The adapter may hand pg values pg would serialize the same way anyway; arrays of objects (JSON)
// must go as JSON text.
function normalizeValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, as text, for the plans the docs keep. */
export async function explainText(client: pg.Client, statements: readonly CapturedStatement[]): Promise<string> {
  const parts: string[] = [];
  await client.query("BEGIN");
  try {
    for (const statement of statements) {
      if (!explainable.test(statement.text)) continue;
      await client.query("SAVEPOINT plan");
      try {
        const result = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
          statement.values.map(normalizeValue),
        );
        parts.push(`${statement.text.trim()}\n\n${result.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
        await client.query("RELEASE SAVEPOINT plan");
      } catch (error) {
        await client.query("ROLLBACK TO SAVEPOINT plan");
        parts.push(`${statement.text.trim()}\n\n(not explained: ${error instanceof Error ? error.message : String(error)})`);
      }
    }
  } finally {
    await client.query("ROLLBACK");
  }
  return parts.join(`\n\n${"-".repeat(100)}\n\n`);
}
