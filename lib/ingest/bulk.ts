import "server-only";
// The fast path of ingestion: a stretch of new groups, runs and messages in a handful of statements
// however long it is. Every query costs ~2 ms of client time whatever rows it carries, so a batch of
// 500 runs with 10 messages each takes about a second this way and a minute event by event. The
// rules are those of lib/ingest/apply.ts, checked against rows read in bulk, with the same answers.
// Groups go in before runs and runs before messages, which changes nothing: an event may only name
// a parent that is stored already or came earlier in the stretch (its index), exactly as in order.
import { createHash } from "node:crypto";
import { v7 as timeOrderedUuid } from "uuid";
import type { ErrorIssue } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { publishLiveMany } from "@/lib/live/publish";
import type { MediaStore } from "@/lib/storage/media-store";
import type { Tx } from "./apply";
import { accountingCurrency } from "@/lib/money/currency";
import { foreignPrice, noAgentVersion, noPrice, runColumns, runEventProblem, runLiveEvents } from "./run-rules";
import type { GroupEvent, IngestEventResult, MessageEvent, RunEvent } from "./schemas";
import {
  claimedEvents,
  insertClaims,
  insertMessages,
  insertRuns,
  insertTextUploads,
  runAgentVersions,
  runCosts,
  storedTexts,
  takenMessages,
  touchSessions,
  type UploadInsert,
} from "./bulk-sql";

export type Outcome = { accepted: true } | { issue: ErrorIssue };

const issue = (field: string, message: string): Outcome => ({ issue: { field, message } });
const sendFirst = (field: string, kind: string, id: string) =>
  issue(field, `no ${kind} ${id}: send its ${kind} event first (resending this batch is safe)`);
const at = (iso: string) => new Date(iso);

/** Event ids applied before (by an earlier batch, or earlier in this one), with the record each named. */
export async function claimedBefore(tx: Tx, eventIds: string[]): Promise<Map<string, string>> {
  const rows = await claimedEvents(tx, eventIds);
  return new Map(rows.map((row) => [row.event_id, row.entity_id]));
}

export type StretchEvent = GroupEvent | RunEvent | MessageEvent;
export const stretchTypes: ReadonlySet<string> = new Set(["group", "run", "message"]);

/**
 * How many leading events of a stretch the fast path takes: up to the first group or run that exists
 * already (an update, for the one-by-one path) or comes twice.
 */
export async function stretchPrefix(tx: Tx, events: StretchEvent[]): Promise<number> {
  const groupIds = events.flatMap((event) => (event.type === "group" ? [event.group_id] : []));
  const runIds = events.flatMap((event) => (event.type === "run" ? [event.run_id] : []));
  const stored = new Set([
    ...(groupIds.length ? await tx.group.findMany({ where: { id: { in: groupIds } }, select: { id: true } }) : []).map((row) => row.id),
    ...(runIds.length ? await tx.run.findMany({ where: { id: { in: runIds } }, select: { id: true } }) : []).map((row) => row.id),
  ]);
  const seen = new Set<string>();
  for (const [index, event] of events.entries()) {
    if (event.type === "message") continue;
    const id = event.type === "group" ? event.group_id : event.run_id;
    if (stored.has(id) || seen.has(id)) return index;
    seen.add(id);
  }
  return events.length;
}

interface Placed<T> {
  event: T;
  index: number;
}

/** A parent made earlier in this stretch: usable by events after it. */
interface Earlier<T> {
  index: number;
  value: T;
}

const before = <T>(made: Map<string, Earlier<T>>, id: string, index: number): T | undefined => {
  const found = made.get(id);
  return found && found.index < index ? found.value : undefined;
};

type SessionRef = { id: string; profile_id: string };

/** New groups: their sessions must be stored (sessions take the one-by-one path). */
async function applyNewGroups(tx: Tx, placed: Placed<GroupEvent>[], outcomes: Outcome[]): Promise<Map<string, Earlier<SessionRef>>> {
  const made = new Map<string, Earlier<SessionRef>>();
  if (placed.length === 0) return made;
  const sessions = await tx.session.findMany({
    where: { id: { in: [...new Set(placed.map(({ event }) => event.session_id))] } },
    select: { id: true, profile_id: true },
  });
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const accepted: GroupEvent[] = [];
  for (const { event, index } of placed) {
    const session = sessionById.get(event.session_id);
    outcomes[index] = session ? { accepted: true } : sendFirst("session_id", "session", event.session_id);
    if (!session) continue;
    made.set(event.group_id, { index, value: session });
    accepted.push(event);
  }
  if (accepted.length === 0) return made;
  await tx.group.createMany({
    data: accepted.map((event) => ({ id: event.group_id, session_id: event.session_id, name: event.name, created_at: at(event.created_at) })),
  });
  await touchSessions(
    tx,
    accepted.map((event) => ({ session_id: event.session_id, at: at(event.created_at) })),
  );
  return made;
}

type RunRef = { profile_id: string; session_id: string };

/** New runs: checked, priced at the price in force, inserted, their sessions touched and their events published. */
async function applyNewRuns(
  tx: Tx,
  placed: Placed<RunEvent>[],
  madeGroups: Map<string, Earlier<SessionRef>>,
  outcomes: Outcome[],
): Promise<Map<string, Earlier<RunRef>>> {
  const made = new Map<string, Earlier<RunRef>>();
  if (placed.length === 0) return made;
  const events = placed.map(({ event }) => event);
  const groups = await tx.group.findMany({
    where: { id: { in: [...new Set(events.map((event) => event.group_id))] } },
    select: { id: true, session: { select: { id: true, profile_id: true } } },
  });
  const storedGroups = new Map(groups.map((group) => [group.id, group.session]));
  const sessionOfRun = new Map<RunEvent, SessionRef>();
  const models = new Set((await tx.model.findMany({ where: { id: { in: events.map((e) => e.model_id) } }, select: { id: true } })).map((m) => m.id));
  const agents = new Set((await tx.agent.findMany({ where: { id: { in: events.map((e) => e.agent_id) } }, select: { id: true } })).map((a) => a.id));
  const priced = await runCosts(
    tx,
    events.filter((event) => event.cost === undefined),
  );
  const versions = await runAgentVersions(tx, events);

  const check = (event: RunEvent, index: number): Outcome => {
    // A group made in this stretch is stored by now, but counts only for the runs after it.
    const session = madeGroups.has(event.group_id) ? before(madeGroups, event.group_id, index) : storedGroups.get(event.group_id);
    if (!session) return sendFirst("group_id", "group", event.group_id);
    sessionOfRun.set(event, session);
    if (!models.has(event.model_id)) return issue("model_id", `no model ${event.model_id}`);
    if (!agents.has(event.agent_id)) return issue("agent_id", `no agent ${event.agent_id}`);
    if (!versions.has(event.run_id)) return { issue: noAgentVersion(event) };
    const price = priced.get(event.run_id);
    const unpriced = event.cost === undefined && !price ? noPrice(event) : null;
    const foreign = event.cost === undefined && price && price.currency !== accountingCurrency ? foreignPrice(event, price.currency) : null;
    const problem = runEventProblem(event) ?? unpriced ?? foreign;
    return problem ? { issue: problem } : { accepted: true };
  };
  const accepted: RunEvent[] = [];
  for (const { event, index } of placed) {
    outcomes[index] = check(event, index);
    if (!("accepted" in outcomes[index])) continue;
    const session = sessionOfRun.get(event)!;
    made.set(event.run_id, { index, value: { profile_id: session.profile_id, session_id: session.id } });
    accepted.push(event);
  }
  if (accepted.length === 0) return made;
  const groupById = new Map(accepted.map((event) => [event.group_id, sessionOfRun.get(event)!]));

  const costOf = (event: RunEvent) => event.cost ?? priced.get(event.run_id)?.cost ?? "0";
  await insertRuns(
    tx,
    accepted.map((event) => ({
      id: event.run_id,
      group_id: event.group_id,
      profile_id: groupById.get(event.group_id)!.profile_id,
      created_at: at(event.created_at),
      ...runColumns(event, costOf(event), versions.get(event.run_id)!),
    })),
  );
  await touchSessions(
    tx,
    accepted.map((event) => ({ session_id: groupById.get(event.group_id)!.id, at: at(event.finished_at ?? event.created_at) })),
  );
  const live = accepted.flatMap((event) =>
    runLiveEvents(event, groupById.get(event.group_id)!, costOf(event), event.finished_at !== undefined && event.finished_at !== null),
  );
  await publishLiveMany(tx, live);
  return made;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** New messages with their texts (stored once per distinct text) and attached uploads. */
async function applyNewMessages(
  tx: Tx,
  placed: Placed<MessageEvent>[],
  madeRuns: Map<string, Earlier<RunRef>>,
  outcomes: Outcome[],
  store: MediaStore,
): Promise<void> {
  if (placed.length === 0) return;
  const events = placed.map(({ event }) => event);
  const runIds = [...new Set(events.map((event) => event.run_id))];
  const runs = await tx.run.findMany({
    where: { id: { in: runIds } },
    select: { id: true, profile_id: true, group: { select: { session_id: true } } },
  });
  const storedRuns = new Map(runs.map((run) => [run.id, { profile_id: run.profile_id, session_id: run.group.session_id }]));
  const runOf = new Map<MessageEvent, RunRef>();
  // Runs made in this stretch have no stored messages: only earlier runs' places need looking up.
  const spots = events
    .filter((event) => !madeRuns.has(event.run_id) && storedRuns.has(event.run_id))
    .map((event) => ({ run_id: event.run_id, position: event.position }));
  const taken = await takenMessages(
    tx,
    events.map((event) => event.message_id),
    spots,
  );
  const takenIds = new Set(taken.map((row) => row.id));
  const takenSpots = new Set(taken.map((row) => `${row.run_id}:${row.position}`));
  const attachedIds = [...new Set(events.flatMap((event) => event.upload_ids ?? []))];
  const knownUploads = new Set(
    attachedIds.length ? (await tx.upload.findMany({ where: { id: { in: attachedIds } }, select: { id: true } })).map((row) => row.id) : [],
  );

  const check = (event: MessageEvent, index: number): Outcome => {
    const run = madeRuns.has(event.run_id) ? before(madeRuns, event.run_id, index) : storedRuns.get(event.run_id);
    if (!run) return sendFirst("run_id", "run", event.run_id);
    runOf.set(event, run);
    if (takenIds.has(event.message_id)) return issue("message_id", "a message does not change once sent");
    const spot = `${event.run_id}:${event.position}`;
    if (takenSpots.has(spot)) return issue("position", `the run already has a message at position ${event.position}`);
    if ((event.upload_ids ?? []).some((id) => !knownUploads.has(id)))
      return issue("upload_ids", "every upload must exist: send it with /ingest/upload first");
    takenIds.add(event.message_id);
    takenSpots.add(spot);
    return { accepted: true };
  };
  const accepted: MessageEvent[] = [];
  for (const { event, index } of placed) {
    outcomes[index] = check(event, index);
    if ("accepted" in outcomes[index]) accepted.push(event);
  }
  if (accepted.length === 0) return;

  // Each distinct text is stored once: found by its hash among earlier uploads, or written now.
  const texts = new Map<string, { bytes: Uint8Array; sha256: string; storage_key?: string }>();
  const hashOf = new Map<MessageEvent, string>();
  for (const event of accepted) {
    if (event.text === undefined) continue;
    const bytes = new TextEncoder().encode(event.text);
    const hash = sha256(bytes);
    hashOf.set(event, hash);
    if (!texts.has(hash)) texts.set(hash, { bytes, sha256: hash });
  }
  let textsWritten = Promise.resolve();
  if (texts.size) {
    const stored = await storedTexts(tx, [...texts.keys()]);
    for (const row of stored) texts.get(row.sha256)!.storage_key = row.storage_key;
    const unstored = [...texts.values()].filter((text) => !text.storage_key);
    const put = store.putMany(unstored.map((text) => ({ bytes: text.bytes, extension: "txt", sha256: text.sha256 })));
    unstored.forEach((text, i) => (text.storage_key = put.stored[i]!.storage_key));
    textsWritten = put.written;
  }

  const uploads: UploadInsert[] = [];
  const links: Array<{ message_id: string; position: number; upload_id: string }> = [];
  for (const event of accepted) {
    const run = runOf.get(event)!;
    const hash = hashOf.get(event);
    // Time-ordered ids: a batch's upload rows and their links land at the end of their indexes
    // instead of on thousands of random pages of indexes that hold tens of millions of rows.
    const own = hash ? [timeOrderedUuid()] : [];
    if (hash) {
      const text = texts.get(hash)!;
      uploads.push({
        id: own[0]!,
        sha256: hash,
        byte_size: text.bytes.byteLength,
        storage_key: text.storage_key!,
        profile_id: run.profile_id,
        created_at: at(event.created_at),
      });
    }
    [...own, ...(event.upload_ids ?? [])].forEach((upload_id, position) => links.push({ message_id: event.message_id, position, upload_id }));
  }
  const insertRows = async () => {
    await insertTextUploads(tx, uploads);
    await insertMessages(
      tx,
      accepted.map((event) => ({
        id: event.message_id,
        run_id: event.run_id,
        role: event.role,
        position: event.position,
        created_at: at(event.created_at),
      })),
      links,
    );
    await touchSessions(
      tx,
      accepted.map((event) => ({ session_id: runOf.get(event)!.session_id, at: at(event.created_at) })),
    );
  };
  // The texts are written while these statements run; the stretch (and so the batch's commit) waits
  // for both. Both settle before a failure is thrown, so no statement of this stretch is still queued
  // on the transaction when the caller rolls the stretch back.
  const settled = await Promise.allSettled([insertRows(), textsWritten]);
  for (const result of settled) if (result.status === "rejected") throw result.reason;
}

/** Applies a stretch (already cut by stretchPrefix, duplicates removed): groups, then runs, then messages. */
export async function applyNewStretch(tx: Tx, events: StretchEvent[], store: MediaStore): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(events.length);
  const of = <T extends StretchEvent["type"]>(type: T) =>
    events.flatMap((event, index) => (event.type === type ? [{ event: event as Extract<StretchEvent, { type: T }>, index }] : []));
  const groups = await applyNewGroups(tx, of("group"), outcomes);
  const runs = await applyNewRuns(tx, of("run"), groups, outcomes);
  await applyNewMessages(tx, of("message"), runs, outcomes, store);
  return outcomes;
}

/** Claims the accepted events' ids; answers false when another batch claimed one meanwhile. */
export async function claimAll(tx: Tx, actor: Actor, claims: Array<{ event_id: string; type: string; entity_id: string }>): Promise<boolean> {
  if (claims.length === 0) return true;
  return (await insertClaims(tx, actor.token_id, claims)) === claims.length;
}

export const resultOf = (eventId: string, entityId: string, outcome: Outcome): IngestEventResult =>
  "accepted" in outcome
    ? { event_id: eventId, status: "accepted", entity_id: entityId }
    : { event_id: eventId, status: "rejected", entity_id: null, issues: [outcome.issue] };
