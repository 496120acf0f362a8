import { defineEndpoint } from "@/lib/contract/endpoint";
import { ingestBatchRequestSchema, ingestBatchResponseSchema, maxBatchBytes, maxBatchEvents } from "./schemas";
import { ingestUploadRequestSchema, ingestUploadResponseSchema, uploadRules } from "./schemas/upload";
import { otlpTraceRequestSchema, otlpTraceResponseSchema } from "./otlp/schemas";

export const ingestBatchEndpoint = defineEndpoint({
  command: "batch",
  path: "/ingest/batch",
  summary: "Send departments, TAs, sessions, runs, messages, problems, sign-ins and more as they happen",
  description: [
    `Up to ${maxBatchEvents} events (and ${maxBatchBytes / 1024 / 1024} MB), applied in the order sent, each atomically: every event is answered accepted, duplicate (its event_id was applied before: nothing changes, so a retried batch counts nothing twice) or rejected (nothing of it applied, with the field and the reason).`,
    "The batch commits once: should it fail as a whole (a 5xx), none of it was applied and it can be sent again as it is.",
    "Each event names the id of the record it creates or updates; an event for an existing id updates it (a run that finishes, a session that ends), but never moves it to another parent.",
    "Out of order: an event whose parent is unknown (a run before its group) is rejected with the parent's field; send it again once the parent is in (the same batch in order, or a later one).",
    "A run's cost, when not given, is computed exactly from its model's price in force at created_at. Profiles sent here are TAs: admin and coordinator accounts are never created or changed by ingestion.",
    "Generation events are not stored but streamed to watchers (POST /system/watch) as the spec's Generation…Event. Needs a token with the ingest scope (an admin's).",
  ].join(" "),
  tag: "Ingest",
  body: ingestBatchRequestSchema,
  response: ingestBatchResponseSchema,
  maxBodyBytes: maxBatchBytes,
  access: ["admin"],
  scope: "ingest",
  mutates: true,
});

export const ingestUploadEndpoint = defineEndpoint({
  command: "upload",
  path: "/ingest/upload",
  summary: "Send a media file (text, image, audio, video or a document) for messages to reference",
  description: [
    "The request body is the file's bytes with its MIME type as Content-Type; kind, profile_id and file_name (and optionally upload_id) are query parameters.",
    `Limits: ${Object.entries(uploadRules)
      .map(([kind, rule]) => `${kind} ${rule.maxBytes / 1024 / 1024} MB (${rule.mimeTypes.join(", ")})`)
      .join("; ")}.`,
    "The bytes stream to storage as they arrive; an upload past its limit is refused with 413 and leaves nothing behind. The content must match the declared type's signature (text types must be UTF-8 text), else 400 naming Content-Type.",
    "Bytes already stored are kept once (bytes_reused). Answers the upload_id that message events name in upload_ids. Needs a token with the ingest scope.",
  ].join(" "),
  tag: "Ingest",
  body: ingestUploadRequestSchema,
  response: ingestUploadResponseSchema,
  rawBody: { description: "The file's bytes, sent with its MIME type as Content-Type" },
  access: ["admin"],
  scope: "ingest",
  mutates: true,
});

export const ingestOtlpTracesEndpoint = defineEndpoint({
  command: "otlp traces",
  path: "/ingest/otlp/v1/traces",
  summary: "Receive OpenTelemetry GenAI spans (OTLP/HTTP JSON) as sessions, groups, runs and messages",
  description: [
    "An OTLP/HTTP traces endpoint: point an OpenTelemetry exporter at <instance>/ingest/otlp with the header Authorization: Bearer <token with the ingest scope> and the JSON encoding (protobuf is answered 415).",
    "Each inference span (gen_ai.operation.name chat, text_completion or generate_content) becomes a run in the group of its trace, in the Glow session named by glow.session.id or session.id, with its model, tokens, time and status, and its gen_ai.system_instructions, gen_ai.input.messages and gen_ai.output.messages as messages; other spans are ignored.",
    "Ids derive from the trace and span ids, so a span sent twice changes nothing. Spans that cannot be taken are counted in partialSuccess with the reason. The README gives the whole mapping and an example.",
  ].join(" "),
  tag: "Ingest",
  body: otlpTraceRequestSchema,
  response: otlpTraceResponseSchema,
  maxBodyBytes: maxBatchBytes,
  access: ["admin"],
  scope: "ingest",
  mutates: true,
});
