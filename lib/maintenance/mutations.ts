import "server-only";
// Summaries are computed live from the tables today; when materialized views are added they are
// refreshed here first, found in the catalog rather than listed, so a new view cannot be forgotten.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { RefreshResponse } from "./schemas";

// The tables the activity, session, group and pricing summaries read.
export const summaryTables = [
  "profiles",
  "sessions",
  "chats",
  "attempts",
  "groups",
  "runs",
  "messages",
  "message_uploads",
  "uploads",
  "tool_calls",
  "problems",
  "logins",
  "emulations",
  "grants",
  "models",
  "model_prices",
] as const;

interface ViewRow {
  name: string;
  populated: boolean;
  has_unique_index: boolean;
}

function quoteIdentifier(name: string): Prisma.Sql {
  return Prisma.raw(`"${name.replace(/"/g, '""')}"`);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return Math.round(performance.now() - started);
}

export async function refreshSummaries(): Promise<RefreshResponse> {
  const started = performance.now();
  const refreshed: RefreshResponse["refreshed"] = [];

  const views = await prisma.$queryRaw<ViewRow[]>`
    SELECT v.matviewname AS name, v.ispopulated AS populated,
      EXISTS (
        SELECT 1 FROM pg_index i
        WHERE i.indrelid = format('%I.%I', v.schemaname, v.matviewname)::regclass AND i.indisunique AND i.indpred IS NULL
      ) AS has_unique_index
    FROM pg_matviews v WHERE v.schemaname = current_schema()
    ORDER BY v.matviewname`;
  for (const view of views) {
    // CONCURRENTLY keeps the view readable while it refreshes, but needs a unique index and a
    // populated view; otherwise a plain refresh is the only one PostgreSQL accepts.
    const concurrently = view.populated && view.has_unique_index;
    const duration_ms = await timed(() =>
      concurrently
        ? prisma.$executeRaw`REFRESH MATERIALIZED VIEW CONCURRENTLY ${quoteIdentifier(view.name)}`
        : prisma.$executeRaw`REFRESH MATERIALIZED VIEW ${quoteIdentifier(view.name)}`,
    );
    refreshed.push({
      name: view.name,
      action: concurrently ? "refresh_materialized_view_concurrently" : "refresh_materialized_view",
      duration_ms,
    });
  }

  for (const table of summaryTables) {
    const duration_ms = await timed(() => prisma.$executeRaw`ANALYZE ${quoteIdentifier(table)}`);
    refreshed.push({ name: table, action: "analyze", duration_ms });
  }

  return { refreshed, duration_ms: Math.round(performance.now() - started), refreshed_at: new Date().toISOString() };
}
