// POST /system/audit and /system/audit/access_history: request and response schemas (client-safe).
import { z } from "zod";
import { activityFilters, checkDateWindow, paginatedResponse, paginationRequest, timestamp, uuid } from "@/lib/api/common-schemas";
import { maxPurposeLength } from "@/lib/export/schemas";
import { auditOutcomes } from "./actions";

export const listAuditRequestSchema = z
  .strictObject({
    ...paginationRequest,
    actor_id: uuid("actor_id").optional().meta({ description: "Who was at the keyboard (the admin, during an emulation)" }),
    on_behalf_of_id: uuid("on_behalf_of_id").optional().meta({ description: "The TA an emulating admin acted as" }),
    action: z
      .string({ error: "action must be a string" })
      .trim()
      .min(1, { error: "action must not be empty" })
      .max(100, { error: "action must be at most 100 characters" })
      .optional()
      .meta({ description: 'An exact action ("session.read"), or a prefix ending in a dot ("session.") for all its actions' }),
    target_type: z.string().trim().min(1).max(50, { error: "target_type must be at most 50 characters" }).optional(),
    target_id: z
      .string()
      .trim()
      .min(1)
      .max(100, { error: "target_id must be at most 100 characters" })
      .optional()
      .meta({ description: "An upload's id also finds the group reads that offered it for download (offered_upload_ids)" }),
    request_id: z.string().trim().min(1).max(100, { error: "request_id must be at most 100 characters" }).optional(),
    outcome: z
      .enum(auditOutcomes)
      .optional()
      .meta({ description: "Reads and refused requests by what they came to: allowed (disclosed), not_found or denied" }),
    date_from: activityFilters.date_from,
    date_to: activityFilters.date_to,
  })
  .superRefine(checkDateWindow)
  .meta({ id: "ListAuditRequest", description: "The date window applies to the row's created_at." });
export type ListAuditRequest = z.infer<typeof listAuditRequestSchema>;

export const auditItemSchema = z
  .object({
    audit_id: uuid("audit_id"),
    created_at: timestamp,
    actor_id: uuid("actor_id").nullable(),
    actor_name: z.string().nullable(),
    on_behalf_of_id: uuid("on_behalf_of_id").nullable(),
    on_behalf_of_name: z.string().nullable(),
    action: z.string(),
    target_type: z.string(),
    target_id: z.string().nullable(),
    ip: z.string().nullable(),
    request_id: z.string().nullable(),
    details: z.unknown().meta({ description: "What the action recorded (JSON), or null" }),
    outcome: z
      .enum(auditOutcomes)
      .nullable()
      .meta({ description: "For reads and refused requests: allowed (the record was disclosed), not_found or denied; null for changes" }),
    offered_upload_ids: z.array(uuid("offered_upload_ids")).meta({
      description:
        "For group reads: the uploads the answer offered for download. Their downloads by the same person within the hour write no upload.read row of their own; this row records them.",
    }),
  })
  .meta({ id: "AuditItem" });
export type AuditItem = z.infer<typeof auditItemSchema>;

export const listAuditResponseSchema = paginatedResponse(auditItemSchema)
  .extend({
    facets: z
      .object({
        actions: z.array(z.string()),
        target_types: z.array(z.string()),
      })
      .meta({ description: "Every action and target type Glow records, for filter choices" }),
  })
  .meta({ id: "ListAuditResponse" });
export type ListAuditResponse = z.infer<typeof listAuditResponseSchema>;

export const accessHistoryRequestSchema = z
  .strictObject({
    profile_id: uuid("profile_id").meta({ description: "The person (usually a TA) whose access history to export" }),
    purpose: z
      .string({ error: "purpose is required: say why the history is exported" })
      .trim()
      .min(1, { error: "purpose must not be empty" })
      .max(maxPurposeLength, { error: `purpose must be at most ${maxPurposeLength} characters` })
      .meta({ description: "Why the history is exported (e.g. a FERPA request); kept in the audit log" }),
  })
  .meta({ id: "AccessHistoryRequest" });
export type AccessHistoryRequest = z.infer<typeof accessHistoryRequestSchema>;

export const accessRelation = z.enum(["accessed_their_record", "on_their_behalf", "by_them", "login"]);
export type AccessRelation = z.infer<typeof accessRelation>;

/** The CSV's columns, in order. */
export const accessHistoryColumns = [
  "created_at",
  "relation",
  "action",
  "actor_id",
  "actor_name",
  "on_behalf_of_id",
  "on_behalf_of_name",
  "target_type",
  "target_id",
  "ip",
  "request_id",
  "user_agent",
  "details",
  "audit_id",
  "login_id",
] as const;
