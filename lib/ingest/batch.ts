import "server-only";
import type { RequestContext } from "@/lib/api/request-context";
// POST /ingest/batch: each event on its own (a bad one is answered `rejected`, the others apply),
// in the order sent, so a session event ahead of its groups in the same batch is there for them.
import type { z } from "zod";
import type { ErrorIssue } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyAttempt, applyChat, applyGroup, applyMessage, applyRun, applySession, IngestRefusal, type Tx } from "./apply";
import { applyDepartment, applyEmulation, applyLogin, applyProblem, applyProfile, applyToolCall } from "./apply-records";
import { applyGeneration } from "./generation";
import { ingestEventSchema, type IngestBatchRequest, type IngestBatchResponse, type IngestEvent, type IngestEventResult } from "./schemas";

const entityIdOf = (event: IngestEvent): string => {
  switch (event.type) {
    case "department":
      return event.department_id;
    case "profile":
      return event.profile_id;
    case "tool_call":
      return event.tool_call_id;
    case "problem":
      return event.problem_id;
    case "login":
      return event.login_id;
    case "emulation":
      return event.emulation_id;
    case "session":
      return event.session_id;
    case "chat":
      return event.chat_id;
    case "attempt":
      return event.attempt_id;
    case "group":
      return event.group_id;
    case "run":
      return event.run_id;
    case "message":
      return event.message_id;
    case "generation":
      return event.run_id;
  }
};

function apply(tx: Tx, event: IngestEvent): Promise<void> {
  switch (event.type) {
    case "department":
      return applyDepartment(tx, event);
    case "profile":
      return applyProfile(tx, event);
    case "tool_call":
      return applyToolCall(tx, event);
    case "problem":
      return applyProblem(tx, event);
    case "login":
      return applyLogin(tx, event);
    case "emulation":
      return applyEmulation(tx, event);
    case "session":
      return applySession(tx, event);
    case "chat":
      return applyChat(tx, event);
    case "attempt":
      return applyAttempt(tx, event);
    case "group":
      return applyGroup(tx, event);
    case "run":
      return applyRun(tx, event);
    case "message":
      return applyMessage(tx, event);
    case "generation":
      return applyGeneration(tx, event);
  }
}

/** The first issue per field, named as the event's own field (not "events.3.…"). */
function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
}

const rejected = (eventId: string | null, issues: ErrorIssue[]): IngestEventResult => ({
  event_id: eventId,
  status: "rejected",
  entity_id: null,
  issues,
});

async function ingestOne(actor: Actor, raw: Record<string, unknown>): Promise<IngestEventResult> {
  const sentId = typeof raw.event_id === "string" ? raw.event_id : null;
  const parsed = ingestEventSchema.safeParse(raw);
  if (!parsed.success) return rejected(sentId, issuesOf(parsed.error));
  const event = parsed.data;
  const entityId = entityIdOf(event);
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.ingestEvent.createMany({
        data: [{ event_id: event.event_id, token_id: actor.token_id, type: event.type, entity_id: entityId }],
        skipDuplicates: true,
      });
      if (claimed.count === 0) {
        const earlier = await tx.ingestEvent.findUnique({ where: { event_id: event.event_id }, select: { entity_id: true } });
        return { event_id: event.event_id, status: "duplicate", entity_id: earlier?.entity_id ?? entityId };
      }
      await apply(tx, event);
      return { event_id: event.event_id, status: "accepted", entity_id: entityId };
    });
  } catch (error) {
    if (error instanceof IngestRefusal) return rejected(event.event_id, [error.issue]);
    // Two events racing for one new id: the loser is told, and may send again.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return rejected(event.event_id, [
        { field: `${event.type}_id`, message: "was created by another event at the same moment: send this event again" },
      ]);
    }
    throw error;
  }
}

export async function ingestBatch(actor: Actor, body: IngestBatchRequest, request: RequestContext): Promise<IngestBatchResponse> {
  const results: IngestEventResult[] = [];
  for (const raw of body.events) results.push(await ingestOne(actor, raw));
  const count = (status: IngestEventResult["status"]) => results.filter((result) => result.status === status).length;
  const answer = { accepted: count("accepted"), duplicate: count("duplicate"), rejected: count("rejected"), results };
  // One row per batch: who sent how much (the rows themselves are in ingest_events).
  await recordAudit(
    actor,
    {
      action: "ingest.batch",
      target_type: "ingest",
      target_id: null,
      details: { accepted: answer.accepted, duplicate: answer.duplicate, rejected: answer.rejected },
    },
    request,
  );
  return answer;
}
