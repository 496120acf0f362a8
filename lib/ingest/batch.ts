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
import { mediaStore, type MediaStore } from "@/lib/storage/media-store";
import { applyAttempt, applyChat, applyGroup, applyMessage, applyRun, applySession, IngestRefusal, type Tx } from "./apply";
import { applyAgent, applyDepartment, applyEmulation, applyLogin, applyProblem, applyProfile, applyToolCall } from "./apply-records";
import { applyNewStretch, claimAll, claimedBefore, resultOf, stretchPrefix, stretchTypes, type StretchEvent } from "./bulk";
import { applyGeneration } from "./generation";
import { ingestEventSchema, type IngestBatchRequest, type IngestBatchResponse, type IngestEvent, type IngestEventResult } from "./schemas";

const entityIdOf = (event: IngestEvent): string => {
  switch (event.type) {
    case "department":
      return event.department_id;
    case "profile":
      return event.profile_id;
    case "agent":
      return event.agent_id;
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

function apply(tx: Tx, event: IngestEvent, store: MediaStore): Promise<void> {
  switch (event.type) {
    case "department":
      return applyDepartment(tx, event);
    case "profile":
      return applyProfile(tx, event);
    case "agent":
      return applyAgent(tx, event);
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
      return applyMessage(tx, event, store);
    case "generation":
      return applyGeneration(tx, event);
  }
}

/** Every issue, named as the event's own field (not "events.3.…"). */
function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
}

const rejected = (eventId: string | null, issues: ErrorIssue[]): IngestEventResult => ({
  event_id: eventId,
  status: "rejected",
  entity_id: null,
  issues,
});

async function ingestOne(tx: Tx, actor: Actor, { raw, event, issues }: Parsed, store: MediaStore): Promise<IngestEventResult> {
  if (!event) return rejected(typeof raw.event_id === "string" ? raw.event_id : null, issues);
  const entityId = entityIdOf(event);
  // Each event inside its own savepoint: a refused one is rolled back alone, the batch goes on.
  await tx.$executeRawUnsafe("SAVEPOINT ingest_event");
  try {
    const claimed = await tx.ingestEvent.createMany({
      data: [{ event_id: event.event_id, token_id: actor.token_id, type: event.type, entity_id: entityId }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) {
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT ingest_event");
      const earlier = await tx.ingestEvent.findUnique({ where: { event_id: event.event_id }, select: { entity_id: true } });
      return { event_id: event.event_id, status: "duplicate", entity_id: earlier?.entity_id ?? entityId };
    }
    await apply(tx, event, store);
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT ingest_event");
    return { event_id: event.event_id, status: "accepted", entity_id: entityId };
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT ingest_event");
    if (error instanceof IngestRefusal) return rejected(event.event_id, [error.issue]);
    // Two batches creating one new id at once: the loser's event is told, and may be sent again.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return rejected(event.event_id, [
        { field: `${event.type}_id`, message: "was created by another event at the same moment: send this event again" },
      ]);
    }
    throw error;
  }
}

/** An event as sent, and as checked once: the event, or why it is not one. */
type Parsed = { raw: Record<string, unknown>; event: IngestEvent | null; issues: ErrorIssue[] };

/**
 * A stretch of consecutive group, run and message events through the fast path (lib/ingest/bulk.ts),
 * under one savepoint. Answers the results of the leading events it took: all of them, or fewer when
 * it meets one it does not cover (a repeated event id, an update of a stored group or run); null
 * when it failed, which leaves the events to the one-by-one path.
 */
async function applyStretch(tx: Tx, actor: Actor, events: StretchEvent[], store: MediaStore): Promise<IngestEventResult[] | null> {
  const earlier = await claimedBefore(
    tx,
    events.map((event) => event.event_id),
  );
  const seen = new Set<string>();
  let end = events.findIndex((event) => (seen.has(event.event_id) ? true : (seen.add(event.event_id), false)));
  if (end === -1) end = events.length;
  const fresh = events.slice(0, end).filter((event) => !earlier.has(event.event_id));
  const covered = await stretchPrefix(tx, fresh);
  if (covered < fresh.length) end = events.indexOf(fresh[covered]!);
  const taken = events.slice(0, end);
  const applying = fresh.slice(0, covered);
  await tx.$executeRawUnsafe("SAVEPOINT ingest_stretch");
  try {
    const outcomes = applying.length ? await applyNewStretch(tx, applying, store) : [];
    const claims = applying
      .filter((_, index) => "accepted" in outcomes[index]!)
      .map((event) => ({ event_id: event.event_id, type: event.type, entity_id: entityIdOf(event) }));
    if (!(await claimAll(tx, actor, claims))) throw new Error("another batch claimed one of these events meanwhile");
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT ingest_stretch");
    const outcomeOf = new Map(applying.map((event, index) => [event, outcomes[index]!]));
    return taken.map((event) => {
      const earlierEntity = earlier.get(event.event_id);
      return earlierEntity !== undefined
        ? { event_id: event.event_id, status: "duplicate", entity_id: earlierEntity }
        : resultOf(event.event_id, entityIdOf(event), outcomeOf.get(event)!);
    });
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT ingest_stretch");
    console.error("[ingest] the fast path failed; applying these events one by one", error);
    return null;
  }
}

const isStretchEvent = (event: IngestEvent | null): event is StretchEvent => !!event && stretchTypes.has(event.type);

/**
 * Applies a batch inside the caller's transaction, in order: stretches of runs and of messages through
 * the fast path, every other event under its own savepoint (each answered accepted, duplicate or
 * rejected), then one audit row. The demo seed calls this inside its own transaction.
 */
export async function applyBatch(
  tx: Tx,
  actor: Actor,
  events: IngestBatchRequest["events"],
  request: RequestContext,
  store: MediaStore = mediaStore(),
): Promise<IngestBatchResponse> {
  const parsed: Parsed[] = events.map((raw) => {
    const checked = ingestEventSchema.safeParse(raw);
    return checked.success ? { raw, event: checked.data, issues: [] } : { raw, event: null, issues: issuesOf(checked.error) };
  });
  const results: IngestEventResult[] = [];
  let fastPathWorks = true;
  for (let i = 0; i < parsed.length;) {
    if (fastPathWorks && isStretchEvent(parsed[i]!.event)) {
      const stretch: StretchEvent[] = [];
      for (let j = i; j < parsed.length; j++) {
        const event = parsed[j]!.event;
        if (!isStretchEvent(event)) break;
        stretch.push(event);
      }
      const done = await applyStretch(tx, actor, stretch, store);
      if (done === null) fastPathWorks = false;
      else {
        results.push(...done);
        i += done.length;
        if (done.length > 0) continue;
      }
    }
    results.push(await ingestOne(tx, actor, parsed[i]!, store));
    i += 1;
  }
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
    tx,
  );
  return answer;
}

/**
 * POST /ingest/batch: the whole batch in one transaction, so it commits once (a commit per event
 * was the cost of ingestion). Should the transaction fail, nothing of the batch is applied and the
 * caller sends it again; event ids make that safe.
 */
export function ingestBatch(actor: Actor, body: IngestBatchRequest, request: RequestContext): Promise<IngestBatchResponse> {
  return prisma.$transaction((tx) => applyBatch(tx, actor, body.events, request), { maxWait: 10_000, timeout: 5 * 60_000 });
}
