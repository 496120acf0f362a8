import "server-only";
// A session's status. The rules, in the order they apply:
//   ended (ended_at set)                      -> completed, or aborted when the sender said so
//   open, activity within the idle time       -> active (any activity wakes an idle or expired one)
//   open, no activity for the idle time       -> idle
//   open, no activity for the expiry time     -> expired
// `active`, the spec's flag, is true exactly while the status is active or idle.
//
// The rules that follow from a write live in the sessions_status trigger (migration
// 20261130220001_session_status_and_usage), so every writer (ingestion, the seeder, a hand-made
// fix) obeys them. The time-driven ones cannot fire on a write: glow_sweep_session_status() applies
// them, called from here at most once a minute per app process while sessions are being read, and
// by POST /system/refresh.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { envNumber, positive } from "@/lib/env-number";

const minutes = (name: string, fallback: number): number => envNumber(name, fallback, positive);

export const sessionStatusConfig = {
  /** No activity for this long moves an open session to idle. */
  idleAfterMinutes: () => minutes("GLOW_SESSION_STATUS_IDLE_MINUTES", 30),
  /** No activity for this long moves an open session to expired. */
  expireAfterMinutes: () => Math.max(minutes("GLOW_SESSION_STATUS_EXPIRE_MINUTES", 24 * 60), sessionStatusConfig.idleAfterMinutes()),
};

const sweepBatch = 5_000;
/** How often readers start a sweep; 0 turns the automatic sweep off (POST /system/refresh still runs one). */
const sweepEveryMs = (): number => envNumber("GLOW_SESSION_STATUS_SWEEP_SECONDS", 60) * 1000;

/**
 * Applies the idle and expiry rules to every open session now; returns how many sessions moved.
 * The seed passes its own client (it runs before the app's exists).
 */
export async function sweepSessionStatuses(db: Pick<PrismaClient, "$queryRaw"> = prisma): Promise<number> {
  const idle = `${sessionStatusConfig.idleAfterMinutes()} minutes`;
  const expire = `${sessionStatusConfig.expireAfterMinutes()} minutes`;
  let total = 0;
  for (;;) {
    const [row] = await db.$queryRaw<{ moved: number }[]>`
      SELECT glow_sweep_session_status(${idle}::interval, ${expire}::interval, ${sweepBatch}) AS moved`;
    const moved = row?.moved ?? 0;
    total += moved;
    if (moved < sweepBatch) return total;
  }
}

const sweepState = globalThis as unknown as { glowSessionSweep?: { lastStarted: number; running: boolean } };

/**
 * Starts a sweep in the background when the last one began more than a minute ago
 * (GLOW_SESSION_STATUS_SWEEP_SECONDS). Readers call it and go on: a status may lag the clock by up
 * to a minute, never a request's time.
 */
export function keepSessionStatusesCurrent(now = Date.now()): void {
  const every = sweepEveryMs();
  const state = (sweepState.glowSessionSweep ??= { lastStarted: 0, running: false });
  if (every === 0 || state.running || now - state.lastStarted < every) return;
  state.running = true;
  state.lastStarted = now;
  sweepSessionStatuses()
    .catch((error: unknown) => console.error("[glow] session status sweep failed", error))
    .finally(() => {
      state.running = false;
    });
}
