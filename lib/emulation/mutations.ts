import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { ApiError } from "@/lib/api/errors";
import type { EmulationResponse } from "./schemas";

export async function startEmulation(
  admin: Actor,
  body: { profile_id: string; reason?: string },
  request: RequestContext,
): Promise<EmulationResponse> {
  if (admin.token_id) throw new ApiError("forbidden", "Emulation is a dashboard feature: sign in through the browser.");
  const target = await prisma.profile.findUnique({ where: { id: body.profile_id } });
  if (!target || target.access_level !== "ta" || target.disabled_at) throw new ApiError("not_found", "No active TA has that profile_id.");
  return prisma.$transaction(async (tx) => {
    // One emulation at a time per admin: starting another ends the one still open.
    await tx.emulation.updateMany({ where: { admin_id: admin.profile_id, ended_at: null }, data: { ended_at: new Date() } });
    const row = await tx.emulation.create({ data: { admin_id: admin.profile_id, target_profile_id: target.id, reason: body.reason } });
    await recordAudit(
      admin,
      { action: "emulation.start", target_type: "profile", target_id: target.id, details: { reason: body.reason ?? null } },
      request,
      tx,
    );
    return toResponse(row, target.name);
  });
}

export async function endEmulation(actor: Actor, request: RequestContext): Promise<EmulationResponse> {
  if (!actor.emulation) throw new ApiError("not_found", "No emulation is running.");
  const { emulation_id } = actor.emulation;
  return prisma.$transaction(async (tx) => {
    const row = await tx.emulation.update({ where: { id: emulation_id }, data: { ended_at: new Date() }, include: { target: true } });
    await recordAudit(actor, { action: "emulation.end", target_type: "profile", target_id: row.target_profile_id }, request, tx);
    return toResponse(row, row.target.name);
  });
}

function toResponse(
  row: { id: string; admin_id: string; target_profile_id: string; started_at: Date; ended_at: Date | null },
  targetName: string,
): EmulationResponse {
  return {
    emulation_id: row.id,
    admin_profile_id: row.admin_id,
    target_profile_id: row.target_profile_id,
    target_name: targetName,
    started_at: row.started_at.toISOString(),
    ended_at: row.ended_at?.toISOString() ?? null,
  };
}

/**
 * Ends every emulation an admin left open. Called when they sign in or out, so a new browser session
 * never starts inside an old emulation (the emulation cookie may outlive the sign-in). There is no
 * request to attribute these rows to, so they carry no IP; `ended_by` says why they ended.
 */
export async function endOpenEmulations(adminId: string, endedBy: "sign_in" | "sign_out"): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const open = await tx.emulation.findMany({ where: { admin_id: adminId, ended_at: null }, select: { id: true, target_profile_id: true } });
    if (open.length === 0) return 0;
    await tx.emulation.updateMany({ where: { id: { in: open.map((row) => row.id) } }, data: { ended_at: new Date() } });
    await tx.auditLog.createMany({
      data: open.map((row) => ({
        actor_id: adminId,
        on_behalf_of_id: row.target_profile_id,
        action: "emulation.end" satisfies AuditAction,
        target_type: "profile",
        target_id: row.target_profile_id,
        details: { ended_by: endedBy },
      })),
    });
    return open.length;
  });
}
