import "server-only";
// One LISTEN connection per app process, shared by every open stream: a NOTIFY sent by any process
// (lib/live/publish.ts) reaches the streams of all of them. The connection opens with the first
// stream and closes a while after the last; when it is lost, every stream is closed and its client
// resumes from the replay buffer with Last-Event-ID, so nothing is missed silently.
import pg from "pg";
import { prisma } from "@/lib/db";
import { liveConfig } from "./config";
import { liveChannel, type LiveNotice } from "./publish";
import { liveEventSchema } from "./schemas";

export interface LiveSubscriber {
  deliver(notice: LiveNotice): void;
  close(reason: string): void;
}

const pruneEveryMs = 60_000;

/** The listening connection's name in pg_stat_activity: which app process holds it. */
export const listenerName = `glow-live-${process.pid}`;

export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get listening(): boolean {
    return this.client !== null;
  }

  /** Adds a subscriber once the process is listening; answers the function that removes it. */
  async subscribe(subscriber: LiveSubscriber): Promise<() => void> {
    clearTimeout(this.idleTimer);
    this.subscribers.add(subscriber);
    try {
      await this.connect();
    } catch (error) {
      this.remove(subscriber);
      throw error;
    }
    return () => this.remove(subscriber);
  }

  private remove(subscriber: LiveSubscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.subscribers.size === 0 && this.client) this.stop(this.client);
    }, liveConfig.idleCloseMs());
    this.idleTimer.unref();
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5_000, application_name: listenerName });
    client.on("error", (error) => this.lost(client, error.message));
    client.on("end", () => this.lost(client, "the database closed the connection"));
    client.on("notification", (message) => {
      if (message.channel === liveChannel && message.payload) void this.dispatch(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${liveChannel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.pruneTimer = setInterval(() => void this.prune(), pruneEveryMs);
    this.pruneTimer.unref();
    void this.prune();
    return client;
  }

  private stop(client: pg.Client): void {
    if (this.client === client) this.client = null;
    clearInterval(this.pruneTimer);
    client.removeAllListeners("end");
    client.end().catch(() => undefined);
  }

  private lost(client: pg.Client, reason: string): void {
    if (this.client !== client) return;
    this.stop(client);
    console.error(`[live] the listening connection was lost (${reason}): closing ${this.subscribers.size} streams so they resume`);
    for (const subscriber of [...this.subscribers]) subscriber.close("the live connection to the database was lost");
  }

  private async dispatch(payload: string): Promise<void> {
    try {
      const notice = await noticeOf(payload);
      if (notice) for (const subscriber of this.subscribers) subscriber.deliver(notice);
    } catch (error) {
      console.error("[live] an event could not be read", error);
    }
  }

  private async prune(): Promise<void> {
    const before = new Date(Date.now() - liveConfig.bufferMs());
    await prisma.liveEvent.deleteMany({ where: { created_at: { lt: before } } }).catch((error: unknown) => {
      console.error("[live] pruning the replay buffer failed", error);
    });
  }
}

/** The notice as sent, or read back from the buffer when it was too large for NOTIFY. */
async function noticeOf(payload: string): Promise<LiveNotice | null> {
  const sent = JSON.parse(payload) as Partial<LiveNotice> & { id: string };
  if (sent.event) return { id: sent.id, department_id: sent.department_id ?? null, event: sent.event };
  const row = await prisma.liveEvent.findUnique({ where: { id: BigInt(sent.id) }, select: { department_id: true, data: true } });
  return row ? { id: sent.id, department_id: row.department_id, event: liveEventSchema.parse(row.data) } : null;
}

// One per process; kept on globalThis so a development reload does not open a second connection.
const globalForHub = globalThis as unknown as { glowLiveHub?: LiveHub };
export const liveHub: LiveHub = (globalForHub.glowLiveHub ??= new LiveHub());
