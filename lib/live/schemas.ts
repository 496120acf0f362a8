// POST /system/watch: the request's filters and every event the stream carries (client-safe).
// Each event's schema is defined here once and read by the stream, the OpenAPI document, the
// dashboard and `glow system watch`.
import { z } from "zod";
import { money, timestamp, uuid } from "@/lib/api/common-schemas";

/** What every event says about where it happened, so a client can route it without a lookup. */
const envelope = {
  occurred_at: timestamp,
  profile_id: uuid("profile_id").meta({ description: "The TA the event is about" }),
  session_id: uuid("session_id").nullable(),
  group_id: uuid("group_id").nullable(),
  run_id: uuid("run_id").nullable(),
};
/** The spec's generation events always name their group and run. */
const generationEnvelope = { ...envelope, session_id: uuid("session_id"), group_id: uuid("group_id"), run_id: uuid("run_id") };

const count = z.int().min(0);
const progress = {
  completed_resources: count,
  total_resources: count,
  percentage: z.number().min(0).max(100).meta({ description: "completed_resources / total_resources × 100, one decimal" }),
};
export const mediaType = z.enum(["image", "video", "audio"]);

export const generationProgressEventSchema = z
  .object({ type: z.literal("GenerationProgressEvent"), ...generationEnvelope, ...progress })
  .meta({ id: "GenerationProgressEvent", description: "How far a run in flight has got" });
export const generationCompleteEventSchema = z
  .object({
    type: z.literal("GenerationCompleteEvent"),
    ...generationEnvelope,
    artifact_type: z.string().meta({ description: 'What was generated, e.g. "run" or "image"' }),
    success: z.boolean(),
  })
  .meta({ id: "GenerationCompleteEvent", description: "A generation ended, in success or failure" });
export const generationSavedEventSchema = z
  .object({ type: z.literal("GenerationSavedEvent"), ...generationEnvelope, artifact_type: z.string() })
  .meta({ id: "GenerationSavedEvent", description: "The generated artifact was saved" });
export const generationErrorEventSchema = z
  .object({ type: z.literal("GenerationErrorEvent"), ...generationEnvelope, message: z.string() })
  .meta({ id: "GenerationErrorEvent", description: "A generation failed, with the error" });
export const generationMediaProgressEventSchema = z
  .object({ type: z.literal("GenerationMediaProgressEvent"), ...generationEnvelope, media_type: mediaType, ...progress })
  .meta({ id: "GenerationMediaProgressEvent", description: "How far an image, video or audio generation has got" });
export const generationMediaCompleteEventSchema = z
  .object({
    type: z.literal("GenerationMediaCompleteEvent"),
    ...generationEnvelope,
    media_type: mediaType,
    success: z.boolean(),
    upload_id: uuid("upload_id").nullable().meta({ description: "The stored media, when it was saved" }),
  })
  .meta({ id: "GenerationMediaCompleteEvent", description: "An image, video or audio generation ended" });

export const sessionStartedEventSchema = z
  .object({ type: z.literal("SessionStartedEvent"), ...envelope, session_id: uuid("session_id"), title: z.string().nullable() })
  .meta({ id: "SessionStartedEvent" });
export const sessionEndedEventSchema = z
  .object({ type: z.literal("SessionEndedEvent"), ...envelope, session_id: uuid("session_id"), ended_at: timestamp })
  .meta({ id: "SessionEndedEvent" });
export const runRecordedEventSchema = z
  .object({
    type: z.literal("RunRecordedEvent"),
    ...generationEnvelope,
    status: z.enum(["running", "succeeded", "failed", "cancelled"]),
    model_id: uuid("model_id"),
    agent_id: uuid("agent_id"),
    input_tokens: count,
    output_tokens: count,
    cost: money,
    finished_at: timestamp.nullable(),
  })
  .meta({ id: "RunRecordedEvent", description: "A run was recorded or changed (it started, finished or failed)" });
export const problemFlaggedEventSchema = z
  .object({
    type: z.literal("ProblemFlaggedEvent"),
    ...envelope,
    session_id: uuid("session_id"),
    problem_id: uuid("problem_id"),
    kind: z.string(),
    severity: z.string(),
  })
  .meta({ id: "ProblemFlaggedEvent" });
export const problemResolvedEventSchema = z
  .object({
    type: z.literal("ProblemResolvedEvent"),
    ...envelope,
    session_id: uuid("session_id"),
    problem_id: uuid("problem_id"),
    resolved: z.boolean().meta({ description: "false when the problem was re-opened" }),
  })
  .meta({ id: "ProblemResolvedEvent", description: "A problem was resolved or re-opened" });

/** Sent instead of a replay the buffer no longer holds: the client should reload what it shows. */
export const resyncEventSchema = z
  .object({ type: z.literal("ResyncEvent"), reason: z.string() })
  .meta({ id: "ResyncEvent", description: "Some events since Last-Event-ID are no longer kept: reload, then carry on from here" });

export const liveEventSchema = z
  .discriminatedUnion("type", [
    generationProgressEventSchema,
    generationCompleteEventSchema,
    generationSavedEventSchema,
    generationErrorEventSchema,
    generationMediaProgressEventSchema,
    generationMediaCompleteEventSchema,
    sessionStartedEventSchema,
    sessionEndedEventSchema,
    runRecordedEventSchema,
    problemFlaggedEventSchema,
    problemResolvedEventSchema,
  ])
  .meta({ id: "LiveEvent", description: "One event of the stream: the SSE `event:` field is its type, `data:` this object, `id:` its resume point" });
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent["type"];
export type ResyncEvent = z.infer<typeof resyncEventSchema>;
export const liveEventTypes = liveEventSchema.options.map((option) => option.shape.type.value) as [LiveEventType, ...LiveEventType[]];

/** What a stream carries: the events, and a resync when a resume reaches past the buffer. */
export const streamEventSchema = z
  .discriminatedUnion("type", [...liveEventSchema.options, resyncEventSchema])
  .meta({ id: "WatchStreamEvent", description: "What the stream's `data:` lines hold: a LiveEvent, or a ResyncEvent" });
export type StreamEvent = z.infer<typeof streamEventSchema>;

export const watchRequestSchema = z
  .strictObject({
    session_id: uuid("session_id").optional().meta({ description: "Only events of this session" }),
    group_id: uuid("group_id").optional().meta({ description: "Only events of this group" }),
    profile_id: uuid("profile_id").optional().meta({ description: "Only events about this TA" }),
    department_ids: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Only events about TAs of these departments" }),
    types: z
      .array(z.enum(liveEventTypes, { error: `types must be among ${liveEventTypes.join(", ")}` }))
      .min(1)
      .max(liveEventTypes.length)
      .optional()
      .meta({ description: "Only these event types" }),
    max_seconds: z.number({ error: "max_seconds must be a number" }).positive({ error: "max_seconds must be positive" }).max(86_400).optional().meta({
      description:
        "End the stream after this many seconds (at most the server's limit, 30 minutes by default), e.g. to watch for a minute from a script",
    }),
  })
  .meta({ id: "WatchRequest" });
export type WatchRequest = z.infer<typeof watchRequestSchema>;
