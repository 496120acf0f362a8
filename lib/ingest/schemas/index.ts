// POST /ingest/batch: the events a Glow deployment sends as its sessions happen (client-safe).
// Every event names its own id (event_id, for idempotency) and the id of the record it creates or
// updates, chosen by the sender, so later events can point at it before any answer comes back.
import { z } from "zod";
import { currencyCode, foreignCurrencyProblem } from "@/lib/money/currency";
import { finishReasons } from "@/lib/groups/schemas";
import { errorIssueSchema } from "@/lib/api/errors";
import { timestamp, uuid } from "@/lib/api/common-schemas";
import { compareDecimals } from "@/lib/format/decimal";
import { mediaType } from "@/lib/live/schemas";
import { decimal, eventId, name, tokens } from "./fields";
import {
  agentEventSchema,
  departmentEventSchema,
  emulationEventSchema,
  loginEventSchema,
  problemEventSchema,
  profileEventSchema,
  toolCallEventSchema,
} from "./records";

export const maxBatchEvents = 10_000;
export const maxBatchBytes = 32 * 1024 * 1024;

export const sessionEventSchema = z
  .strictObject({
    type: z.literal("session"),
    ...eventId,
    session_id: uuid("session_id"),
    profile_id: uuid("profile_id").meta({ description: "The TA whose session it is (an existing profile)" }),
    title: z.string().max(300).nullable().optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
    started_at: timestamp,
    ended_at: timestamp.nullable().optional().meta({ description: "Set when the session has ended; a later event may end it" }),
    end_status: z
      .enum(["completed", "aborted"], { error: "end_status must be completed or aborted" })
      .optional()
      .meta({ description: "How the session ended, with ended_at: completed (the default) or aborted (the TA or the deployment broke it off)" }),
  })
  .refine((event) => event.end_status === undefined || Boolean(event.ended_at), {
    path: ["end_status"],
    message: "end_status needs ended_at: only an ended session has one",
  })
  .meta({ id: "IngestSessionEvent", description: "Starts a session, or updates its title, tags or end" });

export const chatEventSchema = z
  .strictObject({
    type: z.literal("chat"),
    ...eventId,
    chat_id: uuid("chat_id"),
    session_id: uuid("session_id"),
    agent_id: uuid("agent_id").nullable().optional(),
    name: name("name"),
    created_at: timestamp,
  })
  .meta({ id: "IngestChatEvent" });

export const attemptEventSchema = z
  .strictObject({
    type: z.literal("attempt"),
    ...eventId,
    attempt_id: uuid("attempt_id"),
    session_id: uuid("session_id"),
    chat_id: uuid("chat_id").nullable().optional(),
    name: name("name"),
    score: decimal("score", 2)
      .refine((score) => compareDecimals(score, "100") <= 0, { error: "score must be at most 100" })
      .nullable()
      .optional()
      .meta({ description: '0 to 100, e.g. "87.50"' }),
    created_at: timestamp,
    submitted_at: timestamp.nullable().optional(),
  })
  .meta({ id: "IngestAttemptEvent" });

export const groupEventSchema = z
  .strictObject({
    type: z.literal("group"),
    ...eventId,
    group_id: uuid("group_id"),
    session_id: uuid("session_id"),
    name: name("name"),
    created_at: timestamp,
  })
  .meta({ id: "IngestGroupEvent" });

export const finishReason = z.enum(finishReasons, { error: `finish_reason must be one of ${finishReasons.join(", ")}` });
export type FinishReason = z.infer<typeof finishReason>;

export const runEventSchema = z
  .strictObject({
    type: z.literal("run"),
    ...eventId,
    run_id: uuid("run_id"),
    group_id: uuid("group_id"),
    model_id: uuid("model_id"),
    agent_id: uuid("agent_id"),
    agent_version: z
      .int({ error: "agent_version must be a whole number" })
      .min(1, { error: "agent_version starts at 1" })
      .max(1_000_000)
      .optional()
      .meta({ description: "The agent's version the run used (it must exist); when absent, the version in force at created_at" }),
    status: z.enum(["running", "succeeded", "failed", "cancelled"]),
    finish_reason: finishReason.optional().meta({
      description:
        "Why the run stopped; none while running. When absent: error for a failed run, cancelled for a cancelled one, unknown (null) otherwise",
    }),
    error: z.string().max(4000).nullable().optional().meta({ description: "Required for failed and cancelled runs" }),
    input_tokens: tokens("input_tokens").meta({ description: "Including the cached input tokens" }),
    cached_input_tokens: tokens("cached_input_tokens").default(0),
    output_tokens: tokens("output_tokens"),
    previous_context_start_index: z
      .int({ error: "previous_context_start_index must be a whole number" })
      .min(0)
      .max(1_000_000)
      .default(0)
      .meta({ description: "Position in this run's messages where the context carried over from earlier runs begins" }),
    cost: decimal("cost", 10)
      .optional()
      .meta({ description: "Exact US dollars; when absent, computed from the model's price in force at created_at" }),
    currency: currencyCode
      .refine((code) => foreignCurrencyProblem(code) === null, { error: (issue) => foreignCurrencyProblem(String(issue.input)) ?? "" })
      .optional()
      .meta({
        description:
          "Of cost: USD when absent. Every total adds run costs, so Glow Admin keeps one currency, USD; a cost in another (or priced in another) is refused",
      }),
    created_at: timestamp,
    finished_at: timestamp.nullable().optional().meta({ description: "Absent or null while the run is running" }),
  })
  .meta({ id: "IngestRunEvent" });

export const maxMessageTextLength = 200_000;

export const messageEventSchema = z
  .strictObject({
    type: z.literal("message"),
    ...eventId,
    message_id: uuid("message_id"),
    run_id: uuid("run_id"),
    role: z.enum(["system", "user", "assistant", "tool"]),
    position: z
      .int({ error: "position must be a whole number" })
      .min(0)
      .max(1_000_000)
      .meta({ description: "The message's place in its run, from 0" }),
    text: z
      .string()
      .max(maxMessageTextLength, { error: `text must be at most ${maxMessageTextLength} characters` })
      .optional()
      .meta({ description: "The message's text, stored once per distinct text as a text/plain upload" }),
    upload_ids: z.array(uuid("upload_ids")).max(20).optional().meta({ description: "Uploads already stored, in order after the text" }),
    created_at: timestamp,
  })
  .meta({
    id: "IngestMessageEvent",
    description: "One message of a run: its text and/or uploads (or neither: a turn that only calls tools). A message does not change once sent.",
  });

const generationFields = {
  type: z.literal("generation"),
  ...eventId,
  run_id: uuid("run_id").meta({ description: "The run in flight (send its run event first)" }),
  occurred_at: timestamp,
};
const resources = {
  completed_resources: z.int({ error: "completed_resources must be a whole number" }).min(0).max(1_000_000),
  total_resources: z.int({ error: "total_resources must be a whole number" }).min(1).max(1_000_000),
};
const withinTotal = (event: { completed_resources: number; total_resources: number }) => event.completed_resources <= event.total_resources;
const withinTotalError = { error: "completed_resources must not exceed total_resources", path: ["completed_resources"] };
const artifactType = z.string().trim().min(1).max(100).meta({ description: 'What was generated, e.g. "run", "image", "feedback"' });

/** Generation progress reported by the sender; it is not stored, only streamed (POST /system/watch). */
export const generationEventSchema = z
  .discriminatedUnion(
    "kind",
    [
      z.strictObject({ ...generationFields, kind: z.literal("progress"), ...resources }).refine(withinTotal, withinTotalError),
      z.strictObject({ ...generationFields, kind: z.literal("saved"), artifact_type: artifactType }),
      z.strictObject({ ...generationFields, kind: z.literal("complete"), artifact_type: artifactType, success: z.boolean() }),
      z.strictObject({ ...generationFields, kind: z.literal("error"), message: z.string().trim().min(1).max(4000) }),
      z
        .strictObject({ ...generationFields, kind: z.literal("media_progress"), media_type: mediaType, ...resources })
        .refine(withinTotal, withinTotalError),
      z.strictObject({
        ...generationFields,
        kind: z.literal("media_complete"),
        media_type: mediaType,
        success: z.boolean(),
        upload_id: uuid("upload_id").nullable().optional(),
      }),
    ],
    { error: "kind must be one of progress, saved, complete, error, media_progress, media_complete" },
  )
  .meta({ id: "IngestGenerationEvent", description: "Generation progress of a run in flight, sent on to watchers as the spec's Generation…Event" });

export const ingestEventTypes = [
  "department",
  "profile",
  "agent",
  "session",
  "chat",
  "attempt",
  "group",
  "run",
  "message",
  "tool_call",
  "generation",
  "problem",
  "login",
  "emulation",
] as const;

export const ingestEventSchema = z.discriminatedUnion(
  "type",
  [
    departmentEventSchema,
    profileEventSchema,
    agentEventSchema,
    sessionEventSchema,
    chatEventSchema,
    attemptEventSchema,
    groupEventSchema,
    runEventSchema,
    messageEventSchema,
    toolCallEventSchema,
    generationEventSchema,
    problemEventSchema,
    loginEventSchema,
    emulationEventSchema,
  ],
  { error: `type must be one of ${ingestEventTypes.join(", ")}` },
);
export type IngestEvent = z.infer<typeof ingestEventSchema>;
export type SessionEvent = z.infer<typeof sessionEventSchema>;
export type ChatEvent = z.infer<typeof chatEventSchema>;
export type AttemptEvent = z.infer<typeof attemptEventSchema>;
export type GroupEvent = z.infer<typeof groupEventSchema>;
export type RunEvent = z.infer<typeof runEventSchema>;
export type MessageEvent = z.infer<typeof messageEventSchema>;
export type GenerationEvent = z.infer<typeof generationEventSchema>;
export type { AgentEvent, DepartmentEvent, EmulationEvent, LoginEvent, ProblemEvent, ProfileEvent, ToolCallEvent } from "./records";
export type IngestEventType = IngestEvent["type"];

// Events are checked one by one (a bad event is answered `rejected`, the rest still apply), so the
// batch itself only has to be a list of objects.
export const ingestBatchRequestSchema = z
  .strictObject({
    events: z
      // An event of the documented kinds, or any object: a malformed event is answered `rejected`
      // on its own rather than failing the batch.
      .array(z.union([ingestEventSchema, z.record(z.string(), z.unknown())]), { error: "events must be a list of event objects" })
      .min(1, { error: "events must hold at least one event" })
      .max(maxBatchEvents, { error: `events must hold at most ${maxBatchEvents} events` })
      .meta({
        description:
          "Session, chat, attempt, group, run, message and generation events (IngestSessionEvent … IngestGenerationEvent), applied in order",
      }),
  })
  .meta({ id: "IngestBatchRequest" });
export type IngestBatchRequest = z.infer<typeof ingestBatchRequestSchema>;

export const ingestEventResultSchema = z
  .object({
    event_id: z.string().nullable().meta({ description: "As sent; null when the event had no readable event_id" }),
    status: z.enum(["accepted", "duplicate", "rejected"]).meta({
      description: "accepted: applied now; duplicate: this event_id was applied before, nothing changed; rejected: nothing of it was applied",
    }),
    entity_id: z.string().nullable().meta({ description: "The record the event created or updated" }),
    issues: z.array(errorIssueSchema).optional().meta({ description: "Why a rejected event was refused, by field" }),
  })
  .meta({ id: "IngestEventResult" });
export type IngestEventResult = z.infer<typeof ingestEventResultSchema>;

export const ingestBatchResponseSchema = z
  .object({
    accepted: z.int(),
    duplicate: z.int(),
    rejected: z.int(),
    results: z.array(ingestEventResultSchema).meta({ description: "One per event, in the order sent" }),
  })
  .meta({ id: "IngestBatchResponse" });
export type IngestBatchResponse = z.infer<typeof ingestBatchResponseSchema>;
