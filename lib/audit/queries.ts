import "server-only";
import { dateWindow, pageInfo, uuid } from "@/lib/api/common-schemas";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActions, auditOutcomes, auditTargetTypes } from "./actions";
import type { AuditItem, ListAuditRequest, ListAuditResponse } from "./schemas";

const auditSelect = {
  id: true,
  created_at: true,
  actor_id: true,
  on_behalf_of_id: true,
  action: true,
  target_type: true,
  target_id: true,
  ip: true,
  request_id: true,
  details: true,
  outcome: true,
  offered_upload_ids: true,
  actor: { select: { name: true } },
  on_behalf_of: { select: { name: true } },
} satisfies Prisma.AuditLogSelect;

type AuditRecord = Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>;

function toAuditItem(row: AuditRecord): AuditItem {
  return {
    audit_id: row.id,
    created_at: row.created_at.toISOString(),
    actor_id: row.actor_id,
    actor_name: row.actor?.name ?? null,
    on_behalf_of_id: row.on_behalf_of_id,
    on_behalf_of_name: row.on_behalf_of?.name ?? null,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    ip: row.ip,
    request_id: row.request_id,
    details: row.details,
    outcome: auditOutcomes.find((outcome) => outcome === row.outcome) ?? null,
    offered_upload_ids: row.offered_upload_ids,
  };
}

/** "session." matches every session action; anything else matches exactly. */
export function actionWhere(action: string): Prisma.StringFilter {
  return action.endsWith(".") ? { startsWith: action } : { equals: action };
}

/**
 * An upload's downloads from a page are recorded on the group read that offered them, so looking
 * an upload up finds those rows too, beside its own upload.read rows.
 */
function targetWhere({ target_type, target_id }: ListAuditRequest): Prisma.AuditLogWhereInput[] {
  const exact: Prisma.AuditLogWhereInput = { target_type, target_id };
  const offeredUpload = target_id && uuid("target_id").safeParse(target_id).success && (target_type === undefined || target_type === "upload");
  if (!offeredUpload) return target_type || target_id ? [exact] : [];
  return [{ OR: [exact, { offered_upload_ids: { has: target_id.toLowerCase() } }] }];
}

function auditWhere(body: ListAuditRequest): Prisma.AuditLogWhereInput {
  const clauses: Prisma.AuditLogWhereInput[] = [];
  if (body.actor_id) clauses.push({ actor_id: body.actor_id });
  if (body.on_behalf_of_id) clauses.push({ on_behalf_of_id: body.on_behalf_of_id });
  if (body.action) clauses.push({ action: actionWhere(body.action) });
  clauses.push(...targetWhere(body));
  if (body.request_id) clauses.push({ request_id: body.request_id });
  if (body.outcome) clauses.push({ outcome: body.outcome });
  const { from, toExclusive } = dateWindow(body);
  if (from || toExclusive) clauses.push({ created_at: { gte: from, lt: toExclusive } });
  return { AND: clauses };
}

export async function listAudit(body: ListAuditRequest): Promise<ListAuditResponse> {
  return { ...(await listAuditRows(body)), facets: auditFacets() };
}

/** One page of the log without the facets. */
export async function listAuditRows(body: ListAuditRequest): Promise<Omit<ListAuditResponse, "facets">> {
  const where = auditWhere(body);
  const [total, rows] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      select: auditSelect,
      orderBy: [{ created_at: "desc" }, { id: "desc" }],
      skip: (body.page - 1) * body.page_size,
      take: body.page_size,
    }),
  ]);
  return { items: rows.map(toAuditItem), ...pageInfo(body.page, body.page_size, total) };
}

/** Every action and target type Glow records, for filter choices. */
export function auditFacets(): ListAuditResponse["facets"] {
  return { actions: [...auditActions].sort(), target_types: [...auditTargetTypes].sort() };
}

/** People for the audit page's actor and TA selects. */
export async function auditPeopleOptions(): Promise<{ value: string; label: string; access_level: string }[]> {
  const rows = await prisma.profile.findMany({
    select: { id: true, name: true, access_level: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ value: row.id, label: row.name, access_level: row.access_level }));
}
