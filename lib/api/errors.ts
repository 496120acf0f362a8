// The one error contract of the API: `{ "error": { "code", "message", "issues"? } }`, with every
// code's HTTP status in one table.
import { z } from "zod";

export const errorStatus = {
  invalid_json: 400,
  invalid_body: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorIssueSchema = z.object({
  field: z.string().describe("Dotted path of the offending body field; empty for the body as a whole"),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      issues: z.array(errorIssueSchema).optional(),
    }),
  })
  .meta({ id: "ErrorResponse" });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toResponse(): Response {
    const body: ErrorResponse = { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
    return Response.json(body, { status: this.status, headers: { "Cache-Control": "no-store", ...this.headers } });
  }
}

export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return { field: issue.keys.join(", "), message: `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` };
    }
    return { field, message: issue.message };
  });
}

export function invalidBody(error: z.ZodError): ApiError {
  const issues = issuesFromZod(error);
  const summary = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join("; ");
  return new ApiError("invalid_body", summary || "The request body is invalid.", issues);
}
