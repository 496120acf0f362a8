import "server-only";
// Lists disclose TA records too (a page of sessions, of groups, of problems; activity per TA): each
// list read is one audit row with its filters and the ids of the people it showed. Called by the
// list functions themselves (lib/<feature>/queries.ts), so the API and the pages cannot differ.
import type { Actor } from "@/lib/auth/actor";
import { currentRequest } from "@/lib/api/request-context";
import type { AuditAction } from "./actions";
import { recordAudit } from "./record";

export async function auditListRead(actor: Actor, action: AuditAction, filters: object, profileIds: Iterable<string>): Promise<void> {
  await recordAudit(
    actor,
    {
      action,
      target_type: "list",
      target_id: null,
      outcome: "allowed",
      details: { filters: JSON.parse(JSON.stringify(filters)) as Record<string, never> },
      disclosed_profile_ids: [...new Set(profileIds)],
    },
    await currentRequest(),
  );
}
