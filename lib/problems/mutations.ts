import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
import type { Actor } from "@/lib/auth/actor";
import { visibleSessions } from "@/lib/auth/scope";
import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { publishLive } from "@/lib/live/publish";
import type { ResolveProblemRequest, ResolveProblemResponse } from "./schemas";

/**
 * Resolves or re-opens a problem with one conditional UPDATE (`WHERE resolved = NOT $resolved`).
 * Concurrent callers queue on the row lock and re-check the condition after the winner commits, so
 * exactly one of them changes the row and writes the audit entry; the others change nothing and
 * read back the winner's values.
 */
export async function resolveProblem(actor: Actor, body: ResolveProblemRequest, request: RequestContext): Promise<ResolveProblemResponse> {
  return prisma.$transaction(async (tx) => {
    const visible = await tx.problem.findFirst({
      where: { id: body.problem_id, session: visibleSessions(actor) },
      select: { id: true, session_id: true, group_id: true, run_id: true, session: { select: { profile_id: true } } },
    });
    if (!visible) throw new ApiError("not_found", "No problem with this problem_id exists or you may not see it.");

    const now = new Date();
    const changed = await tx.problem.updateMany({
      where: { id: body.problem_id, resolved: !body.resolved },
      data: body.resolved
        ? { resolved: true, resolved_by_id: actor.profile_id, resolved_at: now, updated_at: now }
        : { resolved: false, resolved_by_id: null, resolved_at: null, updated_at: now },
    });
    if (changed.count > 0) {
      await recordAudit(
        actor,
        {
          action: body.resolved ? "problem.resolve" : "problem.reopen",
          target_type: "problem",
          target_id: body.problem_id,
          details: { resolved: body.resolved },
        },
        request,
        tx,
      );
      await publishLive(tx, {
        type: "ProblemResolvedEvent",
        occurred_at: now.toISOString(),
        profile_id: visible.session.profile_id,
        session_id: visible.session_id,
        group_id: visible.group_id,
        run_id: visible.run_id,
        problem_id: visible.id,
        resolved: body.resolved,
      });
    }

    const row = await tx.problem.findUniqueOrThrow({
      where: { id: body.problem_id },
      select: { id: true, resolved: true, updated_at: true, resolved_by_id: true, resolved_at: true, resolved_by: { select: { name: true } } },
    });
    return {
      problem_id: row.id,
      resolved: row.resolved,
      updated_at: row.updated_at.toISOString(),
      resolved_by_id: row.resolved_by_id,
      resolved_by_name: row.resolved_by?.name ?? null,
      resolved_at: row.resolved_at?.toISOString() ?? null,
    };
  }, transactionOptions);
}

// Callers queued on the same row wait for each other; give them longer than Prisma's 2s/5s defaults.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
