import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyPendingMigrations, readMigrationFolders } from "./migrations.ts";
import { diffDatabaseToSchema, schemaPath } from "./schema-engine.ts";

const databaseUrl = () => process.env.DATABASE_URL ?? "";

describe("migrations", () => {
  it("leave a fresh database exactly matching the Prisma schema (no drift)", async () => {
    expect(await diffDatabaseToSchema(databaseUrl())).toBe("");
  });

  it("the drift check notices a schema change that has no migration", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const edited = schema.replace("model Problem {", "model Problem {\n  triage_note String?");
    expect(edited).not.toBe(schema);
    expect(await diffDatabaseToSchema(databaseUrl(), edited)).toMatch(/ALTER TABLE "problems" ADD COLUMN\s+"triage_note" TEXT/);
  });

  it("apply nothing twice and record prisma-compatible checksums", async () => {
    expect(await applyPendingMigrations(databaseUrl())).toEqual([]);
    const folders = await readMigrationFolders();
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        "select migration_name, checksum, finished_at from _prisma_migrations order by migration_name",
      );
      // `prisma migrate deploy` compares these checksums with the files: they must agree.
      expect(rows.map((r) => r.migration_name)).toEqual(folders.map((f) => f.name));
      for (const [i, row] of rows.entries()) {
        expect(row.finished_at).not.toBeNull();
        expect(row.checksum).toBe(createHash("sha256").update(folders[i]!.sql).digest("hex"));
      }
    } finally {
      await client.end();
    }
  });
});
