// Requests and answers of POST /system/group (lean or detail) and POST /system/groups (client-safe).
import { z } from "zod";
import { checkCursor, cursorField } from "@/lib/api/cursor";
import {
  activityFilters,
  checkDateWindow,
  keysetPaginatedResponse,
  money,
  paginationRequest,
  sortOrder,
  timestamp,
  uuid,
} from "@/lib/api/common-schemas";

export const maxMessageLimit = 500;

export const getGroupRequest = z
  .strictObject({
    group_id: uuid("group_id").meta({ description: "UUID of the group to fetch" }),
    include_detail: z
      .boolean({ error: "include_detail must be a boolean" })
      .default(false)
      .meta({ description: "true returns the full detail tree (runs + messages); false (default) the lean identity" }),
    message_limit: z
      .int({ error: "message_limit must be an integer" })
      .min(1, { error: "message_limit must be at least 1" })
      .max(maxMessageLimit, { error: `message_limit must be at most ${maxMessageLimit}` })
      .default(100)
      .meta({ description: "Maximum number of messages to return (with include_detail)" }),
    message_offset: z
      .int({ error: "message_offset must be an integer" })
      .min(0, { error: "message_offset must not be negative" })
      .max(10_000_000)
      .default(0)
      .meta({ description: "How many messages to skip, counting across runs in order" }),
  })
  .meta({ id: "GetGroupRequest" });
export type GetGroupRequest = z.infer<typeof getGroupRequest>;

export const uploadKind = z.enum(["text", "audio", "image", "video", "file"]);
export const runStatus = z.enum(["running", "succeeded", "failed", "cancelled"]);

/** Why a run stopped (the OpenTelemetry GenAI finish reasons, normalized): shared with ingestion. */
export const finishReasons = ["stop", "length", "tool_calls", "content_filter", "error", "cancelled"] as const;
export const messageRole = z.enum(["system", "user", "assistant", "tool"]);

export const groupDetailRun = z
  .object({
    id: z.guid(),
    created_at: timestamp,
    input_tokens: z.int().min(0).meta({ description: "Input tokens, cached ones included" }),
    output_tokens: z.int().min(0),
    cached_input_tokens: z.int().min(0).meta({ description: "The part of input_tokens served from the cache" }),
    cost: money.meta({ description: "Dollar cost of this run as a string" }),
    currency: z.literal("USD").meta({
      description:
        "ISO 4217 code of cost: always USD. Every total adds run costs, so costs are kept in one currency; a run or price in another is refused at ingestion, never converted or added",
    }),
    model_id: z.guid(),
    agent_id: z.guid(),
    agent_version: z.int().min(1).meta({ description: "The agent's version the run used (see /system/agent)" }),
    profile_id: z.guid().meta({ description: "The profile that triggered the run" }),
    finished_at: timestamp.nullable(),
    duration_ms: z.int().min(0).nullable(),
    status: runStatus,
    finish_reason: z.enum(finishReasons).nullable().meta({
      description:
        "Why the run stopped: stop, length (the token limit), tool_calls, content_filter, error or cancelled; null while running or when it was never sent",
    }),
    error: z.string().nullable(),
  })
  .meta({ id: "GroupDetailRun" });

export const groupDetailCall = z
  .object({ id: z.guid(), template_name: z.string(), file_path: z.string().nullable(), created_at: timestamp })
  .meta({ id: "GroupDetailCall" });

const uploadIds = (kind: string) => z.array(z.guid()).meta({ description: `${kind} upload ids, in the message's order` });

export const groupDetailMessageItem = z
  .object({
    id: z.guid(),
    role: messageRole,
    position: z.int().min(0).meta({ description: "The message's position within its run" }),
    created_at: timestamp,
    text_upload_ids: uploadIds("Text"),
    audio_upload_ids: uploadIds("Audio"),
    image_upload_ids: uploadIds("Image"),
    video_upload_ids: uploadIds("Video"),
    file_upload_ids: uploadIds("File"),
    calls: z.array(groupDetailCall).meta({ description: "Tool/function calls made by this message" }),
  })
  .meta({ id: "GroupDetailMessageItem" });

export const groupDetailRunWithMessages = z
  .object({
    run: groupDetailRun,
    messages: z.array(groupDetailMessageItem).meta({ description: "This run's messages inside the requested window" }),
    previous_context_start_index: z.int().min(0).nullable().meta({
      description:
        "Where the run's own context starts in this run's returned messages: the index into `messages` of the message at previous_context_start_position (the messages before it were carried over from earlier runs). null when that message is not in this page's window, for example when a page starts mid-run after it.",
    }),
    previous_context_start_position: z.int().min(0).meta({
      description: "The same place as a message position in the run (0: nothing carried over); unlike the index, it does not depend on the page",
    }),
  })
  .meta({ id: "GroupDetailRunWithMessages" });

export const groupUploadResource = z
  .object({
    upload_id: z.guid(),
    kind: uploadKind,
    mime_type: z.string(),
    byte_size: z.int().min(0),
    original_name: z.string(),
  })
  .meta({ id: "GroupUploadResource" });

export const getGroupResponse = z
  .object({
    group_exists: z.boolean().meta({ description: "Whether the group was found (and is visible to the caller)" }),
    actor_name: z.string().meta({ description: "Display name of the caller" }),
    group_id: z.guid(),
    group_name: z.string().nullable(),
    session_id: z.guid().nullable(),
    profile_id: z.guid().nullable().meta({ description: "The session's (TA's) profile" }),
    created_at: timestamp.nullable(),
    total_message_count: z.int().min(0).optional().meta({ description: "All messages of the group (for pagination)" }),
    message_limit: z.int().min(1).optional(),
    message_offset: z.int().min(0).optional(),
    runs: z.array(groupDetailRunWithMessages).optional(),
    models: z
      .array(z.object({ model_id: z.guid(), name: z.string(), provider: z.string() }))
      .optional()
      .meta({ description: "Every model the group's runs used (all runs, not only those on this page), by name" }),
    agents: z
      .array(z.object({ agent_id: z.guid(), name: z.string() }))
      .optional()
      .meta({ description: "Every agent of the group's runs, by name" }),
    profiles: z
      .array(z.object({ profile_id: z.guid(), name: z.string() }))
      .optional()
      .meta({ description: "The session's TA and every profile that triggered one of the group's runs, by name" }),
    uploads: z.array(groupUploadResource).optional().meta({ description: "Every upload referenced by the returned messages" }),
  })
  .meta({
    id: "GetGroupResponse",
    description: "Identity fields are null when group_exists is false. Detail fields are present only with include_detail on an existing group.",
  });
export type GetGroupResponse = z.infer<typeof getGroupResponse>;

export const groupSortKeys = [
  "last_run_at",
  "first_run_at",
  "created_at",
  "total_cost",
  "total_tokens",
  "run_count",
  "group_name",
  "profile_name",
] as const;
export const groupSortBy = z.enum(groupSortKeys).meta({ description: "Column to sort by; ties broken by group_id" });
export type GroupSortBy = z.infer<typeof groupSortBy>;

export const listGroupsRequest = z
  .strictObject({
    ...paginationRequest,
    ...activityFilters,
    model_ids: z.array(uuid("model_ids[]")).max(200).optional().meta({ description: "Only groups with a run on one of these models" }),
    profile_id: uuid("profile_id").optional().meta({ description: "Only groups of this profile's sessions" }),
    session_id: uuid("session_id").optional().meta({ description: "Only groups of this session" }),
    sort_by: groupSortBy.default("last_run_at"),
    sort_order: sortOrder.default("desc"),
    cursor: cursorField.optional(),
  })
  .superRefine(checkDateWindow)
  .superRefine(checkCursor)
  .meta({ id: "ListGroupsRequest", description: "date_from/date_to window the group's created_at" });
export type ListGroupsRequest = z.infer<typeof listGroupsRequest>;

export const groupListItem = z
  .object({
    group_id: z.guid(),
    group_name: z.string(),
    session_id: z.guid(),
    profile_id: z.guid(),
    profile_name: z.string(),
    department_id: z.string().nullable(),
    created_at: timestamp,
    run_count: z.int().min(0),
    input_tokens: z.int().min(0).meta({ description: "Input tokens, cached ones included" }),
    output_tokens: z.int().min(0),
    cached_input_tokens: z.int().min(0),
    total_tokens: z.int().min(0).meta({ description: "input_tokens + output_tokens (cached tokens are part of input)" }),
    total_cost: money,
    models: z.array(z.object({ model_id: z.guid(), name: z.string() })).meta({ description: "Models the group's runs used, by name" }),
    first_run_at: timestamp.nullable().meta({ description: "Start of the group's first run; null without runs" }),
    last_run_at: timestamp
      .nullable()
      .meta({ description: "End of the group's runs: the latest finish time (or start, for a run still going); null without runs" }),
  })
  .meta({ id: "GroupListItem" });
export type GroupListItem = z.infer<typeof groupListItem>;

export const listGroupsResponse = keysetPaginatedResponse(groupListItem).meta({ id: "ListGroupsResponse" });
export type ListGroupsResponse = z.infer<typeof listGroupsResponse>;

export const pricingRequest = z
  .strictObject({ ...activityFilters })
  .superRefine(checkDateWindow)
  .meta({ id: "PricingRequest", description: "date_from/date_to window the runs' created_at" });
export type PricingRequest = z.infer<typeof pricingRequest>;

const perMillion = money.meta({ description: "Price per million tokens" });

export const pricingResponse = z
  .object({
    data_as_of: timestamp.meta({
      description: "When the costs were read; they come from summaries kept current with every write, so this is the answer's own time",
    }),
    models: z.array(
      z.object({
        model_id: z.guid(),
        name: z.string(),
        provider: z.string(),
        prices: z
          .array(
            z.object({
              effective_from: timestamp,
              input_per_million: perMillion,
              cached_input_per_million: perMillion,
              output_per_million: perMillion,
              currency: z.string(),
            }),
          )
          .meta({ description: "Price history, oldest first; each applies until the next one" }),
      }),
    ),
    cost_by_model: z
      .array(z.object({ model_id: z.guid(), name: z.string(), total_cost: money, total_tokens: z.int().min(0), run_count: z.int().min(0) }))
      .meta({ description: "Runs in the window by model, most expensive first" }),
    cost_by_month: z
      .array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), model_id: z.guid(), total_cost: money, total_tokens: z.int().min(0) }))
      .meta({ description: "Runs in the window by UTC calendar month and model, oldest month first" }),
  })
  .meta({ id: "PricingResponse" });
export type PricingResponse = z.infer<typeof pricingResponse>;
