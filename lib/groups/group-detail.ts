import "server-only";
// The detail tree of one group: a window of its messages across runs, the runs they belong to, and
// the models, agents, profiles and uploads those reference. The cost is bounded by the window: run
// message counts come from the (run_id, position) index, and only the window's messages are loaded.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UploadKind } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { planMessageWindow } from "./message-window";
import type { GetGroupResponse } from "./schemas";

type Detail = Required<Pick<GetGroupResponse, "total_message_count" | "message_limit" | "message_offset" | "runs" | "models" | "agents" | "profiles" | "uploads">>;
type MessageItem = Detail["runs"][number]["messages"][number];
type UploadResource = Detail["uploads"][number];

export function formatMoney(value: Prisma.Decimal | null | undefined): string {
  return value ? value.toFixed() : "0";
}

export async function groupDetail(
  group: { id: string; owner_profile_id: string },
  window: { message_limit: number; message_offset: number },
): Promise<Detail> {
  const counts = await prisma.run.findMany({
    where: { group_id: group.id },
    orderBy: [{ created_at: "asc" }, { id: "asc" }],
    select: { id: true, _count: { select: { messages: true } } },
  });
  const plan = planMessageWindow(
    counts.map((run) => ({ id: run.id, message_count: run._count.messages })),
    window.message_offset,
    window.message_limit,
  );

  const [runs, messages] = await Promise.all([
    plan.run_ids.length
      ? prisma.run.findMany({ where: { id: { in: plan.run_ids } }, orderBy: [{ created_at: "asc" }, { id: "asc" }] })
      : [],
    plan.message_run_ids.length
      ? prisma.message.findMany({
          where: { run_id: { in: plan.message_run_ids } },
          orderBy: [{ run: { created_at: "asc" } }, { run_id: "asc" }, { position: "asc" }],
          skip: plan.skip_in_first_run,
          take: window.message_limit,
          select: {
            id: true,
            run_id: true,
            role: true,
            position: true,
            created_at: true,
            uploads: {
              orderBy: { position: "asc" },
              select: { upload: { select: { id: true, kind: true, mime_type: true, byte_size: true, original_name: true } } },
            },
            calls: {
              orderBy: [{ created_at: "asc" }, { id: "asc" }],
              select: { id: true, template_name: true, file_path: true, created_at: true },
            },
          },
        })
      : [],
  ]);

  const uploads = new Map<string, UploadResource>();
  const messagesByRun = new Map<string, MessageItem[]>();
  for (const message of messages) {
    const ids: Record<UploadKind, string[]> = { text: [], audio: [], image: [], video: [], file: [] };
    for (const { upload } of message.uploads) {
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
      calls: message.calls.map((call) => ({ ...call, created_at: call.created_at.toISOString() })),
    };
    const list = messagesByRun.get(message.run_id) ?? [];
    list.push(item);
    messagesByRun.set(message.run_id, list);
  }

  const modelIds = [...new Set(runs.map((run) => run.model_id))];
  const agentIds = [...new Set(runs.map((run) => run.agent_id))];
  const profileIds = [...new Set([group.owner_profile_id, ...runs.map((run) => run.profile_id)])];
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
        cost: formatMoney(run.cost),
        model_id: run.model_id,
        agent_id: run.agent_id,
        profile_id: run.profile_id,
        finished_at: run.finished_at?.toISOString() ?? null,
        duration_ms: run.duration_ms,
        status: run.status,
        error: run.error,
      },
      messages: messagesByRun.get(run.id) ?? [],
      previous_context_start_index: run.previous_context_start_index,
    })),
    models: models.map((model) => ({ model_id: model.id, name: model.name, provider: model.provider })),
    agents: agents.map((agent) => ({ agent_id: agent.id, name: agent.name })),
    profiles: profiles.map((profile) => ({ profile_id: profile.id, name: profile.name })),
    uploads: [...uploads.values()],
  };
}
