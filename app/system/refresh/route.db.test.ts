import { beforeAll, describe, expect, it } from "vitest";
import { errorResponseSchema } from "@/lib/api/errors";
import { summaryTables } from "@/lib/maintenance/mutations";
import { refreshResponse } from "@/lib/maintenance/schemas";
import { uniqueToken } from "@/prisma/factories/ids";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { POST } from "./route";

let admin: TestActor;

beforeAll(async () => {
  admin = await createActor("admin");
});

describe("POST /system/refresh", () => {
  it("analyzes the summary tables and says so", async () => {
    const before = Date.now();
    const answer = refreshResponse.parse(await callJson(POST, "/system/refresh", {}, { token: admin.token }));
    const analyzed = answer.refreshed.filter((step) => step.action === "analyze").map((step) => step.name);
    expect(analyzed).toEqual([...summaryTables]);
    expect(Date.parse(answer.refreshed_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(answer.duration_ms).toBeGreaterThanOrEqual(Math.max(...answer.refreshed.map((step) => step.duration_ms)));
    // An empty body means the same as {}.
    expect((await call(POST, "/system/refresh", undefined, { token: admin.token })).status).toBe(200);
  });

  it("refreshes materialized views, concurrently where PostgreSQL allows it", async () => {
    const token = uniqueToken();
    const [indexed, plain] = [`test_mv_indexed_${token}`, `test_mv_plain_${token}`];
    await db().$executeRawUnsafe(`CREATE MATERIALIZED VIEW "${indexed}" AS SELECT 1 AS id`);
    await db().$executeRawUnsafe(`CREATE UNIQUE INDEX "${indexed}_id" ON "${indexed}" (id)`);
    await db().$executeRawUnsafe(`CREATE MATERIALIZED VIEW "${plain}" AS SELECT 1 AS id WITH NO DATA`);
    try {
      const answer = refreshResponse.parse(await callJson(POST, "/system/refresh", {}, { token: admin.token }));
      expect(answer.refreshed.find((step) => step.name === indexed)?.action).toBe("refresh_materialized_view_concurrently");
      expect(answer.refreshed.find((step) => step.name === plain)?.action).toBe("refresh_materialized_view");
      const [populated] = await db().$queryRawUnsafe<Array<{ ispopulated: boolean }>>(
        `SELECT ispopulated FROM pg_matviews WHERE matviewname = '${plain}'`,
      );
      expect(populated?.ispopulated).toBe(true);
    } finally {
      await db().$executeRawUnsafe(`DROP MATERIALIZED VIEW IF EXISTS "${indexed}"`);
      await db().$executeRawUnsafe(`DROP MATERIALIZED VIEW IF EXISTS "${plain}"`);
    }
  });

  it.each(["coordinator", "ta"] as const)("403 for a %s", async (level) => {
    const actor = await createActor(level);
    const answer = errorResponseSchema.parse(await callJson(POST, "/system/refresh", {}, { token: actor.token, expectedStatus: 403 }));
    expect(answer.error.code).toBe("forbidden");
  });

  it("401 without a token, 400 for any field", async () => {
    await callJson(POST, "/system/refresh", {}, { expectedStatus: 401 });
    const answer = errorResponseSchema.parse(await callJson(POST, "/system/refresh", { views: ["x"] }, { token: admin.token, expectedStatus: 400 }));
    expect(answer.error.issues?.map((i) => i.field)).toEqual(["views"]);
  });
});
