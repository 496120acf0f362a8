import "server-only";
// The one way a TA's record is read for a caller, by the API and the pages alike: the read runs,
// then one audit row records what it came to (allowed, not_found, denied), and only then does the
// caller get the record. A read whose audit row cannot be written answers an error instead.
// Recording after the decision keeps refusals out of the TA's access history (FERPA 34 CFR 99.32
// asks for a record of disclosures) while admins still see them in the audit log.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { AuditTarget, Endpoint } from "@/lib/contract/endpoint";
import { ApiError } from "@/lib/api/errors";
import { currentRequest, type RequestContext } from "@/lib/api/request-context";
import type { AuditOutcome } from "./actions";
import { uploadOfferedRecently } from "./offered-uploads";
import { recordAudit } from "./record";

export interface AuditedReadOptions<Result> {
  /** For answers that say "not found" with a 200: whether this one disclosed the record. */
  disclosed?: (result: Result) => boolean;
  /** The uploads the answer offers for download, attached to its row. */
  offeredUploads?: (result: Result) => string[];
  /** The upload a download sends: no row when a recorded read offered it to this caller recently. */
  uploadId?: string;
}

export async function auditedRead<Result>(
  actor: Actor,
  target: AuditTarget,
  request: RequestContext,
  read: () => Promise<Result>,
  options: AuditedReadOptions<Result> = {},
): Promise<Result> {
  let result: Result;
  try {
    result = await read();
  } catch (error) {
    const outcome: AuditOutcome | null =
      error instanceof ApiError && error.code === "not_found"
        ? "not_found"
        : error instanceof ApiError && error.code === "forbidden"
          ? "denied"
          : null;
    // A refusal's row must not turn the refusal into a 500: the answer stays what it was.
    if (outcome)
      await recordAudit(actor, { ...target, outcome }, request).catch((cause: unknown) => console.error("audit of a refused read failed", cause));
    throw error;
  }
  const disclosed = options.disclosed?.(result) ?? true;
  // Checked only once the caller may see the upload: an offer never stands in for a scope check.
  if (disclosed && options.uploadId && (await uploadOfferedRecently(actor, options.uploadId))) return result;
  const offered = disclosed ? (options.offeredUploads?.(result) ?? []) : [];
  await recordAudit(
    actor,
    { ...target, outcome: disclosed ? "allowed" : "not_found", offered_upload_ids: offered.length ? [...new Set(offered)] : undefined },
    request,
  );
  return result;
}

/**
 * An endpoint's read, audited as its declaration says (lib/contract/endpoint.ts auditRead), for the
 * route wrapper and for pages alike. A streamed answer (a Response) counts as disclosed.
 */
export function auditedEndpointRead<Body extends z.ZodType, Result extends z.ZodType, Answer extends z.input<Result> | Response>(
  actor: Actor,
  endpoint: Endpoint<Body, Result>,
  body: z.output<Body>,
  request: RequestContext,
  read: () => Promise<Answer>,
): Promise<Answer> {
  const audit = endpoint.auditRead;
  if (!audit) return read();
  const json = (answer: z.input<Result> | Response): z.input<Result> | null => (answer instanceof Response ? null : answer);
  return auditedRead(actor, audit.entry(body), request, read, {
    disclosed: (answer) => {
      const value = json(answer);
      return value === null || !audit.disclosed ? true : audit.disclosed(value);
    },
    offeredUploads: (answer) => {
      const value = json(answer);
      return value === null || !audit.offeredUploads ? [] : audit.offeredUploads(value);
    },
    uploadId: audit.uploadId?.(body),
  });
}

/**
 * The data layer's own audit of a record read: the exported read functions of sessions, groups and
 * uploads run through this, so no caller (route, page, script) can read a record unrecorded. The
 * request is the API's (route wrapper), the page's (Next's headers), or none for a script.
 */
export async function auditedRecordRead<Body extends z.ZodType, Result extends z.ZodType, Answer extends z.input<Result> | Response>(
  actor: Actor,
  endpoint: Endpoint<Body, Result>,
  body: z.output<Body>,
  read: () => Promise<Answer>,
): Promise<Answer> {
  return auditedEndpointRead(actor, endpoint, body, await currentRequest(), read);
}
