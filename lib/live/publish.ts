import "server-only";
// Publishing a live event: a row in the replay buffer and a NOTIFY, both in the caller's
// transaction, so an event goes out only if the write it describes commits, and every app process
// listening hears it (lib/live/hub.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LiveEvent } from "./schemas";

export const liveChannel = "glow_live";

/** What a NOTIFY carries: the event and the department it is scoped by. */
export interface LiveNotice {
  id: string;
  department_id: string | null;
  event: LiveEvent;
}

// NOTIFY payloads must stay under 8000 bytes; larger events are fetched from the buffer by id.
const maxPayloadBytes = 7_500;

export async function publishLive(tx: Prisma.TransactionClient, event: LiveEvent): Promise<void> {
  const profile = await tx.profile.findUnique({ where: { id: event.profile_id }, select: { department_id: true } });
  const row = await tx.liveEvent.create({
    data: {
      type: event.type,
      profile_id: event.profile_id,
      department_id: profile?.department_id ?? null,
      session_id: event.session_id,
      group_id: event.group_id,
      run_id: event.run_id,
      data: event,
    },
    select: { id: true },
  });
  const notice: LiveNotice = { id: row.id.toString(), department_id: profile?.department_id ?? null, event };
  const payload = JSON.stringify(notice);
  const sent = Buffer.byteLength(payload) <= maxPayloadBytes ? payload : JSON.stringify({ id: notice.id });
  await tx.$executeRaw`SELECT pg_notify(${liveChannel}, ${sent})`;
}
