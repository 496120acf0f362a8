import "server-only";
// POST /system/watch: one Server-Sent Events stream of the live events the caller may see, filtered
// by the body. It replays what a resuming client missed (Last-Event-ID) from the buffer, then
// carries what the process hears (lib/live/hub.ts). Every way a stream can end (the client leaves,
// its lifetime runs out, the client falls too far behind, the listening connection is lost) runs one
// cleanup that frees its slot, its timers and its subscription.
import type { RequestContext } from "@/lib/api/request-context";
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { liveConfig } from "./config";
import { liveHub } from "./hub";
import type { LiveNotice } from "./publish";
import { liveEventSchema, type ResyncEvent, type WatchRequest } from "./schemas";

// Streams open per user in this process: the cap holds per app process (with several processes, a
// user may open the cap on each; issue 15 moves such limits to a shared store).
const openStreams = new Map<string, number>();

export function openStreamCount(): number {
  let total = 0;
  for (const count of openStreams.values()) total += count;
  return total;
}

function takeSlot(userKey: string): () => void {
  const open = openStreams.get(userKey) ?? 0;
  const cap = liveConfig.maxStreamsPerUser();
  if (open >= cap) {
    throw new ApiError("rate_limited", `At most ${cap} live streams may be open per user: close one first.`, undefined, { "Retry-After": "5" });
  }
  openStreams.set(userKey, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(userKey) ?? 1) - 1;
    if (left > 0) openStreams.set(userKey, left);
    else openStreams.delete(userKey);
  };
}

/** Whether the actor may see events about this TA: the same rule as every read (lib/auth/scope.ts). */
function inScope(actor: Actor, profileId: string, departmentId: string | null): boolean {
  switch (actor.access_level) {
    case "admin":
      return true;
    case "coordinator":
      return departmentId !== null && actor.department_ids.includes(departmentId);
    case "ta":
      return profileId === actor.profile_id;
  }
}

function matches(actor: Actor, filter: WatchRequest, notice: LiveNotice): boolean {
  const { event } = notice;
  if (!inScope(actor, event.profile_id, notice.department_id)) return false;
  if (filter.session_id && event.session_id !== filter.session_id) return false;
  if (filter.group_id && event.group_id !== filter.group_id) return false;
  if (filter.profile_id && event.profile_id !== filter.profile_id) return false;
  if (filter.department_ids && (notice.department_id === null || !filter.department_ids.includes(notice.department_id))) return false;
  return !filter.types || filter.types.includes(event.type);
}

/** The same scope and filter as `matches`, for the replay query. */
function bufferWhere(actor: Actor, filter: WatchRequest, after: bigint): Prisma.LiveEventWhereInput {
  const scope: Prisma.LiveEventWhereInput =
    actor.access_level === "admin"
      ? {}
      : actor.access_level === "coordinator"
        ? { department_id: { in: actor.department_ids } }
        : { profile_id: actor.profile_id };
  return {
    AND: [
      scope,
      { id: { gt: after } },
      filter.session_id ? { session_id: filter.session_id } : {},
      filter.group_id ? { group_id: filter.group_id } : {},
      filter.profile_id ? { profile_id: filter.profile_id } : {},
      filter.department_ids ? { department_id: { in: filter.department_ids } } : {},
      filter.types ? { type: { in: filter.types } } : {},
    ],
  };
}

function lastEventId(request: Request): bigint | null {
  const header = request.headers.get("last-event-id");
  if (header === null || header.trim() === "") return null;
  if (!/^\d{1,18}$/.test(header.trim()))
    throw new ApiError("invalid_body", "The Last-Event-ID header must be an event id from this stream.", [
      { field: "Last-Event-ID", message: "must be an event id from this stream" },
    ]);
  return BigInt(header.trim());
}

/** Events since `after` that the buffer still holds, or a resync when it no longer holds them all. */
async function replay(actor: Actor, filter: WatchRequest, after: bigint): Promise<{ notices: LiveNotice[]; resync?: ResyncEvent }> {
  // The event the client saw last is still kept exactly when nothing after it has been pruned.
  const kept = await prisma.liveEvent.findUnique({ where: { id: after }, select: { id: true } });
  if (!kept) return { notices: [], resync: { type: "ResyncEvent", reason: "Events since Last-Event-ID are no longer kept." } };
  const limit = liveConfig.replayLimit();
  const rows = await prisma.liveEvent.findMany({
    where: bufferWhere(actor, filter, after),
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, department_id: true, data: true },
  });
  if (rows.length > limit) return { notices: [], resync: { type: "ResyncEvent", reason: `More than ${limit} events were missed.` } };
  return { notices: rows.map((row) => ({ id: row.id.toString(), department_id: row.department_id, event: liveEventSchema.parse(row.data) })) };
}

const encoder = new TextEncoder();
const frame = (notice: LiveNotice) => encoder.encode(`id: ${notice.id}\nevent: ${notice.event.type}\ndata: ${JSON.stringify(notice.event)}\n\n`);
const comment = (text: string) => encoder.encode(`: ${text}\n\n`);

export async function openWatch(actor: Actor, filter: WatchRequest, request: Request, context: RequestContext): Promise<Response> {
  const after = lastEventId(request);
  const releaseSlot = takeSlot(actor.emulation?.admin_profile_id ?? actor.profile_id);
  let cleanup = releaseSlot;
  try {
    await recordAudit(
      actor,
      {
        action: "watch.open",
        target_type: filter.session_id ? "session" : filter.profile_id ? "profile" : "all",
        target_id: filter.session_id ?? filter.profile_id ?? null,
        details: { ...filter, resumed_after: after?.toString() ?? null },
      },
      context,
    );
    const stream = new ReadableStream<Uint8Array>(
      {
        async start(controller) {
          let closed = false;
          const timers: { heartbeat?: NodeJS.Timeout; lifetime?: NodeJS.Timeout } = {};
          let unsubscribe = () => undefined as void;
          const finish = () => {
            if (closed) return;
            closed = true;
            clearInterval(timers.heartbeat);
            clearTimeout(timers.lifetime);
            unsubscribe();
            releaseSlot();
            request.signal.removeEventListener("abort", finish);
          };
          cleanup = finish;
          const end = (reason: string) => {
            if (closed) return;
            try {
              controller.enqueue(comment(`closing: ${reason}; resume with Last-Event-ID`));
              controller.close();
            } catch {
              // The client is already gone.
            }
            finish();
          };
          const send = (bytes: Uint8Array) => {
            if (closed) return;
            // A client that stops reading would make the queue grow without bound: cut it off instead.
            if ((controller.desiredSize ?? 0) < -liveConfig.maxQueuedBytes) return end("the client is reading too slowly");
            controller.enqueue(bytes);
          };
          request.signal.addEventListener("abort", finish);

          // Subscribe before replaying, and hold live events until the replay is out, so none falls between.
          let held: LiveNotice[] | null = [];
          const sent = new Set<string>();
          const deliver = (notice: LiveNotice) => {
            if (!matches(actor, filter, notice) || sent.has(notice.id)) return;
            if (held) held.push(notice);
            else send(frame(notice));
          };
          try {
            unsubscribe = await liveHub.subscribe({ deliver, close: end });
            // The client may have gone while the subscription was being made.
            if (closed) return unsubscribe();
            controller.enqueue(encoder.encode(`retry: 3000\n\n`));
            if (after !== null) {
              const missed = await replay(actor, filter, after);
              if (missed.resync) send(encoder.encode(`event: ResyncEvent\ndata: ${JSON.stringify(missed.resync)}\n\n`));
              for (const notice of missed.notices) {
                sent.add(notice.id);
                send(frame(notice));
              }
            }
            const waiting = held;
            held = null;
            for (const notice of waiting) if (!sent.has(notice.id)) send(frame(notice));
            sent.clear();
            send(comment("ready"));
          } catch (error) {
            console.error("[live] a stream could not start", error);
            return end("the stream could not start");
          }
          if (closed) return;
          timers.heartbeat = setInterval(() => send(comment("heartbeat")), liveConfig.heartbeatMs());
          const lifetimeMs = Math.min(liveConfig.maxLifetimeMs(), filter.max_seconds ? filter.max_seconds * 1000 : Infinity);
          timers.lifetime = setTimeout(() => end("the stream reached its maximum lifetime"), lifetimeMs);
        },
        cancel() {
          cleanup();
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    cleanup();
    throw error;
  }
}
