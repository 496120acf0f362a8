import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Endpoint } from "@/lib/contract/endpoint";
import { refusedRequests } from "@/lib/audit/refused-requests";
import { clientAddress } from "@/lib/auth/client-address";
import { isDatabaseUnavailable, retryAfterSeconds } from "@/lib/db/unavailable";
import { authenticate } from "./authenticate";
import { apiLimiters, type FixedWindowLimiter } from "./rate-limit";
import { ApiError, invalidBody } from "./errors";
import { readJsonBody } from "./read-body";
import { withRequestContext } from "./request-context";
import { findUnsafeText } from "./unsafe-text";

export interface RouteContext<Body> {
  body: Body;
  actor: Actor;
  request: Request;
  requestId: string;
}

type Handler<Body extends z.ZodType, Result extends z.ZodType> = (context: RouteContext<z.output<Body>>) => Promise<z.input<Result> | Response>;

/**
 * The one wrapper every API route goes through: authenticate, authorize by access level, parse the
 * body with the endpoint's schema, run the handler, and shape the answer (or the error) the same way
 * everywhere. A thrown ApiError becomes its status; anything unexpected a logged, generic 500.
 */
export function route<Body extends z.ZodType, Result extends z.ZodType>(
  endpoint: Endpoint<Body, Result>,
  handler: Handler<Body, Result>,
): (request: Request) => Promise<Response> {
  return wrap(endpoint, handler, (request) => readJsonBody(request, endpoint.maxBodyBytes));
}

/**
 * The same wrapper for an endpoint whose request body is raw bytes (an upload): its fields come from
 * the query string, parsed with the endpoint's schema, and the handler streams `request.body` itself.
 */
export function routeRawBody<Body extends z.ZodType, Result extends z.ZodType>(
  endpoint: Endpoint<Body, Result>,
  handler: Handler<Body, Result>,
): (request: Request) => Promise<Response> {
  return wrap(endpoint, handler, readQuery);
}

/**
 * The same wrapper for a GET variant of an endpoint, whose "body" is the query string parsed with
 * the same schema: for clients that cannot POST, such as the browser's <audio>, <video> and <img>.
 */
export function routeGet<Body extends z.ZodType, Result extends z.ZodType>(
  endpoint: Endpoint<Body, Result>,
  handler: Handler<Body, Result>,
): (request: Request) => Promise<Response> {
  return wrap(endpoint, handler, readQuery);
}

async function readQuery(request: Request): Promise<unknown> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

function wrap<Body extends z.ZodType, Result extends z.ZodType>(
  endpoint: Endpoint<Body, Result>,
  handler: Handler<Body, Result>,
  readInput: (request: Request) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = randomUUID();
    let caller: Actor | undefined;
    try {
      // The client's address is known only from a reverse proxy's header; direct callers share none.
      const address = clientAddress(request.headers);
      if (address) refuseWhenLimited(apiLimiters.perIp, `ip:${address}`);
      const actor = await authenticate(request);
      caller = actor;
      refuseWhenLimited(apiLimiters.perCaller, actor.token_id ? `token:${actor.token_id}` : `profile:${actor.profile_id}`);
      if (!endpoint.access.includes(actor.access_level)) {
        throw new ApiError("forbidden", `${endpoint.path} is not available to ${actor.access_level} accounts.`);
      }
      const scope = endpoint.scope ?? "read";
      // Only the system API is open to a signed-in browser; anything else takes a token made for it.
      if (!actor.token_scopes && scope !== "read") throw new ApiError("forbidden", `${endpoint.path} needs an API token with the ${scope} scope.`);
      if (actor.token_scopes && !actor.token_scopes.includes(scope)) {
        throw new ApiError("forbidden", `${endpoint.path} needs a token with the ${scope} scope; this one has ${actor.token_scopes.join(", ")}.`);
      }
      if (endpoint.mutates && actor.emulation) {
        throw new ApiError("forbidden", "Emulation is read-only: end it to make changes.");
      }
      const input = await readInput(request);
      const unsafe = findUnsafeText(input);
      if (unsafe) throw new ApiError("invalid_body", `${unsafe.field || "The body"} ${unsafe.message}.`, [unsafe]);
      const parsed = endpoint.body.safeParse(input);
      if (!parsed.success) throw invalidBody(parsed.error);
      // Reads of records audit themselves in the data layer (lib/audit/audited-read.ts), with this request.
      const result = await withRequestContext({ headers: request.headers, requestId }, () =>
        handler({ body: parsed.data, actor, request, requestId }),
      );
      const response =
        result instanceof Response
          ? result
          : Response.json(endpoint.response ? endpoint.response.parse(result) : result, {
              headers: { "Cache-Control": "no-store" },
            });
      response.headers.set("X-Request-Id", requestId);
      return response;
    } catch (error) {
      if (error instanceof ApiError && (error.code === "unauthorized" || error.code === "forbidden")) {
        await refusedRequests
          .note({
            status: error.code === "unauthorized" ? 401 : 403,
            code: error.code,
            path: endpoint.path,
            ip: clientAddress(request.headers),
            actorId: caller ? (caller.emulation?.admin_profile_id ?? caller.profile_id) : null,
            onBehalfOfId: caller?.emulation ? caller.profile_id : null,
            requestId,
          })
          .catch((cause: unknown) => console.error(`[${requestId}] recording a refused request failed`, cause));
      }
      return errorResponse(error, requestId, endpoint.path);
    }
  };
}

function refuseWhenLimited(limiter: FixedWindowLimiter, key: string): void {
  const decision = limiter.take(key);
  if (!decision.allowed) {
    throw new ApiError("rate_limited", `Too many requests: try again in ${decision.retryAfterSeconds} s.`, undefined, {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }
}

export function errorResponse(error: unknown, requestId: string, path: string): Response {
  const apiError = asApiError(error, requestId, path);
  const response = apiError.toResponse();
  response.headers.set("X-Request-Id", requestId);
  return response;
}

/** A thrown ApiError as it is; an unreachable database as 503; anything else a logged, generic 500. */
function asApiError(error: unknown, requestId: string, path: string): ApiError {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) {
    console.error(`[${requestId}] ${path}: the database is unavailable`);
    return new ApiError("unavailable", `The database is unavailable: try again in ${retryAfterSeconds} s.`, undefined, {
      "Retry-After": String(retryAfterSeconds),
    });
  }
  console.error(`[${requestId}] ${path} failed`, error);
  return new ApiError("internal", `Something went wrong on our side (request ${requestId}).`);
}
