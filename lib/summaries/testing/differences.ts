// Test helper: how far the kept summaries of some profiles are from what the base tables say
// (the truth views of the summaries migration). Rollup rows that are all zeros count as absent.
import type { PrismaClient } from "@/lib/generated/prisma/client";

interface Definition {
  name: string;
  truth: string;
  keys: string[];
  attrs: string[];
  sums: string[];
}

export interface Difference {
  summary: string;
  /** Rows the summary has and the truth has not (or has otherwise), and the reverse. */
  extra: Record<string, unknown>[];
  missing: Record<string, unknown>[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Compares the summaries of `profileIds` (per-profile summaries) and of `departmentIds` (the cohort
 * rollups, which have no profile) with their truth.
 */
export async function summaryDifferences(
  db: Pick<PrismaClient, "$queryRawUnsafe">,
  profileIds: readonly string[],
  departmentIds: readonly string[] = [],
): Promise<Difference[]> {
  const definitions = await db.$queryRawUnsafe<Definition[]>("SELECT name, truth, keys, attrs, sums FROM glow_summary_definitions()");
  const found: Difference[] = [];
  for (const d of definitions) {
    const columns = [...d.keys, ...d.attrs, ...d.sums].map(quote).join(", ");
    const nonEmpty = d.attrs.length ? "TRUE" : `NOT (${d.sums.map((c) => `${quote(c)} = 0`).join(" AND ")})`;
    const [filter, ids] = [...d.keys, ...d.attrs].includes("profile_id")
      ? ["profile_id = ANY($1::uuid[])", profileIds]
      : ["department_id = ANY($1::text[])", departmentIds];
    const summary = `SELECT ${columns} FROM ${quote(d.name)} WHERE ${filter} AND ${nonEmpty}`;
    const truth = `SELECT ${columns} FROM ${quote(d.truth)} WHERE ${filter}`;
    const extra = await db.$queryRawUnsafe<Record<string, unknown>[]>(`${summary} EXCEPT ${truth}`, [...ids]);
    const missing = await db.$queryRawUnsafe<Record<string, unknown>[]>(`${truth} EXCEPT ${summary}`, [...ids]);
    if (extra.length || missing.length) found.push({ summary: d.name, extra, missing });
  }
  return found;
}
