import type { z } from "zod";
import type { AuditAction, AuditTargetType } from "@/lib/audit/actions";

export interface AuditTarget {
  action: AuditAction;
  target_type: AuditTargetType;
  target_id: string | null;
}

export type AccessLevelName = "admin" | "coordinator" | "ta";

/**
 * One endpoint of the system API, declared once: the route handler, the OpenAPI document and the
 * CLI all read this.
 */
export interface Endpoint<Body extends z.ZodType = z.ZodType, Result extends z.ZodType = z.ZodType> {
  /** The CLI command: `glow system <command>` (or `glow activity resolve`). */
  command: string;
  path: `/${string}`;
  summary: string;
  description: string;
  tag: "Activity" | "Sessions" | "Groups" | "Agents" | "Media" | "Export" | "Maintenance" | "Access" | "Ingest" | "Live";
  body: Body;
  /** The JSON answer; `null` for endpoints that stream bytes or events. */
  response: Result | null;
  /** What a streaming endpoint answers, for the OpenAPI document. */
  binary?: { contentType: string; description: string; ranges: boolean };
  /** What a Server-Sent Events endpoint streams: each event's schema, for the OpenAPI document and the CLI. */
  events?: { schema: z.ZodType; description: string };
  /** A JSON body larger than this is refused (413); lib/api/read-body.ts's default when not said. */
  maxBodyBytes?: number;
  /** The request body is the bytes of a file, its fields are query parameters (lib/api/route.ts routeRawBody). */
  rawBody?: { description: string };
  /** Also answers GET with the body's fields as query parameters (lib/api/route.ts routeGet). */
  alsoGet?: boolean;
  access: readonly AccessLevelName[];
  /** The token scope a Bearer token needs (lib/tokens/schemas.ts tokenScope); `read` when not said. */
  scope?: "read" | "ingest";
  /** Changes data: refused while an admin is emulating a TA, since emulation is read-only. */
  mutates?: boolean;
  /**
   * Reads of student records are audited (lib/audit/audited-read.ts): after the decision and before
   * any of the answer is sent, one row with its outcome. Mutations write their own, inside their
   * transaction.
   */
  auditRead?: {
    entry: (body: z.output<Body>) => AuditTarget;
    /** For answers that say "not found" with a 200 (`session_exists: false`): whether this one disclosed the record. */
    disclosed?: (result: z.input<Result>) => boolean;
    /** The uploads the answer offers for download; their downloads soon after write no row of their own. */
    offeredUploads?: (result: z.input<Result>) => string[];
    /** For downloads: the upload sent, so a download a recorded read already offered is not recorded twice. */
    uploadId?: (body: z.output<Body>) => string | undefined;
  };
}

export function defineEndpoint<Body extends z.ZodType, Result extends z.ZodType>(endpoint: Endpoint<Body, Result>): Endpoint<Body, Result> {
  return endpoint;
}
