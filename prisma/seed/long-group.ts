// The one long conversation of a scale data set: a group of 200 runs holding 10,000 messages (each
// with its text), so the group detail's paging is measured where it matters. Found by its name.
import type { Db } from "../factories/index.ts";
import type { ScaleCatalog } from "./scale-catalog.ts";

export const longGroupName = "Long conversation · 200 runs";
/** Scale sets from this size on include it (as one of their sessions). */
export const longGroupFrom = 10_000;
export const longGroupRuns = 200;
export const longGroupMessagesPerRun = 50;

/** Inserts the long group and its session; returns rows added per table. */
export async function seedLongGroup(prisma: Db, catalog: ScaleCatalog, anchor: Date): Promise<Record<string, number>> {
  const text = catalog.texts.assistant[0]!;
  const rows = await prisma.$queryRaw<Record<string, bigint>[]>`
    WITH s AS (
      INSERT INTO sessions (id, profile_id, title, tags, active, created_at, updated_at, ended_at)
      VALUES (gen_random_uuid(), ${catalog.taIds[0]}::uuid, 'Office hours marathon', '{office-hours}', false,
              ${anchor}::timestamptz - interval '3 days', ${anchor}::timestamptz - interval '2 days', ${anchor}::timestamptz - interval '2 days')
      RETURNING id, profile_id, created_at
    ),
    g AS (
      INSERT INTO groups (id, session_id, name, created_at) SELECT gen_random_uuid(), s.id, ${longGroupName}, s.created_at FROM s
      RETURNING id, created_at
    ),
    r0 AS (
      SELECT gen_random_uuid() AS id, n, g.id AS group_id, g.created_at + n * interval '5 minutes' AS at,
             400 + n * 40 AS input, 120 + n % 50 AS output
      FROM g CROSS JOIN generate_series(0, ${longGroupRuns - 1}) n
    ),
    r AS (
      INSERT INTO runs (id, group_id, model_id, agent_id, profile_id, status, input_tokens, output_tokens, cached_input_tokens, cost,
                        previous_context_start_index, created_at, finished_at, duration_ms)
      SELECT r0.id, r0.group_id, ${catalog.personaModelIds[0]}::uuid, ${catalog.personaAgentIds[0]}::uuid, s.profile_id, 'succeeded',
             r0.input, r0.output, 0,
             round((r0.input * pr.input_per_million + r0.output * pr.output_per_million) / 1000000, 10),
             CASE WHEN r0.n = 0 THEN 0 ELSE 1 END, r0.at, r0.at + interval '2 seconds', 2000
      FROM r0 CROSS JOIN s CROSS JOIN LATERAL (
        SELECT input_per_million, output_per_million FROM model_prices mp
        WHERE mp.model_id = ${catalog.personaModelIds[0]}::uuid AND mp.effective_from <= r0.at ORDER BY mp.effective_from DESC LIMIT 1
      ) pr
      RETURNING id, created_at
    ),
    m0 AS (
      SELECT gen_random_uuid() AS id, gen_random_uuid() AS upload_id, r.id AS run_id, p, r.created_at + p * interval '1 millisecond' AS at
      FROM r CROSS JOIN generate_series(0, ${longGroupMessagesPerRun - 1}) p
    ),
    m AS (
      INSERT INTO messages (id, run_id, role, position, created_at)
      SELECT id, run_id, (CASE WHEN p = 0 THEN 'system' WHEN p % 2 = 1 THEN 'user' ELSE 'assistant' END)::"MessageRole", p, at FROM m0
      RETURNING 1
    ),
    u AS (
      INSERT INTO uploads (id, kind, mime_type, byte_size, sha256, original_name, storage_key, created_at)
      SELECT upload_id, 'text', 'text/plain', ${text.byte_size}, ${text.sha256}, 'message.txt', ${text.storage_key}, at FROM m0
      RETURNING 1
    ),
    mu AS (
      INSERT INTO message_uploads (message_id, position, upload_id) SELECT id, 0, upload_id FROM m0 RETURNING 1
    )
    SELECT (SELECT count(*) FROM s) AS sessions, (SELECT count(*) FROM g) AS groups, (SELECT count(*) FROM r) AS runs,
           (SELECT count(*) FROM m) AS messages, (SELECT count(*) FROM u) AS uploads, (SELECT count(*) FROM mu) AS message_uploads`;
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([table, n]) => [table, Number(n)]));
}
