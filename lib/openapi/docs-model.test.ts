import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OperationCard } from "@/components/api-docs/operation-card";
import { endpoints } from "@/lib/contract/endpoints";
import { buildOpenApiDocument } from "./document";
import { docsModel } from "./docs-model";

describe("docsModel", () => {
  const docs = docsModel(buildOpenApiDocument(endpoints));
  const operations = docs.sections.flatMap((section) => section.operations);

  it("has every endpoint, grouped by its tag", () => {
    expect(docs.endpointCount).toBe(endpoints.length);
    for (const endpoint of endpoints) {
      const section = docs.sections.find((s) => s.tag === endpoint.tag);
      expect(section?.operations.map((op) => op.path)).toContain(endpoint.path);
    }
  });

  it("flattens bodies and responses into fields", () => {
    const exportOp = operations.find((op) => op.path === "/system/export" && op.method === "POST");
    expect(exportOp?.bodyFields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["target_session_id", "target_group_id", "include_media", "purpose", "date_from"]),
    );
    expect(exportOp?.response).toMatchObject({ kind: "binary", contentType: "application/zip" });
    expect(exportOp?.description).not.toMatch(/Access:/);
    for (const op of operations.filter((o) => o.method === "POST")) {
      if (op.response.kind === "json") expect(op.response.fields.length, op.path).toBeGreaterThan(0);
      expect(op.statuses.map((s) => s.status)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "500"]));
    }
  });

  it("renders an operation with its fields, access and CLI command", () => {
    const op = operations.find((o) => o.path === "/system/export");
    if (!op) throw new Error("export missing");
    const html = renderToStaticMarkup(createElement(OperationCard, { operation: op }));
    expect(html).toContain("/system/export");
    expect(html).toContain("glow system export");
    expect(html).toContain("include_media");
    expect(html).toContain("application/zip");
    expect(html).toContain("Access: admin, coordinator, ta");
  });
});
