import "server-only";
// The live stream's limits, read when used so a test or an operator can set them per process.
import { envNumber, positive, positiveInteger } from "@/lib/env-number";

const seconds = (name: string, fallback: number): number => envNumber(name, fallback, positive) * 1000;
const whole = (name: string, fallback: number): number => envNumber(name, fallback, positiveInteger);

export const liveConfig = {
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs: () => seconds("GLOW_WATCH_HEARTBEAT_SECONDS", 15),
  /** A stream ends after this long (the client resumes with Last-Event-ID), so none outlives a revoked token for long. */
  maxLifetimeMs: () => seconds("GLOW_WATCH_MAX_SECONDS", 30 * 60),
  /** Open streams per user in one app process; the next is answered 429. */
  maxStreamsPerUser: () => whole("GLOW_WATCH_MAX_STREAMS_PER_USER", 5),
  /** How long events stay in the replay buffer for Last-Event-ID. */
  bufferMs: () => seconds("GLOW_WATCH_BUFFER_SECONDS", 60 * 60),
  /** The most events one resume replays; past it the client is told to reload instead. */
  replayLimit: () => whole("GLOW_WATCH_REPLAY_LIMIT", 1000),
  /** The listening connection closes this long after the last stream ends. */
  idleCloseMs: () => seconds("GLOW_WATCH_IDLE_CLOSE_SECONDS", 10),
  /** A client this far behind (bytes queued) is cut off; it resumes with Last-Event-ID. */
  maxQueuedBytes: 1024 * 1024,
};
