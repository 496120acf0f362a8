// Opening POST /system/watch in-process and waiting for what it sends, for the live stream's tests.
import { POST as watchPost } from "@/app/system/watch/route";
import { readStream } from "@/lib/live/read-stream";
import type { StreamEvent } from "@/lib/live/schemas";
import { call } from "./api-helpers";

export interface Received {
  id: string | undefined;
  event: StreamEvent;
}

export interface OpenStream {
  response: Response;
  events: Received[];
  comments: string[];
  /** Resolves when `check` holds for what has arrived; rejects after `timeoutMs`. */
  until(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Waits for the "ready" comment: the stream is subscribed and any replay is out. */
  ready(): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Goes away, as a closed browser tab does. */
  close(): void;
}

export async function openStream(token: string, body: unknown = {}, lastEventId?: string): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await call(watchPost, "/system/watch", body, {
    token,
    headers: lastEventId ? { "Last-Event-ID": lastEventId } : {},
    signal: abort.signal,
  });
  const events: Received[] = [];
  const comments: string[] = [];
  let wake = () => undefined as void;
  const changed = () => wake();
  const ended =
    response.ok && response.body
      ? readStream(
          response.body,
          {
            onEvent: (event, id) => {
              events.push({ event, id });
              changed();
            },
            onComment: (text) => {
              comments.push(text);
              changed();
            },
          },
          abort.signal,
        )
          .catch(() => undefined)
          .finally(changed)
      : Promise.resolve();
  let over = false;
  void ended.then(() => (over = true));
  const until = async (check: () => boolean, what: string, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (over) throw new Error(`the stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  return {
    response,
    events,
    comments,
    until,
    ready: () => until(() => comments.includes("ready"), "the ready comment"),
    ended,
    close: () => abort.abort(),
  };
}
