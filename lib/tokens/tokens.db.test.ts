import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as activityPost } from "@/app/system/activity/route";
import { POST as createPost } from "@/app/system/tokens/create/route";
import { POST as revokePost } from "@/app/system/tokens/revoke/route";
import { POST as listPost } from "@/app/system/tokens/route";
import type * as apiToken from "@/lib/auth/api-token";
import { hashApiToken, type NewApiToken } from "@/lib/auth/api-token";
import { call, callJson, createActor, db, type TestActor } from "@/tests/api-helpers";
import { createTokenResponseSchema, listTokensResponseSchema, tokenItemSchema, type CreateTokenResponse } from "./schemas";

// Lets one test hand createToken a token whose hash already exists, so its INSERT fails mid-transaction.
const forced = vi.hoisted(() => ({ next: null as NewApiToken | null }));
vi.mock("@/lib/auth/api-token", async (importOriginal) => {
  const actual = await importOriginal<typeof apiToken>();
  return {
    ...actual,
    generateApiToken: () => {
      const token = forced.next ?? actual.generateApiToken();
      forced.next = null;
      return token;
    },
  };
});

let admin: TestActor;
let coordinator: TestActor;
let ta: TestActor;
beforeAll(async () => {
  admin = await createActor("admin");
  coordinator = await createActor("coordinator");
  ta = await createActor("ta");
});

async function create(body: Record<string, unknown>, token = admin.token): Promise<CreateTokenResponse> {
  return createTokenResponseSchema.parse(await callJson(createPost, "/system/tokens/create", body, { token }));
}
const activity = (token: string) => call(activityPost, "/system/activity", {}, { token });
const audits = (action: string, tokenId: string) => db().auditLog.findMany({ where: { action, target_type: "api_token", target_id: tokenId } });

describe("POST /system/tokens/create", () => {
  it("returns a working token once, stores only its hash, and audits the creation without the token", async () => {
    const before = Date.now();
    const created = await create({ name: "  nightly report  ", expires_in_days: 30 });
    expect(created).toMatchObject({
      name: "nightly report",
      profile_id: admin.profile_id,
      profile_name: admin.name,
      status: "active",
      revoked_at: null,
      last_used_at: null,
    });
    expect(created.token.startsWith(created.token_prefix)).toBe(true);
    const expiresIn = Date.parse(created.expires_at!) - before;
    expect(expiresIn).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 86_400_000 + 60_000);

    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.token_id } });
    expect(stored.token_hash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);

    expect((await activity(created.token)).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.token_id } })).last_used_at).not.toBeNull();

    const [row, ...more] = await audits("token.create", created.token_id);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      actor_id: admin.profile_id,
      details: { name: "nightly report", prefix: created.token_prefix, profile_id: admin.profile_id },
    });
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it("defaults to 90 days and makes tokens for another profile, acting with that profile's access", async () => {
    const created = await create({ name: "for the TA", profile_id: ta.profile_id });
    expect(created.profile_id).toBe(ta.profile_id);
    expect(Math.round((Date.parse(created.expires_at!) - Date.now()) / 86_400_000)).toBe(90);
    // A TA token may not list tokens: it has the TA's access, not the creator's.
    expect((await call(listPost, "/system/tokens", {}, { token: created.token })).status).toBe(403);
    expect((await activity(created.token)).status).toBe(200);
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(101) }, "name"],
    [{}, "name"],
    [{ name: "t", expires_in_days: 0 }, "expires_in_days"],
    [{ name: "t", expires_in_days: 366 }, "expires_in_days"],
    [{ name: "t", expires_in_days: 1.5 }, "expires_in_days"],
    [{ name: "t", expires_at: "2030-01-01T00:00:00Z" }, "expires_at"],
    [{ name: "t", profile_id: "nope" }, "profile_id"],
  ])("rejects %j naming %s", async (body, field) => {
    const response = await call(createPost, "/system/tokens/create", body, { token: admin.token });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; issues: { field: string }[] } };
    expect(answer.error.code).toBe("invalid_body");
    expect(answer.error.issues.map((issue) => issue.field)).toContain(field);
  });

  it("answers 404 for an unknown profile and 409 for a disabled one", async () => {
    const unknown = await call(
      createPost,
      "/system/tokens/create",
      { name: "t", profile_id: "00000000-0000-4000-8000-000000000000" },
      { token: admin.token },
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("profile_id");
    const disabled = await createActor("ta");
    await db().profile.update({ where: { id: disabled.profile_id }, data: { disabled_at: new Date() } });
    const conflict = await call(createPost, "/system/tokens/create", { name: "t", profile_id: disabled.profile_id }, { token: admin.token });
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain("profile_id");
    expect(await db().auditLog.count({ where: { action: "token.create", details: { path: ["profile_id"], equals: disabled.profile_id } } })).toBe(0);
  });

  it("writes no audit row when the token cannot be stored (one transaction)", async () => {
    const owner = await createActor("coordinator");
    const existing = await db().apiToken.findUniqueOrThrow({ where: { id: owner.token_id } });
    forced.next = { token: "glow_collision", token_hash: existing.token_hash, token_prefix: "glow_collis" };
    const response = await call(createPost, "/system/tokens/create", { name: "collides", profile_id: owner.profile_id }, { token: admin.token });
    expect(response.status).toBe(500);
    expect(await db().auditLog.count({ where: { action: "token.create", details: { path: ["profile_id"], equals: owner.profile_id } } })).toBe(0);
    expect(await db().apiToken.count({ where: { profile_id: owner.profile_id } })).toBe(1);
  });
});

describe("token scopes", () => {
  it("gives a new token read unless told otherwise, and a token made before scopes keeps read", async () => {
    const made = await create({ name: "default scopes" });
    expect(made.scopes).toEqual(["read"]);
    expect((await activity(made.token)).status).toBe(200);
    // As the migration leaves a token created before scopes existed: the column's default.
    const old = await create({ name: "before scopes" });
    await db().$executeRaw`UPDATE api_tokens SET scopes = DEFAULT WHERE id = ${old.token_id}::uuid`;
    expect((await db().apiToken.findUnique({ where: { id: old.token_id } }))?.scopes).toEqual(["read"]);
    expect((await activity(old.token)).status).toBe(200);
  });

  it("refuses the system API to a token that may only ingest, with a message naming the scope", async () => {
    const ingestOnly = await create({ name: "ingest only", scopes: ["ingest"] });
    expect(ingestOnly.scopes).toEqual(["ingest"]);
    const response = await activity(ingestOnly.token);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/read scope/) } });
    const both = await create({ name: "both", scopes: ["read", "ingest"] });
    expect((await activity(both.token)).status).toBe(200);
  });

  it("gives ingest only to a token acting as an admin, and refuses unknown or repeated scopes", async () => {
    for (const [body, message] of [
      [{ name: "coordinator ingest", profile_id: coordinator.profile_id, scopes: ["ingest"] }, /ingest is only for a token acting as an admin/],
      [{ name: "typo", scopes: ["write"] }, /scopes/],
      [{ name: "twice", scopes: ["read", "read"] }, /must not repeat/],
      [{ name: "none", scopes: [] }, /at least one/],
    ] as const) {
      const response = await call(createPost, "/system/tokens/create", body, { token: admin.token });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = (await response.json()) as { error: { message: string; issues: Array<{ field: string }> } };
      expect(answer.error.message).toMatch(message);
      expect(answer.error.issues.map((issue) => issue.field.split(".")[0])).toContain("scopes");
    }
    expect(await db().apiToken.count({ where: { name: { in: ["coordinator ingest", "typo", "twice", "none"] } } })).toBe(0);
    // The database refuses what the API would, whoever writes.
    await expect(db().$executeRaw`UPDATE api_tokens SET scopes = ARRAY['write'] WHERE name = 'both'`).rejects.toThrow();
  });
});

describe("POST /system/tokens/revoke", () => {
  it("cuts the token off at once, and is idempotent with one audit row", async () => {
    const created = await create({ name: "to revoke" });
    expect((await activity(created.token)).status).toBe(200);
    const first = tokenItemSchema.parse(await callJson(revokePost, "/system/tokens/revoke", { token_id: created.token_id }, { token: admin.token }));
    expect(first.status).toBe("revoked");
    expect(first.revoked_at).not.toBeNull();
    expect((await activity(created.token)).status).toBe(401);

    const again = tokenItemSchema.parse(await callJson(revokePost, "/system/tokens/revoke", { token_id: created.token_id }, { token: admin.token }));
    expect(again.revoked_at).toBe(first.revoked_at);
    const rows = await audits("token.revoke", created.token_id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toEqual({ name: "to revoke", prefix: created.token_prefix, profile_id: admin.profile_id });
  });

  it("answers 404 for an unknown token and 400 for a malformed id", async () => {
    expect(
      (await call(revokePost, "/system/tokens/revoke", { token_id: "00000000-0000-4000-8000-000000000000" }, { token: admin.token })).status,
    ).toBe(404);
    expect((await call(revokePost, "/system/tokens/revoke", { token_id: "x" }, { token: admin.token })).status).toBe(400);
  });
});

describe("POST /system/tokens", () => {
  it("lists newest first with each status, filtered by profile and status", async () => {
    const owner = await createActor("coordinator");
    const active = await create({ name: "active", profile_id: owner.profile_id });
    const revoked = await create({ name: "revoked", profile_id: owner.profile_id });
    await callJson(revokePost, "/system/tokens/revoke", { token_id: revoked.token_id }, { token: admin.token });
    const expired = await create({ name: "expired", profile_id: owner.profile_id });
    await db().apiToken.update({ where: { id: expired.token_id }, data: { expires_at: new Date(Date.now() - 1000) } });
    expect((await activity(expired.token)).status).toBe(401);

    const list = async (body: Record<string, unknown>) =>
      listTokensResponseSchema.parse(await callJson(listPost, "/system/tokens", { profile_id: owner.profile_id, ...body }, { token: admin.token }));
    const all = await list({});
    expect(all.items.map((item) => [item.name, item.status])).toEqual([
      ["expired", "expired"],
      ["revoked", "revoked"],
      ["active", "active"],
      ["test", "active"],
    ]);
    expect(all.items[0]).toMatchObject({ profile_name: owner.name, token_prefix: expired.token_prefix });
    expect(JSON.stringify(all)).not.toContain(active.token);
    expect((await list({ status: "active" })).items.map((item) => item.name)).toEqual(["active", "test"]);
    expect((await list({ status: "revoked" })).items.map((item) => item.token_id)).toEqual([revoked.token_id]);
    expect((await list({ status: "expired" })).items.map((item) => item.token_id)).toEqual([expired.token_id]);
    const paged = await list({ page: 2, page_size: 3 });
    expect(paged).toMatchObject({ total_count: 4, total_pages: 2, page: 2 });
    expect(paged.items.map((item) => item.name)).toEqual(["test"]);
    expect((await call(listPost, "/system/tokens", { status: "gone" }, { token: admin.token })).status).toBe(400);
  });

  it.each([
    ["/system/tokens", listPost, {}],
    ["/system/tokens/create", createPost, { name: "t" }],
    ["/system/tokens/revoke", revokePost, { token_id: "00000000-0000-4000-8000-000000000000" }],
  ] as const)("%s is for admins only", async (path, handler, body) => {
    expect((await call(handler, path, body, { token: coordinator.token })).status).toBe(403);
    expect((await call(handler, path, body, { token: ta.token })).status).toBe(403);
    expect((await call(handler, path, body, {})).status).toBe(401);
  });
});
