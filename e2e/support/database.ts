// The e2e tests reach the same database as the server under test (playwright.config.ts names it),
// to make their own users and rows, as Documenso's tests do.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { openDatabase, withDatabaseName } from "@/scripts/db/database";

let client: Promise<PrismaClient> | undefined;

export function e2eDb(): Promise<PrismaClient> {
  client ??= (async () => {
    const name = process.env.GLOW_E2E_DB;
    if (!name) throw new Error("GLOW_E2E_DB is set by playwright.config.ts");
    const server = await openDatabase();
    return createPrismaClient(withDatabaseName(server.url, name), 2);
  })();
  return client;
}
