import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as historyPost } from "@/app/system/audit/access_history/route";
import { POST as listPost } from "@/app/system/audit/route";
import { POST as sessionPost } from "@/app/system/session/route";
import { createDepartment, createLogin, createProblem, createSession } from "@/prisma/factories";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { listAuditResponseSchema, type ListAuditResponse } from "./schemas";

/** RFC 4180 as lib/export/csv.ts writes it: quoted cells may hold commas, quotes and newlines. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    rows.at(-1)!.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      endCell();
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push([]);
      i += 1;
    } else {
      cell += ch;
    }
  }
  const [header, ...data] = rows.filter((row) => row.length > 0);
  return data.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i] ?? ""])));
}

let admin: TestActor;
let coordinator: TestActor;
let ta1: TestActor;
let ta2: TestActor;
let s1: string;
let s2: string;
let g1: string;
let p1: string;
beforeAll(async () => {
  const department = await createDepartment(db());
  admin = await createActor("admin");
  coordinator = await createActor("coordinator", { department_id: department.id });
  ta1 = await createActor("ta", { department_id: department.id });
  ta2 = await createActor("ta", { department_id: department.id });
  s1 = (await createSession(db(), ta1.profile_id)).session.id;
  s2 = (await createSession(db(), ta2.profile_id)).session.id;
  g1 = (await db().group.create({ data: { session_id: s1, name: "Recursion" } })).id;
  p1 = (await createProblem(db(), s1)).id;
});

async function list(body: Record<string, unknown>, token = admin.token): Promise<ListAuditResponse> {
  return listAuditResponseSchema.parse(await callJson(listPost, "/system/audit", body, { token }));
}

describe("POST /system/audit", () => {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const target = randomUUID();
  beforeAll(async () => {
    const at = (iso: string) => new Date(iso);
    await db().auditLog.createMany({
      data: [
        {
          action: `${prefix}.alpha`,
          target_type: "session",
          target_id: target,
          actor_id: coordinator.profile_id,
          request_id: `${prefix}-r1`,
          created_at: at("2024-05-01T10:00:00Z"),
        },
        {
          action: `${prefix}.beta`,
          target_type: "group",
          target_id: randomUUID(),
          actor_id: admin.profile_id,
          on_behalf_of_id: ta1.profile_id,
          created_at: at("2024-05-02T10:00:00Z"),
          details: { reason: "check" },
        },
        { action: `${prefix}.alpha`, target_type: "session", target_id: target, actor_id: admin.profile_id, created_at: at("2024-05-03T10:00:00Z") },
        {
          action: `${prefix}x.alpha`,
          target_type: "session",
          target_id: randomUUID(),
          actor_id: admin.profile_id,
          created_at: at("2024-05-03T11:00:00Z"),
        },
      ],
    });
  });
  const actions = (res: ListAuditResponse) => res.items.map((item) => `${item.action}@${item.created_at.slice(0, 10)}`);

  it("filters by action prefix or exact action, newest first, with names", async () => {
    const all = await list({ action: `${prefix}.` });
    expect(actions(all)).toEqual([`${prefix}.alpha@2024-05-03`, `${prefix}.beta@2024-05-02`, `${prefix}.alpha@2024-05-01`]);
    expect(all.items[1]).toMatchObject({
      actor_name: admin.name,
      on_behalf_of_id: ta1.profile_id,
      on_behalf_of_name: ta1.name,
      details: { reason: "check" },
    });
    expect((await list({ action: `${prefix}.alpha` })).total_count).toBe(2);
    expect((await list({ action: prefix })).total_count).toBe(0);
    // The filter choices are every action Glow writes, whether or not the log holds one yet.
    expect(all.facets.actions).toEqual(expect.arrayContaining(["session.read", "user.update", "token.revoke", "audit.access_history_export"]));
    expect(all.facets.actions).not.toContain(`${prefix}.alpha`);
    expect(all.facets.target_types).toEqual(expect.arrayContaining(["group", "session", "upload", "profile", "api_token"]));
  });

  it("filters by actor, on behalf of, target, request id and date window, and pages", async () => {
    const q = async (body: Record<string, unknown>) => actions(await list({ action: `${prefix}.`, ...body }));
    expect(await q({ actor_id: coordinator.profile_id })).toEqual([`${prefix}.alpha@2024-05-01`]);
    expect(await q({ on_behalf_of_id: ta1.profile_id })).toEqual([`${prefix}.beta@2024-05-02`]);
    expect(await q({ target_type: "session", target_id: target })).toEqual([`${prefix}.alpha@2024-05-03`, `${prefix}.alpha@2024-05-01`]);
    expect(await q({ request_id: `${prefix}-r1` })).toEqual([`${prefix}.alpha@2024-05-01`]);
    expect(await q({ date_from: "2024-05-02", date_to: "2024-05-02" })).toEqual([`${prefix}.beta@2024-05-02`]);
    expect(await q({ date_from: "2024-05-02T12:00:00Z" })).toEqual([`${prefix}.alpha@2024-05-03`]);
    const page2 = await list({ action: `${prefix}.`, page: 2, page_size: 2 });
    expect(page2).toMatchObject({ total_count: 3, total_pages: 2, page: 2 });
    expect(actions(page2)).toEqual([`${prefix}.alpha@2024-05-01`]);
  });

  it.each([
    [{ date_from: "2024-05-03", date_to: "2024-05-01" }, "date_from"],
    [{ actor_id: "someone" }, "actor_id"],
    [{ page_size: 500 }, "page_size"],
    [{ actions: ["x"] }, "actions"],
  ])("rejects %j naming %s", async (body, field) => {
    const response = await call(listPost, "/system/audit", body, { token: admin.token });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field)).toContain(field);
  });
});

describe("POST /system/audit/access_history", () => {
  async function history(profileId: string, purpose = "FERPA request #12") {
    const response = await call(historyPost, "/system/audit/access_history", { profile_id: profileId, purpose }, { token: admin.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="glow-access-history-[0-9a-f-]+-\d{8}T\d{6}Z\.csv"$/);
    return { text: await response.text(), requestId: response.headers.get("x-request-id") };
  }

  it("holds reads of their records, emulation on their behalf, their own actions and logins, and nobody else's", async () => {
    await callJson(sessionPost, "/system/session", { session_id: s1 }, { token: coordinator.token });
    await callJson(sessionPost, "/system/session", { session_id: s2 }, { token: coordinator.token });
    await callJson(sessionPost, "/system/session", { session_id: s1 }, { token: ta1.token });
    await db().auditLog.createMany({
      data: [
        { action: "group.read", target_type: "group", target_id: g1, actor_id: admin.profile_id, on_behalf_of_id: ta1.profile_id },
        { action: "problem.resolve", target_type: "problem", target_id: p1, actor_id: coordinator.profile_id },
        { action: "group.read", target_type: "group", target_id: randomUUID(), actor_id: admin.profile_id, on_behalf_of_id: ta2.profile_id },
      ],
    });
    await createLogin(
      db(),
      { id: ta1.profile_id, email: (await db().profile.findUniqueOrThrow({ where: { id: ta1.profile_id } })).email },
      { user_agent: '=HYPERLINK("http://evil")', ip: "+1" },
    );
    await createLogin(db(), { id: ta2.profile_id, email: "ta2@test.glow.example" });

    const rows = parseCsv((await history(ta1.profile_id)).text);
    const has = (relation: string, action: string, check: (row: Record<string, string>) => boolean = () => true) =>
      rows.some((row) => row.relation === relation && row.action === action && check(row));
    expect(has("accessed_their_record", "session.read", (row) => row.actor_id === coordinator.profile_id && row.target_id === s1)).toBe(true);
    expect(has("by_them", "session.read", (row) => row.actor_id === ta1.profile_id)).toBe(true);
    expect(has("on_their_behalf", "group.read", (row) => row.target_id === g1 && row.on_behalf_of_name === ta1.name)).toBe(true);
    expect(has("accessed_their_record", "problem.resolve", (row) => row.target_id === p1)).toBe(true);
    expect(has("login", "login.succeeded", (row) => row.user_agent === '\'=HYPERLINK("http://evil")' && row.ip === "'+1")).toBe(true);
    // The export's own audit row is written before the history is read, so it is in its own output.
    expect(has("accessed_their_record", "audit.access_history_export", (row) => row.details === '{"purpose":"FERPA request #12"}')).toBe(true);

    const text = JSON.stringify(rows);
    expect(text).not.toContain(s2);
    expect(text).not.toContain(ta2.profile_id);
    const times = rows.map((row) => row.created_at ?? "");
    expect(times.every((time) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(time))).toBe(true);
    expect([...times].sort()).toEqual(times);
  });

  it("is itself audited with its purpose, before the data is sent", async () => {
    const { requestId } = await history(ta2.profile_id, "  Student records request  ");
    const row = await db().auditLog.findFirstOrThrow({ where: { request_id: requestId } });
    expect(row).toMatchObject({
      action: "audit.access_history_export",
      actor_id: admin.profile_id,
      target_type: "profile",
      target_id: ta2.profile_id,
      details: { purpose: "Student records request" },
    });
  });

  it.each([
    [{ profile_id: "x", purpose: "p" }, 400, "profile_id"],
    [{ purpose: "p" }, 400, "profile_id"],
    [{ profile_id: "00000000-0000-4000-8000-000000000000" }, 400, "purpose"],
    [{ profile_id: "00000000-0000-4000-8000-000000000000", purpose: "   " }, 400, "purpose"],
    [{ profile_id: "00000000-0000-4000-8000-000000000000", purpose: "p" }, 404, "profile_id"],
  ])("answers %j with %i naming %s, and exports nothing", async (body, status, field) => {
    const response = await call(historyPost, "/system/audit/access_history", body, { token: admin.token });
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(field);
    expect(await db().auditLog.count({ where: { request_id: response.headers.get("x-request-id") } })).toBe(0);
  });

  it.each([
    ["/system/audit", listPost, {}],
    ["/system/audit/access_history", historyPost, { profile_id: randomUUID(), purpose: "p" }],
  ] as const)("%s is for admins only", async (path, handler, body) => {
    expect((await call(handler, path, body, { token: coordinator.token })).status).toBe(403);
    expect((await call(handler, path, body, { token: ta1.token })).status).toBe(403);
  });
});
