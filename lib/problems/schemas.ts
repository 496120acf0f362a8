// POST /system/problems and POST /activity/resolve: request and response schemas (client-safe).
import { z } from "zod";
import { activityFilters, checkDateWindow, paginatedResponse, paginationRequest, sortOrder, timestamp, uuid } from "@/lib/api/common-schemas";

export const problemKind = z
  .enum(["ferpa_concern", "inappropriate_response", "hallucination", "technical_error", "persona_break"])
  .meta({ id: "ProblemKind" });
/** In increasing order of severity, which is also the order sort_by "severity" uses. */
export const problemSeverity = z.enum(["low", "medium", "high", "critical"]).meta({ id: "ProblemSeverity" });

export const problemSortKey = z.enum(["created_at", "updated_at", "severity", "kind", "profile_name"]).meta({
  id: "ProblemSortKey",
  description:
    "severity sorts low < medium < high < critical (kind in declaration order); ties are broken by created_at, then problem_id, in the same direction",
});
export type ProblemSortKey = z.infer<typeof problemSortKey>;

export const listProblemsRequestSchema = z
  .strictObject({
    ...paginationRequest,
    sort_by: problemSortKey.default("created_at"),
    sort_order: sortOrder.default("desc"),
    resolved: z.boolean({ error: "resolved must be a boolean" }).optional(),
    kinds: z.array(problemKind).max(10).optional().meta({ description: "Only these kinds (empty = all)" }),
    severities: z.array(problemSeverity).max(10).optional().meta({ description: "Only these severities (empty = all)" }),
    session_id: uuid("session_id").optional(),
    profile_id: uuid("profile_id").optional().meta({ description: "Only problems on this profile's sessions" }),
    ...activityFilters,
  })
  .superRefine(checkDateWindow)
  .meta({
    id: "ListProblemsRequest",
    description: "The date window applies to the problem's created_at; department_ids and roles to the session's owner.",
  });
export type ListProblemsRequest = z.infer<typeof listProblemsRequestSchema>;

export const problemItemSchema = z
  .object({
    problem_id: uuid("problem_id"),
    session_id: uuid("session_id"),
    group_id: uuid("group_id").nullable(),
    run_id: uuid("run_id").nullable(),
    profile_id: uuid("profile_id").meta({ description: "Owner of the session" }),
    profile_name: z.string(),
    kind: problemKind,
    severity: problemSeverity,
    description: z.string(),
    resolved: z.boolean(),
    resolved_by_id: uuid("resolved_by_id").nullable(),
    resolved_by_name: z.string().nullable(),
    resolved_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "ProblemItem" });
export type ProblemItem = z.infer<typeof problemItemSchema>;

export const listProblemsResponseSchema = paginatedResponse(problemItemSchema).meta({ id: "ListProblemsResponse" });
export type ListProblemsResponse = z.infer<typeof listProblemsResponseSchema>;

export const resolveProblemRequestSchema = z
  .strictObject({
    problem_id: uuid("problem_id"),
    resolved: z.boolean({ error: "resolved must be a boolean" }),
  })
  .meta({ id: "ResolveProblemRequest", description: "resolved: true resolves the problem, false re-opens it" });
export type ResolveProblemRequest = z.infer<typeof resolveProblemRequestSchema>;

export const resolveProblemResponseSchema = z
  .object({
    problem_id: uuid("problem_id"),
    resolved: z.boolean(),
    updated_at: timestamp.meta({ description: "Last change to the problem; a call that changes nothing leaves it as it was" }),
    resolved_by_id: uuid("resolved_by_id").nullable(),
    resolved_by_name: z.string().nullable(),
    resolved_at: timestamp.nullable(),
  })
  .meta({ id: "ResolveProblemResponse" });
export type ResolveProblemResponse = z.infer<typeof resolveProblemResponseSchema>;
