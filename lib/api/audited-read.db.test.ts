import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as sessionPost } from "@/app/system/session/route";
import type * as AuditRecord from "@/lib/audit/record";
import { getSessionResponseSchema } from "@/lib/sessions/schemas";
import { createSession } from "@/prisma/factories";
import { call, createActor, db, type TestActor } from "@/tests/api-helpers";

// Every read of a TA's record leaves one audit row, and a read whose audit row cannot be written
// answers an error without the record (the failure here comes late, after the read could be done).
const auditFailure = vi.hoisted(() => ({ armed: false }));
vi.mock("@/lib/audit/record", async (importOriginal) => {
  const original = await importOriginal<typeof AuditRecord>();
  return {
    ...original,
    recordAudit: (...args: Parameters<typeof original.recordAudit>) => {
      if (auditFailure.armed) return new Promise<void>((_, reject) => setTimeout(() => reject(new Error("audit insert failed")), 20));
      return original.recordAudit(...args);
    },
  };
});

let admin: TestActor;
let sessionId: string;

beforeAll(async () => {
  admin = await createActor("admin");
  const ta = await createActor("ta");
  sessionId = (await createSession(db(), ta.profile_id)).session.id;
});

const reads = () => db().auditLog.count({ where: { action: "session.read", target_id: sessionId, actor_id: admin.profile_id } });

describe("an audited read", () => {
  it("answers the record and leaves one audit row", async () => {
    const response = await call(sessionPost, "/system/session", { session_id: sessionId }, { token: admin.token });
    expect(response.status).toBe(200);
    expect(getSessionResponseSchema.parse(await response.json())).toMatchObject({ session_exists: true, session_id: sessionId });
    expect(await reads()).toBe(1);
  });

  it("withholds the record when its audit row cannot be written, even after the read finished first", async () => {
    auditFailure.armed = true;
    try {
      const response = await call(sessionPost, "/system/session", { session_id: sessionId }, { token: admin.token });
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).not.toContain(sessionId);
      expect(JSON.parse(body)).toMatchObject({ error: { code: "internal" } });
    } finally {
      auditFailure.armed = false;
    }
    expect(await reads()).toBe(1);
  });
});
