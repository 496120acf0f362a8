import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as ingestBatch } from "@/app/ingest/batch/route";
import { POST as activity } from "@/app/system/activity/route";
import { hashApiToken, looksLikeApiToken } from "@/lib/auth/api-token";
import { createAdmin, createTa } from "@/prisma/factories";
import { call, db } from "@/tests/api-helpers";
import { createToken, parseTokenArgs, TokenCreateError } from "./token-create";

describe("npm run token:create", () => {
  it("parses its arguments, naming what is missing or wrong", () => {
    expect(parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--expires-in-days", "30"])).toEqual({
      profile: "a@b.example",
      name: "ci",
      expires_in_days: 30,
    });
    expect(parseTokenArgs(["--profile", "a@b.example", "--name", "ci"])).toEqual({ profile: "a@b.example", name: "ci" });
    expect(() => parseTokenArgs(["--name", "ci"])).toThrow(/--profile <email> is required/);
    expect(() => parseTokenArgs(["--profile", "a@b.example"])).toThrow(/--name <label> is required/);
    expect(() => parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--expires-in-days", "0"])).toThrow(/at least 1/);
    expect(() => parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--expires-in-days", "1.5"])).toThrow(/whole number/);
    expect(() => parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--colour", "red"])).toThrow(/Unknown option '--colour'/);
    expect(parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--scopes", "read, ingest"]).scopes).toEqual(["read", "ingest"]);
    expect(() => parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--scopes", "read,write"])).toThrow(
      /comma-separated list of read and ingest/,
    );
    expect(() => parseTokenArgs(["--profile", "a@b.example", "--name", "ci", "--scopes", "read,read"])).toThrow(/must not repeat/);
  });

  it("creates a working token, stores only its hash and records it in the audit log", async () => {
    const admin = await createAdmin(db());
    const now = new Date("2026-05-01T12:00:00Z");
    const created = await createToken(db(), { profile: admin.email.toUpperCase(), name: "laptop", expires_in_days: 7 }, now);
    expect(looksLikeApiToken(created.token)).toBe(true);
    expect(created.expires_at?.toISOString()).toBe("2026-05-08T12:00:00.000Z");
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.token_id } });
    expect(row).toMatchObject({
      profile_id: admin.id,
      name: "laptop",
      token_hash: hashApiToken(created.token),
      token_prefix: created.token.slice(0, 11),
    });
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "api_token.create", target_id: created.token_id } });
    expect(audit.details).toMatchObject({ profile_id: admin.id, name: "laptop" });
  });

  it("gives a token the API accepts until it expires", async () => {
    const ta = await createTa(db());
    const live = await createToken(db(), { profile: ta.email, name: "live" });
    expect((await call(activity, "/system/activity", {}, { token: live.token })).status).toBe(200);
    const expired = await createToken(db(), { profile: ta.email, name: "old", expires_in_days: 1 }, new Date(Date.now() - 2 * 86_400_000));
    expect((await call(activity, "/system/activity", {}, { token: expired.token })).status).toBe(401);
  });

  it("makes read tokens unless told, and ingest tokens for admins only", async () => {
    const admin = await createAdmin(db());
    const ta = await createTa(db());
    const plain = await createToken(db(), { profile: admin.email, name: "reader" });
    expect(plain.scopes).toEqual(["read"]);
    const sender = await createToken(db(), { profile: admin.email, name: "sender", scopes: ["read", "ingest"] });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: sender.token_id } })).scopes).toEqual(["read", "ingest"]);
    const batch = { events: [{ type: "department", event_id: randomUUID(), department_id: `dept-${randomUUID()}`, name: "Physics" }] };
    expect((await call(ingestBatch, "/ingest/batch", batch, { token: sender.token })).status).toBe(200);
    expect((await call(ingestBatch, "/ingest/batch", batch, { token: plain.token })).status).toBe(403);
    await expect(createToken(db(), { profile: ta.email, name: "x", scopes: ["ingest"] })).rejects.toThrow(/only for an admin's token/);
  });

  it("refuses unknown and disabled profiles", async () => {
    await expect(createToken(db(), { profile: "nobody@nowhere.example", name: "x" })).rejects.toThrow(TokenCreateError);
    const disabled = await createTa(db(), { disabled_at: new Date() });
    await expect(createToken(db(), { profile: disabled.email, name: "x" })).rejects.toThrow(/disabled/);
  });
});
