import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db";
import type { AuditAction, AuditOutcome, AuditTargetType } from "./actions";

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  action: AuditAction;
  target_type: AuditTargetType;
  target_id: string | null;
  details?: Prisma.InputJsonValue;
  outcome?: AuditOutcome;
  /** For list reads: whose records the answer showed. */
  disclosed_profile_ids?: string[];
  /** For group reads: the uploads the answer offered for download (lib/audit/offered-uploads.ts). */
  offered_upload_ids?: string[];
}

/**
 * One audit row. During emulation the admin is the actor and the TA is `on_behalf_of`, so the
 * trail always names the person at the keyboard. Pass the transaction of the action it records.
 */
export async function recordAudit(actor: Actor, entry: AuditEntry, request: RequestContext, writer: AuditWriter = prisma): Promise<void> {
  await writer.auditLog.create({
    data: {
      actor_id: actor.emulation?.admin_profile_id ?? actor.profile_id,
      on_behalf_of_id: actor.emulation ? actor.profile_id : null,
      action: entry.action,
      target_type: entry.target_type,
      target_id: entry.target_id,
      ip: clientAddress(request.headers),
      request_id: request.requestId,
      details: entry.details,
      outcome: entry.outcome,
      disclosed_profile_ids: entry.disclosed_profile_ids,
      offered_upload_ids: entry.offered_upload_ids,
    },
    // Nothing reads the row back: returning it would ship its id lists back on every audited request.
    select: { id: true },
  });
}
