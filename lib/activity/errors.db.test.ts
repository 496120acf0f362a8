// Every error case of the activity, session and problem endpoints, as a table.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as sessionsPost } from "@/app/system/sessions/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { POST as problemsPost } from "@/app/system/problems/route";
import { POST as resolvePost } from "@/app/activity/resolve/route";
import { errorResponseSchema } from "@/lib/api/errors";
import { call, createActor, db, type TestActor } from "@/tests/api-helpers";

type Handler = (request: Request) => Promise<Response>;
const endpoints: Array<[string, Handler, Record<string, unknown>]> = [
  ["/system/activity", activityPost, {}],
  ["/system/sessions", sessionsPost, {}],
  ["/system/session", sessionPost, { session_id: randomUUID() }],
  ["/system/problems", problemsPost, {}],
  ["/activity/resolve", resolvePost, { problem_id: randomUUID(), resolved: true }],
];

let admin: TestActor;
let revoked: TestActor;
beforeAll(async () => {
  admin = await createActor("admin");
  revoked = await createActor("admin");
  await db().apiToken.update({ where: { id: revoked.token_id }, data: { revoked_at: new Date() } });
});

async function expectError(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const body = errorResponseSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.issues?.map((i) => i.field)).toContain(field);
  return body;
}

describe.each(endpoints)("%s", (path, handler, validBody) => {
  it("answers 401 for a missing, unknown or revoked token", async () => {
    await expectError(await call(handler, path, validBody, { token: null }), 401, "unauthorized");
    await expectError(await call(handler, path, validBody, { token: "glow_not-a-real-token-at-all-0000000000" }), 401, "unauthorized");
    await expectError(await call(handler, path, validBody, { token: revoked.token }), 401, "unauthorized");
  });

  it("answers 400 for a non-JSON body, a non-object body and an unknown field", async () => {
    await expectError(await call(handler, path, undefined, { token: admin.token, rawBody: "{not json" }), 400, "invalid_json");
    await expectError(await call(handler, path, [], { token: admin.token }), 400, "invalid_body");
    await expectError(await call(handler, path, { ...validBody, bogus: 1 }, { token: admin.token }), 400, "invalid_body", "bogus");
  });
});

const badBodies: Array<[string, Handler, unknown, string]> = [
  ["/system/sessions", sessionsPost, { page_size: 0 }, "page_size"],
  ["/system/sessions", sessionsPost, { page_size: 10000 }, "page_size"],
  ["/system/sessions", sessionsPost, { page_size: -5 }, "page_size"],
  ["/system/sessions", sessionsPost, { page_size: 2.5 }, "page_size"],
  ["/system/sessions", sessionsPost, { page: 0 }, "page"],
  ["/system/sessions", sessionsPost, { page: "2" }, "page"],
  ["/system/sessions", sessionsPost, { sort_by: "cost" }, "sort_by"],
  ["/system/sessions", sessionsPost, { sort_order: "up" }, "sort_order"],
  ["/system/sessions", sessionsPost, { active: "yes" }, "active"],
  ["/system/sessions", sessionsPost, { profile_id: "not-a-uuid" }, "profile_id"],
  ["/system/sessions", sessionsPost, { date_from: "2024-13-45" }, "date_from"],
  ["/system/sessions", sessionsPost, { date_to: "yesterday" }, "date_to"],
  ["/system/sessions", sessionsPost, { date_from: "2024-06-30", date_to: "2024-01-01" }, "date_from"],
  ["/system/sessions", sessionsPost, { department_ids: "dept-cs" }, "department_ids"],
  ["/system/sessions", sessionsPost, { roles: ["dean"] }, "roles.0"],
  ["/system/session", sessionPost, {}, "session_id"],
  ["/system/session", sessionPost, { session_id: "session-uuid" }, "session_id"],
  ["/system/session", sessionPost, { session_id: 42 }, "session_id"],
  ["/system/activity", activityPost, { date_from: "2025-07-01", date_to: "2025-06-30" }, "date_from"],
  ["/system/activity", activityPost, { date_from: "2025-02-30T25:00:00Z" }, "date_from"],
  ["/system/activity", activityPost, { roles: "head_ta" }, "roles"],
  ["/system/problems", problemsPost, { kinds: ["rude"] }, "kinds.0"],
  ["/system/problems", problemsPost, { severities: ["urgent"] }, "severities.0"],
  ["/system/problems", problemsPost, { resolved: "false" }, "resolved"],
  ["/system/problems", problemsPost, { session_id: "abc" }, "session_id"],
  ["/system/problems", problemsPost, { sort_by: "description" }, "sort_by"],
  ["/system/problems", problemsPost, { page_size: 201 }, "page_size"],
  ["/activity/resolve", resolvePost, { problem_id: "problem-uuid", resolved: true }, "problem_id"],
  ["/activity/resolve", resolvePost, { problem_id: randomUUID(), resolved: "true" }, "resolved"],
  ["/activity/resolve", resolvePost, { problem_id: randomUUID() }, "resolved"],
];

describe("invalid bodies", () => {
  it.each(badBodies)("%s %j answers 400 naming %s", async (path, handler, body, field) => {
    await expectError(await call(handler, path, body, { token: admin.token }), 400, "invalid_body", field);
  });

  it("accepts a request with no body at all as {}", async () => {
    const response = await call(activityPost, "/system/activity", undefined, { token: admin.token });
    expect(response.status).toBe(200);
  });

  it("answers 403 when a TA resolves a problem", async () => {
    const ta = await createActor("ta");
    await expectError(
      await call(resolvePost, "/activity/resolve", { problem_id: randomUUID(), resolved: true }, { token: ta.token }),
      403,
      "forbidden",
    );
  });
});
