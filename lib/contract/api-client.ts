// The browser's one way to call the system API (client-safe): typed by the same Endpoint objects the
// route handlers, the OpenAPI document and the CLI read, with the session cookie, one error type,
// and answers parsed by the endpoint's own response schema.
import type { z } from "zod";
import { errorResponseSchema, type ErrorCode, type ErrorIssue } from "@/lib/api/errors";
import type { Endpoint } from "./endpoint";

/** A refused or failed call: the API's message and field issues, or what went wrong on the way. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code?: ErrorCode,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = "ApiCallError";
  }

  /** The first message per top-level body field ("scoped_department_ids.2" counts as scoped_department_ids), for forms. */
  get fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const issue of this.issues) {
      const field = issue.field.split(".")[0] ?? "";
      if (field && !fields[field]) fields[field] = issue.message;
    }
    return fields;
  }
}

/** POSTs `body` to the endpoint; the response when it is a success, else an ApiCallError. */
export function postEndpoint<Body extends z.ZodType>(
  endpoint: Pick<Endpoint<Body>, "path">,
  body: z.input<Body>,
  init: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = { ...init.headers, "Content-Type": "application/json" };
  return send(endpoint.path, { method: "POST", headers, body: JSON.stringify(body), signal: init.signal });
}

/**
 * The GET form of an endpoint that also answers GET (`alsoGet`, the downloads): what <img>, <audio>
 * and <video> load with the session cookie, and what the browser may cache.
 */
export function endpointGetUrl<Body extends z.ZodType>(
  endpoint: Pick<Endpoint<Body>, "path">,
  query: z.input<Body> & Record<string, string>,
): string {
  return `${endpoint.path}?${new URLSearchParams(query)}`;
}

/** GETs such an endpoint; the response when it is a success, else an ApiCallError. */
export function getEndpoint<Body extends z.ZodType>(
  endpoint: Pick<Endpoint<Body>, "path">,
  query: z.input<Body> & Record<string, string>,
  init: { signal?: AbortSignal } = {},
): Promise<Response> {
  return send(endpointGetUrl(endpoint, query), { method: "GET", signal: init.signal });
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiCallError("The server could not be reached. Check your connection and try again.", 0);
  }
  if (!response.ok) throw await callError(response);
  return response;
}

/** Calls a JSON endpoint and returns its answer, parsed by the endpoint's response schema. */
export async function callEndpoint<Body extends z.ZodType, Result extends z.ZodType>(
  endpoint: Endpoint<Body, Result>,
  body: z.input<Body>,
  init: { signal?: AbortSignal } = {},
): Promise<z.output<Result>> {
  if (!endpoint.response) throw new TypeError(`${endpoint.path} answers bytes: use postEndpoint`);
  const response = await postEndpoint(endpoint, body, init);
  return endpoint.response.parse(await response.json());
}

async function callError(response: Response): Promise<ApiCallError> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return new ApiCallError(`The server answered ${response.status}.`, response.status);
  const { code, message, issues } = parsed.data.error;
  return new ApiCallError(message, response.status, code, issues);
}
