import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";

// One client per process; in development Next re-evaluates modules on every change, so the client
// is kept on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { glowPrisma?: PrismaClient };

export const prisma: PrismaClient =
  globalForPrisma.glowPrisma ?? createPrismaClient(process.env.DATABASE_URL ?? "", Number(process.env.GLOW_DB_POOL_SIZE ?? 10));
if (process.env.NODE_ENV !== "production") globalForPrisma.glowPrisma = prisma;
