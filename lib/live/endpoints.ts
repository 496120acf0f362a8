import { defineEndpoint } from "@/lib/contract/endpoint";
import { streamEventSchema, watchRequestSchema } from "./schemas";

export const watchEndpoint = defineEndpoint({
  command: "watch",
  path: "/system/watch",
  summary: "Follow generation progress and activity as it happens (Server-Sent Events)",
  description: [
    "Answers text/event-stream: each event's `event:` is its type, `data:` the JSON object (LiveEvent), `id:` the point to resume from.",
    "The spec's generation events (GenerationProgressEvent, GenerationCompleteEvent, GenerationSavedEvent, GenerationErrorEvent, GenerationMediaProgressEvent, GenerationMediaCompleteEvent) and activity events (SessionStartedEvent, SessionEndedEvent, RunRecordedEvent, ProblemFlaggedEvent, ProblemResolvedEvent), each naming its session, group and run.",
    "Scoped like every read: a coordinator receives events about the TAs of their departments, a TA their own. The body narrows further.",
    "Reconnect with the Last-Event-ID header to receive what was missed (kept for an hour); a ResyncEvent says the gap is too old or too long to replay, so reload.",
    "A comment line comes every 15 s; a stream ends after 30 minutes (reconnect to go on); at most 5 streams per user are open at once (429 past it). Opening a stream is audited.",
  ].join(" "),
  tag: "Live",
  body: watchRequestSchema,
  response: null,
  events: {
    schema: streamEventSchema,
    description: "A stream of LiveEvent objects, one per SSE event, until the client leaves or the stream's lifetime ends",
  },
  access: ["admin", "coordinator", "ta"],
});
