// `glow system watch`: follows POST /system/watch. On a terminal one readable line per event; piped,
// one JSON object per line (its resume id as `id`). A stream the server ends after its lifetime is
// resumed with Last-Event-ID, so a watcher runs until Ctrl-C, or until --body's max_seconds.
import type { Endpoint } from "@/lib/contract/endpoint";
import { readStream } from "@/lib/live/read-stream";
import type { StreamEvent } from "@/lib/live/schemas";
import { CliError, exitCode, type CliIo } from "./io";
import { apiError, type Connection } from "./send";

export interface WatchOptions {
  json?: boolean;
  lastEventId?: string;
}

const short = (id: string | null | undefined) => (id ? id.slice(0, 8) : "-");

/** One line a person can scan: time, type, where, and what is new. */
export function eventLine(event: StreamEvent): string {
  if (event.type === "ResyncEvent") return `-------- ResyncEvent  ${event.reason}`;
  const time = event.occurred_at.slice(11, 19);
  const where = `session ${short(event.session_id)} group ${short(event.group_id)} run ${short(event.run_id)}`;
  const what = (() => {
    switch (event.type) {
      case "GenerationProgressEvent":
        return `${event.percentage}% (${event.completed_resources}/${event.total_resources})`;
      case "GenerationMediaProgressEvent":
        return `${event.media_type} ${event.percentage}% (${event.completed_resources}/${event.total_resources})`;
      case "GenerationCompleteEvent":
        return `${event.artifact_type} ${event.success ? "succeeded" : "failed"}`;
      case "GenerationMediaCompleteEvent":
        return `${event.media_type} ${event.success ? "saved" : "failed"}`;
      case "GenerationSavedEvent":
        return `${event.artifact_type} saved`;
      case "GenerationErrorEvent":
        return event.message;
      case "RunRecordedEvent":
        return `${event.status}, ${event.input_tokens + event.output_tokens} tokens, $${event.cost}`;
      case "SessionStartedEvent":
        return event.title ?? "untitled";
      case "SessionEndedEvent":
        return `ended ${event.ended_at}`;
      case "ProblemFlaggedEvent":
        return `${event.severity} ${event.kind}`;
      case "ProblemResolvedEvent":
        return event.resolved ? "resolved" : "re-opened";
    }
  })();
  return `${time}  ${event.type.padEnd(29)}  ${where}  ${what}`;
}

export async function watch(endpoint: Endpoint, body: unknown, conn: Connection, options: WatchOptions, io: CliIo): Promise<void> {
  const target = `${conn.url}${endpoint.path}`;
  const asJson = options.json || !io.stdout.isTTY;
  const once = typeof body === "object" && body !== null && "max_seconds" in body;
  let lastEventId = options.lastEventId;
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  // A reader that goes away (`| head`) ends the watch quietly.
  io.stdout.on("error", interrupt);
  try {
    for (;;) {
      let response: Response;
      try {
        response = await io.fetch(target, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${conn.token}`,
            "Content-Type": "application/json",
            Accept: "text/event-stream",
            ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}),
          },
          body: JSON.stringify(body),
          signal: stop.signal,
        });
      } catch (error) {
        if (stop.signal.aborted) return;
        const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        throw new CliError(`Cannot reach ${target}: ${reason}`, exitCode.apiError);
      }
      if (!response.ok) throw await apiError(response);
      if (!response.body) throw new CliError("The server answered without a stream.", exitCode.apiError);
      await readStream(
        response.body,
        {
          onEvent: (event, id) => {
            if (id) lastEventId = id;
            if (stop.signal.aborted) return;
            io.stdout.write(asJson ? `${JSON.stringify(id ? { id, ...event } : event)}\n` : `${eventLine(event)}\n`);
          },
        },
        stop.signal,
      ).catch((error: unknown) => {
        if (!stop.signal.aborted) throw error;
      });
      if (stop.signal.aborted || once) return;
    }
  } finally {
    process.removeListener("SIGINT", interrupt);
    io.stdout.removeListener("error", interrupt);
  }
}
