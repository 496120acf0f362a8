// fast-check arbitraries for request bodies, derived from an endpoint's zod schema through its JSON
// Schema: well-formed bodies, and the same bodies with one value swapped for something hostile.
// Test-only (lib/contract/fuzz.db.test.ts).
import fc from "fast-check";
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

export function bodySchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

function stringArbitrary(node: JsonSchema): fc.Arbitrary<string> {
  if (node.format === "date-time") {
    return fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (node.pattern) return fc.stringMatching(new RegExp(node.pattern)).filter((s) => s.length <= (node.maxLength ?? 10_000));
  return fc.string({ minLength: node.minLength ?? 0, maxLength: Math.min(node.maxLength ?? 24, 24) });
}

// Fields whose rule is a zod refinement, which JSON Schema cannot carry: without these, nearly every
// generated body would stop at validation and never reach a query.
const knownFields: Record<string, fc.Arbitrary<unknown>> = {
  date_from: fc.constantFrom("2025-12-01", "2026-01-01T08:00:00Z", "2026-06-15T12:30:00.000+02:00"),
  date_to: fc.constantFrom("2026-11-30", "2026-12-31T23:59:59Z"),
};

export function arbitraryFor(node: JsonSchema, root: JsonSchema = node, depth = 0): fc.Arbitrary<unknown> {
  if (node.$ref) {
    const name = node.$ref.split("/").pop() ?? "";
    const target = root.$defs?.[name];
    return target && depth < 6 ? arbitraryFor(target, root, depth + 1) : fc.constant({});
  }
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  const choices = node.anyOf ?? node.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => arbitraryFor(choice, root, depth + 1)));
  if (node.allOf?.[0]) return arbitraryFor(node.allOf[0], root, depth + 1);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case "string":
      return stringArbitrary(node);
    case "integer": {
      const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : -5);
      const max = node.maximum ?? (node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - 1 : 500);
      return fc.integer({ min: Math.max(min, -1_000_000), max: Math.min(max, 1_000_000) });
    }
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: node.minimum ?? -1000, max: node.maximum ?? 1000 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(node.items ? arbitraryFor(node.items, root, depth + 1) : fc.string(), {
        minLength: node.minItems ?? 0,
        maxLength: Math.min(node.maxItems ?? 4, 4),
      });
    case "object": {
      const properties = node.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, knownFields[key] ?? arbitraryFor(child, root, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: node.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values that broke, or could break, a handler: NUL, lone surrogates, impossible dates, wrong types, sizes. */
export const hostileValues: unknown[] = [
  "\u0000",
  "dept-\u0000cs",
  "\ud800",
  "ok\udfff",
  "9999-99-99",
  "2026-02-30",
  " ",
  "x",
  "",
  "\u202e\u0007<script>alert(1)</script>",
  "'; DROP TABLE sessions; --",
  "x".repeat(70_000),
  -1,
  0,
  2 ** 63,
  1e308,
  -1e308,
  1.5,
  "NaN",
  true,
  null,
  [],
  ["\u0000"],
  [null],
  {},
  JSON.parse('{"__proto__": {"access_level": "admin"}}') as unknown,
  { nested: { deeper: ["\ud800"] } },
];

/** Where in `value` a hostile value may go: every key and element path, plus the top level itself. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => pathsOf(item, [...prefix, String(i)])));
  if (value && typeof value === "object") return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

export function replaceAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((item, i) => (String(i) === head ? replaceAt(item, rest, replacement) : item));
  const record = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
}

const hostileStrings = hostileValues.filter((value): value is string => typeof value === "string");

function stringPathsOf(value: unknown): string[][] {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === "string") paths.push(path);
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, String(i)]));
    else if (node && typeof node === "object") for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
  };
  walk(value, []);
  return paths;
}

/**
 * A well-formed body; the same with one of its strings made hostile (where a NUL reaches a query);
 * or with any hostile value at any path or under a key the schema names (or does not).
 */
export function hostileBody(schema: z.ZodType): fc.Arbitrary<unknown> {
  const json = bodySchema(schema);
  const known = Object.keys(json.properties ?? {});
  const valid = arbitraryFor(json);
  const hostileString = fc.tuple(valid, fc.nat(), fc.constantFrom(...hostileStrings)).map(([body, index, text]) => {
    const paths = stringPathsOf(body);
    return paths.length ? replaceAt(body, paths[index % paths.length] ?? [], text) : body;
  });
  const hostileAnywhere = fc
    .tuple(valid, fc.nat(), fc.constantFrom(...hostileValues), fc.option(fc.constantFrom(...known, "unknown_field"), { nil: undefined, freq: 2 }))
    .map(([body, index, value, key]) => {
      if (key !== undefined) return replaceAt(body, [key], value);
      const paths = pathsOf(body);
      return replaceAt(body, paths[index % paths.length] ?? [], value);
    });
  return fc.oneof({ arbitrary: valid, weight: 1 }, { arbitrary: hostileString, weight: 3 }, { arbitrary: hostileAnywhere, weight: 2 });
}
