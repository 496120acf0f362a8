// A small typed client for POST /ingest/batch (client-safe): events are checked against the same
// zod schemas as the server, given event ids, queued, and sent in batches through a transport:
// over HTTP with a token, or in-process (the demo seed, which sends its recent sessions this way).
import type { z } from "zod";
import {
  ingestEventSchema,
  maxBatchEvents,
  type IngestBatchRequest,
  type IngestBatchResponse,
  type IngestEvent,
  type IngestEventResult,
} from "./schemas";

type EventInput = z.input<typeof ingestEventSchema>;
export type IngestEventType = EventInput["type"];
/** An event of one type as the caller writes it: `type` and `event_id` are filled in. */
export type EventFields<T extends IngestEventType> = Omit<Extract<EventInput, { type: T }>, "type" | "event_id"> & { event_id?: string };

export interface IngestTransport {
  send(batch: IngestBatchRequest): Promise<IngestBatchResponse>;
}

/** POSTs to `<baseUrl>/ingest/batch` with a Bearer token that has the ingest scope. */
export function httpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): IngestTransport {
  const url = `${baseUrl.replace(/\/+$/, "")}/ingest/batch`;
  return {
    async send(batch) {
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(batch),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 500)}`);
      return JSON.parse(text) as IngestBatchResponse;
    },
  };
}

/** Thrown by flush() when the server rejected events: each with its reasons. */
export class IngestRejected extends Error {
  constructor(readonly rejected: IngestEventResult[]) {
    const first = rejected[0];
    const why = first?.issues?.map((issue) => `${issue.field}: ${issue.message}`).join("; ") ?? "";
    super(`${rejected.length} events were rejected; the first (${first?.event_id ?? "?"}): ${why}`);
  }
}

export interface FlushReport {
  accepted: number;
  duplicate: number;
  batches: number;
}

export class IngestClient {
  private queue: IngestEvent[] = [];

  constructor(
    private readonly transport: IngestTransport,
    private readonly batchSize = maxBatchEvents,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  /** Queues one event, checked now so a mistake shows at the line that made it. Answers its event_id. */
  add<T extends IngestEventType>(type: T, fields: EventFields<T>): string {
    const checked = ingestEventSchema.safeParse({ ...fields, type, event_id: fields.event_id ?? crypto.randomUUID() });
    if (!checked.success)
      throw new Error(`invalid ${type} event: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    this.queue.push(checked.data);
    return checked.data.event_id;
  }

  /** Sends everything queued, in order, in batches; a batch that fails to arrive may be sent again safely. */
  async flush(): Promise<FlushReport> {
    const report: FlushReport = { accepted: 0, duplicate: 0, batches: 0 };
    while (this.queue.length) {
      const events = this.queue.slice(0, this.batchSize);
      const answer = await this.transport.send({ events });
      this.queue = this.queue.slice(events.length);
      report.accepted += answer.accepted;
      report.duplicate += answer.duplicate;
      report.batches += 1;
      const rejected = answer.results.filter((result) => result.status === "rejected");
      if (rejected.length) throw new IngestRejected(rejected);
    }
    return report;
  }
}
