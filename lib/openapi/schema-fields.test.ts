import { describe, expect, it } from "vitest";
import { schemaFields, typeLabel, type JsonSchema } from "./schema-fields";

const components: Record<string, JsonSchema> = {
  Item: {
    type: "object",
    required: ["id", "tags"],
    properties: {
      id: { type: "string", format: "uuid", description: "The id" },
      tags: { type: "array", items: { type: "string" } },
      parent: { allOf: [{ $ref: "#/components/schemas/Item" }, { type: ["object", "null"] }] },
      kind: { $ref: "#/components/schemas/Kind" },
    },
  },
  Kind: { type: "string", enum: ["a", "b"] },
  List: {
    type: "object",
    required: ["items"],
    properties: {
      items: { type: "array", items: { $ref: "#/components/schemas/Item" }, description: "The rows" },
      page_size: { type: "integer", minimum: 1, maximum: 200, default: 25 },
      byId: { type: "object", additionalProperties: { $ref: "#/components/schemas/Item" } },
      note: { type: ["string", "null"] },
    },
  },
};

describe("schemaFields", () => {
  const rows = schemaFields({ $ref: "#/components/schemas/List" }, components);
  const byName = Object.fromEntries(rows.map((row) => [row.name, row]));

  it("lists nested fields as dotted paths through refs, arrays and records", () => {
    expect(rows.map((row) => row.name)).toEqual([
      "items",
      "items[].id",
      "items[].tags",
      "items[].parent",
      "items[].kind",
      "page_size",
      "byId",
      "byId{key}.id",
      "byId{key}.tags",
      "byId{key}.parent",
      "byId{key}.kind",
      "note",
    ]);
    expect(byName["items[].id"]).toMatchObject({ depth: 1, required: true, type: "string (uuid)", description: "The id" });
  });

  it("labels types readably", () => {
    expect(byName.items?.type).toBe("Item[]");
    expect(byName["items[].parent"]?.type).toBe("Item | null");
    expect(byName["items[].kind"]?.type).toBe('"a" | "b"');
    expect(byName.byId?.type).toBe("Record<string, Item>");
    expect(byName.note?.type).toBe("string | null");
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "integer" }] }, components)).toBe("string | integer");
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Kind" } }, components)).toBe('("a" | "b")[]');
  });

  it("notes defaults and limits and marks required fields", () => {
    expect(byName.page_size).toMatchObject({ required: false, notes: "default 25 · 1–200" });
    expect(byName.items).toMatchObject({ required: true, description: "The rows" });
  });

  it("stops at a self-reference instead of recursing forever", () => {
    expect(rows.some((row) => row.name.startsWith("items[].parent."))).toBe(false);
  });
});
