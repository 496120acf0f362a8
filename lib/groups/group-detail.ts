import "server-only";
// The detail tree of one group: a window of its messages across runs, the runs they belong to, and
// the models, agents, profiles and uploads those reference. The cost is bounded by the window: run
// message counts come from the (run_id, position) index, and only the window's messages are read,
// with their uploads and calls, in one statement.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UploadKind } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { decimalString } from "@/lib/format/decimal";
import type { accountingCurrency } from "@/lib/money/currency";
import { planMessageWindow } from "./message-window";
import type { GetGroupResponse } from "./schemas";

type Detail = Required<
  Pick<GetGroupResponse, "total_message_count" | "message_limit" | "message_offset" | "runs" | "models" | "agents" | "profiles" | "uploads">
>;
type MessageItem = Detail["runs"][number]["messages"][number];
type UploadResource = Detail["uploads"][number];

interface RunRow {
  id: string;
  created_at: Date;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cost: Prisma.Decimal;
  /** runs_currency_accounting holds every run to it (lib/money/currency.ts). */
  currency: typeof accountingCurrency;
  model_id: string;
  agent_id: string;
  agent_version: number;
  profile_id: string;
  finished_at: Date | null;
  duration_ms: number | null;
  status: "running" | "succeeded" | "failed" | "cancelled";
  finish_reason: Detail["runs"][number]["run"]["finish_reason"];
  error: string | null;
  previous_context_start_index: number;
  message_count: number;
}

interface MessageRow {
  id: string;
  run_id: string;
  role: MessageItem["role"];
  position: number;
  created_at: Date;
  uploads: Array<{ id: string; kind: UploadKind; mime_type: string; byte_size: number; original_name: string }>;
  calls: Array<{ id: string; template_name: string; file_path: string | null; created_at: string }>;
}

/** Every run of the group in order, with its message count read from the (run_id, position) index. */
function groupRuns(groupId: string): Promise<RunRow[]> {
  return prisma.$queryRaw<RunRow[]>`
    SELECT r.id::text AS id, r.created_at, r.input_tokens, r.output_tokens, r.cached_input_tokens, r.cost, r.currency,
           r.model_id::text AS model_id, r.agent_id::text AS agent_id, r.agent_version, r.profile_id::text AS profile_id, r.finished_at,
           r.duration_ms, r.status::text AS status, r.finish_reason::text AS finish_reason, r.error, r.previous_context_start_index,
           (SELECT count(*) FROM messages m WHERE m.run_id = r.id)::int AS message_count
    FROM runs r WHERE r.group_id = ${groupId}::uuid
    ORDER BY r.created_at, r.id`;
}

/** The window's messages with their uploads and calls, in one statement: only these rows are read. */
function windowMessages(runIds: readonly string[], skip: number, take: number): Promise<MessageRow[]> {
  return prisma.$queryRaw<MessageRow[]>`
    WITH picked AS MATERIALIZED (
      SELECT m.id, m.run_id, m.role, m.position, m.created_at, w.ord
      FROM unnest(${[...runIds]}::uuid[]) WITH ORDINALITY AS w(run_id, ord)
      CROSS JOIN LATERAL (SELECT * FROM messages m WHERE m.run_id = w.run_id ORDER BY m.position) m
      ORDER BY w.ord, m.position
      OFFSET ${skip} LIMIT ${take}
    )
    SELECT p.id::text AS id, p.run_id::text AS run_id, p.role::text AS role, p.position, p.created_at,
           coalesce((SELECT json_agg(json_build_object('id', u.id, 'kind', u.kind, 'mime_type', u.mime_type, 'byte_size', u.byte_size,
                                                       'original_name', u.original_name) ORDER BY mu.position)
                     FROM message_uploads mu JOIN uploads u ON u.id = mu.upload_id WHERE mu.message_id = p.id), '[]') AS uploads,
           coalesce((SELECT json_agg(json_build_object('id', c.id, 'template_name', c.template_name, 'file_path', c.file_path,
                                                       'created_at', c.created_at) ORDER BY c.created_at, c.id)
                     FROM tool_calls c WHERE c.message_id = p.id), '[]') AS calls
    FROM picked p
    ORDER BY p.ord, p.position`;
}

/**
 * Where a run's carried-over context ends, as the spec words it (an index into the run's returned
 * messages, null when that message is not on this page) and as a position in the run, which stays
 * the same from page to page.
 */
function contextStart(position: number, messages: readonly MessageItem[]) {
  const index = messages.findIndex((message) => message.position === position);
  return { previous_context_start_index: index === -1 ? null : index, previous_context_start_position: position };
}

export async function groupDetail(
  group: { id: string; owner_profile_id: string },
  window: { message_limit: number; message_offset: number },
): Promise<Detail> {
  const allRuns = await groupRuns(group.id);
  const plan = planMessageWindow(allRuns, window.message_offset, window.message_limit);
  const onPage = new Set(plan.run_ids);
  const runs = allRuns.filter((run) => onPage.has(run.id));
  const messages = plan.message_run_ids.length ? await windowMessages(plan.message_run_ids, plan.skip_in_first_run, window.message_limit) : [];

  const uploads = new Map<string, UploadResource>();
  const messagesByRun = new Map<string, MessageItem[]>();
  for (const message of messages) {
    const ids: Record<UploadKind, string[]> = { text: [], audio: [], image: [], video: [], file: [] };
    for (const upload of message.uploads) {
      ids[upload.kind].push(upload.id);
      uploads.set(upload.id, {
        upload_id: upload.id,
        kind: upload.kind,
        mime_type: upload.mime_type,
        byte_size: Number(upload.byte_size),
        original_name: upload.original_name,
      });
    }
    const item: MessageItem = {
      id: message.id,
      role: message.role,
      position: message.position,
      created_at: message.created_at.toISOString(),
      text_upload_ids: ids.text,
      audio_upload_ids: ids.audio,
      image_upload_ids: ids.image,
      video_upload_ids: ids.video,
      file_upload_ids: ids.file,
      calls: message.calls.map((call) => ({ ...call, created_at: new Date(call.created_at).toISOString() })),
    };
    const list = messagesByRun.get(message.run_id) ?? [];
    list.push(item);
    messagesByRun.set(message.run_id, list);
  }

  // The resources describe the whole group, whatever page of its messages this is.
  const modelIds = [...new Set(allRuns.map((run) => run.model_id))];
  const agentIds = [...new Set(allRuns.map((run) => run.agent_id))];
  const profileIds = [...new Set([group.owner_profile_id, ...allRuns.map((run) => run.profile_id)])];
  const [models, agents, profiles] = await Promise.all([
    prisma.model.findMany({ where: { id: { in: modelIds } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    prisma.agent.findMany({ where: { id: { in: agentIds } }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    prisma.profile.findMany({ where: { id: { in: profileIds } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);

  return {
    total_message_count: plan.total_message_count,
    message_limit: window.message_limit,
    message_offset: window.message_offset,
    runs: runs.map((run) => ({
      run: {
        id: run.id,
        created_at: run.created_at.toISOString(),
        input_tokens: run.input_tokens,
        output_tokens: run.output_tokens,
        cached_input_tokens: run.cached_input_tokens,
        cost: decimalString(run.cost),
        currency: run.currency,
        model_id: run.model_id,
        agent_id: run.agent_id,
        agent_version: run.agent_version,
        profile_id: run.profile_id,
        finished_at: run.finished_at?.toISOString() ?? null,
        duration_ms: run.duration_ms,
        status: run.status,
        finish_reason: run.finish_reason,
        error: run.error,
      },
      messages: messagesByRun.get(run.id) ?? [],
      ...contextStart(run.previous_context_start_index, messagesByRun.get(run.id) ?? []),
    })),
    models: models.map((model) => ({ model_id: model.id, name: model.name, provider: model.provider })),
    agents: agents.map((agent) => ({ agent_id: agent.id, name: agent.name })),
    profiles: profiles.map((profile) => ({ profile_id: profile.id, name: profile.name })),
    uploads: [...uploads.values()],
  };
}
