// The import boundaries are lint rules (eslint.config.mjs); this proves they fire on every spelling
// of a forbidden import, and stay quiet on the client-safe modules components are meant to use.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids lint reports for one import line in a file at `filePath` (it need not exist). */
async function violations(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = [imported];\n`, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("components never reach server-only code", () => {
  it.each([
    ["the database client by alias", 'import { prisma as imported } from "@/lib/db";'],
    ["the database client by a relative path", 'import { prisma as imported } from "../../lib/db";'],
    ["a raw SQL module", 'import { sessionListRows as imported } from "@/lib/sessions/sql";'],
    ["a *-sql module, relatively", 'import { sessionRows as imported } from "../../lib/export/rows-sql";'],
    ["the audit recorder", 'import { recordAudit as imported } from "@/lib/audit/record";'],
    ["the group detail reader", 'import { groupDetail as imported } from "@/lib/groups/group-detail";'],
    ["a queries module", 'import { listSessions as imported } from "@/lib/sessions/queries";'],
    ["media storage", 'import { FileSystemMediaStore as imported } from "@/lib/storage/media-store";'],
    ["the generated Prisma client", 'import { Prisma as imported } from "@/lib/generated/prisma/client";'],
  ])("%s fails lint", async (_name, importLine) => {
    expect(await violations("components/sessions/boundary-fixture.tsx", importLine)).toContain("import/no-restricted-paths");
  });

  it("client-safe modules pass", async () => {
    expect(await violations("components/sessions/boundary-fixture.tsx", 'import { formatMoney as imported } from "@/lib/format/money";')).toEqual([]);
    expect(
      await violations("components/sessions/boundary-fixture.tsx", 'import { listSessionsRequestSchema as imported } from "@/lib/sessions/schemas";'),
    ).toEqual([]);
  });
});

describe("schemas and the CLI import nothing server-only", () => {
  it.each([
    ["lib/sessions/schemas.ts", 'import { prisma as imported } from "../db";'],
    ["lib/sessions/schemas.ts", 'import imported from "server-only";'],
    ["cli/boundary-fixture.ts", 'import { listSessions as imported } from "../lib/sessions/queries";'],
  ])("%s: %s fails lint", async (filePath, importLine) => {
    expect((await violations(filePath, importLine)).some((rule) => rule === "import/no-restricted-paths" || rule === "no-restricted-imports")).toBe(
      true,
    );
  });
});
