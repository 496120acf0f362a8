import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/tests/api-helpers";

describe("the audit trail", () => {
  it("is append-only: the application's role can insert but not update, delete or truncate", async () => {
    const id = randomUUID();
    await db().auditLog.create({ data: { id, action: "test.append_only", target_type: "test", target_id: id } });

    await expect(db().auditLog.update({ where: { id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db().auditLog.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("truncate table audit_logs cascade")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("delete from profiles where false")).resolves.toBe(0);

    const row = await db().auditLog.findUniqueOrThrow({ where: { id } });
    expect(row.action).toBe("test.append_only");
  });

  it("keeps the actor when someone tries to delete the profile behind a row", async () => {
    const profile = await db().profile.create({ data: { name: "Audited", email: `audited-${randomUUID()}@test.glow.example` } });
    await db().auditLog.create({ data: { actor_id: profile.id, action: "test.actor_kept", target_type: "test" } });
    await expect(db().profile.delete({ where: { id: profile.id } })).rejects.toThrow();
    expect(await db().auditLog.count({ where: { actor_id: profile.id } })).toBe(1);
  });
});
