"use client";
// The dashboard's live connection: POST /system/watch with the session cookie, read with the shared
// parser, resumed with Last-Event-ID whenever it drops (the server ends every stream after a while,
// and a lost database connection ends them all), with a growing pause between failed attempts.
import { useEffect, useRef, useState } from "react";
import { ApiCallError, postEndpoint } from "@/lib/contract/api-client";
import { watchEndpoint } from "@/lib/live/endpoints";
import { readStream } from "@/lib/live/read-stream";
import type { StreamEvent, WatchRequest } from "@/lib/live/schemas";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "paused";

const firstRetryMs = 1_000;
const longestRetryMs = 30_000;

/**
 * Follows the events matching `filter` while the component is mounted; `onEvent` sees each one
 * (a ResyncEvent means some were missed: reload). Answers the connection's status for an indicator.
 */
export function useLiveEvents(filter: WatchRequest, onEvent: (event: StreamEvent) => void, enabled = true): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    const body = JSON.parse(filterKey) as WatchRequest;
    let lastEventId: string | undefined;
    let retryMs = firstRetryMs;

    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        stop.signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
      });

    void (async () => {
      while (!stop.signal.aborted) {
        try {
          const response = await postEndpoint(watchEndpoint, body, {
            signal: stop.signal,
            headers: lastEventId ? { "Last-Event-ID": lastEventId } : {},
          });
          if (!response.body) throw new Error("no stream");
          await readStream(
            response.body,
            {
              onEvent: (event, id) => {
                if (id) lastEventId = id;
                handler.current(event);
              },
              onComment: (text) => {
                if (text === "ready") {
                  setStatus("live");
                  retryMs = firstRetryMs;
                }
              },
            },
            stop.signal,
          );
          // The server ended the stream on purpose (its lifetime): go on at once.
          if (!stop.signal.aborted) setStatus("reconnecting");
        } catch (error) {
          if (stop.signal.aborted) return;
          // Too many tabs open (429) or signed out: wait longer before trying again.
          const refused = error instanceof ApiCallError && error.status >= 400 && error.status < 500;
          setStatus(refused ? "paused" : "reconnecting");
          await pause(refused ? longestRetryMs : retryMs);
          retryMs = Math.min(retryMs * 2, longestRetryMs);
        }
      }
    })();
    return () => stop.abort();
  }, [filterKey, enabled]);

  return enabled ? status : "paused";
}
