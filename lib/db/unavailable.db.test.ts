import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/route";
import { createPrismaClient } from "@/lib/db/client";
import { db } from "@/tests/api-helpers";
import { isDatabaseUnavailable } from "./unavailable";

// Real errors, not hand-made ones: a server that refuses connections, and a connection killed
// mid-query (what a crash or restart of PostgreSQL does to the app's pool).
const refusing = createPrismaClient("postgresql://postgres@127.0.0.1:9/glow", 1);
const victim = createPrismaClient(process.env.DATABASE_URL ?? "", 1);
afterAll(async () => {
  await Promise.all([refusing.$disconnect(), victim.$disconnect()]);
});

async function errorOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, through Prisma's model API and raw SQL", async () => {
    expect(isDatabaseUnavailable(await errorOf(refusing.profile.count()))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(refusing.$queryRaw`SELECT 1`))).toBe(true);
  });

  it("recognises a connection terminated mid-query", async () => {
    const marker = `glow-victim-${randomUUID()}`;
    await victim.$executeRawUnsafe(`SET application_name = '${marker}'`);
    const sleeping = errorOf(victim.$queryRaw`SELECT pg_sleep(10)`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${marker}`;
    expect(isDatabaseUnavailable(await sleeping)).toBe(true);
  });

  it("recognises a connection terminated inside an interactive transaction, at any step", async () => {
    for (const step of ["query", "commit"] as const) {
      const marker = `glow-victim-${randomUUID()}`;
      const failed = errorOf(
        victim.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET application_name = '${marker}'`);
          if (step === "query") await tx.$queryRaw`SELECT pg_sleep(10)`;
          else await new Promise((resolve) => setTimeout(resolve, 600));
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await db().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${marker}`;
      const error = await failed;
      expect(isDatabaseUnavailable(error), `${step}: ${String(error)}`).toBe(true);
    }
  });

  it("does not mistake a bug or a constraint for an outage", async () => {
    expect(isDatabaseUnavailable(await errorOf(db().$queryRawUnsafe("SELEC 1")))).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(db().$queryRawUnsafe("SELECT 1/0")))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });

  it("makes the API answer 503 with Retry-After, not 500", async () => {
    const response = errorResponse(await errorOf(refusing.profile.count()), "req-1", "/system/activity");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});
