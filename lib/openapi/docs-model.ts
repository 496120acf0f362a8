// Prepares the OpenAPI document for the /api-docs page: operations grouped by tag, with their body
// and response fields flattened. Pure, so the page only renders.
import type { OpenApiDocument } from "./document";
import { schemaFields, type FieldRow, type JsonSchema } from "./schema-fields";

export interface DocsOperation {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  cli: string | null;
  access: string[];
  bodyRequired: boolean;
  bodySchemaName: string | null;
  bodyFields: FieldRow[];
  /** Query parameters of a GET twin. */
  queryFields: FieldRow[];
  response: { kind: "json"; schemaName: string | null; fields: FieldRow[] } | { kind: "binary"; contentType: string; description: string };
  statuses: { status: string; description: string }[];
}

export interface DocsSection {
  tag: string;
  description: string;
  operations: DocsOperation[];
}

export interface DocsModel {
  title: string;
  version: string;
  description: string;
  sections: DocsSection[];
  endpointCount: number;
}

interface RawOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
  "x-glow-cli"?: string;
  "x-glow-access"?: string[];
}

const methods = ["get", "post", "put", "patch", "delete"] as const;

function refName(schema: JsonSchema | undefined): string | null {
  return schema?.$ref?.split("/").pop() ?? null;
}

export function docsModel(document: OpenApiDocument): DocsModel {
  const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const sections = new Map<string, DocsSection>(
    (document.tags ?? []).map((tag) => [tag.name, { tag: tag.name, description: tag.description ?? "", operations: [] }]),
  );
  let endpointCount = 0;
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const op = (item as Record<string, RawOperation | undefined>)[method];
      if (!op) continue;
      if (method === "post") endpointCount += 1;
      const tag = op.tags?.[0] ?? "Other";
      if (!sections.has(tag)) sections.set(tag, { tag, description: "", operations: [] });
      sections.get(tag)?.operations.push(operationModel(path, method, op, components));
    }
  }
  return {
    title: document.info.title,
    version: document.info.version,
    description: document.info.description ?? "",
    sections: [...sections.values()].filter((section) => section.operations.length > 0),
    endpointCount,
  };
}

function operationModel(path: string, method: string, op: RawOperation, components: Record<string, JsonSchema>): DocsOperation {
  const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
  const ok = op.responses?.["200"];
  const [contentType, media] = Object.entries(ok?.content ?? {})[0] ?? ["application/json", {}];
  const response: DocsOperation["response"] =
    contentType === "application/json"
      ? { kind: "json", schemaName: refName(media.schema), fields: media.schema ? schemaFields(media.schema, components) : [] }
      : { kind: "binary", contentType, description: ok?.description ?? "" };
  return {
    anchor: op.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? "",
    // The access/CLI line is shown as badges instead.
    description: (op.description ?? "").replace(/\n\nAccess: [^\n]*$/, ""),
    cli: op["x-glow-cli"] ?? null,
    access: op["x-glow-access"] ?? [],
    bodyRequired: op.requestBody?.required ?? false,
    bodySchemaName: refName(bodySchema),
    bodyFields: bodySchema ? schemaFields(bodySchema, components) : [],
    queryFields: (op.parameters ?? [])
      .filter((p) => p.in === "query")
      .map((p) => ({
        name: p.name,
        type: p.schema ? (schemaFields({ type: "object", properties: { [p.name]: p.schema } }, components)[0]?.type ?? "string") : "string",
        required: p.required ?? false,
        description: p.description ?? p.schema?.description ?? "",
        notes: "",
        depth: 0,
      })),
    response,
    statuses: Object.entries(op.responses ?? {}).map(([status, r]) => ({ status, description: r.description ?? "" })),
  };
}
