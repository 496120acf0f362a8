// Reading a POST /system/watch answer (client-safe): the dashboard, the CLI and the tests all parse
// the stream here, with eventsource-parser, and check each event against its schema.
import { createParser } from "eventsource-parser";
import { streamEventSchema, type StreamEvent } from "./schemas";

export interface StreamHandlers {
  /** An event the client knows, with its resume id (absent on a ResyncEvent). */
  onEvent(event: StreamEvent, id: string | undefined): void;
  /** Comment lines: "ready" once the stream is live, heartbeats, and why it closes. */
  onComment?(text: string): void;
}

/** Reads until the stream ends or `signal` aborts; events of types this client does not know are skipped. */
export async function readStream(body: ReadableStream<Uint8Array>, handlers: StreamHandlers, signal?: AbortSignal): Promise<void> {
  const parser = createParser({
    onEvent: (message) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = streamEventSchema.safeParse(data);
      if (parsed.success) handlers.onEvent(parsed.data, message.id);
    },
    onComment: (text) => handlers.onComment?.(text.trim()),
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}
