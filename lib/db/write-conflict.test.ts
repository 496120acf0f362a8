import { describe, expect, it } from "vitest";
import { isWriteConflict, retryOnWriteConflict } from "./write-conflict";

// The shape Prisma 7 throws for a raw query PostgreSQL cancelled as a deadlock victim.
const deadlock = () =>
  Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `40P01`. Message: `deadlock detected`"), {
    code: "P2010",
    meta: { driverAdapterError: { cause: { kind: "TransactionWriteConflict" } } },
  });

describe("retryOnWriteConflict", () => {
  it("recognises deadlocks and serialization failures, and nothing else", () => {
    expect(isWriteConflict(deadlock())).toBe(true);
    expect(isWriteConflict({ code: "40001" })).toBe(true);
    expect(isWriteConflict(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isWriteConflict({ code: "P2002" })).toBe(false);
  });

  it("runs the work again after a conflict, and gives up after the last attempt", async () => {
    let calls = 0;
    await expect(
      retryOnWriteConflict(async () => {
        calls += 1;
        if (calls < 3) throw deadlock();
        return "done";
      }),
    ).resolves.toBe("done");
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      retryOnWriteConflict(async () => {
        calls += 1;
        throw deadlock();
      }, 2),
    ).rejects.toThrow("deadlock detected");
    expect(calls).toBe(2);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryOnWriteConflict(async () => {
        calls += 1;
        throw new Error("syntax error");
      }),
    ).rejects.toThrow("syntax error");
    expect(calls).toBe(1);
  });
});
