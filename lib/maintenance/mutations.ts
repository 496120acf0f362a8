import "server-only";
// What POST /system/refresh does. First the session status sweep (lib/sessions/status.ts). The
// summaries (session_stats, group_stats and the daily and monthly rollups) are kept current by
// triggers, so refreshing them means re-deriving each from the base tables and repairing any drift
// (a bulk load that bypassed the triggers, a hand-made fix): glow_reconcile_summary() in the
// summaries migration does it beside live writers without losing their increments. Materialized
// views, if any are added, are refreshed next, found in the catalog so a new one cannot be
// forgotten; then ANALYZE keeps the planner's statistics current.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { retryOnWriteConflict } from "@/lib/db/write-conflict";
import { sweepSessionStatuses } from "@/lib/sessions/status";
import type { RefreshResponse } from "./schemas";

// The tables the activity, session, group and pricing summaries read.
export const summaryTables = [
  "session_stats",
  "group_stats",
  "activity_daily",
  "activity_monthly",
  "usage_daily",
  "usage_monthly",
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

interface DriftRow {
  name: string;
  inserted: bigint;
  updated: bigint;
  deleted: bigint;
  pruned: bigint;
}

export async function refreshSummaries(): Promise<RefreshResponse> {
  const started = performance.now();
  const refreshed: RefreshResponse["refreshed"] = [];

  // First, so the summaries reconciled next already carry the statuses the clock implies.
  let moved = 0;
  const sweepMs = await timed(async () => {
    moved = await sweepSessionStatuses();
  });
  refreshed.push({ name: "sessions", action: "sweep_session_status", duration_ms: sweepMs, moved });

  const summaries = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM glow_summary_definitions()`;
  for (const { name } of summaries) {
    let drift: DriftRow | undefined;
    const duration_ms = await timed(async () => {
      // A reconcile touches every drifted row while ingestion keeps writing: PostgreSQL may pick it as
      // a deadlock's victim (seen once beside the test suite's writers). It changed nothing then, so it runs again.
      [drift] = await retryOnWriteConflict(() => prisma.$queryRaw<DriftRow[]>`SELECT ${name} AS name, r.* FROM glow_reconcile_summary(${name}) r`);
    });
    refreshed.push({
      name,
      action: "reconcile_summary",
      duration_ms,
      repaired: {
        inserted: Number(drift?.inserted ?? 0),
        updated: Number(drift?.updated ?? 0),
        deleted: Number(drift?.deleted ?? 0),
      },
      pruned: Number(drift?.pruned ?? 0),
    });
  }

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
    // Through the owner's glow_analyze: the app's role owns no table, and ANALYZE by anyone else is skipped.
    const duration_ms = await timed(() => prisma.$queryRaw`SELECT glow_analyze(${table}::regclass)::text`);
    refreshed.push({ name: table, action: "analyze", duration_ms });
  }

  return { refreshed, duration_ms: Math.round(performance.now() - started), refreshed_at: new Date().toISOString() };
}
