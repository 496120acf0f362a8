// The OpenAPI 3.1 document of the system API, generated from the endpoint definitions and their zod
// schemas (lib/contract/endpoints.ts): nothing here names an endpoint, so a new endpoint appears
// in the document, the docs page and `glow --help` as soon as it is added to that list.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { Endpoint } from "@/lib/contract/endpoint";
import { errorResponseSchema, errorStatus, type ErrorCode } from "@/lib/api/errors";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

export const bearerSchemeName = "bearerAuth";
export const apiVersion = "1.0.0";

const tagDescriptions: Partial<Record<Endpoint["tag"], string>> = {
  Activity: "Engagement counts, per-profile summaries and problems flagged on sessions",
  Sessions: "Training sessions: the paginated history and one session's detail and timeline",
  Groups: "Generation groups: runs, messages, tokens and cost",
  Agents: "The AI agents (student personas, graders, coaches): their versions, usage and sessions",
  Media: "The bytes of uploads (audio, images, video, files, text), with range requests",
  Export: "Denormalized ZIP exports for audits and FERPA requests",
  Maintenance: "Refreshing what the summaries are computed from",
  Access: "Emulation: admins viewing the dashboard as a TA sees it",
  Ingest: "Sending data in as it happens, with a token that has the ingest scope",
  Live: "Server-Sent Events: generation progress and activity as it happens, scoped like every read",
};

// Every error an endpoint can answer, in the one error shape; codes from lib/api/errors.ts.
const errorDescriptions: Record<number, string> = {
  400: "The body is not JSON or a field is invalid (unknown, wrong type, out of range); `issues` names each field",
  401: "No API token, or an unknown, expired or revoked one",
  403: "The token's access level may not call this endpoint",
  404: "The object does not exist or is outside what the caller may see (both answer the same)",
  413: "The body is larger than the limit",
  415: "The body is not sent as application/json",
  429: "Too many requests; retry after the Retry-After header's seconds",
  500: "Something failed on the server; the message carries the request id",
  503: "The database cannot be reached right now; retry after the Retry-After header's seconds",
};

function codesFor(status: number): ErrorCode[] {
  return (Object.keys(errorStatus) as ErrorCode[]).filter((code) => errorStatus[code] === status);
}

const requestIdHeader = { $ref: "#/components/headers/RequestId" };

function errorResponse(status: number, description: string): ResponseConfig {
  const codes = codesFor(status)
    .map((code) => `\`${code}\``)
    .join(", ");
  return {
    description: codes ? `${description}. error.code: ${codes}` : description,
    headers: { "X-Request-Id": requestIdHeader },
    content: { "application/json": { schema: errorResponseSchema } },
  };
}

export function cliCommand(endpoint: Pick<Endpoint, "path" | "command">): string {
  return `glow ${endpoint.path.split("/")[1]} ${endpoint.command}`;
}

/** operationId from the path, unique like the path: /system/export → system_export. */
export function operationId(endpoint: Pick<Endpoint, "path">): string {
  return endpoint.path.slice(1).replace(/[^A-Za-z0-9]+/g, "_");
}

function successResponses(endpoint: Endpoint): Record<number, ResponseConfig> {
  const requestId = { "X-Request-Id": requestIdHeader };
  if (endpoint.events) {
    const content = { "text/event-stream": { schema: endpoint.events.schema } };
    return { 200: { description: endpoint.events.description, headers: requestId, content } };
  }
  if (!endpoint.binary) {
    if (!endpoint.response) throw new Error(`${endpoint.path} has neither a response schema nor a binary answer`);
    return { 200: { description: "OK", headers: requestId, content: { "application/json": { schema: endpoint.response } } } };
  }
  const { contentType, description, ranges } = endpoint.binary;
  const bytes = { [contentType]: { schema: { type: "string" as const, contentMediaType: contentType } } };
  const headers = {
    ...requestId,
    "Content-Disposition": { description: "attachment or inline, with a safe file name", schema: { type: "string" as const } },
    ...(ranges
      ? {
          "Content-Length": { schema: { type: "integer" as const } },
          "Accept-Ranges": { schema: { type: "string" as const, enum: ["bytes"] } },
        }
      : {}),
  };
  const responses: Record<number, ResponseConfig> = { 200: { description, headers, content: bytes } };
  if (ranges) {
    responses[206] = {
      description: "The requested byte range (single range), with Content-Range",
      headers: { ...headers, "Content-Range": { description: "bytes start-end/size", schema: { type: "string" } } },
      content: bytes,
    };
    responses[416] = {
      ...errorResponse(416, "The Range starts past the end of the file"),
      headers: { "Content-Range": { description: "bytes */size", schema: { type: "string" } } },
    };
  }
  return responses;
}

const lastEventIdHeader = z.object({
  "last-event-id": z.string().regex(/^\d+$/).optional().meta({ description: "Resume after this event: the `id:` of the last event received" }),
});

function routesFor(endpoint: Endpoint): RouteConfig[] {
  // A body every field of which is optional may be left out entirely (the API reads it as {}).
  const bodyRequired = !endpoint.body.safeParse({}).success;
  const errors = Object.fromEntries(Object.entries(errorDescriptions).map(([status, text]) => [status, errorResponse(Number(status), text)]));
  const post: RouteConfig = {
    method: "post",
    path: endpoint.path,
    operationId: operationId(endpoint),
    summary: endpoint.summary,
    description: `${endpoint.description}\n\nAccess: ${endpoint.access.join(", ")}. Token scope: ${endpoint.scope ?? "read"}. CLI: \`${cliCommand(endpoint)}\`.`,
    tags: [endpoint.tag],
    security: [{ [bearerSchemeName]: [] }],
    request: endpoint.rawBody
      ? {
          query: isObjectSchema(endpoint.body) ? endpoint.body : undefined,
          body: {
            required: true,
            description: endpoint.rawBody.description,
            content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
          },
        }
      : {
          body: { required: bodyRequired, content: { "application/json": { schema: endpoint.body } } },
          ...(endpoint.events ? { headers: lastEventIdHeader } : {}),
        },
    responses: { ...successResponses(endpoint), ...errors },
    "x-glow-cli": cliCommand(endpoint),
    "x-glow-access": [...endpoint.access],
    "x-glow-scope": endpoint.scope ?? "read",
  };
  if (!endpoint.alsoGet || !isObjectSchema(endpoint.body)) return [post];
  // The GET twin takes the same fields as query parameters, for <audio>, <video> and <img>.
  const { request: _body, ...rest } = post;
  return [post, { ...rest, method: "get", operationId: `${operationId(endpoint)}_get`, request: { query: endpoint.body } }];
}

function isObjectSchema(schema: Endpoint["body"]): schema is z.ZodObject {
  return schema instanceof z.ZodObject;
}

function registryFor(list: readonly Endpoint[]): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("headers", "RequestId", { description: "Id of this request, also in the server's logs", schema: { type: "string" } });
  registry.registerComponent("securitySchemes", bearerSchemeName, {
    type: "http",
    scheme: "bearer",
    description:
      "An API token (glow_…): `npm run token:create -- --profile <email> --name <label>` prints one. Send `Authorization: Bearer <token>`.",
  });
  for (const endpoint of list) for (const config of routesFor(endpoint)) registry.registerPath(config);
  return registry;
}

function generate(list: readonly Endpoint[]): OpenApiDocument {
  const tags = [...new Set(list.map((endpoint) => endpoint.tag))].map((name) => ({ name, description: tagDescriptions[name] }));
  return new OpenApiGeneratorV31(registryFor(list).definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Glow Admin system API",
      version: apiVersion,
      description: [
        "The system API of Glow Admin. Every endpoint is `POST` with a JSON body (an empty body means `{}`) and answers JSON, except the media and export endpoints, which stream bytes.",
        "Authenticate with `Authorization: Bearer <API token>`. What a token may see follows its profile: admins everything, coordinators the TAs of their departments, TAs themselves; anything else answers as if it did not exist.",
        'Errors always have the shape `{ "error": { "code", "message", "issues"? } }`. Lists answer `{ items, page, page_size, total_count, total_pages }` with 1-based pages. Money is an exact decimal string in US dollars; times are UTC ISO 8601; token counts are integers.',
      ].join("\n\n"),
    },
    servers: [{ url: "/", description: "This Glow Admin instance" }],
    tags,
    security: [{ [bearerSchemeName]: [] }],
  });
}

export function buildOpenApiDocument(list: readonly Endpoint[]): OpenApiDocument {
  try {
    return generate(list);
  } catch (error) {
    // The generator does not say which schema it choked on: find the endpoint, one at a time.
    const culprit = list.find((endpoint) => {
      try {
        generate([endpoint]);
        return false;
      } catch {
        return true;
      }
    });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`OpenAPI: cannot describe ${culprit?.path ?? "the endpoints"}: ${reason}`, { cause: error });
  }
}

let cached: { list: readonly Endpoint[]; document: OpenApiDocument } | undefined;

/** The document for `list`, generated once per process (the endpoints do not change at run time). */
export function openApiDocument(list: readonly Endpoint[]): OpenApiDocument {
  if (cached?.list !== list) cached = { list, document: buildOpenApiDocument(list) };
  return cached.document;
}
