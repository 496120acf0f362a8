// POST /system/export: the request body and the manifest written last into every ZIP (client-safe).
import { z } from "zod";
import { accessLevel, activityFilters, checkDateWindow, timestamp, uuid } from "@/lib/api/common-schemas";

export const exportEntityNames = [
  "profiles",
  "sessions",
  "chats",
  "attempts",
  "groups",
  "runs",
  "messages",
  "uploads",
  "tool_calls",
  "problems",
  "logins",
  "emulations",
  "grants",
] as const;
export const exportEntityName = z.enum(exportEntityNames);
export type ExportEntityName = z.infer<typeof exportEntityName>;

export const maxPurposeLength = 500;

export const exportRequestSchema = z
  .strictObject({
    target_session_id: uuid("target_session_id").optional().meta({
      description: "Export only this session: its profile, chats, attempts, groups, runs, messages, uploads, tool calls and problems",
    }),
    target_group_id: uuid("target_group_id").optional().meta({
      description: "Export only this group: its runs, messages, uploads, tool calls and problems, with its session and profile for context",
    }),
    include_media: z
      .boolean({ error: "include_media must be a boolean" })
      .default(false)
      .meta({ description: "Also add the bytes of every exported upload under media/<kind>/<upload_id>-<name>" }),
    purpose: z
      .string({ error: "purpose must be a string" })
      .trim()
      .max(maxPurposeLength, { error: `purpose must be at most ${maxPurposeLength} characters` })
      .optional()
      .meta({ description: "Why the data is exported (e.g. a FERPA request); kept in the audit log and the manifest" }),
    ...activityFilters,
  })
  .superRefine((body, ctx) => {
    if (body.target_session_id && body.target_group_id) {
      ctx.addIssue({ code: "custom", path: ["target_group_id"], message: "Send target_session_id or target_group_id, not both" });
    }
    const filtered = (["date_from", "date_to", "department_ids", "roles"] as const).filter((field) => body[field] !== undefined);
    if ((body.target_session_id || body.target_group_id) && filtered.length > 0) {
      // A target export is the whole session or group; silently ignoring a filter would mislead.
      ctx.addIssue({ code: "custom", path: [filtered[0] ?? ""], message: "The activity filters apply only to the all-data export (no target)" });
    }
    checkDateWindow(body, ctx);
  })
  .meta({
    id: "ExportRequest",
    description:
      "With no target: all activity data you may see (sessions started in the window with everything under them, plus logins, emulations and grants in the window) for the profiles matching the filters. With a target: that session's or group's rows.",
  });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportFileSchema = z
  .object({
    path: z.string().meta({ description: "Path inside the ZIP" }),
    entity: exportEntityName.nullable().meta({ description: "The entity of a CSV/JSONL file; null for media" }),
    format: z.enum(["csv", "jsonl", "media"]),
    rows: z.int().min(0).nullable().meta({ description: "Data rows (the CSV header row not counted); null for media" }),
    bytes: z.int().min(0).meta({ description: "Uncompressed size" }),
    sha256: z.string().meta({ description: "SHA-256 of the uncompressed bytes, hex" }),
  })
  .meta({ id: "ExportFile" });

/** Header of an export whose department filter named departments the caller may not see. */
export const scopeNarrowedHeader = "Glow-Export-Scope-Narrowed";

export const exportScopeNoteSchema = z
  .object({
    covers: z.enum(["everything", "departments", "self"]).meta({
      description: "What the caller may export: everything (admin), the TAs of their departments (coordinator), their own records (TA)",
    }),
    department_ids: z.array(z.string()).meta({ description: "The caller's departments (a coordinator's or a TA's); [] for an admin" }),
    narrowed: z.boolean().meta({
      description: `true when the request's department_ids named departments outside what the caller may see: those were left out (the export may be empty), they are listed here, and the response has the ${scopeNarrowedHeader} header`,
    }),
    departments_outside_scope: z.array(z.string()).meta({ description: "The requested departments that were left out" }),
  })
  .meta({ id: "ExportScopeNote" });
export type ExportScopeNote = z.infer<typeof exportScopeNoteSchema>;

/** What the caller may export, and whether the request asked for more than that. */
export function exportScopeNote(
  actor: { access_level: "admin" | "coordinator" | "ta"; department_ids: readonly string[] },
  request: Pick<ExportRequest, "department_ids">,
): ExportScopeNote {
  const covers = actor.access_level === "admin" ? "everything" : actor.access_level === "coordinator" ? "departments" : "self";
  const mine = covers === "everything" ? [] : [...actor.department_ids].sort();
  const outside = covers === "everything" ? [] : [...new Set(request.department_ids ?? [])].filter((id) => !mine.includes(id)).sort();
  return { covers, department_ids: mine, narrowed: outside.length > 0, departments_outside_scope: outside };
}

export const exportManifestSchema = z
  .object({
    format: z.literal("glow-export"),
    format_version: z.literal(1),
    generated_at: timestamp.meta({ description: "When the export started" }),
    completed_at: timestamp.meta({ description: "When the last data file was written" }),
    request_id: z.string(),
    actor: z.object({ profile_id: uuid("profile_id"), name: z.string(), email: z.string(), access_level: accessLevel }),
    target: z.object({ type: z.enum(["all", "session", "group"]), id: uuid("id").nullable() }),
    filters: z.object({
      date_from: z.string().nullable(),
      date_to: z.string().nullable(),
      department_ids: z.array(z.string()),
      roles: z.array(z.string()),
    }),
    scope: exportScopeNoteSchema,
    include_media: z.boolean(),
    purpose: z.string().nullable(),
    csv: z.object({
      encoding: z.literal("utf-8"),
      line_ending: z.literal("CRLF"),
      array_separator: z.literal(";"),
      formula_prefix: z.literal("'").meta({ description: "Prefixed to text cells starting with = + - @ TAB or CR" }),
    }),
    counts: z.partialRecord(exportEntityName, z.int().min(0)).meta({ description: "Rows per exported entity" }),
    files: z.array(exportFileSchema).meta({ description: "Every file of the ZIP except this manifest, in ZIP order" }),
    missing_media: z.array(uuid("upload_id")).meta({ description: "Uploads whose bytes were not found in the media store" }),
  })
  .meta({ id: "ExportManifest", description: "manifest.json, the last entry of every export ZIP" });
export type ExportManifest = z.infer<typeof exportManifestSchema>;
export type ExportFile = z.infer<typeof exportFileSchema>;
