// What keeping the summaries costs a writer: a run and its messages written as an ingestion would
// (one statement for the run, one for its messages), timed with the summary triggers and with them
// disabled inside the measuring transaction (foreign keys still checked). Every write is rolled
// back, so the database is left as it was; disabling the triggers locks runs and messages briefly.
import pg from "pg";
import { percentile } from "./measure.ts";

export interface WriteCost {
  withSummaries: { run: number; message: number };
  withoutSummaries: { run: number; message: number } | null;
}

const messagesPerRun = 4;

async function timeWrites(client: pg.Client, groupId: string, count: number, summaries: boolean): Promise<{ run: number; message: number }> {
  const runs: number[] = [];
  const messages: number[] = [];
  const [group] = (
    await client.query<{ model_id: string; agent_id: string; profile_id: string }>(
      "SELECT model_id, agent_id, profile_id FROM runs WHERE group_id = $1 LIMIT 1",
      [groupId],
    )
  ).rows;
  if (!group) throw new Error("the bench group has no run to copy");
  await client.query("BEGIN");
  try {
    if (!summaries) {
      await client.query("ALTER TABLE runs DISABLE TRIGGER runs_summaries_insert");
      await client.query("ALTER TABLE messages DISABLE TRIGGER messages_summaries_insert");
    }
    for (let i = 0; i < count; i++) {
      let started = performance.now();
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO runs (id, group_id, model_id, agent_id, profile_id, input_tokens, output_tokens, cost, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 1200, 300, 0.0123456789, now()) RETURNING id`,
        [groupId, group.model_id, group.agent_id, group.profile_id],
      );
      runs.push(performance.now() - started);
      started = performance.now();
      await client.query(
        `INSERT INTO messages (id, run_id, role, position, created_at)
         SELECT gen_random_uuid(), $1, 'user', p, now() FROM generate_series(0, ${messagesPerRun - 1}) p`,
        [rows[0]!.id],
      );
      messages.push((performance.now() - started) / messagesPerRun);
    }
  } finally {
    await client.query("ROLLBACK");
  }
  return { run: percentile(runs, 50), message: percentile(messages, 50) };
}

export async function measureWriteCost(databaseUrl: string, groupId: string, count = 200): Promise<WriteCost> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const withSummaries = await timeWrites(client, groupId, count, true);
    const withoutSummaries = await timeWrites(client, groupId, count, false).catch(() => null);
    return { withSummaries, withoutSummaries };
  } finally {
    await client.end();
  }
}
