import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client on the pg driver adapter (no native engine), for the app, scripts and tests.
 * JIT compilation is off for its connections: every statement here is short, and PostgreSQL
 * compiles whenever a plan's estimated cost is high, which costs a few hundred milliseconds on a
 * query that then runs in one (seen on the group detail at a million sessions).
 */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  // A bounded wait for a connection: with PostgreSQL down or hung, requests fail fast (503) instead of hanging.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize, options: "-c jit=off", connectionTimeoutMillis: 5_000 }) });
}
