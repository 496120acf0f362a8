// Ingestion over HTTP as a deployment sends it: batches of 500 runs with 10 messages each (every
// message a new text), through the typed client, each timed from sending to the server's answer
// read. Twice: alone, and while the dashboard's reads go in back to back (those timed one at a
// time, also before any ingestion).
import { randomUUID } from "node:crypto";
import { generateApiToken } from "@/lib/auth/api-token";
import { createPrismaClient } from "@/lib/db/client";
import { httpTransport, IngestClient } from "@/lib/ingest/client";
import type { BenchWorld } from "./fixtures.ts";
import { percentile, send, timeSequential, type Sent } from "./measure.ts";

/** Batches sent back to back: only the sending is timed (each batch is built and checked first). */
export interface IngestRate {
  batches: number;
  events: number;
  messages: number;
  seconds: number;
}

export interface IngestMeasure {
  /** Nothing else asking the server meanwhile: the ingestion path's own rate. */
  alone: IngestRate;
  /** The same while one client reads /system/sessions back to back, and what those reads took. */
  beside: IngestRate;
  readsIdle: { p50: number; p95: number };
  readsDuring: { p50: number; p95: number; count: number };
}

/** The title of the sessions this bench adds: the read cases leave them out (they are 50 times an ordinary session). */
export const ingestedSessionTitle = "Bench ingestion";

const runsPerBatch = 500;
const messagesPerRun = 10;
const runsPerGroup = 10;

function queueBatch(client: IngestClient, world: BenchWorld, agentId: string): number {
  const sessionId = randomUUID();
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  client.add("session", { session_id: sessionId, profile_id: world.ta.profile_id, title: ingestedSessionTitle, started_at: at(0) });
  let messages = 0;
  for (let g = 0; g < runsPerBatch / runsPerGroup; g++) {
    const groupId = randomUUID();
    client.add("group", { group_id: groupId, session_id: sessionId, name: `Reply ${g}`, created_at: at(g) });
    for (let r = 0; r < runsPerGroup; r++) {
      const runId = randomUUID();
      client.add("run", {
        run_id: runId,
        group_id: groupId,
        model_id: world.modelId,
        agent_id: agentId,
        status: "succeeded",
        input_tokens: 1200,
        cached_input_tokens: 256,
        output_tokens: 300,
        created_at: at(g * 1000 + r * 10),
        finished_at: at(g * 1000 + r * 10 + 5),
      });
      for (let m = 0; m < messagesPerRun; m++) {
        client.add("message", {
          message_id: randomUUID(),
          run_id: runId,
          role: m % 2 ? "assistant" : "user",
          position: m,
          text: `Bench message ${randomUUID()}`,
          created_at: at(g * 1000 + r * 10 + 1),
        });
        messages += 1;
      }
    }
  }
  return messages;
}

export async function measureIngest(baseUrl: string, databaseUrl: string, world: BenchWorld, read: Sent, batches = 4): Promise<IngestMeasure> {
  const db = createPrismaClient(databaseUrl, 2);
  const token = generateApiToken();
  await db.apiToken.create({
    data: {
      profile_id: world.admin.profile_id,
      name: "bench ingest",
      token_hash: token.token_hash,
      token_prefix: token.token_prefix,
      scopes: ["read", "ingest"],
    },
  });
  const agent = await db.agent.findFirstOrThrow({ orderBy: { name: "asc" }, select: { id: true } });
  await db.$disconnect();

  const idle = await timeSequential(read, 30);
  const client = new IngestClient(httpTransport(baseUrl, token.token), 10_000);
  // One batch untimed first: the route's first load is not ingestion.
  queueBatch(client, world, agent.id);
  await client.flush();

  // A sender builds its next batch while the last is answered; only sending and answering are timed.
  const sendBatches = async (): Promise<IngestRate> => {
    const rate: IngestRate = { batches, events: 0, messages: 0, seconds: 0 };
    for (let i = 0; i < batches; i++) {
      rate.messages += queueBatch(client, world, agent.id);
      rate.events += client.pending;
      const started = performance.now();
      await client.flush();
      rate.seconds += (performance.now() - started) / 1000;
    }
    return rate;
  };

  const alone = await sendBatches();
  const during: number[] = [];
  let ingesting = true;
  const reader = (async () => {
    while (ingesting) {
      const started = performance.now();
      await send(read);
      during.push(performance.now() - started);
    }
  })();
  const beside = await sendBatches();
  ingesting = false;
  await reader;
  return {
    alone,
    beside,
    readsIdle: { p50: percentile(idle, 50), p95: percentile(idle, 95) },
    readsDuring: { p50: percentile(during, 50), p95: percentile(during, 95), count: during.length },
  };
}
