// One run with its messages, text uploads, media attachments and tool calls. Token counts follow
// the text (about 4 characters a token), and the cost is the exact price formula at created_at.
import type { FinishReason, MessageRole, RunStatus } from "@/lib/generated/prisma/enums";
import { buildRun, mediaTypeOf, priceInForce, type AgentRow, type ModelRow, type PriceRow, type RunRow, type UploadRow } from "../factories/index.ts";
import { runErrors } from "./catalog.ts";
import type { DemoMedia, DemoMediaName, TextPool } from "./demo-media.ts";
import type { Random } from "./random.ts";
import { agentVersionAt, type DemoContext } from "./rows.ts";

export interface DemoEnv {
  ctx: DemoContext;
  rng: Random;
  media: DemoMedia;
  texts: TextPool;
  agents: Map<string, AgentRow>;
  models: Map<string, ModelRow>;
  prices: Map<string, PriceRow[]>;
}

export interface PlannedMessage {
  role: MessageRole;
  text?: string;
  /** Produced by the model in this run (counts as output tokens), as opposed to context sent to it. */
  generated?: boolean;
  media?: readonly DemoMediaName[];
  calls?: ReadonlyArray<{ template_name: string; file_path: string | null }>;
}

export interface RunPlan {
  group_id: string;
  model_id: string;
  agent_id: string;
  profile_id: string;
  created_at: Date;
  messages: PlannedMessage[];
  /** Where carried-over context starts in `messages`; 0 for a group's first run. */
  previous_context_start_index: number;
  /** Messages before this index are a stable prompt prefix the provider may serve from cache. */
  cacheable_prefix: number;
  status: RunStatus;
  /** Typical latency of this kind of call, before jitter. */
  base_duration_ms: number;
}

const tokensOf = (text: string | undefined) => (text ? Math.ceil(text.length / 4) : 0);

function tokenCounts(env: DemoEnv, plan: RunPlan) {
  let input = 48; // chat template and tool schema overhead
  let output = 0;
  let prefix = 0;
  plan.messages.forEach((m, i) => {
    const tokens = tokensOf(m.text) + (m.calls?.length ?? 0) * 18 + (m.media?.length ?? 0) * 85;
    if (m.generated) output += tokens;
    else input += tokens;
    if (i < plan.cacheable_prefix) prefix += tokens;
  });
  // Providers cache whole blocks of a repeated prefix; a cold cache (or a short prefix) caches nothing.
  const cached = plan.previous_context_start_index > 0 && env.rng.chance(0.75) ? Math.floor(prefix / 64) * 64 : 0;
  return { input_tokens: input, cached_input_tokens: Math.min(cached, input), output_tokens: plan.status === "succeeded" ? output : 0 };
}

function durationFor(env: DemoEnv, plan: RunPlan, error: string | null): number | null {
  if (plan.status === "running") return null;
  if (error?.includes("timeout")) return 30_000;
  if (error) return env.rng.int(150, 900);
  return Math.round(plan.base_duration_ms * (0.6 + env.rng.next() * 0.9));
}

/**
 * Why a successful demo run stopped: a tool call when its last message made one, else mostly a
 * natural stop, with a few cut by the token limit or the content filter. Read from the run's id, so
 * the demo's random sequence (and every other row) stays as it was.
 */
function succeededFinishReason(id: string, messages: readonly { calls?: readonly unknown[] }[]): FinishReason {
  if (messages.at(-1)?.calls?.length) return "tool_calls";
  const roll = parseInt(id.slice(-2), 16) % 100;
  return roll < 5 ? "length" : roll < 7 ? "content_filter" : "stop";
}

/** Adds the run and its rows to ctx.rows and returns the run. */
export function addRun(env: DemoEnv, plan: RunPlan): RunRow {
  const { rows } = env.ctx;
  const error = plan.status === "failed" ? env.rng.pick(runErrors) : plan.status === "cancelled" ? "Cancelled by the TA" : null;
  const price = priceInForce(env.prices.get(plan.model_id) ?? [], plan.created_at);
  if (!price) throw new Error(`No price in force for model ${plan.model_id} at ${plan.created_at.toISOString()}`);
  // A run that did not finish produced nothing: drop the messages it would have generated.
  const messages = plan.status === "succeeded" ? plan.messages : plan.messages.filter((m) => !m.generated);
  const id = env.rng.uuid();
  const run = buildRun(
    {
      id,
      finish_reason: plan.status === "succeeded" ? succeededFinishReason(id, messages) : undefined,
      group_id: plan.group_id,
      model_id: plan.model_id,
      agent_id: plan.agent_id,
      agent_version: agentVersionAt(env.ctx.rows.agentVersions, plan.agent_id, plan.created_at),
      profile_id: plan.profile_id,
      status: plan.status,
      error,
      ...tokenCounts(env, { ...plan, messages }),
      previous_context_start_index: plan.previous_context_start_index,
      created_at: plan.created_at,
      duration_ms: durationFor(env, plan, error),
    },
    price,
  );
  rows.runs.push(run);

  messages.forEach((planned, position) => {
    const created_at = new Date(run.created_at.getTime() + position);
    const message = { id: env.rng.uuid(), run_id: run.id, role: planned.role, position, created_at };
    rows.messages.push(message);
    const uploads: UploadRow[] = [];
    const owner = planned.role === "user" ? plan.profile_id : null;
    if (planned.text !== undefined) {
      const { sha256, byte_size } = env.texts.add(planned.text);
      uploads.push({
        id: env.rng.uuid(),
        kind: "text",
        mime_type: "text/plain",
        byte_size: BigInt(byte_size),
        sha256,
        original_name: `${planned.role}-message.txt`,
        storage_key: "",
        profile_id: owner,
        created_at,
      });
    }
    for (const name of planned.media ?? []) {
      const stored = env.media.get(name);
      if (!stored) throw new Error(`Demo media ${name} was not stored`);
      const type = mediaTypeOf(name);
      uploads.push({
        // An attached .txt is a file the TA shared, not the message's own text.
        id: env.rng.uuid(),
        kind: type.kind === "text" ? "file" : type.kind,
        mime_type: type.mime_type,
        byte_size: BigInt(stored.byte_size),
        sha256: stored.sha256,
        original_name: name,
        storage_key: stored.storage_key,
        profile_id: owner,
        created_at,
      });
    }
    uploads.forEach((upload, i) => {
      rows.uploads.push(upload);
      rows.messageUploads.push({ message_id: message.id, position: i, upload_id: upload.id });
    });
    for (const call of planned.calls ?? []) {
      rows.toolCalls.push({ id: env.rng.uuid(), message_id: message.id, template_name: call.template_name, file_path: call.file_path, created_at });
    }
  });
  return run;
}

/** Mostly succeeded; a few failures and cancellations, as a provider's real traffic has. */
export function pickStatus(rng: Random): RunStatus {
  const roll = rng.next();
  return roll < 0.035 ? "failed" : roll < 0.045 ? "cancelled" : "succeeded";
}
