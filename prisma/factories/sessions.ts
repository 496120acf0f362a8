// Sessions with their chats and attempts, and generation groups with runs, messages, text uploads
// and tool calls. Row shapes are shared with the demo seed, which builds the same rows in bulk.
import type { MediaStore } from "@/lib/storage/media-store";
import type { FinishReason, MessageRole, RunStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { priceInForce, runCost, type PricePerMillion, type TokenCounts } from "./cost.ts";
import { addMs, newId, uniqueToken } from "./ids.ts";
import { createAgent, createModelWithPrices } from "./models.ts";
import type { Db } from "./people.ts";
import { buildUpload, DedupingMediaWriter, type UploadRow } from "./uploads.ts";

export interface SessionRow {
  id: string;
  profile_id: string;
  title: string | null;
  tags: string[];
  active: boolean;
  /** Left out, the sessions_status trigger derives it (completed when ended, else active). */
  status?: SessionStatus;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
}

export interface ChatRow {
  id: string;
  session_id: string;
  agent_id: string | null;
  name: string;
  created_at: Date;
}

export interface AttemptRow {
  id: string;
  session_id: string;
  chat_id: string | null;
  name: string;
  /** 0–100 with two decimals, as a string so it stays exact. */
  score: string | null;
  created_at: Date;
  submitted_at: Date | null;
}

export interface GroupRow {
  id: string;
  session_id: string;
  name: string;
  created_at: Date;
}

export interface RunRow extends TokenCounts {
  id: string;
  group_id: string;
  model_id: string;
  agent_id: string;
  /** Left out, the column's default: version 1. */
  agent_version?: number;
  profile_id: string;
  status: RunStatus;
  finish_reason: FinishReason | null;
  error: string | null;
  cost: string;
  previous_context_start_index: number;
  created_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
}

export interface MessageRow {
  id: string;
  run_id: string;
  role: MessageRole;
  position: number;
  created_at: Date;
}
export interface MessageUploadRow {
  message_id: string;
  position: number;
  upload_id: string;
}
export interface ToolCallRow {
  id: string;
  message_id: string;
  template_name: string;
  file_path: string | null;
  created_at: Date;
}

export function buildSession(profileId: string, overrides: Partial<SessionRow> = {}): SessionRow {
  const created_at = overrides.created_at ?? new Date();
  const ended_at = overrides.ended_at === undefined ? null : overrides.ended_at;
  return {
    id: newId(),
    profile_id: profileId,
    title: `Test session ${uniqueToken()}`,
    tags: [],
    active: ended_at === null,
    created_at,
    updated_at: ended_at ?? created_at,
    ended_at,
    ...overrides,
  };
}

export type RunInput = Omit<RunRow, "id" | "cost" | "finished_at" | "duration_ms" | "finish_reason"> &
  Partial<Pick<RunRow, "id" | "finished_at" | "duration_ms" | "finish_reason">>;

/** A run's finish reason when none is given: what its status implies, "stop" for a plain success. */
export function defaultFinishReason(status: RunStatus): FinishReason | null {
  return status === "failed" ? "error" : status === "cancelled" ? "cancelled" : status === "running" ? null : "stop";
}

/** A run row whose cost is computed exactly from its tokens and the price given (the one in force). */
export function buildRun(input: RunInput, price: PricePerMillion): RunRow {
  const duration_ms = input.duration_ms ?? (input.status === "running" ? null : 1500);
  const finished_at = input.finished_at !== undefined ? input.finished_at : duration_ms === null ? null : addMs(input.created_at, duration_ms);
  const finish_reason = input.finish_reason !== undefined ? input.finish_reason : defaultFinishReason(input.status);
  return { id: newId(), ...input, finish_reason, duration_ms, finished_at, cost: runCost(input, price) };
}

export interface CreateSessionOptions {
  chats?: ReadonlyArray<{ agent_id?: string | null; name?: string }>;
  /** Attempts; `chat` is an index into `chats`. */
  attempts?: ReadonlyArray<{ chat?: number; name?: string; score?: string | null }>;
}

export async function createSession(db: Db, profileId: string, overrides: Partial<SessionRow> = {}, options: CreateSessionOptions = {}) {
  const session = buildSession(profileId, overrides);
  await db.session.create({ data: session });
  const chats: ChatRow[] = (options.chats ?? [{}]).map((chat, i) => ({
    id: newId(),
    session_id: session.id,
    agent_id: chat.agent_id ?? null,
    name: chat.name ?? `Chat ${i + 1}`,
    created_at: addMs(session.created_at, i * 1000),
  }));
  const attempts: AttemptRow[] = (options.attempts ?? []).map((attempt, i) => ({
    id: newId(),
    session_id: session.id,
    chat_id: attempt.chat === undefined ? (chats[0]?.id ?? null) : (chats[attempt.chat]?.id ?? null),
    name: attempt.name ?? `Attempt ${i + 1}`,
    score: attempt.score === undefined ? null : attempt.score,
    created_at: addMs(session.created_at, 60_000 + i * 1000),
    submitted_at: attempt.score == null ? null : addMs(session.created_at, 120_000 + i * 1000),
  }));
  if (chats.length) await db.chat.createMany({ data: chats });
  if (attempts.length) await db.attempt.createMany({ data: attempts });
  return { session, chats, attempts };
}

export interface MessageSpec {
  role: MessageRole;
  text?: string;
  /** Extra uploads (audio, image, ...) attached after the text, in order. */
  upload_ids?: readonly string[];
  calls?: ReadonlyArray<{ template_name: string; file_path?: string | null }>;
}

export interface RunSpec extends Partial<TokenCounts> {
  messages?: readonly MessageSpec[];
  status?: RunStatus;
  finish_reason?: FinishReason | null;
  error?: string | null;
  previous_context_start_index?: number;
  created_at?: Date;
  duration_ms?: number | null;
  model_id?: string;
  agent_id?: string;
  /** The agent's version the run used (1 when not said); the version must exist. */
  agent_version?: number;
}

export interface CreateGroupOptions {
  session: { id: string; profile_id: string; created_at?: Date };
  name?: string;
  created_at?: Date;
  model_id?: string;
  agent_id?: string;
  runs?: readonly RunSpec[];
}

const defaultRuns: readonly RunSpec[] = [
  {
    messages: [
      { role: "system", text: "You are Jordan, a first-year student who is confused by recursion." },
      { role: "user", text: "What should factorial(0) return?" },
      { role: "assistant", text: "Um, zero? Or maybe one?" },
    ],
  },
  {
    previous_context_start_index: 1,
    messages: [
      { role: "system", text: "You are Jordan, a first-year student who is confused by recursion." },
      { role: "user", text: "What should factorial(0) return?" },
      { role: "assistant", text: "Um, zero? Or maybe one?" },
      { role: "user", text: "It returns one. That is the base case." },
      { role: "assistant", text: "Oh, so that is what stops it from calling itself forever!" },
    ],
  },
];

/**
 * A group with runs and messages; each message's text becomes a text/plain upload. Creates a model
 * (with a price) and an agent when none is given. Bumps the session's updated_at past the last run.
 */
export async function createGroupWithRuns(db: Db, store: MediaStore, options: CreateGroupOptions) {
  const model_id = options.model_id ?? (await createModelWithPrices(db)).model.id;
  const agent_id = options.agent_id ?? (await createAgent(db)).id;
  const group: GroupRow = {
    id: newId(),
    session_id: options.session.id,
    name: options.name ?? `Group ${uniqueToken()}`,
    created_at: options.created_at ?? options.session.created_at ?? new Date(),
  };
  await db.group.create({ data: group });

  const writer = new DedupingMediaWriter(store, db);
  const priceCache = new Map<string, Awaited<ReturnType<typeof db.modelPrice.findMany>>>();
  const runs: RunRow[] = [];
  const messages: MessageRow[] = [];
  const uploads: UploadRow[] = [];
  const links: MessageUploadRow[] = [];
  const calls: ToolCallRow[] = [];
  let clock = group.created_at;

  for (const [index, spec] of (options.runs ?? defaultRuns).entries()) {
    const created_at = spec.created_at ?? addMs(clock, 1000);
    const runModel = spec.model_id ?? model_id;
    if (!priceCache.has(runModel)) priceCache.set(runModel, await db.modelPrice.findMany({ where: { model_id: runModel } }));
    const price = priceInForce(priceCache.get(runModel) ?? [], created_at);
    if (!price) throw new Error(`Model ${runModel} has no price in force at ${created_at.toISOString()}`);
    const specMessages = spec.messages ?? [];
    const textTokens = specMessages.reduce((sum, m) => sum + Math.ceil((m.text?.length ?? 0) / 4), 0);
    const input_tokens = spec.input_tokens ?? 200 + textTokens;
    const run = buildRun(
      {
        group_id: group.id,
        model_id: runModel,
        agent_id: spec.agent_id ?? agent_id,
        ...(spec.agent_version !== undefined ? { agent_version: spec.agent_version } : {}),
        profile_id: options.session.profile_id,
        status: spec.status ?? "succeeded",
        ...(spec.finish_reason !== undefined ? { finish_reason: spec.finish_reason } : {}),
        error: spec.error ?? null,
        input_tokens,
        cached_input_tokens: spec.cached_input_tokens ?? 0,
        output_tokens: spec.output_tokens ?? 80,
        previous_context_start_index: spec.previous_context_start_index ?? (index === 0 ? 0 : 1),
        created_at,
        duration_ms: spec.duration_ms,
      },
      price,
    );
    runs.push(run);
    clock = run.finished_at ?? created_at;

    for (const [position, item] of specMessages.entries()) {
      const message: MessageRow = { id: newId(), run_id: run.id, role: item.role, position, created_at: addMs(created_at, position) };
      messages.push(message);
      const attached: string[] = [];
      if (item.text !== undefined) {
        const stored = await writer.put(new TextEncoder().encode(item.text), "txt");
        const profile_id = item.role === "user" ? options.session.profile_id : null;
        const upload = buildUpload(stored, { original_name: "message.txt", kind: "text", mime_type: "text/plain", profile_id, created_at });
        uploads.push(upload);
        attached.push(upload.id);
      }
      attached.push(...(item.upload_ids ?? []));
      attached.forEach((upload_id, i) => links.push({ message_id: message.id, position: i, upload_id }));
      for (const call of item.calls ?? []) {
        calls.push({
          id: newId(),
          message_id: message.id,
          template_name: call.template_name,
          file_path: call.file_path ?? null,
          created_at: message.created_at,
        });
      }
    }
  }

  await db.run.createMany({ data: runs });
  if (uploads.length) await db.upload.createMany({ data: uploads });
  if (messages.length) await db.message.createMany({ data: messages });
  if (links.length) await db.messageUpload.createMany({ data: links });
  if (calls.length) await db.toolCall.createMany({ data: calls });
  await db.session.updateMany({ where: { id: options.session.id, updated_at: { lt: clock } }, data: { updated_at: clock } });
  return { group, runs, messages, uploads, messageUploads: links, toolCalls: calls };
}
