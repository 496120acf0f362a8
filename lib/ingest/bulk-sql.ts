import "server-only";
// The statements of bulk ingestion that Prisma cannot express (prices in force for many runs at once,
// moving many sessions' last-activity time forward in one UPDATE, lookups that must stay index
// probes) or that it makes measurably slower (inserts and lookups of thousands of rows: see below).
// lib/ingest/ingest.db.test.ts and fast-path.db.test.ts check them against the one-event path's results.
import type { Tx } from "./apply";
import type { RunEvent } from "./schemas";

/** Each run's exact cost at its model's price in force at created_at, by run_id; runs without a price are absent. */
/** Each run's cost at its model's price in force, and the currency of that price. */
export async function runCosts(tx: Tx, runs: RunEvent[]): Promise<Map<string, { cost: string; currency: string }>> {
  if (runs.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ run_id: string; cost: string; currency: string }>>`
    SELECT r.run_id::text AS run_id, p.currency,
           trim_scale(round(((r.input - r.cached) * p.input_per_million + r.cached * p.cached_input_per_million
                             + r.output * p.output_per_million) / 1000000, 10))::text AS cost
    FROM unnest(${runs.map((run) => run.run_id)}::uuid[], ${runs.map((run) => run.model_id)}::uuid[],
                ${runs.map((run) => new Date(run.created_at))}::timestamptz[], ${runs.map((run) => run.input_tokens)}::bigint[],
                ${runs.map((run) => run.cached_input_tokens)}::bigint[], ${runs.map((run) => run.output_tokens)}::bigint[])
         AS r(run_id, model_id, created_at, input, cached, output)
    CROSS JOIN LATERAL (
      SELECT input_per_million, cached_input_per_million, output_per_million, currency FROM model_prices
      WHERE model_id = r.model_id AND effective_from <= r.created_at ORDER BY effective_from DESC LIMIT 1
    ) p`;
  return new Map(rows.map((row) => [row.run_id, { cost: row.cost, currency: row.currency }]));
}

/**
 * The agent version of each run: the one sent, if the agent has it, else the version in force at
 * the run's start (the agent's first when the run is older than all of them). A run missing from
 * the answer names a version its agent does not have.
 */
export async function runAgentVersions(tx: Tx, runs: RunEvent[]): Promise<Map<string, number>> {
  if (runs.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ run_id: string; version: number | null }>>`
    SELECT r.run_id::text AS run_id,
           CASE WHEN r.wanted IS NOT NULL
                THEN (SELECT v.version FROM agent_versions v WHERE v.agent_id = r.agent_id AND v.version = r.wanted)
                ELSE coalesce((SELECT v.version FROM agent_versions v WHERE v.agent_id = r.agent_id AND v.created_at <= r.created_at
                               ORDER BY v.created_at DESC, v.version DESC LIMIT 1),
                              (SELECT min(v.version) FROM agent_versions v WHERE v.agent_id = r.agent_id)) END AS version
    FROM unnest(${runs.map((run) => run.run_id)}::uuid[], ${runs.map((run) => run.agent_id)}::uuid[],
                ${runs.map((run) => run.agent_version ?? null)}::int[], ${runs.map((run) => new Date(run.created_at))}::timestamptz[])
         AS r(run_id, agent_id, wanted, created_at)`;
  return new Map(rows.flatMap((row) => (row.version === null ? [] : [[row.run_id, row.version] as const])));
}

/** Sessions show when they last saw activity: each moves forward to the latest of its times here. */
export async function touchSessions(tx: Tx, touches: Array<{ session_id: string; at: Date }>): Promise<void> {
  const latest = new Map<string, Date>();
  for (const touch of touches) {
    const known = latest.get(touch.session_id);
    if (!known || touch.at > known) latest.set(touch.session_id, touch.at);
  }
  if (latest.size === 0) return;
  await tx.$executeRaw`
    UPDATE sessions s SET updated_at = t.at
    FROM unnest(${[...latest.keys()]}::uuid[], ${[...latest.values()]}::timestamptz[]) AS t(id, at)
    WHERE s.id = t.id AND s.updated_at < t.at`;
}

// Bulk inserts: one INSERT … SELECT FROM unnest(…) per table. Measured on 5,000 rows, Prisma's
// createMany took 1.5 s for uploads where this takes 0.19 s; the difference is client-side work per
// row, which ingestion cannot afford at thousands of messages a second.

export interface UploadInsert {
  id: string;
  sha256: string;
  byte_size: number;
  storage_key: string;
  profile_id: string;
  created_at: Date;
}

/** Text uploads of messages (kind text, text/plain, named message.txt). */
export async function insertTextUploads(tx: Tx, rows: UploadInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO uploads (id, kind, mime_type, byte_size, sha256, original_name, storage_key, profile_id, created_at)
    SELECT id, 'text', 'text/plain', byte_size, sha256, 'message.txt', storage_key, profile_id, created_at
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.byte_size)}::bigint[], ${rows.map((r) => r.sha256)}::text[],
                ${rows.map((r) => r.storage_key)}::text[], ${rows.map((r) => r.profile_id)}::uuid[], ${rows.map((r) => r.created_at)}::timestamptz[])
         AS t(id, byte_size, sha256, storage_key, profile_id, created_at)`;
}

export interface MessageInsert {
  id: string;
  run_id: string;
  role: string;
  position: number;
  created_at: Date;
}

export async function insertMessages(
  tx: Tx,
  rows: MessageInsert[],
  links: Array<{ message_id: string; position: number; upload_id: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO messages (id, run_id, role, position, created_at)
    SELECT id, run_id, role::"MessageRole", position, created_at
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.run_id)}::uuid[], ${rows.map((r) => r.role)}::text[],
                ${rows.map((r) => r.position)}::int[], ${rows.map((r) => r.created_at)}::timestamptz[])
         AS t(id, run_id, role, position, created_at)`;
  if (links.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO message_uploads (message_id, position, upload_id)
    SELECT * FROM unnest(${links.map((l) => l.message_id)}::uuid[], ${links.map((l) => l.position)}::int[], ${links.map((l) => l.upload_id)}::uuid[])`;
}

export interface RunInsert {
  id: string;
  group_id: string;
  profile_id: string;
  model_id: string;
  agent_id: string;
  agent_version: number;
  currency: string;
  status: string;
  finish_reason: string | null;
  error: string | null;
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  previous_context_start_index: number;
  cost: string;
  created_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
}

export async function insertRuns(tx: Tx, rows: RunInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO runs (id, group_id, profile_id, model_id, agent_id, agent_version, currency, status, finish_reason, error, input_tokens, cached_input_tokens,
                      output_tokens, previous_context_start_index, cost, created_at, finished_at, duration_ms)
    SELECT id, group_id, profile_id, model_id, agent_id, agent_version, currency, status::"RunStatus", finish_reason::"FinishReason", error, input_tokens,
           cached_input_tokens, output_tokens, previous_context_start_index, cost, created_at, finished_at, duration_ms
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.group_id)}::uuid[], ${rows.map((r) => r.profile_id)}::uuid[],
                ${rows.map((r) => r.model_id)}::uuid[], ${rows.map((r) => r.agent_id)}::uuid[], ${rows.map((r) => r.agent_version)}::int[],
                ${rows.map((r) => r.currency)}::text[], ${rows.map((r) => r.status)}::text[],
                ${rows.map((r) => r.finish_reason)}::text[],
                ${rows.map((r) => r.error)}::text[], ${rows.map((r) => r.input_tokens)}::int[], ${rows.map((r) => r.cached_input_tokens)}::int[],
                ${rows.map((r) => r.output_tokens)}::int[], ${rows.map((r) => r.previous_context_start_index)}::int[],
                ${rows.map((r) => r.cost)}::numeric[], ${rows.map((r) => r.created_at)}::timestamptz[],
                ${rows.map((r) => r.finished_at)}::timestamptz[], ${rows.map((r) => r.duration_ms)}::int[])
         AS t(id, group_id, profile_id, model_id, agent_id, agent_version, currency, status, finish_reason, error, input_tokens, cached_input_tokens, output_tokens,
              previous_context_start_index, cost, created_at, finished_at, duration_ms)`;
}

/** Claims event ids for idempotency; answers how many were new (a concurrent batch may have taken some). */
export async function insertClaims(
  tx: Tx,
  tokenId: string | null,
  claims: Array<{ event_id: string; type: string; entity_id: string }>,
): Promise<number> {
  if (claims.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO ingest_events (event_id, token_id, type, entity_id)
    SELECT event_id, ${tokenId}::uuid, type, entity_id
    FROM unnest(${claims.map((c) => c.event_id)}::uuid[], ${claims.map((c) => c.type)}::text[], ${claims.map((c) => c.entity_id)}::text[])
         AS t(event_id, type, entity_id)
    ON CONFLICT (event_id) DO NOTHING`;
}

/**
 * Event ids applied before, with the record each named: one index probe per id. Written as a
 * LIMIT 1 lookup per id because with `event_id = ANY(…)` of a 5,000-event batch the planner scanned
 * the whole table (45 ms at 500,000 claims, and growing with it) instead of probing (15 ms).
 */
export async function claimedEvents(tx: Tx, eventIds: string[]): Promise<Array<{ event_id: string; entity_id: string }>> {
  if (eventIds.length === 0) return [];
  return tx.$queryRaw`
    SELECT e.event_id::text AS event_id, e.entity_id
    FROM unnest(${eventIds}::uuid[]) AS t(id)
    CROSS JOIN LATERAL (SELECT event_id, entity_id FROM ingest_events WHERE event_id = t.id LIMIT 1) e`;
}

/**
 * A stored text upload for each of these hashes that has one. Prisma sent 5,000 hashes as 5,000 bind
 * parameters and applied `distinct` in the client; one array parameter and DISTINCT ON do it here.
 */
export async function storedTexts(tx: Tx, hashes: string[]): Promise<Array<{ sha256: string; storage_key: string }>> {
  if (hashes.length === 0) return [];
  return tx.$queryRaw`
    SELECT DISTINCT ON (sha256) sha256, storage_key FROM uploads WHERE sha256 = ANY(${hashes}::text[]) AND kind = 'text'`;
}

/** Messages already stored under these ids, or at these places of these runs. */
export async function takenMessages(tx: Tx, messageIds: string[], spots: Array<{ run_id: string; position: number }>) {
  return tx.$queryRaw<Array<{ id: string; run_id: string; position: number }>>`
    SELECT id::text AS id, run_id::text AS run_id, position FROM messages WHERE id = ANY(${messageIds}::uuid[])
    UNION
    SELECT m.id::text, m.run_id::text, m.position
    FROM unnest(${spots.map((s) => s.run_id)}::uuid[], ${spots.map((s) => s.position)}::int[]) AS t(run_id, position)
    JOIN messages m ON m.run_id = t.run_id AND m.position = t.position`;
}
