// Whether an error is PostgreSQL giving up one transaction of two that wait on each other (a
// deadlock, 40P01) or a serialization failure (40001): nothing was written, and the same statement
// may simply run again. Prisma's pg adapter reports both as TransactionWriteConflict.

export function isWriteConflict(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const record = error as Record<string, unknown>;
  if (record.kind === "TransactionWriteConflict") return true;
  if (typeof record.code === "string" && /^(40P01|40001)$/.test(record.code)) return true;
  if (typeof record.message === "string" && /Code: `(40P01|40001)`|deadlock detected/.test(record.message)) return true;
  const meta = record.meta as Record<string, unknown> | undefined;
  return [record.cause, meta?.driverAdapterError].some((inner) => isWriteConflict(inner, depth + 1));
}

/** Runs `work` again when it lost a write conflict, up to `attempts` times in all, a little later each time. */
export async function retryOnWriteConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
