import "server-only";
// POST /system/audit/access_history: one person's full access history as a CSV, recorded in the
// audit log (with its purpose) before any of it is sent.
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { csvHeader, csvRow, type Cell } from "@/lib/export/csv";
import { prisma } from "@/lib/db";
import { recordAudit } from "./record";
import { accessHistoryRows, type AccessHistoryRow } from "./access-history-sql";
import { accessHistoryColumns, type AccessHistoryRequest } from "./schemas";

export async function accessHistoryCsv(
  actor: Actor,
  body: AccessHistoryRequest,
  request: { headers: Headers; requestId: string },
): Promise<{ filename: string; csv: string }> {
  const person = await prisma.profile.findUnique({ where: { id: body.profile_id }, select: { id: true } });
  if (!person) throw new ApiError("not_found", "profile_id: no profile has this id.", [{ field: "profile_id", message: "No profile has this id" }]);
  await recordAudit(
    actor,
    { action: "audit.access_history_export", target_type: "profile", target_id: person.id, details: { purpose: body.purpose } },
    request,
  );
  const rows = await accessHistoryRows(prisma, person.id);
  const generatedAt = new Date();
  const stamp = generatedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return {
    filename: `glow-access-history-${person.id}-${stamp}.csv`,
    csv: csvHeader(accessHistoryColumns) + rows.map((row) => csvRow(accessHistoryColumns, toCells(row))).join(""),
  };
}

function toCells(row: AccessHistoryRow): Record<(typeof accessHistoryColumns)[number], Cell> {
  return {
    ...row,
    created_at: row.created_at.toISOString(),
    details: row.details === null || row.details === undefined ? null : JSON.stringify(row.details),
  };
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
