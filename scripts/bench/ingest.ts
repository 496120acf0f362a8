// Ingestion over HTTP as a deployment sends it: batches of 500 runs with 10 messages each (every
// message a new text), through the typed client, timed end to end (the server's answer read); and
// the dashboard's reads timed one at a time, before and while the batches go in.
import { randomUUID } from "node:crypto";
import { generateApiToken } from "@/lib/auth/api-token";
import { createPrismaClient } from "@/lib/db/client";
import { httpTransport, IngestClient } from "@/lib/ingest/client";
import type { BenchWorld } from "./fixtures.ts";
import { percentile, send, timeSequential, type Sent } from "./measure.ts";

export interface IngestMeasure {
  batches: number;
  events: number;
  messages: number;
  seconds: number;
  readsIdle: { p50: number; p95: number };
  readsDuring: { p50: number; p95: number; count: number };
}

const runsPerBatch = 500;
const messagesPerRun = 10;
const runsPerGroup = 10;

function queueBatch(client: IngestClient, world: BenchWorld, agentId: string): number {
  const sessionId = randomUUID();
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  client.add("session", { session_id: sessionId, profile_id: world.ta.profile_id, title: "Bench ingestion", started_at: at(0) });
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

  let events = 0;
  let messages = 0;
  const during: number[] = [];
  let ingesting = true;
  const reader = (async () => {
    while (ingesting) {
      const started = performance.now();
      await send(read);
      during.push(performance.now() - started);
    }
  })();
  const started = performance.now();
  for (let i = 0; i < batches; i++) {
    messages += queueBatch(client, world, agent.id);
    events += client.pending;
    await client.flush();
  }
  const seconds = (performance.now() - started) / 1000;
  ingesting = false;
  await reader;
  return {
    batches,
    events,
    messages,
    seconds,
    readsIdle: { p50: percentile(idle, 50), p95: percentile(idle, 95) },
    readsDuring: { p50: percentile(during, 50), p95: percentile(during, 95), count: during.length },
  };
}
