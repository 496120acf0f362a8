import "server-only";
// A count the rollups cannot answer (a filter they do not keep, such as a model or a session's
// status) reads the matching rows, so it stops at exactCountLimit and gives the planner's estimate
// beyond: a page then never waits on counting a million rows.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";

export const exactCountLimit = 1_000;

export interface BoundedCount {
  count: number;
  estimate: boolean;
}

/**
 * How many rows of `table` (aliased `x` in `where`) match: exact up to exactCountLimit, else
 * estimated. `from` replaces the table when a narrower relation leads to the matches (one row per
 * row of the table that matches).
 */
export async function boundedCount(table: "session_stats" | "group_stats", where: Prisma.Sql, from?: Prisma.Sql): Promise<BoundedCount> {
  const source = from ?? Prisma.sql`${Prisma.raw(table)} x`;
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${source} WHERE ${where} LIMIT ${exactCountLimit + 1}) bounded`;
  const n = row?.n ?? 0;
  if (n <= exactCountLimit) return { count: n, estimate: false };
  return { count: Math.max(await plannedRows(Prisma.sql`SELECT 1 FROM ${source} WHERE ${where}`), n), estimate: true };
}

/** The planner's row estimate for a query (EXPLAIN without running it). */
async function plannedRows(query: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }[]>`EXPLAIN (FORMAT JSON) ${query}`;
  return Math.round(row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}
