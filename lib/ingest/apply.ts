import "server-only";
// Applying one ingested event: each in its own transaction with its idempotency row, so a rejected
// event leaves nothing behind and a retried one counts nothing twice. The summary triggers keep every
// rollup exact, as for any other write.
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishLive, publishLiveMany } from "@/lib/live/publish";
import { runAgentVersions } from "./bulk-sql";
import { accountingCurrency } from "@/lib/money/currency";
import { foreignPrice, noAgentVersion, noPrice, runColumns, runEventProblem, runLiveEvents } from "./run-rules";
import type { MediaStore } from "@/lib/storage/media-store";
import type { ErrorIssue } from "@/lib/api/errors";
import type { AttemptEvent, ChatEvent, GroupEvent, MessageEvent, RunEvent, SessionEvent } from "./schemas";

export type Tx = Prisma.TransactionClient;

/** An event the data refuses (a missing parent, a changed owner): answered `rejected` with this issue. */
export class IngestRefusal extends Error {
  constructor(readonly issue: ErrorIssue) {
    super(`${issue.field}: ${issue.message}`);
  }
}

export const refuse = (field: string, message: string): never => {
  throw new IngestRefusal({ field, message });
};

export const sendFirst = (field: string, kind: string, id: string) =>
  refuse(field, `no ${kind} ${id}: send its ${kind} event first (resending this batch is safe)`);

export const at = (iso: string) => new Date(iso);

/** Sessions show when they last saw activity; an event about their contents moves that forward. */
export async function touchSession(tx: Tx, sessionId: string, when: Date): Promise<void> {
  await tx.$executeRaw`UPDATE sessions SET updated_at = ${when} WHERE id = ${sessionId}::uuid AND updated_at < ${when}`;
}

async function sessionOf(tx: Tx, sessionId: string, field = "session_id") {
  return (
    (await tx.session.findUnique({ where: { id: sessionId }, select: { id: true, profile_id: true } })) ?? sendFirst(field, "session", sessionId)
  );
}

export async function applySession(tx: Tx, event: SessionEvent): Promise<void> {
  const profile = await tx.profile.findUnique({ where: { id: event.profile_id }, select: { id: true } });
  if (!profile) refuse("profile_id", `no profile ${event.profile_id}`);
  const started = at(event.started_at);
  const ended = event.ended_at ? at(event.ended_at) : null;
  if (ended && ended < started) refuse("ended_at", "ended_at must not be before started_at");
  const existing = await tx.session.findUnique({ where: { id: event.session_id }, select: { profile_id: true, updated_at: true, ended_at: true } });
  if (!existing) {
    await tx.session.create({
      data: {
        id: event.session_id,
        profile_id: event.profile_id,
        title: event.title ?? null,
        tags: event.tags ?? [],
        created_at: started,
        updated_at: ended ?? started,
        ended_at: ended,
        // The sessions_status trigger derives the rest (lib/sessions/status.ts).
        ...(ended && event.end_status ? { status: event.end_status } : {}),
      },
    });
    const where = { profile_id: event.profile_id, session_id: event.session_id, group_id: null, run_id: null };
    await publishLive(tx, { type: "SessionStartedEvent", occurred_at: event.started_at, ...where, title: event.title ?? null });
    if (ended) await publishLive(tx, { type: "SessionEndedEvent", occurred_at: ended.toISOString(), ...where, ended_at: ended.toISOString() });
    return;
  }
  if (existing.profile_id !== event.profile_id) refuse("profile_id", "a session's profile cannot change");
  const endedAt = event.ended_at === undefined ? existing.ended_at : ended;
  const latest = [existing.updated_at, endedAt ?? started].reduce((a, b) => (a > b ? a : b));
  await tx.session.update({
    where: { id: event.session_id },
    data: {
      ...(event.title !== undefined ? { title: event.title } : {}),
      ...(event.tags !== undefined ? { tags: event.tags } : {}),
      ended_at: endedAt,
      ...(event.end_status ? { status: event.end_status } : {}),
      updated_at: latest,
    },
  });
  if (endedAt && !existing.ended_at) {
    await publishLive(tx, {
      type: "SessionEndedEvent",
      occurred_at: endedAt.toISOString(),
      profile_id: event.profile_id,
      session_id: event.session_id,
      group_id: null,
      run_id: null,
      ended_at: endedAt.toISOString(),
    });
  }
}

export async function applyChat(tx: Tx, event: ChatEvent): Promise<void> {
  await sessionOf(tx, event.session_id);
  if (event.agent_id && !(await tx.agent.findUnique({ where: { id: event.agent_id }, select: { id: true } })))
    refuse("agent_id", `no agent ${event.agent_id}`);
  const existing = await tx.chat.findUnique({ where: { id: event.chat_id }, select: { session_id: true } });
  if (existing && existing.session_id !== event.session_id) refuse("session_id", "a chat's session cannot change");
  const fields = { name: event.name, agent_id: event.agent_id ?? null };
  if (existing) await tx.chat.update({ where: { id: event.chat_id }, data: fields });
  else await tx.chat.create({ data: { id: event.chat_id, session_id: event.session_id, created_at: at(event.created_at), ...fields } });
  await touchSession(tx, event.session_id, at(event.created_at));
}

export async function applyAttempt(tx: Tx, event: AttemptEvent): Promise<void> {
  await sessionOf(tx, event.session_id);
  if (event.chat_id) {
    const chat = await tx.chat.findUnique({ where: { id: event.chat_id }, select: { session_id: true } });
    if (!chat) sendFirst("chat_id", "chat", event.chat_id);
    else if (chat.session_id !== event.session_id) refuse("chat_id", "the chat belongs to another session");
  }
  const existing = await tx.attempt.findUnique({ where: { id: event.attempt_id }, select: { session_id: true } });
  if (existing && existing.session_id !== event.session_id) refuse("session_id", "an attempt's session cannot change");
  const fields = {
    name: event.name,
    chat_id: event.chat_id ?? null,
    score: event.score ?? null,
    submitted_at: event.submitted_at ? at(event.submitted_at) : null,
  };
  if (existing) await tx.attempt.update({ where: { id: event.attempt_id }, data: fields });
  else await tx.attempt.create({ data: { id: event.attempt_id, session_id: event.session_id, created_at: at(event.created_at), ...fields } });
  await touchSession(tx, event.session_id, at(event.submitted_at ?? event.created_at));
}

export async function applyGroup(tx: Tx, event: GroupEvent): Promise<void> {
  await sessionOf(tx, event.session_id);
  const existing = await tx.group.findUnique({ where: { id: event.group_id }, select: { session_id: true } });
  if (existing && existing.session_id !== event.session_id) refuse("session_id", "a group's session cannot change");
  if (existing) await tx.group.update({ where: { id: event.group_id }, data: { name: event.name } });
  else await tx.group.create({ data: { id: event.group_id, session_id: event.session_id, name: event.name, created_at: at(event.created_at) } });
  await touchSession(tx, event.session_id, at(event.created_at));
}

/** The run's cost with the model's price in force when it ran, computed exactly in SQL numeric. */
async function costAtPrice(tx: Tx, event: RunEvent): Promise<string> {
  const [price] = await tx.$queryRaw<Array<{ cost: string; currency: string }>>`
    SELECT p.currency, trim_scale(round(((${event.input_tokens}::bigint - ${event.cached_input_tokens}::bigint) * p.input_per_million
                  + ${event.cached_input_tokens}::bigint * p.cached_input_per_million
                  + ${event.output_tokens}::bigint * p.output_per_million) / 1000000, 10))::text AS cost
    FROM model_prices p
    WHERE p.model_id = ${event.model_id}::uuid AND p.effective_from <= ${at(event.created_at)}
    ORDER BY p.effective_from DESC LIMIT 1`;
  if (!price) return refuse(noPrice(event).field, noPrice(event).message);
  if (price.currency !== accountingCurrency) refuse(foreignPrice(event, price.currency).field, foreignPrice(event, price.currency).message);
  return price.cost;
}

export async function applyRun(tx: Tx, event: RunEvent): Promise<void> {
  const group = await tx.group.findUnique({ where: { id: event.group_id }, select: { session: { select: { id: true, profile_id: true } } } });
  if (!group) return sendFirst("group_id", "group", event.group_id);
  if (!(await tx.model.findUnique({ where: { id: event.model_id }, select: { id: true } }))) refuse("model_id", `no model ${event.model_id}`);
  if (!(await tx.agent.findUnique({ where: { id: event.agent_id }, select: { id: true } }))) refuse("agent_id", `no agent ${event.agent_id}`);
  const problem = runEventProblem(event);
  if (problem) refuse(problem.field, problem.message);
  const existing = await tx.run.findUnique({ where: { id: event.run_id }, select: { group_id: true, finished_at: true } });
  if (existing && existing.group_id !== event.group_id) refuse("group_id", "a run's group cannot change");
  const version = (await runAgentVersions(tx, [event])).get(event.run_id) ?? refuse(noAgentVersion(event).field, noAgentVersion(event).message);
  const fields = runColumns(event, event.cost ?? (await costAtPrice(tx, event)), version);
  const created = at(event.created_at);
  if (existing) await tx.run.update({ where: { id: event.run_id }, data: fields });
  else
    await tx.run.create({
      data: { id: event.run_id, group_id: event.group_id, profile_id: group.session.profile_id, created_at: created, ...fields },
    });
  await touchSession(tx, group.session.id, fields.finished_at ?? created);
  await publishLiveMany(tx, runLiveEvents(event, group.session, fields.cost, !existing?.finished_at && fields.finished_at !== null));
}

/** A message's text as a text/plain upload; the bytes are stored once however many messages say it. */
async function textUpload(tx: Tx, text: string, profileId: string, createdAt: Date, store: MediaStore): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const same = await tx.upload.findFirst({ where: { sha256, kind: "text" }, select: { storage_key: true } });
  // A write that the transaction then rolls back leaves an object no row names: harmless, and the
  // next message with these bytes stores them again under a new key.
  const storage_key = same?.storage_key ?? (await store.put(bytes, "txt")).storage_key;
  const upload = await tx.upload.create({
    data: {
      kind: "text",
      mime_type: "text/plain",
      byte_size: bytes.byteLength,
      sha256,
      original_name: "message.txt",
      storage_key,
      profile_id: profileId,
      created_at: createdAt,
    },
    select: { id: true },
  });
  return upload.id;
}

export async function applyMessage(tx: Tx, event: MessageEvent, store: MediaStore): Promise<void> {
  const run = await tx.run.findUnique({ where: { id: event.run_id }, select: { profile_id: true, group: { select: { session_id: true } } } });
  if (!run) return sendFirst("run_id", "run", event.run_id);
  if (await tx.message.findUnique({ where: { id: event.message_id }, select: { id: true } }))
    refuse("message_id", "a message does not change once sent");
  if (await tx.message.findUnique({ where: { run_id_position: { run_id: event.run_id, position: event.position } }, select: { id: true } })) {
    refuse("position", `the run already has a message at position ${event.position}`);
  }
  const attached = event.upload_ids ?? [];
  if (attached.length) {
    const found = await tx.upload.count({ where: { id: { in: attached } } });
    if (found !== new Set(attached).size) refuse("upload_ids", "every upload must exist: send it with /ingest/upload first");
  }
  const createdAt = at(event.created_at);
  const uploadIds = [...(event.text !== undefined ? [await textUpload(tx, event.text, run.profile_id, createdAt, store)] : []), ...attached];
  await tx.message.create({
    data: {
      id: event.message_id,
      run_id: event.run_id,
      role: event.role,
      position: event.position,
      created_at: createdAt,
      uploads: { create: uploadIds.map((upload_id, position) => ({ upload_id, position })) },
    },
  });
  await touchSession(tx, run.group.session_id, createdAt);
}
