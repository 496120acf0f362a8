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

export function publishLive(tx: Prisma.TransactionClient, event: LiveEvent): Promise<void> {
  return publishLiveMany(tx, [event]);
}

/** Many events in four statements, whatever their number: ingestion publishes a batch's runs at once. */
export async function publishLiveMany(tx: Prisma.TransactionClient, events: readonly LiveEvent[]): Promise<void> {
  if (events.length === 0) return;
  const profileIds = [...new Set(events.map((event) => event.profile_id))];
  const profiles = await tx.profile.findMany({ where: { id: { in: profileIds } }, select: { id: true, department_id: true } });
  const departmentOf = new Map(profiles.map((profile) => [profile.id, profile.department_id]));
  // Ids drawn first, so each event knows its own; then one INSERT from arrays (Prisma's createMany spent
  // half a second on the thousand events of one ingest batch).
  const ids = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT nextval('live_events_id_seq') AS id FROM generate_series(1, ${events.length}::int)`;
  const departments = events.map((event) => departmentOf.get(event.profile_id) ?? null);
  await tx.$executeRaw`
    INSERT INTO live_events (id, type, profile_id, department_id, session_id, group_id, run_id, data)
    SELECT * FROM unnest(${ids.map((row) => row.id)}::bigint[], ${events.map((e) => e.type)}::text[], ${events.map((e) => e.profile_id)}::uuid[],
                         ${departments}::text[], ${events.map((e) => e.session_id)}::uuid[], ${events.map((e) => e.group_id)}::uuid[],
                         ${events.map((e) => e.run_id)}::uuid[], ${events.map((e) => JSON.stringify(e))}::jsonb[])`;
  const payloads = events.map((event, i) => {
    const notice: LiveNotice = { id: String(ids[i]?.id), department_id: departments[i] ?? null, event };
    const payload = JSON.stringify(notice);
    return Buffer.byteLength(payload) <= maxPayloadBytes ? payload : JSON.stringify({ id: notice.id });
  });
  await tx.$executeRaw`SELECT pg_notify(${liveChannel}, payload) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS t(payload, ord) ORDER BY ord`;
}
