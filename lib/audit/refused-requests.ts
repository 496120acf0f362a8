import "server-only";
// 401 and 403 answers are security events an admin should see in the audit log, but a scanner can
// send thousands a minute. So per kind (status, address, path, caller) the first refusal in a
// minute is written at once and the rest of that minute are counted, then written as one row.
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";

export interface Refusal {
  status: 401 | 403;
  code: string;
  path: string;
  ip: string | null;
  actorId: string | null;
  onBehalfOfId: string | null;
  requestId: string;
}

export interface Repeats {
  count: number;
  first_at: string;
  last_at: string;
}

type Writer = (refusal: Refusal, repeats: Repeats | null) => Promise<void>;

interface Window {
  startedAt: number;
  repeats: number;
  firstRepeatAt: number;
  lastAt: number;
  sample: Refusal;
}

export class RefusalLog {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly write: Writer,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async note(refusal: Refusal): Promise<void> {
    const key = [refusal.status, refusal.ip, refusal.path, refusal.actorId].join("|");
    const now = this.now();
    const window = this.windows.get(key);
    if (window && now - window.startedAt < this.windowMs) {
      if (window.repeats === 0) window.firstRepeatAt = now;
      window.repeats += 1;
      window.lastAt = now;
      return;
    }
    if (window) await this.writeRepeats(key, window);
    this.windows.set(key, { startedAt: now, repeats: 0, firstRepeatAt: now, lastAt: now, sample: refusal });
    await this.write(refusal, null);
  }

  /** Writes the counts of windows that have ended (all of them with `all`), and forgets them. */
  async flush(all = false): Promise<void> {
    const now = this.now();
    for (const [key, window] of [...this.windows]) {
      if (all || now - window.startedAt >= this.windowMs) await this.writeRepeats(key, window);
    }
  }

  private async writeRepeats(key: string, window: Window): Promise<void> {
    this.windows.delete(key);
    if (window.repeats === 0) return;
    const iso = (ms: number) => new Date(ms).toISOString();
    await this.write(window.sample, { count: window.repeats, first_at: iso(window.firstRepeatAt), last_at: iso(window.lastAt) });
  }
}

async function writeRefusal(refusal: Refusal, repeats: Repeats | null): Promise<void> {
  const details: Prisma.InputJsonObject = { status: refusal.status, code: refusal.code, ...(repeats ? { repeats: { ...repeats } } : {}) };
  await prisma.auditLog.create({
    data: {
      actor_id: refusal.actorId,
      on_behalf_of_id: refusal.onBehalfOfId,
      action: "request.refused",
      target_type: "request",
      target_id: refusal.path,
      ip: refusal.ip,
      request_id: refusal.requestId,
      outcome: "denied",
      details,
    },
  });
}

export const refusedRequests = new RefusalLog(writeRefusal);
setInterval(() => {
  refusedRequests.flush().catch((error: unknown) => console.error("writing refused-request counts failed", error));
}, 60_000).unref();
