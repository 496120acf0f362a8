// The inputs that answered 500 when the product was attacked, each now a 400 naming the field.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as activity } from "@/app/system/activity/route";
import { POST as audit } from "@/app/system/audit/route";
import { POST as dashboard } from "@/app/system/dashboard/route";
import { POST as exportData } from "@/app/system/export/route";
import { POST as sessions } from "@/app/system/sessions/route";
import { POST as createToken } from "@/app/system/tokens/create/route";
import { POST as createUser } from "@/app/system/users/create/route";
import { POST as users } from "@/app/system/users/route";
import { errorResponseSchema } from "@/lib/api/errors";
import { call, createActor, type TestActor } from "@/tests/api-helpers";

let admin: TestActor;
beforeAll(async () => {
  admin = await createActor("admin");
});

type Handler = (request: Request) => Promise<Response>;
const cases: Array<[string, unknown, string, Handler]> = [
  ["/system/activity", { department_ids: ["\u0000"] }, "department_ids.0", activity],
  ["/system/activity", { department_ids: ["dept-\ud800"] }, "department_ids.0", activity],
  ["/system/sessions", { department_ids: ["cs\u0000"] }, "department_ids.0", sessions],
  ["/system/audit", { action: "session.read\u0000" }, "action", audit],
  ["/system/users", { search: "\u0000" }, "search", users],
  ["/system/users/create", { name: "Ada\u0000", email: "ada-nul@test.glow.example", access_level: "admin" }, "name", createUser],
  ["/system/tokens/create", { name: "\udc00ci" }, "name", createToken],
  ["/system/export", { purpose: "audit\u0000" }, "purpose", exportData],
  ["/system/dashboard", { date_from: "9999-99-99" }, "date_from", dashboard],
  ["/system/dashboard", { date_to: " " }, "date_to", dashboard],
  ["/system/dashboard", { date_from: "x" }, "date_from", dashboard],
  ["/system/dashboard", { "bad\u0000key": 1 }, "bad\u0000key", dashboard],
];

describe("hostile input", () => {
  it.each(cases)("%s %j is a 400 naming %s", async (path, body, field, handler) => {
    const response = await call(handler, path, body, { token: admin.token });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const error = errorResponseSchema.parse(JSON.parse(text)).error;
    expect(error.code).toBe("invalid_body");
    expect(error.issues?.map((issue) => issue.field)).toContain(field);
  });
});
