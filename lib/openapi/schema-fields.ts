// Flattens the JSON Schemas of the OpenAPI document into rows a person can read: one row per field,
// nested fields as dotted paths (`items[].session_id`), refs followed, cycles cut.

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  contentMediaType?: string;
}

export interface FieldRow {
  /** Dotted path, e.g. `items[].total_cost`. */
  name: string;
  type: string;
  required: boolean;
  description: string;
  /** Default and limits, e.g. "default 25 · 1–200". */
  notes: string;
  depth: number;
}

type Components = Record<string, JsonSchema>;

const maxDepth = 5;

function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  return schema.$ref ? (components[refName(schema.$ref)] ?? {}) : schema;
}

/** The non-null member of a nullable wrapper (`allOf: [$ref, {type: [object, null]}]` or `anyOf: [X, null]`). */
function unwrap(schema: JsonSchema): { inner: JsonSchema; nullable: boolean } {
  const members = schema.allOf ?? schema.anyOf ?? schema.oneOf;
  if (members) {
    const isNull = (m: JsonSchema) => m.type === "null" || (Array.isArray(m.type) && m.type.includes("null") && !m.$ref && !m.properties);
    const nonNull = members.filter((m) => !isNull(m));
    if (nonNull.length === 1 && nonNull.length < members.length) return { inner: nonNull[0] as JsonSchema, nullable: true };
  }
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((t) => t !== "null");
    return { inner: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  return { inner: schema, nullable: false };
}

export function typeLabel(schema: JsonSchema, components: Components): string {
  const { inner, nullable } = unwrap(schema);
  const base = baseLabel(inner, components);
  return nullable ? `${base} | null` : base;
}

function baseLabel(schema: JsonSchema, components: Components): string {
  if (schema.$ref) {
    const target = components[refName(schema.$ref)];
    // A named enum reads better as its values than as its name alone.
    return target?.enum ? enumLabel(target.enum) : refName(schema.$ref);
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return enumLabel(schema.enum);
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return members.map((m) => typeLabel(m, components)).join(" | ");
  if (schema.allOf) return schema.allOf.map((m) => typeLabel(m, components)).join(" & ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (type === "array") {
    const item = schema.items ? typeLabel(schema.items, components) : "unknown";
    return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
  }
  if (type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return `Record<string, ${typeLabel(schema.additionalProperties, components)}>`;
  }
  if (type === "string" && schema.format) return `string (${schema.format})`;
  return type ?? "any";
}

function enumLabel(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(" | ");
}

function notesOf(schema: JsonSchema): string {
  const notes: string[] = [];
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) notes.push(`${min}–${max}`);
  else if (min !== undefined) notes.push(`≥ ${min}`);
  else if (max !== undefined) notes.push(`≤ ${max}`);
  if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength} characters`);
  if (schema.maxItems !== undefined) notes.push(`at most ${schema.maxItems} items`);
  return notes.join(" · ");
}

/** The object whose fields a property contributes below itself (through refs, nullables and arrays). */
function childObject(
  schema: JsonSchema,
  components: Components,
  seen: ReadonlySet<string>,
): { object: JsonSchema; suffix: string; ref?: string } | null {
  const { inner } = unwrap(schema);
  const ref = inner.$ref;
  if (ref && seen.has(ref)) return null;
  const resolved = resolve(inner, components);
  if (resolved.properties) return { object: resolved, suffix: "", ref };
  if (resolved.type === "array" && resolved.items) {
    const item = childObject(resolved.items, components, seen);
    return item ? { ...item, suffix: `[]${item.suffix}` } : null;
  }
  if (resolved.additionalProperties && typeof resolved.additionalProperties === "object") {
    const value = childObject(resolved.additionalProperties, components, seen);
    return value ? { ...value, suffix: `{key}${value.suffix}` } : null;
  }
  return null;
}

export function schemaFields(schema: JsonSchema, components: Components): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (object: JsonSchema, prefix: string, depth: number, seen: ReadonlySet<string>) => {
    const required = new Set(object.required ?? []);
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { inner } = unwrap(property);
      const resolved = resolve(inner, components);
      rows.push({
        name: `${prefix}${name}`,
        type: typeLabel(property, components),
        required: required.has(name),
        description: property.description ?? inner.description ?? resolved.description ?? "",
        notes: notesOf({ ...resolved, ...inner, ...property }),
        depth,
      });
      const child = depth < maxDepth ? childObject(property, components, seen) : null;
      if (child) walk(child.object, `${prefix}${name}${child.suffix}.`, depth + 1, child.ref ? new Set([...seen, child.ref]) : seen);
    }
  };
  const root = resolve(schema, components);
  walk(root, "", 0, schema.$ref ? new Set([schema.$ref]) : new Set());
  return rows;
}
