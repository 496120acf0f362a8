import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEndpoint, type Endpoint } from "@/lib/contract/endpoint";
import { endpoints } from "@/lib/contract/endpoints";
import { buildOpenApiDocument, cliCommand, operationId, type OpenApiDocument } from "./document";

const errorStatuses = ["400", "401", "403", "404", "413", "415", "429", "500", "503"];

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }>;
  parameters?: { name: string; in: string }[];
  "x-glow-cli"?: string;
}

function operation(document: OpenApiDocument, path: string, method = "post"): Operation {
  const item = (document.paths as Record<string, Record<string, Operation>> | undefined)?.[path]?.[method];
  if (!item) throw new Error(`${method.toUpperCase()} ${path} is missing`);
  return item;
}

/** Every "$ref" in the document, with where it was found. */
function refs(node: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => refs(child, `${at}/${i}`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [{ ref: value, at }] : refs(value, `${at}/${key}`),
  );
}

function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), document);
}

function schemaRef(schema: z.ZodType): unknown {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : expect.anything();
}

describe("the OpenAPI document of the real endpoints", () => {
  const document = buildOpenApiDocument(endpoints);

  it("is structurally OpenAPI 3.1", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    expect(document.paths).toBeTypeOf("object");
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components?.schemas?.ErrorResponse).toBeDefined();
    // The document survives a JSON round trip unchanged (no functions, no undefined, no cycles).
    expect(JSON.parse(JSON.stringify(document))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("has every $ref resolve inside the document", () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(0);
    const dangling = all.filter(({ ref }) => resolvePointer(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it("uses JSON Schema regex patterns (no /flags left over from JS regexes)", () => {
    const patterns = JSON.stringify(document).match(/"pattern":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(patterns.filter((p) => /\/[dgimsuvy]+"$/.test(p))).toEqual([]);
  });

  it("has unique operationIds and tags that are declared", () => {
    const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item as Record<string, Operation>));
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set(document.tags?.map((tag) => tag.name));
    for (const op of operations) for (const tag of op.tags ?? []) expect(declared).toContain(tag);
  });

  it.each(endpoints.map((endpoint) => [endpoint.path, endpoint] as const))("describes %s with its body, answers and errors", (_path, endpoint) => {
    const op = operation(document, endpoint.path);
    expect(op.operationId).toBe(operationId(endpoint));
    expect(op.summary).toBe(endpoint.summary);
    expect(op.tags).toEqual([endpoint.tag]);
    expect(op["x-glow-cli"]).toBe(cliCommand(endpoint));
    if (endpoint.rawBody) expect(op.requestBody?.content["application/octet-stream"]).toBeDefined();
    else expect(op.requestBody?.content["application/json"]?.schema).toEqual(schemaRef(endpoint.body));
    if (endpoint.binary) {
      expect(op.responses["200"]?.content?.[endpoint.binary.contentType]).toBeDefined();
      if (endpoint.binary.ranges) {
        expect(op.responses["206"]?.content?.[endpoint.binary.contentType]).toBeDefined();
        expect(op.responses["416"]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
      }
    } else if (endpoint.events) {
      expect(op.responses["200"]?.content?.["text/event-stream"]?.schema).toEqual(schemaRef(endpoint.events.schema));
    } else {
      expect(endpoint.response).not.toBeNull();
      expect(op.responses["200"]?.content?.["application/json"]?.schema).toEqual(schemaRef(endpoint.response as z.ZodType));
    }
    for (const status of errorStatuses) {
      expect(op.responses[status]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
    }
  });

  it("names component schemas after the schemas' meta ids", () => {
    // A raw-body endpoint's fields are query parameters, listed one by one rather than as a schema.
    const named = endpoints
      .flatMap((e) => [e.rawBody ? null : e.body, e.response])
      .flatMap((schema) => (schema ? [z.globalRegistry.get(schema)?.id] : []));
    for (const id of named.filter((id): id is string => Boolean(id))) expect(document.components?.schemas).toHaveProperty(id);
  });
});

describe("buildOpenApiDocument on its own endpoints", () => {
  const item = z.object({ id: z.string(), parent: z.string().nullable() }).meta({ id: "FixtureItem" });
  const listBody = z.strictObject({ page: z.int().min(1).default(1) }).meta({ id: "FixtureListRequest" });
  const getBody = z.strictObject({ fixture_id: z.string() });
  const list = defineEndpoint({
    command: "fixtures",
    path: "/system/fixtures",
    summary: "List fixtures",
    description: "Fixtures.",
    tag: "Sessions",
    body: listBody,
    response: z.object({ items: z.array(item) }).meta({ id: "FixtureListResponse" }),
    access: ["admin"],
  });
  const download = defineEndpoint({
    command: "fixture_download",
    path: "/fixtures/download",
    summary: "Download a fixture",
    description: "Bytes.",
    tag: "Media",
    body: getBody,
    response: null,
    binary: { contentType: "application/octet-stream", description: "The bytes", ranges: true },
    alsoGet: true,
    access: ["admin", "ta"],
  });
  const document = buildOpenApiDocument([list, download] as Endpoint[]);

  it("lists exactly the given endpoints, a GET twin for alsoGet, and their tags", () => {
    expect(Object.keys(document.paths ?? {})).toEqual(["/system/fixtures", "/fixtures/download"]);
    expect(document.tags?.map((t) => t.name)).toEqual(["Sessions", "Media"]);
    expect(operation(document, "/fixtures/download", "get").parameters?.map((p) => [p.name, p.in])).toEqual([["fixture_id", "query"]]);
  });

  it("marks a body required only when {} is not a valid body", () => {
    expect(operation(document, "/system/fixtures").requestBody?.required).toBe(false);
    expect(operation(document, "/fixtures/download").requestBody?.required).toBe(true);
  });

  it("describes binary answers with 206 and 416 when ranges are supported", () => {
    const op = operation(document, "/fixtures/download");
    expect(Object.keys(op.responses).sort()).toEqual(["200", "206", "400", "401", "403", "404", "413", "415", "416", "429", "500", "503"]);
    expect(op.responses["206"]?.headers).toHaveProperty("Content-Range");
  });

  it("puts the CLI command, the access levels and the token scope in the description", () => {
    expect(cliCommand(download)).toBe("glow fixtures fixture_download");
    expect(JSON.stringify(operation(document, "/system/fixtures"))).toContain("Access: admin. Token scope: read. CLI: `glow system fixtures`.");
  });

  it("names the endpoint whose schema cannot be described", () => {
    const broken = { ...list, path: "/system/broken", body: z.strictObject({ check: z.custom<string>(() => true) }) } as unknown as Endpoint;
    expect(() => buildOpenApiDocument([broken])).toThrow(/\/system\/broken/);
  });
});
