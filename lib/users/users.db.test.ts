import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createPost } from "@/app/system/users/create/route";
import { POST as invitePost } from "@/app/system/users/invite/route";
import { POST as listPost } from "@/app/system/users/route";
import { POST as updatePost } from "@/app/system/users/update/route";
import type * as AuditRecord from "@/lib/audit/record";
import { hashApiToken } from "@/lib/auth/api-token";
import { verifyPassword } from "@/lib/auth/password";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { acceptInvite, findInvite } from "./accept-invite";
import { listUsersResponseSchema, userInviteResponseSchema, userItemSchema, type UserInviteResponse } from "./schemas";

// Lets one test make the audit insert fail, to prove the change it records rolls back with it.
const auditFailure = vi.hoisted(() => ({ armed: false }));
vi.mock("@/lib/audit/record", async (importOriginal) => {
  const original = await importOriginal<typeof AuditRecord>();
  return {
    ...original,
    recordAudit: (...args: Parameters<typeof original.recordAudit>) => {
      if (auditFailure.armed) return Promise.reject(new Error("audit insert failed"));
      return original.recordAudit(...args);
    },
  };
});

const run = randomUUID().slice(0, 8);
const deptA = `dept-users-a-${run}`;
const deptB = `dept-users-b-${run}`;
let admin: TestActor;
const request = { headers: new Headers(), requestId: randomUUID() };

beforeAll(async () => {
  await db().department.createMany({
    data: [
      { id: deptA, name: `Users A ${run}` },
      { id: deptB, name: `Users B ${run}` },
    ],
  });
  admin = await createActor("admin", { name: `Admin ${run}` });
});

async function create(body: Record<string, unknown>): Promise<UserInviteResponse> {
  return userInviteResponseSchema.parse(await callJson(createPost, "/system/users/create", body, { token: admin.token }));
}
async function update(body: Record<string, unknown>, token = admin.token) {
  return userItemSchema.parse(await callJson(updatePost, "/system/users/update", body, { token }));
}
async function list(body: Record<string, unknown>) {
  return listUsersResponseSchema.parse(await callJson(listPost, "/system/users", body, { token: admin.token }));
}
const tokenOf = (url: string) => url.split("/invite/")[1] ?? "";
const profile = (id: string) => db().profile.findUniqueOrThrow({ where: { id }, include: { scoped_departments: true } });
const audits = (id: string) => db().auditLog.findMany({ where: { target_type: "profile", target_id: id }, orderBy: { created_at: "asc" } });

describe("POST /system/users/create", () => {
  it("creates an invited user, normalises the email and stores only the invitation's hash", async () => {
    const res = await create({
      name: "Grace Coord",
      email: ` Grace.${run}@Example.EDU `,
      access_level: "coordinator",
      department_id: deptA,
      scoped_department_ids: [deptB],
    });
    expect(res.user).toMatchObject({
      email: `grace.${run}@example.edu`,
      access_level: "coordinator",
      department_id: deptA,
      department_name: `Users A ${run}`,
      scoped_department_ids: [deptB],
      status: "invited",
      last_login_at: null,
    });
    expect(res.invite_url).toMatch(/^http:\/\/glow\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const expiresIn = Date.parse(res.invite_expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);
    const row = await profile(res.user.profile_id);
    const token = tokenOf(res.invite_url);
    expect(row.invite_token_hash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.password_hash).toBeNull();
    const [audit] = await audits(res.user.profile_id);
    expect(audit).toMatchObject({ action: "user.create", actor_id: admin.profile_id });
    expect(JSON.stringify(audit?.details)).not.toContain(token);
  });

  it("answers 409 naming email for a duplicate (any case) and 400 naming the field for an unknown department", async () => {
    await create({ name: "Dup", email: `dup.${run}@example.edu`, access_level: "ta" });
    const dup = await call(
      createPost,
      "/system/users/create",
      { name: "Dup 2", email: `DUP.${run}@example.edu`, access_level: "ta" },
      { token: admin.token },
    );
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.issues).toEqual([expect.objectContaining({ field: "email" })]);
    const cases: [Record<string, unknown>, string][] = [
      [{ department_id: "dept-nope" }, "department_id"],
      [{ scoped_department_ids: [deptA, "dept-nope"] }, "scoped_department_ids"],
      [{ email: "not-an-email" }, "email"],
      [{ access_level: "root" }, "access_level"],
    ];
    for (const [change, field] of cases) {
      const res = await call(
        createPost,
        "/system/users/create",
        { name: "Bad", email: `bad.${randomUUID()}@example.edu`, access_level: "ta", ...change },
        { token: admin.token },
      );
      expect(res.status, field).toBe(400);
      expect((await res.json()).error.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect(await db().profile.count({ where: { name: "Bad" } })).toBe(0);
  });
});

describe("POST /system/users", () => {
  it("filters by search, access level, department and status, ordered by name, paginated", async () => {
    const tag = `zz${run}`;
    const a = await create({ name: `${tag} Alpha`, email: `alpha.${run}@example.edu`, access_level: "ta", department_id: deptB, ta_role: "head_ta" });
    const b = await create({ name: `${tag} Beta`, email: `beta.${run}@example.edu`, access_level: "coordinator", department_id: deptB });
    const c = await create({ name: `${tag} Gamma`, email: `gamma.${run}@example.edu`, access_level: "ta", department_id: deptA });
    await update({ profile_id: c.user.profile_id, disabled: true });
    await db().profile.update({ where: { id: b.user.profile_id }, data: { password_hash: "x", invite_token_hash: null } });
    await db().login.create({
      data: { profile_id: b.user.profile_id, email: b.user.email, succeeded: true, created_at: new Date("2026-01-02T03:04:05Z") },
    });

    const names = async (body: Record<string, unknown>) => (await list({ search: tag.toUpperCase(), ...body })).items.map((u) => u.name);
    expect(await names({})).toEqual([`${tag} Alpha`, `${tag} Beta`, `${tag} Gamma`]);
    expect(await names({ search: `BETA.${run}` })).toEqual([`${tag} Beta`]);
    expect(await names({ access_level: "ta" })).toEqual([`${tag} Alpha`, `${tag} Gamma`]);
    expect(await names({ department_id: deptB })).toEqual([`${tag} Alpha`, `${tag} Beta`]);
    expect(await names({ status: "invited" })).toEqual([`${tag} Alpha`]);
    expect(await names({ status: "active" })).toEqual([`${tag} Beta`]);
    expect(await names({ status: "disabled" })).toEqual([`${tag} Gamma`]);
    const page2 = await list({ search: tag, page: 2, page_size: 2 });
    expect(page2).toMatchObject({ page: 2, page_size: 2, total_count: 3, total_pages: 2 });
    expect(page2.items.map((u) => u.profile_id)).toEqual([c.user.profile_id]);
    const beta = (await list({ search: `beta.${run}` })).items[0];
    expect(beta).toMatchObject({ status: "active", last_login_at: "2026-01-02T03:04:05.000Z", ta_role: null });
    expect((await list({ search: `alpha.${run}` })).items[0]).toMatchObject({
      ta_role: "head_ta",
      status: "invited",
      invite_expires_at: a.invite_expires_at,
    });
    const bad = await call(listPost, "/system/users", { status: "gone" }, { token: admin.token });
    expect(bad.status).toBe(400);
  });

  it("is for admins only: coordinators and TAs get 403 on every users endpoint", async () => {
    const coordinator = await createActor("coordinator", { department_id: deptA });
    const ta = await createActor("ta", { department_id: deptA });
    const target = await create({ name: "Target", email: `target.${run}@example.edu`, access_level: "ta" });
    for (const actor of [coordinator, ta]) {
      const answers = await Promise.all([
        call(listPost, "/system/users", {}, { token: actor.token }),
        call(
          createPost,
          "/system/users/create",
          { name: "X", email: `x.${randomUUID()}@example.edu`, access_level: "admin" },
          { token: actor.token },
        ),
        call(updatePost, "/system/users/update", { profile_id: target.user.profile_id, access_level: "admin" }, { token: actor.token }),
        call(invitePost, "/system/users/invite", { profile_id: target.user.profile_id }, { token: actor.token }),
      ]);
      expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    }
    expect((await profile(target.user.profile_id)).access_level).toBe("ta");
  });
});

describe("POST /system/users/update", () => {
  it("bumps auth_version only when access changes, and audits every change with before/after", async () => {
    const res = await create({ name: "Upd", email: `upd.${run}@example.edu`, access_level: "ta", department_id: deptA });
    const id = res.user.profile_id;
    const version = async () => (await profile(id)).auth_version;
    const v0 = await version();

    expect(await update({ profile_id: id, name: "Upd Renamed", ta_role: "graduate_ta" })).toMatchObject({
      name: "Upd Renamed",
      ta_role: "graduate_ta",
    });
    expect(await version()).toBe(v0);
    expect(await update({ profile_id: id, access_level: "coordinator", scoped_department_ids: [deptB] })).toMatchObject({
      access_level: "coordinator",
      scoped_department_ids: [deptB],
    });
    expect(await version()).toBe(v0 + 1);
    await update({ profile_id: id, department_id: null });
    expect(await version()).toBe(v0 + 2);
    const disabled = await update({ profile_id: id, disabled: true });
    expect(disabled.status).toBe("disabled");
    expect(disabled.disabled_at).not.toBeNull();
    expect(await version()).toBe(v0 + 3);
    // Asking for what is already there changes nothing and writes no audit row.
    await update({ profile_id: id, disabled: true, access_level: "coordinator" });
    expect(await version()).toBe(v0 + 3);
    expect((await update({ profile_id: id, disabled: false })).status).toBe("invited");

    const rows = await audits(id);
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.update", "user.update", "user.update", "user.update", "user.update"]);
    expect(rows[1]?.details).toEqual({ changes: { name: { before: "Upd", after: "Upd Renamed" }, ta_role: { before: null, after: "graduate_ta" } } });
    expect(rows[2]?.details).toEqual({
      changes: { access_level: { before: "ta", after: "coordinator" }, scoped_department_ids: { before: [], after: [deptB] } },
    });
    expect(rows[3]?.details).toEqual({ changes: { department_id: { before: deptA, after: null } } });
    expect(rows[4]?.details).toEqual({ changes: { disabled: { before: false, after: true } } });
    expect(rows.every((r) => r.actor_id === admin.profile_id)).toBe(true);
  });

  it("refuses an admin disabling or demoting themselves, answers 404 for an unknown profile", async () => {
    const self = await createActor("admin");
    for (const change of [{ disabled: true }, { access_level: "coordinator" }]) {
      const res = await call(updatePost, "/system/users/update", { profile_id: self.profile_id, ...change }, { token: self.token });
      expect(res.status).toBe(409);
    }
    expect(await profile(self.profile_id)).toMatchObject({ access_level: "admin", disabled_at: null });
    // Renaming yourself is fine.
    expect((await update({ profile_id: self.profile_id, name: "Self Renamed" }, self.token)).name).toBe("Self Renamed");
    const missing = await call(updatePost, "/system/users/update", { profile_id: randomUUID(), name: "X" }, { token: admin.token });
    expect(missing.status).toBe(404);
  });

  it("is atomic: when the audit row cannot be written, nothing changes", async () => {
    const res = await create({ name: "Atomic", email: `atomic.${run}@example.edu`, access_level: "ta", department_id: deptA });
    const before = await profile(res.user.profile_id);
    auditFailure.armed = true;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const failed = await call(
        updatePost,
        "/system/users/update",
        { profile_id: before.id, access_level: "admin", scoped_department_ids: [deptB], disabled: true },
        { token: admin.token },
      );
      expect(failed.status).toBe(500);
      expect(logged).toHaveBeenCalled();
    } finally {
      auditFailure.armed = false;
      logged.mockRestore();
    }
    const after = await profile(before.id);
    expect(after).toMatchObject({ access_level: "ta", disabled_at: null, auth_version: before.auth_version, scoped_departments: [] });
    expect((await audits(before.id)).map((r) => r.action)).toEqual(["user.create"]);
  });
});

describe("invitations", () => {
  it("re-issues a link that replaces the old one, and refuses disabled users", async () => {
    const res = await create({ name: "Reinvite", email: `reinvite.${run}@example.edu`, access_level: "ta" });
    const again = userInviteResponseSchema.parse(
      await callJson(invitePost, "/system/users/invite", { profile_id: res.user.profile_id }, { token: admin.token }),
    );
    expect(again.invite_url).not.toBe(res.invite_url);
    expect(await findInvite(tokenOf(res.invite_url))).toBeNull();
    expect(await findInvite(tokenOf(again.invite_url))).toEqual({ name: "Reinvite", email: `reinvite.${run}@example.edu` });
    expect((await audits(res.user.profile_id)).map((r) => r.action)).toEqual(["user.create", "user.invite"]);
    await update({ profile_id: res.user.profile_id, disabled: true });
    expect(await findInvite(tokenOf(again.invite_url))).toBeNull();
    const refused = await call(invitePost, "/system/users/invite", { profile_id: res.user.profile_id }, { token: admin.token });
    expect(refused.status).toBe(409);
    expect((await call(invitePost, "/system/users/invite", { profile_id: randomUUID() }, { token: admin.token })).status).toBe(404);
  });

  it("accepts a valid link once: sets the password, spends the link, bumps auth_version, audits as the user", async () => {
    const res = await create({ name: "Accept", email: `accept.${run}@example.edu`, access_level: "ta" });
    const token = tokenOf(res.invite_url);
    const before = await profile(res.user.profile_id);
    expect(await acceptInvite(token, "correct horse battery", request)).toBe("accepted");
    const after = await profile(res.user.profile_id);
    expect(after).toMatchObject({ invite_token_hash: null, invite_expires_at: null, auth_version: before.auth_version + 1 });
    expect(await verifyPassword("correct horse battery", after.password_hash ?? "")).toBe(true);
    const audit = (await audits(after.id)).at(-1);
    expect(audit).toMatchObject({ action: "user.accept_invite", actor_id: after.id });
    // Single use: the same link again, or an unknown one, answer the same way and change nothing.
    expect(await acceptInvite(token, "another password!", request)).toBe("invalid");
    expect(await findInvite(token)).toBeNull();
    expect(await acceptInvite("A".repeat(43), "another password!", request)).toBe("invalid");
    expect(await verifyPassword("correct horse battery", (await profile(after.id)).password_hash ?? "")).toBe(true);
    expect((await list({ search: `accept.${run}` })).items[0]?.status).toBe("active");
  });

  it("refuses an expired link", async () => {
    const res = await create({ name: "Expired", email: `expired.${run}@example.edu`, access_level: "ta" });
    const token = tokenOf(res.invite_url);
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect(await findInvite(token, eightDaysOn)).toBeNull();
    expect(await acceptInvite(token, "correct horse battery", request, eightDaysOn)).toBe("invalid");
    expect((await profile(res.user.profile_id)).password_hash).toBeNull();
    expect((await audits(res.user.profile_id)).map((r) => r.action)).toEqual(["user.create"]);
  });
});
